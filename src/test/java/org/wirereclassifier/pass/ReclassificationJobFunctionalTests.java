package org.wirereclassifier.pass;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.wirereclassifier.AiidArchives;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.TestCsv;
import org.wirereclassifier.archive.Wire;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.TestArchives.bytes;
import static org.wirereclassifier.TestArchives.copy;
import static org.wirereclassifier.TestArchives.rejects;
import static org.wirereclassifier.TestArchives.summary;
import static org.wirereclassifier.TestArchives.wires;
import static org.wirereclassifier.TestArchives.write;

/**
 * Runs the reclassification job end to end, as Spring Batch's samples test their jobs: status, counts, and the
 * files it writes.
 */
@SpringBatchTest
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:functional;DB_CLOSE_DELAY=-1",
		"wire-reclassifier.sync=false", "wire-reclassifier.chunk-size=7" })
class ReclassificationJobFunctionalTests {

	@Autowired
	private JobOperatorTestUtils jobOperatorTestUtils;

	@TempDir
	private Path dir;

	/** Runs the launch-archive pass; returns how it ended (not the execution: the step-scope listener would take it). */
	private BatchStatus run(Path output, Path... inputs) throws Exception {
		RunPlan plan = RunPlan.prepare(TestArchives.launchArchiveJob(), Arrays.asList(inputs), output);
		return this.jobOperatorTestUtils.startJob(plan.toJobParameters()).getStatus();
	}

	private static void assertCounts(Path output, long read, long amended, long unchanged, long rejected) {
		JsonNode summary = summary(output);
		assertThat(summary.get("read").asLong()).as("read").isEqualTo(read);
		assertThat(summary.get("amended").asLong()).as("amended").isEqualTo(amended);
		assertThat(summary.get("unchanged").asLong()).as("unchanged").isEqualTo(unchanged);
		assertThat(summary.get("rejected").asLong()).as("rejected").isEqualTo(rejected);
		assertThat(amended + unchanged + rejected).isEqualTo(read);
	}

	@Nested
	@DisplayName("each archive format: the spec's example wires")
	class EachFormat {

		@ParameterizedTest
		@ValueSource(strings = { "wires.csv", "wires.json", "wires.jsonl" })
		void appliesTheBulkRationaleExceptWhereAnEditorWroteIt(String example) throws Exception {
			Path input = copy("examples/" + example, dir.resolve("in"));
			Path output = dir.resolve("out");

			assertThat(run(output, input)).isEqualTo(BatchStatus.COMPLETED);
			assertCounts(output, 3, 1, 2, 0);
			assertThat(summary(output).get("editor_kept").asLong()).isEqualTo(1);
			List<Wire> before = wires(input);
			List<Wire> after = wires(output.resolve(example));
			assertThat(after).hasSize(3);
			// already classified by the launch pass: left alone
			assertThat(after.get(0)).isEqualTo(before.get(0));
			// unclassified: gets the bulk rationale, its origin and the pass's taxonomy version
			assertThat(after.get(1).rationale()).isEqualTo(TestArchives.LAUNCH_RATIONALE);
			assertThat(after.get(1).rationaleOrigin()).isEqualTo("bulk");
			assertThat(after.get(1).counterfactual()).isEqualTo(TestArchives.COUNTERFACTUAL);
			assertThat(after.get(1).taxonomyVersion()).isEqualTo("2026.05");
			assertThat(after.get(1).withRationale("", "", "").withTaxonomyVersion(""))
				.isEqualTo(before.get(1).withRationale("", "", "").withTaxonomyVersion(""));
			// the editor's word stands
			assertThat(after.get(2)).isEqualTo(before.get(2));
			assertThat(rejects(output)).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "wires.csv", "wires.json", "wires.jsonl" })
		void amendedFileKeepsItsFormatAndEveryUntouchedByte(String example) throws Exception {
			Path input = copy("examples/" + example, dir.resolve("in"));
			Path output = dir.resolve("out");
			run(output, input);
			String in = new String(bytes(input), StandardCharsets.UTF_8);
			String out = new String(bytes(output.resolve(example)), StandardCharsets.UTF_8);

			// wires 1 and 3 are unchanged: their text appears in the output exactly as in the input
			String firstBody = wires(input).get(0).body();
			assertThat(out).startsWith(in.substring(0, in.indexOf("2025-12-11-openai-employer-backed")));
			assertThat(out).endsWith(in.substring(in.indexOf("2025-12-12-openai-certification-accreditation")));
			assertThat(out).contains(firstBody.lines().findFirst().orElseThrow());
		}

		@ParameterizedTest
		@ValueSource(strings = { "wires.csv", "wires.json", "wires.jsonl" })
		void aSecondPassChangesNothingAndWritesTheFileBackByteForByte(String example) throws Exception {
			Path input = copy("examples/" + example, dir.resolve("in"));
			run(dir.resolve("first"), input);
			Path firstOutput = write(dir.resolve("again").resolve(example), bytes(dir.resolve("first").resolve(example)));

			run(dir.resolve("second"), firstOutput);

			assertCounts(dir.resolve("second"), 3, 0, 3, 0);
			assertThat(bytes(dir.resolve("second").resolve(example))).isEqualTo(bytes(firstOutput));
		}

	}

	@Nested
	@DisplayName("lossless on the real AIID exports")
	class Lossless {

		@Test
		void gmfClassificationsWithMultiLineCellsAndCrlfEndingsSurviveExactly() throws Exception {
			Path input = AiidArchives.gmf(dir.resolve("in"));
			Path output = dir.resolve("out");

			assertThat(run(output, input)).isEqualTo(BatchStatus.COMPLETED);

			List<List<String>> in = TestCsv.parse(new String(bytes(input), StandardCharsets.UTF_8));
			List<List<String>> out = TestCsv.parse(new String(bytes(output.resolve("gmf-wires.csv")),
					StandardCharsets.UTF_8));
			assertCounts(output, in.size() - 1, in.size() - 1, 0, 0);
			assertAiidColumnsIdentical(in, out);
			long multiLineCells = in.stream().flatMap(List::stream).filter(cell -> cell.contains("\n")).count();
			assertThat(multiLineCells).isGreaterThan(1200);
			assertThat(out.stream().flatMap(List::stream).filter(cell -> cell.contains("\n")).count())
				.isEqualTo(multiLineCells);
			// every record still ends in CRLF, while the LF breaks inside the cells stay LF
			assertThat(count(bytes(output.resolve("gmf-wires.csv")), "\r\n")).isEqualTo(count(bytes(input), "\r\n"))
				.isEqualTo(in.size());
		}

		@Test
		void incidentsWithJsonInsideCellsSurviveExactly() throws Exception {
			Path input = AiidArchives.incidents(dir.resolve("in"));
			Path output = dir.resolve("out");

			run(output, input);

			List<List<String>> in = TestCsv.parse(new String(bytes(input), StandardCharsets.UTF_8));
			List<List<String>> out = TestCsv.parse(new String(bytes(output.resolve("incident-wires.csv")),
					StandardCharsets.UTF_8));
			assertCounts(output, in.size() - 1, in.size() - 1, 0, 0);
			assertAiidColumnsIdentical(in, out);
		}

		@Test
		void longReportTextsInJsonLinesSurviveExactly() throws Exception {
			Path input = AiidArchives.reports(dir.resolve("in"));
			Path output = dir.resolve("out");

			run(output, input);

			List<JsonNode> in = TestArchives.jsonLines(input);
			List<JsonNode> out = TestArchives.jsonLines(output.resolve("report-wires.jsonl"));
			assertCounts(output, in.size(), in.size(), 0, 0);
			for (int i = 0; i < in.size(); i++) {
				for (String aiid : List.of("report_number", "title", "text", "plain_text")) {
					assertThat(out.get(i).get(aiid)).as(aiid + " of line " + (i + 1)).isEqualTo(in.get(i).get(aiid));
				}
			}
		}

		@Test
		void aSecondPassOverTheAmendedAiidArchiveIsByteIdentical() throws Exception {
			run(dir.resolve("first"), AiidArchives.gmf(dir.resolve("in")), AiidArchives.incidents(dir.resolve("in")),
					AiidArchives.reports(dir.resolve("in")));
			Path again = dir.resolve("again");
			for (String name : List.of("gmf-wires.csv", "incident-wires.csv", "report-wires.jsonl")) {
				write(again.resolve(name), bytes(dir.resolve("first").resolve(name)));
			}

			run(dir.resolve("second"), again);

			JsonNode summary = summary(dir.resolve("second"));
			assertThat(summary.get("amended").asLong()).isZero();
			for (String name : List.of("gmf-wires.csv", "incident-wires.csv", "report-wires.jsonl")) {
				assertThat(bytes(dir.resolve("second").resolve(name))).as(name).isEqualTo(bytes(again.resolve(name)));
			}
		}

		private static int count(byte[] bytes, String what) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int count = 0;
			for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
				count++;
			}
			return count;
		}

		private void assertAiidColumnsIdentical(List<List<String>> in, List<List<String>> out) {
			assertThat(out).hasSize(in.size());
			int aiidColumns = in.get(0).size() - AiidArchives.ADDED_COLUMNS;
			for (int row = 0; row < in.size(); row++) {
				List<String> expected = in.get(row).subList(AiidArchives.ADDED_COLUMNS, in.get(row).size());
				// the pass appends the columns it writes after AIID's own
				List<String> actual = out.get(row).subList(AiidArchives.ADDED_COLUMNS,
						AiidArchives.ADDED_COLUMNS + aiidColumns);
				assertThat(actual).as("row " + row).isEqualTo(expected);
			}
		}

	}

	@Nested
	@DisplayName("bad records: rejected with file, record, line and reason; the rest goes on")
	class BadRecords {

		private static final String HEADER = "wire_id,published,headline,severity,providers,source_count,"
				+ "source_tier,body,codes,rationale,rationale_origin,counterfactual,taxonomy_version\n";

		@Test
		void eachKindOfBadCsvRecordIsRejectedAndEveryRecordIsAccountedFor() throws Exception {
			byte[] badUtf8 = "w-utf8,2025-01-09,Bad \u00ff byte,,,,,,,,,,\n".getBytes(StandardCharsets.UTF_8);
			badUtf8[20] = (byte) 0xC3; // "Bad " then 0xC3 0x28 ... : not UTF-8
			badUtf8[21] = (byte) 0x28;
			String before = HEADER + "w-ok-1,2025-01-01,Fine,SEV-3,OpenAI,2,standard,body,,,,,\n" // line 2
					+ "w-count,2025-01-02,Too few fields,SEV-3\n" // line 3
					+ ",2025-01-03,No id,,,,,,,,,,\n" // 4
					+ "w-nodate,,No date,,,,,,,,,,\n" // 5
					+ "w-nohead,2025-01-04,,,,,,,,,,,\n" // 6
					+ "w-baddate,2025-02-30,Bad date,,,,,,,,,,\n" // 7
					+ "w-badcount,2025-01-05,Bad count,,,two,,,,,,,\n" // 8
					+ "w-ok-1,2025-01-06,Duplicate,,,,,,,,,,\n"; // 9
			String after = "w-ok-2,2025-01-07,\"Multi\nline headline\",,,,,,,,,,\n" // 11-12
					+ "w-open,2025-01-08,\"Unterminated quote,,,,,,,,,,\n" // 13
					+ "w-ok-3,2025-01-10,Still read,,,,,,,,,,\n"; // 14
			byte[] file = concat(before.getBytes(StandardCharsets.UTF_8), badUtf8, after.getBytes(StandardCharsets.UTF_8));
			Path input = write(dir.resolve("in/bad.csv"), file);
			Path output = dir.resolve("out");

			assertThat(run(output, input)).isEqualTo(BatchStatus.COMPLETED);

			assertCounts(output, 12, 3, 0, 9);
			// the good wires are amended; the duplicate is carried through unchanged, as every rejected record is
			assertThat(wires(output.resolve("bad.csv"))).extracting(w -> w.wireId() + " " + w.rationaleOrigin())
				.containsExactly("w-ok-1 bulk", "w-ok-1 ", "w-ok-2 bulk", "w-ok-3 bulk");
			List<JsonNode> rejects = rejects(output);
			assertThat(rejects).extracting(r -> r.get("file").asString()).containsOnly("bad.csv");
			assertThat(rejects).extracting(r -> r.get("record").asInt() + "@" + r.get("line").asInt() + " "
					+ r.get("reason").asString())
				.containsExactly("2@3 has 4 fields, the header row has 13", "3@4 missing wire_id",
						"4@5 missing published", "5@6 missing headline",
						"6@7 published: \"2025-02-30\" is not a date (YYYY-MM-DD)",
						"7@8 source_count: \"two\" is not a whole number >= 0",
						"8@9 duplicate wire_id \"w-ok-1\", first seen in bad.csv record 1",
						"9@10 invalid UTF-8 at byte 21 of the record",
						"11@13 unterminated quoted field 3 (starts on line 13); its first line is rejected and "
								+ "reading resumes on line 14");
			// nothing lost: the amended file still holds every rejected record's bytes, unchanged
			String amended = new String(bytes(output.resolve("bad.csv")), StandardCharsets.UTF_8);
			assertThat(amended).contains("w-count,2025-01-02,Too few fields,SEV-3\n",
					"w-open,2025-01-08,\"Unterminated quote,,,,,,,,,,\n");
			assertThat(rejects.get(0).get("raw").asString()).isEqualTo("w-count,2025-01-02,Too few fields,SEV-3");
		}

		private static byte[] concat(byte[]... parts) {
			int length = 0;
			for (byte[] part : parts) {
				length += part.length;
			}
			byte[] all = new byte[length];
			int at = 0;
			for (byte[] part : parts) {
				System.arraycopy(part, 0, all, at, part.length);
				at += part.length;
			}
			return all;
		}

	}

	@Nested
	@DisplayName("a wire that fails in processing")
	class ProcessingFailures {

		@Test
		void isRejectedWithTheReasonAndTheRestOfItsChunkGoesOn() throws Exception {
			// regular expressions no longer fail a wire (linear-time matching): rules that never settle on it do
			Path job = TestArchives.jobFile(dir.resolve("jobs"), "flip-flop", new String[] { """
					- id: off
					  description: M1 becomes M2.
					  when:
					    has_code: [M1]
					  then:
					    remove_codes: [M1]
					    add_codes: [M2]
					- id: on
					  description: A flip wire with neither becomes M1.
					  when:
					    all:
					      - keywords: [flip]
					      - lacks_code: [M1, M2]
					  then:
					    add_codes: [M1]
					- id: clear
					  description: M2 goes.
					  when:
					    has_code: [M2]
					  then:
					    remove_codes: [M2]
					- id: mark
					  description: Marked wires get M7.
					  when:
					    regex: "a.*a.*a.*a.*a.*a.*c"
					    in: [body]
					  then:
					    add_codes: [M7]
					""" });
			Path input = write(dir.resolve("in/w.csv"), "wire_id,published,headline,body\n"
					+ "w1,2025-01-01,One," + "a".repeat(500) + "\n" + "w2,2025-01-02,Two,flip\n"
					+ "w3,2025-01-03,Three,aaaaaac\n");
			Path output = dir.resolve("out");
			RunPlan plan = RunPlan.prepare(job, List.of(input), output);

			assertThat(jobOperatorTestUtils.startJob(plan.toJobParameters()).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);

			assertCounts(output, 3, 2, 0, 1);
			JsonNode reject = rejects(output).get(0);
			assertThat(reject.get("wire_id").asString()).isEqualTo("w2");
			assertThat(reject.get("reason").asString()).startsWith("classification failed: ")
				.contains("the rules do not settle on this wire: after 10 rounds");
			assertThat(wires(output.resolve("w.csv"))).extracting(w -> w.wireId() + " " + w.codes())
				.containsExactly("w1 []", "w2 []", "w3 [M7]");
		}

	}

	@Nested
	@DisplayName("dry run: the whole pass, nothing applied")
	class DryRun {

		@Test
		void writesNoArchiveFilesAndALaterRealRunMakesExactlyTheChangesItListed() throws Exception {
			Path[] inputs = { Path.of("input/wires.csv").toAbsolutePath(), copy("examples/wires.json", dir.resolve("in")),
					write(dir.resolve("in/bad.jsonl"), "{\"wire_id\": \"x\", \"published\": \"soon\", \"headline\": \"H\"}\n") };
			Path output = dir.resolve("out");

			RunPlan dryRun = RunPlan.prepare(TestArchives.launchArchiveJob(), List.of(inputs), output, true);
			assertThat(jobOperatorTestUtils.startJob(dryRun.toJobParameters()).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);

			Path preview = output.resolve("dry-run");
			try (var files = java.nio.file.Files.list(output)) {
				assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".state", "dry-run");
			}
			assertThat(summary(preview).get("dry_run").asBoolean()).isTrue();
			assertThat(summary(preview).get("amended").asLong()).isEqualTo(41);

			assertThat(run(output, inputs)).isEqualTo(BatchStatus.COMPLETED);

			assertThat(summary(output).get("dry_run").asBoolean()).isFalse();
			assertThat(output.resolve("wires.csv")).exists();
			assertThat(RunOutputs.auditWithoutRunIdentity(output.resolve("audit.jsonl")))
				.containsExactlyElementsOf(RunOutputs.auditWithoutRunIdentity(preview.resolve("audit.jsonl")));
			assertThat(bytes(output.resolve("rejects.jsonl"))).isEqualTo(bytes(preview.resolve("rejects.jsonl")));
			for (String count : List.of("read", "amended", "unchanged", "rejected", "editor_kept", "audit_entries")) {
				assertThat(summary(output).get(count)).as(count).isEqualTo(summary(preview).get(count));
			}
		}

	}

	@Nested
	@DisplayName("bad JSON records")
	class BadJsonRecords {

		@Test
		void aBrokenElementOfAnArrayIsRejectedAndTheOthersAreRead() throws Exception {
			Path input = write(dir.resolve("in/bad.json"), """
					[
					  {"wire_id": "j-1", "published": "2025-01-01", "headline": "Fine"},
					  {"wire_id": "j-2", "published": "2025-01-02", "headline": "Count", "source_count": "2"},
					  {"wire_id": "j-3", "published": "2025-01-03", "headline": "Twice", "headline": "again"},
					  ["not", "an", "object"],
					  {"wire_id": "j-4", "published": "2025-01-04", "headline": "Providers", "providers": "OpenAI"},
					  {"wire_id": "j-5", "published": "2025-01-05", "headline": "Fine too"}
					]
					""");
			Path output = dir.resolve("out");

			run(output, input);

			assertCounts(output, 6, 2, 0, 4);
			assertThat(rejects(output)).extracting(r -> r.get("line").asInt() + " " + r.get("wire_id").asString("")
					+ " " + r.get("reason").asString())
				.containsExactly("3 j-2 source_count: \"2\" is a string, not a JSON number",
						"4 j-3 property \"headline\" appears twice", "5  not a JSON object",
						"6 j-4 providers must be an array of strings");
		}

		@Test
		void aBadLineOfJsonLinesIsRejectedAndTheNextLinesAreRead() throws Exception {
			Path input = write(dir.resolve("in/bad.jsonl"), """
					{"wire_id": "l-1", "published": "2025-01-01", "headline": "Fine"}
					{"wire_id": "l-2", "published": "2025-01-02", "headline": "Cut off
					{"wire_id": "l-3", "published": "not a date", "headline": "Bad date"}

					{"wire_id": "l-4", "published": "2025-01-04", "headline": "After a blank line"}
					""");
			Path output = dir.resolve("out");

			run(output, input);

			assertCounts(output, 4, 2, 0, 2);
			List<JsonNode> rejects = rejects(output);
			assertThat(rejects).extracting(r -> r.get("record").asInt() + "@" + r.get("line").asInt())
				.containsExactly("2@2", "3@3");
			assertThat(rejects.get(0).get("reason").asString()).startsWith("invalid JSON: ");
			assertThat(rejects.get(1).get("reason").asString())
				.isEqualTo("published: \"not a date\" is not a date (YYYY-MM-DD)");
			assertThat(wires(output.resolve("bad.jsonl"))).extracting(Wire::wireId).containsExactly("l-1", "l-4");
		}

	}

	@Nested
	@DisplayName("several files as one archive")
	class AcrossFiles {

		@Test
		void aWireIdAlreadySeenInAnotherFileIsRejectedNamingBothPlaces() throws Exception {
			Path csv = copy("examples/wires.csv", dir.resolve("in"), "a.csv");
			Path jsonl = write(dir.resolve("in/b.jsonl"), "{\"wire_id\": \"2025-12-09-openai-certification-courses\","
					+ " \"published\": \"2025-12-09\", \"headline\": \"Same id\"}\n");
			Path output = dir.resolve("out");

			run(output, jsonl, csv);

			JsonNode reject = rejects(output).get(0);
			assertThat(reject.get("file").asString()).isEqualTo("b.jsonl");
			assertThat(reject.get("record").asInt()).isEqualTo(1);
			assertThat(reject.get("reason").asString()).isEqualTo(
					"duplicate wire_id \"2025-12-09-openai-certification-courses\", first seen in a.csv record 1");
		}

		@Test
		void theOrderInputsAreGivenInDoesNotChangeAnyOutput() throws Exception {
			Path csv = copy("examples/wires.csv", dir.resolve("in"), "a.csv");
			Path json = copy("examples/wires.json", dir.resolve("in"), "b.json");

			run(dir.resolve("one"), csv, json);
			run(dir.resolve("two"), json, csv);

			for (String name : List.of("a.csv", "b.json", "rejects.jsonl", "summary.json")) {
				assertThat(TestArchives.sameInEveryRun(dir.resolve("two").resolve(name))).as(name)
					.isEqualTo(TestArchives.sameInEveryRun(dir.resolve("one").resolve(name)));
			}
			assertThat(rejects(dir.resolve("one"))).hasSize(3); // b.json repeats a.csv's three wires
		}

		@Test
		void columnsAndPropertiesTheSpecDoesNotNameAreCarriedThroughInOrder() throws Exception {
			Path csv = write(dir.resolve("in/extra.csv"), "region,wire_id,notes,published,headline,x-score\n"
					+ "EU,e-1,\"a, b\",2025-01-01,Headline,=1+1\n");
			Path json = write(dir.resolve("in/extra.jsonl"), "{\"first\": {\"nested\": [1, 2.50, 1e5]}, "
					+ "\"wire_id\": \"e-2\", \"published\": \"2025-01-02\", \"headline\": \"H\", \"flag\": true}\n");
			Path output = dir.resolve("out");

			run(output, csv, json);

			assertThat(new String(bytes(output.resolve("extra.csv")), StandardCharsets.UTF_8)).isEqualTo(
					"region,wire_id,notes,published,headline,x-score,severity,codes,rationale,rationale_origin,"
							+ "counterfactual,taxonomy_version\n" + "EU,e-1,\"a, b\",2025-01-01,Headline,=1+1,,,"
							+ TestArchives.LAUNCH_RATIONALE.replace(",", ",").transform(r -> "\"" + r + "\"")
							+ ",bulk,\"" + TestArchives.COUNTERFACTUAL.replace("\"", "\"\"") + "\",2026.05\n");
			assertThat(new String(bytes(output.resolve("extra.jsonl")), StandardCharsets.UTF_8))
				.startsWith("{\"first\": {\"nested\": [1, 2.50, 1e5]}, \"wire_id\": \"e-2\", "
						+ "\"published\": \"2025-01-02\", \"headline\": \"H\", \"flag\": true, \"rationale\": ")
				.endsWith(", \"taxonomy_version\": \"2026.05\"}\n");
		}

	}

	@Nested
	@DisplayName("deterministic and idempotent with the starter rules")
	class Deterministic {

		@Test
		void shuffledWiresAndFilesGiveEachWireTheSameResult() throws Exception {
			Path sample = Path.of("input/wires.csv").toAbsolutePath();
			List<List<String>> rows = TestCsv.parse(new String(bytes(sample), StandardCharsets.UTF_8));
			List<List<String>> shuffled = new java.util.ArrayList<>(rows.subList(1, rows.size()));
			java.util.Collections.shuffle(shuffled, new java.util.Random(20260510));
			shuffled.add(0, rows.get(0));
			Path input = write(dir.resolve("shuffled/wires.csv"), TestCsv.write(shuffled, "\n"));

			run(dir.resolve("one"), sample, Path.of("input/wires.json").toAbsolutePath());
			run(dir.resolve("two"), Path.of("input/wires.json").toAbsolutePath(), input);

			java.util.Map<String, List<String>> one = byWireId(dir.resolve("one/wires.csv"));
			java.util.Map<String, List<String>> two = byWireId(dir.resolve("two/wires.csv"));
			assertThat(two).isEqualTo(one);
			assertThat(one).hasSize(rows.size() - 1);
			assertThat(bytes(dir.resolve("two/wires.json"))).isEqualTo(bytes(dir.resolve("one/wires.json")));
			JsonNode first = summary(dir.resolve("one"));
			JsonNode second = summary(dir.resolve("two"));
			for (String count : List.of("read", "amended", "unchanged", "rejected", "editor_kept")) {
				assertThat(second.get(count)).as(count).isEqualTo(first.get(count));
			}
		}

		@Test
		void theSeedExamplesAreClassifiedAsTheArchiveShowsThem() throws Exception {
			Path input = copy("examples/wires.csv", dir.resolve("in"));

			run(dir.resolve("out"), input);

			List<Wire> wires = wires(dir.resolve("out/wires.csv"));
			// the spec's first wire is the archive's own result of this pass: SEV-3, codes M1, F10, bulk rationale
			assertThat(wires.get(0).codes()).containsExactly("M1", "F10");
			assertThat(wires.get(0).severity()).isEqualTo("SEV-3");
			assertThat(wires.get(0)).isEqualTo(wires(input).get(0));
			// the editor's wire keeps its rationale and its codes (F10: models drifting between versions)
			assertThat(wires.get(2).rationale()).startsWith("Editor note:");
			assertThat(wires.get(2).codes()).containsExactly("F10");
		}

		@Test
		void codesTheTaxonomyDoesNotKnowAreKeptAndReported() throws Exception {
			Path input = write(dir.resolve("in/codes.csv"), "wire_id,published,headline,codes\n"
					+ "c1,2025-01-01,Old codes,X9;M3\n" + "c2,2025-01-02,More old codes,X9;Q1\n");

			run(dir.resolve("out"), input);

			JsonNode summary = summary(dir.resolve("out"));
			assertThat(summary.get("unknown_codes").toString()).isEqualTo("{\"Q1\":1,\"X9\":2}");
			assertThat(wires(dir.resolve("out/codes.csv"))).extracting(Wire::codes)
				.containsExactly(List.of("M3", "X9"), List.of("X9", "Q1"));
		}

		private java.util.Map<String, List<String>> byWireId(Path csv) {
			List<List<String>> rows = TestCsv.parse(new String(bytes(csv), StandardCharsets.UTF_8));
			java.util.Map<String, List<String>> byId = new java.util.TreeMap<>();
			rows.subList(1, rows.size()).forEach(row -> byId.put(row.get(0), row));
			return byId;
		}

	}

}
