package org.wirereclassifier.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.report.ReportFixtures.changed;
import static org.wirereclassifier.report.ReportFixtures.info;
import static org.wirereclassifier.report.ReportFixtures.kept;
import static org.wirereclassifier.report.ReportFixtures.rejectLine;
import static org.wirereclassifier.report.ReportFixtures.tally;

/**
 * The report as a browser shows it: a page with hostile headlines and rejects, opened from disk in headless
 * Chromium, its DOM dumped after its script ran. Needs {@code /usr/bin/chromium} ({@code .ci/install-chromium});
 * without it these tests fail, so that a missing browser is never mistaken for a passing page. Tagged
 * {@code browser}: {@code ./mvnw verify} leaves them out (a fresh machine needs only a JDK), {@code .ci/run}
 * installs Chromium and runs them.
 */
@Tag("browser")
class ReportInBrowserTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMG = "\"><img src=x onerror=alert(1)>";

	@TempDir
	static Path dir;

	static Path page;

	@BeforeAll
	static void writeHostileReport() throws IOException {
		Chromium.requireInstalled();
		String longText = "A long rationale. ".repeat(20);
		List<AuditEntry> entries = List.of(
				changed("w-script", SCRIPT, 1, "codes", "", "M4;F7", "m4-malicious-use", "f7-fraud"),
				changed("w-script", SCRIPT, 1, "rationale", "", longText + SCRIPT, "bulk-rationale"),
				changed("w-img", IMG, 2, "codes", "", "F1", "f1-physical-harm"),
				changed("w-img", IMG, 2, "severity", "", "SEV-1", "severity-deaths"),
				changed("w-drift", "Chatbot drifted after a model update", 3, "codes", "M1;F3", "M1;F10",
						"f10-behaviour-drift", "drop-f3"),
				kept("w-drift", "Chatbot drifted after a model update", 3, "Editor note " + IMG, longText));
		Path rejects = dir.resolve("rejects.jsonl");
		Files.writeString(rejects, rejectLine("bad.csv", 6, 7, IMG, "published: " + SCRIPT + " is not a date",
				"w-bad," + SCRIPT + "," + IMG) + "\n" + rejectLine("bad.csv", 9, 12, null, "unterminated quote", "\"x")
				+ "\n");
		page = ReportFixtures.writeReport(dir.resolve("report"), info(true), tally(3, 4, 2, 1), entries, rejects);
	}

	/** Each wire card of the dumped DOM, by wire id: whether the filter hid it. */
	static Map<String, Boolean> hiddenByWire(String dom) {
		Map<String, Boolean> hidden = new LinkedHashMap<>();
		Matcher article = Pattern.compile("<article class=\"wire\"[^>]*>").matcher(dom);
		while (article.find()) {
			Matcher wire = Pattern.compile("data-wire=\"([^\"]*)\"").matcher(article.group());
			assertThat(wire.find()).isTrue();
			hidden.put(wire.group(1), article.group().contains(" hidden=\"\""));
		}
		return hidden;
	}

	static String dump(String fragment, Path temp) {
		Chromium.Output output = Chromium.dumpDom(page, fragment, temp);
		assertThat(output.errors()).as("console messages and script errors").isEmpty();
		return output.stdout();
	}

	@Test
	void loadsWithoutConsoleMessagesRunsItsScriptAndShowsTheCounts(@TempDir Path temp) {
		String dom = dump(null, temp);

		assertThat(dom).contains("<html lang=\"en\" class=\"js\">", "3 wires listed.",
				"<span class=\"label\">Read</span><span class=\"value\">9</span>",
				"<span class=\"label\">Rejected</span><span class=\"value\">2</span>",
				"All 3 changed wires, in archive order",
				"Dry run: nothing was applied to the archive; this is what the pass would do.",
				"2 rejected records, also in rejects.jsonl.");
		assertThat(hiddenByWire(dom)).containsExactly(Map.entry("w-script", false), Map.entry("w-img", false),
				Map.entry("w-drift", false));
	}

	@Test
	void hostileTextIsTextNotMarkup(@TempDir Path temp) {
		String dom = dump(null, temp);

		assertThat(dom).contains("<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>",
				"<h3>\"&gt;&lt;img src=x onerror=alert(1)&gt;</h3>",
				"published: &lt;script&gt;alert(1)&lt;/script&gt; is not a date");
		assertThat(Pattern.compile("<script").matcher(dom).results().count()).as("script elements").isEqualTo(1);
		assertThat(dom).doesNotContain("<img").doesNotContainPattern("(?<!&lt;img src=x )onerror");
	}

	@Test
	void theFilterInTheAddressShowsOnlyMatchingWires(@TempDir Path temp) {
		String byRule = dump("#filter=f7-fraud", temp.resolve("rule"));
		assertThat(hiddenByWire(byRule)).containsExactly(Map.entry("w-script", false), Map.entry("w-img", true),
				Map.entry("w-drift", true));
		assertThat(byRule).contains("1 of 3 listed wires match \u201cf7-fraud\u201d.", "value=\"f7-fraud\"");

		// a code is matched whole: F1 is not F10
		assertThat(hiddenByWire(dump("#filter=F1", temp.resolve("code")))).containsExactly(
				Map.entry("w-script", true), Map.entry("w-img", false), Map.entry("w-drift", true));

		// a word of a rule id, or of a headline; every word must match
		assertThat(hiddenByWire(dump("#filter=drift", temp.resolve("word")))).containsExactly(
				Map.entry("w-script", true), Map.entry("w-img", true), Map.entry("w-drift", false));
		assertThat(hiddenByWire(dump("#filter=m4%20script", temp.resolve("words")))).containsExactly(
				Map.entry("w-script", false), Map.entry("w-img", true), Map.entry("w-drift", true));
	}

	@Test
	void aHostileFilterIsShownAsTextAndMatchesNothing(@TempDir Path temp) {
		String dom = dump("#filter=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E", temp);

		assertThat(dom).contains("0 of 3 listed wires match \u201c&lt;img src=x onerror=alert(2)&gt;\u201d.",
				"<p id=\"no-match\" class=\"empty\">No listed wire matches the filter.</p>");
		assertThat(dom).doesNotContain("<img", "alert(2)>");
		assertThat(hiddenByWire(dom)).containsValues(true).doesNotContainValue(false);
	}

}
