package org.wirereclassifier.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wirereclassifier.report.ReportFixtures.changed;
import static org.wirereclassifier.report.ReportFixtures.info;
import static org.wirereclassifier.report.ReportFixtures.kept;
import static org.wirereclassifier.report.ReportFixtures.read;
import static org.wirereclassifier.report.ReportFixtures.rejectLine;
import static org.wirereclassifier.report.ReportFixtures.tally;
import static org.wirereclassifier.report.ReportFixtures.writeReport;

class ChangeReportTests {

	private static final String BULK = "Launch-archive bulk classification (10 May 2026). Source signal originates from "
			+ "a real AI provider, regulator, or model-comparison probe; the harm or behavioural change described would "
			+ "not have occurred without the AI system being deployed in the role described.";

	/** Three wires: codes added, a severity set and the bulk rationale; codes added and removed; a kept rationale. */
	static List<AuditEntry> threeWires() {
		return List.of(
				changed("w-fraud", "Deepfake CEO voice used in fraud", 1, "severity", "", "SEV-2", "severity-deaths"),
				changed("w-fraud", "Deepfake CEO voice used in fraud", 1, "codes", "", "M4;F6;F7", "m4-malicious-use",
						"f6-synthetic-impersonation", "f7-fraud"),
				changed("w-fraud", "Deepfake CEO voice used in fraud", 1, "rationale", "", BULK, "bulk-rationale"),
				changed("w-drift", "Chatbot drifted after a model update", 2, "codes", "M1;F3", "M1;F10",
						"f10-behaviour-drift", "drop-f3"),
				changed("w-drift", "Chatbot drifted after a model update", 2, "taxonomy_version", "", "2026.05",
						"taxonomy-version"),
				kept("w-editor", "Editor's wire", 3, "Editor note: kept.", BULK),
				changed("w-editor", "Editor's wire", 3, "codes", "", "M4;F7", "m4-malicious-use", "f7-fraud"),
				changed("w-editor", "Editor's wire", 3, "severity", "SEV-3", "SEV-2", "severity-deaths"));
	}

	/** The rows of report.csv, read by a strict RFC 4180 reader. */
	static List<String[]> csvRows(Path csv) throws IOException {
		return Rfc4180.parse(Files.readString(csv, StandardCharsets.UTF_8));
	}

	static String html(Path dir, List<AuditEntry> entries) {
		return read(writeReport(dir, info(false), tally(3, 0, 0, 1), entries, null));
	}

	/** The {@code <tr>} of a table (by id) whose first cell is {@code name}, tags and all. */
	static String tableRow(String html, String tableId, String name) {
		int table = html.indexOf("<table id=\"" + tableId + "\"");
		assertThat(table).as("table " + tableId).isNotNegative();
		String rows = html.substring(table, html.indexOf("</table>", table));
		Matcher row = Pattern.compile("<tr><td><code>" + Pattern.quote(name) + "</code></td>.*?</tr>").matcher(rows);
		assertThat(row.find()).as("row " + name + " in " + tableId).isTrue();
		return row.group();
	}

	static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	@Nested
	class Csv {

		@Test
		void encodesEveryCellAsUtf8InQuotesWithQuotesDoubled(@TempDir Path dir) throws Exception {
			String tricky = "\"Quoted\" caf\u00e9, \u201ccurly\u201d \u2014 \uD83D\uDE00 lone \uD800 end\r\n\"";
			writeReport(dir, info(false), tally(1, 0, 0, 0),
					List.of(changed("w-1", tricky, 1, "rationale", "", tricky, "bulk-rationale")), null);

			byte[] bytes = java.nio.file.Files.readAllBytes(dir.resolve("report.csv"));
			String quoted = "\"" + tricky.replace("\uD800", "?").replace("\"", "\"\"") + "\"";
			String row = "\"1\",\"launch-archive\",\"w-1\",\"wires.csv\",\"1\",\"rationale\",\"\"," + quoted
					+ ",\"bulk-rationale\",\"\",\"2026.05\",\"changed\",\"\",\"" + ReportFixtures.AT + "\"," + quoted + "\n";
			assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith(row);
			assertThat(csvRows(dir.resolve("report.csv")).get(1)[7]).isEqualTo(tricky.replace("\uD800", "?"));
		}

		@Test
		void hasTheAuditColumnsAndTheHeadlineThenOneRowPerEntryAsFed(@TempDir Path dir) throws Exception {
			writeReport(dir, info(false), tally(3, 0, 0, 1), threeWires(), null);

			List<String[]> rows = csvRows(dir.resolve("report.csv"));
			assertThat(rows.get(0)).containsExactly("execution_id", "pass", "wire_id", "file", "record", "field",
					"before", "after", "rule_ids", "taxonomy_before", "taxonomy_after", "kind", "would_have_written", "at",
					"headline");
			assertThat(rows).hasSize(1 + threeWires().size());
			assertThat(rows.get(2)).containsExactly("1", "launch-archive", "w-fraud", "wires.csv", "1", "codes", "",
					"M4;F6;F7", "m4-malicious-use;f6-synthetic-impersonation;f7-fraud", "", "2026.05", "changed", "",
					ReportFixtures.AT, "Deepfake CEO voice used in fraud");
			assertThat(rows.get(6)).containsExactly("1", "launch-archive", "w-editor", "wires.csv", "3", "rationale",
					"Editor note: kept.", "Editor note: kept.", "", "", "2026.05", "editor-kept", BULK, ReportFixtures.AT,
					"Editor's wire");
			for (int i = 0; i < threeWires().size(); i++) {
				AuditEntry entry = threeWires().get(i);
				assertThat(rows.get(i + 1)[2]).isEqualTo(entry.wireId());
				assertThat(rows.get(i + 1)[5]).isEqualTo(entry.field());
				assertThat(rows.get(i + 1)[7]).isEqualTo(entry.after());
			}
		}

		@Test
		void isRfc4180EveryCellQuotedQuotesDoubledLfLineEndsNoByteOrderMark(@TempDir Path dir) throws Exception {
			writeReport(dir, info(false), tally(1, 0, 0, 0), List.of(changed("w-1", "He said \"no\", twice", 7,
					"rationale", "line one\r\nline two", "a, b", "bulk-rationale")), null);

			byte[] bytes = Files.readAllBytes(dir.resolve("report.csv"));
			String text = new String(bytes, StandardCharsets.UTF_8);
			assertThat(bytes[0]).isEqualTo((byte) '"');
			assertThat(text).startsWith("\"execution_id\",\"pass\",\"wire_id\",").endsWith("\"\n")
				.contains("\"1\",\"launch-archive\",\"w-1\",\"wires.csv\",\"7\",\"rationale\",\"line one\r\nline two\","
						+ "\"a, b\",\"bulk-rationale\",\"\",\"2026.05\",\"changed\",\"\",\"" + ReportFixtures.AT
						+ "\",\"He said \"\"no\"\", twice\"\n");
			assertThat(text.replace("line one\r\n", "")).doesNotContain("\r");
			assertThat(csvRows(dir.resolve("report.csv")).get(1)[6]).isEqualTo("line one\r\nline two");
		}

		@Test
		void readsBackWithOpencsvsRfc4180Reader(@TempDir Path dir) throws Exception {
			writeReport(dir, info(false), tally(3, 0, 0, 1), threeWires(), null);

			try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(dir.resolve("report.csv")))
				.withCSVParser(new RFC4180ParserBuilder().build())
				.build()) {
				assertThat(reader.readAll()).usingRecursiveFieldByFieldElementComparator()
					.containsExactlyElementsOf(csvRows(dir.resolve("report.csv")));
			}
		}

		@Test
		void keepsArchiveTextAsItIsNotHtmlEscaped(@TempDir Path dir) throws Exception {
			writeReport(dir, info(false), tally(1, 0, 0, 0),
					List.of(changed("w-1", "<script>alert(1)</script> & more", 1, "codes", "", "M1", "m1")), null);

			assertThat(csvRows(dir.resolve("report.csv")).get(1)[14]).isEqualTo("<script>alert(1)</script> & more");
		}

	}

	/**
	 * Formula neutralising, in report.csv only. That the archive's own files keep such values byte for byte (a
	 * {@code =1+1} cell written back as it was) is checked by the archive's writer tests, not here.
	 */
	@Nested
	class FormulaNeutralising {

		@ParameterizedTest
		@ValueSource(strings = { "=", "+", "-", "@", "\t", "\r" })
		void prefixesAnApostropheToACellStartingWith(String trigger, @TempDir Path dir) throws Exception {
			String value = trigger + "HYPERLINK(\"http://x\")";
			writeReport(dir, info(false), tally(1, 0, 0, 0), List.of(changed(trigger + "w-1", trigger + "headline", 1,
					"rationale", value, "plain", trigger + "rule")), null);

			String[] row = csvRows(dir.resolve("report.csv")).get(1);
			assertThat(row[2]).isEqualTo("'" + trigger + "w-1");
			assertThat(row[6]).isEqualTo("'" + value);
			assertThat(row[7]).isEqualTo("plain");
			assertThat(row[8]).isEqualTo("'" + trigger + "rule");
			assertThat(row[14]).isEqualTo("'" + trigger + "headline");
		}

		@Test
		void neutralisesMinusOneASumAndASpacedFormulaButNotTheseCharactersInsideACell(@TempDir Path dir) throws Exception {
			writeReport(dir, info(false), tally(1, 0, 0, 0), List.of(
					changed("w-1", "1-1 = 0 @ noon", 1, "rationale", "-1", "=SUM(A1)", "bulk-rationale"),
					changed("w-1", "1-1 = 0 @ noon", 1, "counterfactual", " =not first", "'quoted", "bulk-rationale")),
					null);

			List<String[]> rows = csvRows(dir.resolve("report.csv"));
			assertThat(rows.get(1)[6]).isEqualTo("'-1");
			assertThat(rows.get(1)[7]).isEqualTo("'=SUM(A1)");
			assertThat(rows.get(1)[14]).isEqualTo("1-1 = 0 @ noon");
			assertThat(rows.get(2)[6]).isEqualTo("' =not first"); // spreadsheets skip the space before a formula
			assertThat(rows.get(2)[7]).isEqualTo("'quoted");
		}

		@Test
		void leavesThePageShowingTheValueAsItIs(@TempDir Path dir) {
			String page = html(dir, List.of(changed("w-1", "h", 1, "rationale", "-1", "=SUM(A1)", "bulk-rationale")));

			assertThat(page).contains("<td class=\"before\">-1</td>", "<td class=\"after\">=SUM(A1)</td>");
		}

	}

	@Nested
	class Counts {

		@Test
		void accountingShowsTheTallyPerFileAndInAll(@TempDir Path dir) {
			ArchiveTally tally = tally(1_234_560, 7, 3, 12);
			ArchiveTally.FileCounts second = new ArchiveTally.FileCounts();
			second.file = "more.jsonl";
			second.format = "json_lines";
			second.read = 5;
			second.amended = 5;
			tally.files.add(second);
			tally.read += 5;
			tally.amended += 5;

			String page = read(writeReport(dir, info(false), tally, threeWires(), null));

			assertThat(page).contains(
					"data-count=\"read\"><span class=\"label\">Read</span><span class=\"value\">1,234,575</span>",
					"data-count=\"amended\"><span class=\"label\">Amended</span><span class=\"value\">1,234,565</span>",
					"data-count=\"unchanged\"><span class=\"label\">Unchanged</span><span class=\"value\">7</span>",
					"data-count=\"rejected\"><span class=\"label\">Rejected</span><span class=\"value\">3</span>",
					"data-count=\"kept\"><span class=\"label\">Editor-kept</span><span class=\"value\">12</span>",
					"1,234,575 read = 1,234,565 amended + 7 unchanged + 3 rejected.",
					"<tr><th scope=\"row\"><code>wires.csv</code></th><td>CSV</td><td class=\"num\">1,234,570</td>"
							+ "<td class=\"num\">1,234,560</td><td class=\"num\">7</td><td class=\"num\">3</td>"
							+ "<td class=\"num\">12</td></tr>",
					"<tr><th scope=\"row\"><code>more.jsonl</code></th><td>JSON Lines</td><td class=\"num\">5</td>",
					"<tfoot><tr><td>All files</td><td></td><td class=\"num\">1,234,575</td>");
		}

		@Test
		void theAuditLineCountsEntriesChangedFieldsWiresAndKeptRationales(@TempDir Path dir) {
			assertThat(html(dir, threeWires()))
				.contains("The audit has 8 entries: 7 changed fields on 3 wires, and 1 editor rationale kept.");
		}

		@Test
		void codesAddedAndRemovedPerCode(@TempDir Path dir) {
			String page = html(dir, threeWires());

			// added: in after but not before of a codes entry; M1 stays on w-drift, so it is neither
			assertThat(tableRow(page, "codes-table", "M4")).endsWith("<td class=\"num\">2</td><td class=\"num\">0</td></tr>");
			assertThat(tableRow(page, "codes-table", "F7")).endsWith("<td class=\"num\">2</td><td class=\"num\">0</td></tr>");
			assertThat(tableRow(page, "codes-table", "F6")).endsWith("<td class=\"num\">1</td><td class=\"num\">0</td></tr>");
			assertThat(tableRow(page, "codes-table", "F10")).endsWith("<td class=\"num\">1</td><td class=\"num\">0</td></tr>");
			assertThat(tableRow(page, "codes-table", "F3")).endsWith("<td class=\"num\">0</td><td class=\"num\">1</td></tr>");
			assertThat(page).doesNotContain("<tr><td><code>M1</code></td>");
			// sorted by count, then code
			assertThat(page.indexOf("<code>M4</code></td><td class=\"num\">2"))
				.isGreaterThan(page.indexOf("<code>F7</code></td><td class=\"num\">2"));
			assertThat(page.indexOf("<code>F10</code></td><td class=\"num\">1"))
				.isGreaterThan(page.indexOf("<code>M4</code></td><td class=\"num\">2"))
				.isLessThan(page.indexOf("<code>F3</code></td><td class=\"num\">0"));
			// the chart draws both series, and its text alternative says the numbers
			assertThat(page).contains("<title id=\"svg-codes-title\">Codes added and removed</title>",
					"F7: 2 added, 0 removed. M4: 2 added, 0 removed.", "F3: 0 added, 1 removed.",
					"<title>M4: 2 added, 0 removed wires</title>");
		}

		@Test
		void changedFieldsAndWiresPerRule(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(tableRow(page, "rules-table", "severity-deaths"))
				.endsWith("<td class=\"num\">2</td><td class=\"num\">2</td></tr>");
			assertThat(tableRow(page, "rules-table", "m4-malicious-use"))
				.endsWith("<td class=\"num\">2</td><td class=\"num\">2</td></tr>");
			assertThat(tableRow(page, "rules-table", "drop-f3"))
				.endsWith("<td class=\"num\">1</td><td class=\"num\">1</td></tr>");
			assertThat(tableRow(page, "rules-table", "bulk-rationale"))
				.endsWith("<td class=\"num\">1</td><td class=\"num\">1</td></tr>");
			assertThat(page).contains("<desc id=\"svg-rules-desc\">Changed fields per rule, most first. f7-fraud: 2. "
					+ "m4-malicious-use: 2. severity-deaths: 2. bulk-rationale: 1.");
		}

		@Test
		void severityShiftsAndFields(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(tableRow(page, "severity-table", "SEV-3 \u2192 SEV-2")).endsWith("<td class=\"num\">1</td></tr>");
			assertThat(tableRow(page, "severity-table", "unrated \u2192 SEV-2")).endsWith("<td class=\"num\">1</td></tr>");
			assertThat(tableRow(page, "fields-table", "codes")).endsWith("<td class=\"num\">3</td></tr>");
			assertThat(tableRow(page, "fields-table", "severity")).endsWith("<td class=\"num\">2</td></tr>");
			// the kept rationale is not a changed field
			assertThat(tableRow(page, "fields-table", "rationale")).endsWith("<td class=\"num\">1</td></tr>");
		}

		@Test
		void unknownAndRetiredCodesOnlyWhenThereAreAny(@TempDir Path dir) {
			ArchiveTally tally = tally(3, 0, 0, 1);
			tally.unknownCodes.put("X9", 4L);
			tally.retiredCodes.put("F0", 2L);

			String page = read(writeReport(dir.resolve("some"), info(false), tally, threeWires(), null));
			String none = html(dir.resolve("none"), threeWires());

			assertThat(page).contains("<div class=\"panel\" id=\"unknown-codes\"><h3>Unknown codes</h3>",
					"<tr><td><code>X9</code></td><td class=\"num\">4</td></tr>",
					"<tr><td><code>F0</code></td><td class=\"num\">2</td></tr>");
			assertThat(none).doesNotContain("id=\"unknown-codes\"", "id=\"retired-codes\"");
		}

		@Test
		void aRunWithoutChangesSaysSo(@TempDir Path dir) {
			String page = read(writeReport(dir, info(false), tally(0, 5, 0, 0), List.of(), null));

			assertThat(page).contains("The pass changed no wire.", "No record was rejected.",
					"<span class=\"value\">5</span>", "None in this run.");
			assertThat(page).doesNotContain("<article", "id=\"filter\"");
		}

	}

	@Nested
	class WireDiffs {

		@Test
		void eachWireWithItsFieldsBeforeAfterAndRules(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(page).contains("<article class=\"wire\" id=\"wire-1\" data-wire=\"w-fraud\" "
					+ "data-headline=\"Deepfake CEO voice used in fraud\" data-codes=\"M4;F6;F7\" "
					+ "data-rules=\"severity-deaths;m4-malicious-use;f6-synthetic-impersonation;f7-fraud;bulk-rationale\">",
					"<h3>Deepfake CEO voice used in fraud</h3><p class=\"where\"><code>w-fraud</code> &middot; wires.csv, "
							+ "record 1</p>",
					"data-codes=\"M1;F3;F10\"",
					"<button type=\"button\" class=\"chip removed\" data-filter=\"F3\" title=\"removed; filter by this "
							+ "code\">\u2212 F3</button>",
					"<button type=\"button\" class=\"chip added\" data-filter=\"F10\" title=\"added; filter by this "
							+ "code\">+ F10</button>",
					"<button type=\"button\" class=\"chip\" data-filter=\"M1\" title=\"filter by this code\">M1</button>",
					"<td class=\"before\"><span class=\"none\">unrated</span></td><td class=\"after\">SEV-2</td>",
					"<button type=\"button\" class=\"chip rule\" data-filter=\"f7-fraud\" title=\"Filter by this rule\">"
							+ "f7-fraud</button>");
			assertThat(occurrences(page, "<article class=\"wire\"")).isEqualTo(3);
		}

		@Test
		void longTextsAreFoldedInDetails(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(page).contains("<details><summary>Launch-archive bulk classification (10 May 2026). Source signal "
					+ "originates from a real AI provider,\u2026</summary><div class=\"full\">" + BULK + "</div></details>");
		}

		@Test
		void aKeptEditorRationaleShowsWhatThePassWouldHaveWritten(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(page).contains("<tr class=\"kept\"><th scope=\"row\">rationale</th><td class=\"before\">"
					+ "Editor note: kept.</td><td class=\"after\"><span class=\"badge\">Editor&#39;s rationale kept</span>"
					+ "<details><summary>The pass would have written</summary><div class=\"full\">" + BULK);
		}

		@Test
		void theFilterHasEveryCodeAndRuleToChooseFrom(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(page).contains("<datalist id=\"filter-terms\"><option value=\"F10\"></option>"
					+ "<option value=\"F3\"></option><option value=\"F6\"></option><option value=\"F7\"></option>"
					+ "<option value=\"M4\"></option><option value=\"bulk-rationale\"></option>");
		}

	}

	@Nested
	class Bounds {

		private List<AuditEntry> wires(int count) {
			List<AuditEntry> entries = new ArrayList<>();
			for (int i = 1; i <= count; i++) {
				String id = "w-%04d".formatted(i);
				entries.add(changed(id, "Headline " + i, i, "codes", "", i % 2 == 0 ? "M4;F7" : "M4", "m4-malicious-use"));
				entries.add(changed(id, "Headline " + i, i, "taxonomy_version", "", "2026.05", "taxonomy-version"));
			}
			return entries;
		}

		@Test
		void showsTheFirst500WiresAndSaysHowManyThereAreWhileCountingThemAll(@TempDir Path dir) throws Exception {
			Path html = writeReport(dir, info(false), tally(1234, 0, 0, 0), wires(1234), null);
			String page = read(html);

			assertThat(page).contains("<p class=\"bound\" id=\"wires-bound\">Showing 500 of 1,234 changed wires; all "
					+ "changes are in <a href=\"report.csv\">report.csv</a>. These are the first 500 in archive order");
			assertThat(occurrences(page, "<article class=\"wire\"")).isEqualTo(500);
			assertThat(page).contains("data-wire=\"w-0001\"", "data-wire=\"w-0500\"").doesNotContain("data-wire=\"w-0501\"");
			assertThat(page).contains("500 wires listed.");
			assertThat(tableRow(page, "codes-table", "M4")).contains("<td class=\"num\">1,234</td>");
			assertThat(tableRow(page, "codes-table", "F7")).contains("<td class=\"num\">617</td>");
			assertThat(tableRow(page, "rules-table", "taxonomy-version")).contains("<td class=\"num\">1,234</td>");
			assertThat(csvRows(dir.resolve("report.csv"))).hasSize(1 + 2 * 1234);
		}

		@Test
		void saysAllWhenTheyAllFit(@TempDir Path dir) {
			assertThat(read(writeReport(dir, info(false), tally(500, 0, 0, 0), wires(500), null)))
				.contains("All 500 changed wires, in archive order; every change is also in <a href=\"report.csv\">");
		}

		@Test
		void countsAWireWithOnlyAKeptRationaleApart(@TempDir Path dir) {
			List<AuditEntry> entries = new ArrayList<>(wires(3));
			entries.add(kept("w-editor", "Editor's wire", 4, "Editor note.", BULK));

			assertThat(read(writeReport(dir, info(false), tally(3, 1, 0, 1), entries, null, 2)))
				.contains("Showing 2 of 4 wires (3 changed, 1 with only an editor rationale kept); all changes are in");
		}

		@Test
		void theSampleKeepsNoMoreWiresThanItsLimitHoweverManyCome() {
			WireSample sample = new WireSample(5);
			for (AuditEntry entry : wires(100_000)) {
				sample.accept(entry, entry.field().equals("codes"));
			}

			assertThat(sample.wires()).hasSize(5);
			assertThat(sample.wires().get(4).entries()).hasSize(2);
		}

		@Test
		void listsTheFirst200RejectsAndPointsToTheRest(@TempDir Path dir) throws Exception {
			Path rejects = dir.resolve("rejects.jsonl");
			List<String> lines = new ArrayList<>();
			for (int i = 1; i <= 250; i++) {
				lines.add(rejectLine("bad.csv", i, i + 1, "w-bad-" + i, "published: \"2025-02-30\" is not a date",
						"w-bad-" + i + ",2025-02-30,Bad date"));
			}
			Files.write(rejects, lines);

			String page = read(writeReport(dir, info(false), tally(0, 0, 250, 0), List.of(), rejects));

			assertThat(page).contains("Showing 200 of 250 rejected records; all are in rejects.jsonl.",
					"<tr class=\"reject\"><td><code>bad.csv</code></td><td class=\"num\">200</td><td class=\"num\">201"
							+ "</td><td><code>w-bad-200</code></td><td>published: &quot;2025-02-30&quot; is not a date"
							+ "<details><summary>Raw record</summary><pre class=\"raw\">w-bad-200,2025-02-30,Bad date</pre>");
			assertThat(occurrences(page, "<tr class=\"reject\">")).isEqualTo(200);
			assertThat(page).doesNotContain("w-bad-201");
		}

		@Test
		void aRejectWithoutWireIdOrAnUnreadableLineIsStillListed(@TempDir Path dir) throws Exception {
			Path rejects = dir.resolve("rejects.jsonl");
			Files.writeString(rejects, rejectLine("bad.json", 2, 3, null, "not JSON", "{oops") + "\n{broken\n");

			String page = read(writeReport(dir, info(false), tally(0, 0, 2, 0), List.of(), rejects));

			assertThat(page).contains("2 rejected records, also in rejects.jsonl.",
					"<td><code><span class=\"none\">none</span></code></td><td>not JSON",
					"this line of rejects.jsonl cannot be read<details><summary>Raw record</summary>"
							+ "<pre class=\"raw\">{broken</pre>");
		}

	}

	@Nested
	class Escaping {

		static final String SCRIPT = "<script>alert(1)</script>";

		static final String IMG = "\"><img src=x onerror=alert(1)>";

		@Test
		void escapesAllFiveCharacters() {
			assertThat(Html.escape("a & b < c > d \" e ' f")).isEqualTo("a &amp; b &lt; c &gt; d &quot; e &#39; f");
			assertThat(Html.escape(null)).isEmpty();
			assertThat(Html.escape("plain")).isEqualTo("plain");
		}

		@Test
		void hostileHeadlinesValuesRuleIdsWireIdsFileNamesAndRejectsShowAsText(@TempDir Path dir) throws Exception {
			Path rejects = dir.resolve("rejects.jsonl");
			Files.writeString(rejects, rejectLine("<b>bad</b>.csv", 1, 2, IMG, "reason " + SCRIPT,
					"</pre>" + SCRIPT + IMG) + "\n");
			List<AuditEntry> entries = List.of(
					changed("<i>f</i>.csv", "w-1" + IMG, SCRIPT, 1, "codes", "", "M1;" + SCRIPT, "rule" + IMG),
					changed("<i>f</i>.csv", "w-1" + IMG, SCRIPT, 1, "rationale", IMG, SCRIPT, "bulk-rationale"),
					changed("w-2", IMG, 2, "severity", "", "SEV-1", "severity-deaths"));
			ChangeReport.RunInfo info = new ChangeReport.RunInfo("p" + SCRIPT, "2026-05-10", IMG,
					"<job>.yaml", "\"><svg onload=alert(1)>", List.of(SCRIPT), false);

			String page = read(writeReport(dir, info, tally(2, 0, 1, 0), entries, rejects));

			String script = "&lt;script&gt;alert(1)&lt;/script&gt;";
			String img = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
			assertThat(page).contains("<h3>" + script + "</h3>", "<h3>" + img + "</h3>",
					"data-headline=\"" + script + "\"", "data-wire=\"w-1" + img + "\"",
					"<code>w-1" + img + "</code> &middot; &lt;i&gt;f&lt;/i&gt;.csv, record 1",
					"data-filter=\"rule" + img + "\"", ">rule" + img + "</button>",
					"data-filter=\"" + script + "\"", "+ " + script + "</button>",
					"<td class=\"before\">" + img + "</td><td class=\"after\">" + script + "</td>",
					"<option value=\"rule" + img + "\">",
					"<tr><td><code>rule" + img + "</code></td>", // the rules table
					"<td><code>&lt;b&gt;bad&lt;/b&gt;.csv</code></td>", "<td><code>" + img + "</code></td>",
					"<td>reason " + script + "<details>", "<pre class=\"raw\">&lt;/pre&gt;" + script + img + "</pre>",
					"<h1>Pass p" + script + "</h1>", "<title>Change report: p" + script,
					"<code title=\"&quot;&gt;&lt;svg onload=alert(1)&gt;\">&quot;&gt;&lt;svg onloa\u2026</code>",
					"<li><code>" + script + "</code></li>", "<code>&lt;job&gt;.yaml</code>");
			// the only markup of these kinds is the page's own
			assertThat(occurrences(page, "<script")).isEqualTo(1);
			assertThat(page).contains("<script>(function () {");
			assertThat(page).doesNotContain("<img", "<svg onload", "<i>f</i>", "<b>bad", "<job>");
			// onerror only ever inside escaped text, right after the escaped tag it came with
			assertThat(page).containsPattern("&lt;img src=x onerror").doesNotContainPattern("(?<!&lt;img src=x )onerror");
		}

		@Test
		void theChartsEscapeTheirLabels(@TempDir Path dir) {
			String page = html(dir, List.of(changed("w-1", "h", 1, "codes", "", "<b>X</b>", "<rule>")));

			assertThat(page).contains("<title>&lt;b&gt;X&lt;/b&gt;: 1 wires</title>", ">&lt;rule&gt;</text>",
					"&lt;b&gt;X&lt;/b&gt;: 1 added, 0 removed.");
			assertThat(page).doesNotContain("<b>X", "<rule>");
		}

	}

	@Nested
	class Page {

		@Test
		void aDryRunHasABanner(@TempDir Path dir) {
			String dry = read(writeReport(dir.resolve("dry"), info(true), tally(3, 0, 0, 1), threeWires(), null));
			String real = html(dir.resolve("real"), threeWires());

			String banner = "Dry run: nothing was applied to the archive; this is what the pass would do.";
			assertThat(dry).contains("<div class=\"banner\" role=\"note\"><p class=\"wrap\">" + banner + "</p></div>");
			assertThat(real).doesNotContain(banner);
		}

		@Test
		void theHeaderNamesThePassDateTaxonomyJobFileRulesHashAndInputs(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(page).contains("<h1>Pass launch-archive</h1>", "<dd>10 May 2026</dd>", "<dd>2026.05</dd>",
					"<code>launch-archive.yaml</code>",
					"<code title=\"" + ReportFixtures.SHA + "\">867fd1a26682\u2026</code>", "<li><code>input/</code></li>");
		}

		@Test
		void needsNothingButItself(@TempDir Path dir) throws Exception {
			String page = html(dir, threeWires());

			assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:",
					"<link", "src=", "@import", "url(");
			// the policy allows the page's own script (by its hash) and inline style, nothing else
			Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
			assertThat(script.find()).isTrue();
			String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
				.digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
			assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
					+ "style-src 'unsafe-inline'; script-src 'sha256-" + hash + "';");
		}

		@Test
		void showsNoClockTime(@TempDir Path dir) {
			String page = html(dir, threeWires());

			assertThat(page).doesNotContain(ReportFixtures.AT, "2026-11-22", "T00:");
		}

		@Test
		void isTheSameBytesForTheSameInputs(@TempDir Path dir) throws IOException {
			Path rejects = dir.resolve("rejects.jsonl");
			Files.writeString(rejects, rejectLine("bad.csv", 6, 7, "w-bad", "bad date", "raw") + "\n");
			ArchiveTally tally = tally(3, 0, 1, 1);
			tally.unknownCodes.put("Z1", 1L);
			tally.unknownCodes.put("A1", 1L);

			writeReport(dir.resolve("one"), info(true), tally, threeWires(), rejects);
			writeReport(dir.resolve("two"), info(true), tally, threeWires(), rejects);

			assertThat(Files.readAllBytes(dir.resolve("two/report.html")))
				.isEqualTo(Files.readAllBytes(dir.resolve("one/report.html")));
			assertThat(Files.readAllBytes(dir.resolve("two/report.csv")))
				.isEqualTo(Files.readAllBytes(dir.resolve("one/report.csv")));
		}

		@Test
		void parsesBackAsUtf8(@TempDir Path dir) throws Exception {
			String page = html(dir, List.of(changed("w-\u00e9", "S\u00e3o Paulo \u2014 \uD83D\uDE00", 1, "codes", "", "M1",
					"m1")));

			assertThat(page).contains("<h3>S\u00e3o Paulo \u2014 \uD83D\uDE00</h3>", "<meta charset=\"utf-8\">");
			assertThat(new StringReader(page)).isNotNull();
		}

	}

}
