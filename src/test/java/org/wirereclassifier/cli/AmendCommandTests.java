package org.wirereclassifier.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.TestCsv;
import org.wirereclassifier.archive.Wire;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.TestArchives.bytes;
import static org.wirereclassifier.TestArchives.copy;
import static org.wirereclassifier.TestArchives.write;

/** Editors' amendments: applied, audited with the editor's name, kept by later bulk passes; bad rows refused. */
class AmendCommandTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	/** The archive after the launch pass: what editors amend. */
	private Path classified;

	private int execute(String... args) {
		return this.commandLine.execute(args);
	}

	private String out() {
		return this.commandLine.printed();
	}

	@BeforeEach
	void classifiedArchive() {
		Path input = copy("examples/wires.csv", dir.resolve("in"));
		assertThat(execute("run", "--input", input.toString(), "--output", dir.resolve("first").toString())).isZero();
		this.classified = write(dir.resolve("classified/wires.csv"), bytes(dir.resolve("first/wires.csv")));
	}

	private static Wire wire(Path file, String id) {
		return TestArchives.wires(file).stream().filter(w -> w.wireId().equals(id)).findFirst().orElseThrow();
	}

	@Nested
	@DisplayName("applied")
	class Applied {

		@Test
		void amendedFieldsBecomeTheEditorsAreAuditedWithTheEditorsNameAndKeptByTheNextBulkPass() {
			Path fixes = write(dir.resolve("fixes.csv"), "wire_id,field,value,editor,note\n"
					+ "2025-12-11-openai-employer-backed-certification,rationale,\"Editor: no harm yet, kept for the "
					+ "pattern.\",alice,read all sources\n"
					+ "2025-12-11-openai-employer-backed-certification,codes,F10;M6,alice,\n"
					+ "2025-12-09-openai-certification-courses,severity,SEV-4,bob,\n");
			Path amended = dir.resolve("amended");

			int status = execute("amend", fixes.toString(), "--input", classified.toString(), "--output",
					amended.toString());

			assertThat(status).as(out()).isZero();
			assertThat(out()).contains("Amendments: 3 row(s) from fixes.csv.")
				.contains("Read 3 records: 2 amended, 1 unchanged, 0 rejected");
			Wire second = wire(amended.resolve("wires.csv"), "2025-12-11-openai-employer-backed-certification");
			assertThat(second.rationale()).isEqualTo("Editor: no harm yet, kept for the pattern.");
			assertThat(second.rationaleOrigin()).isEqualTo("editor");
			assertThat(second.codes()).containsExactly("M6", "F10");
			assertThat(second.codeLocks()).containsExactly("M6", "F10");
			assertThat(wire(amended.resolve("wires.csv"), "2025-12-09-openai-certification-courses").severity())
				.isEqualTo("SEV-4");
			List<JsonNode> audit = TestArchives.jsonLines(amended.resolve("audit.jsonl"));
			assertThat(audit).extracting(e -> e.get("wire_id").asString().substring(11) + " " + e.get("field").asString()
					+ " " + e.get("rule_ids").get(0).asString())
				.containsExactly("openai-certification-courses severity editor:bob",
						"openai-employer-backed-certification codes editor:alice",
						"openai-employer-backed-certification rationale editor:alice",
						"openai-employer-backed-certification rationale_origin editor:alice",
						"openai-employer-backed-certification code_locks editor:alice");
			assertThat(TestArchives.summary(amended).get("amendments").asString()).isEqualTo("fixes.csv");

			// the next bulk pass keeps every amended field: the file comes back byte for byte
			Path again = write(dir.resolve("again/wires.csv"), bytes(amended.resolve("wires.csv")));
			assertThat(execute("run", "--input", again.toString(), "--output", dir.resolve("next").toString())).isZero();
			assertThat(bytes(dir.resolve("next/wires.csv"))).isEqualTo(bytes(again));
		}

		@Test
		void theRunsReportCsvWithAnAmendedValueColumnIsAnAmendmentFile() {
			List<List<String>> report = new ArrayList<>(TestCsv.parse(new String(bytes(dir.resolve("first/report.csv")),
					StandardCharsets.UTF_8)));
			List<List<String>> edited = new ArrayList<>();
			List<String> header = new ArrayList<>(report.get(0));
			header.add("amended_value");
			edited.add(header);
			for (List<String> row : report.subList(1, report.size())) {
				List<String> copy = new ArrayList<>(row);
				boolean rationale = row.get(5).equals("rationale") && row.get(11).equals("changed");
				copy.add(rationale ? "Editor: rewritten in the spreadsheet." : "");
				edited.add(copy);
			}
			Path fixes = write(dir.resolve("report-edited.csv"), TestCsv.write(edited, "\n"));

			int status = execute("amend", fixes.toString(), "--editor", "carol", "--input", classified.toString(),
					"--output", dir.resolve("amended").toString());

			assertThat(status).as(out()).isZero();
			Wire second = wire(dir.resolve("amended/wires.csv"), "2025-12-11-openai-employer-backed-certification");
			assertThat(second.rationale()).isEqualTo("Editor: rewritten in the spreadsheet.");
			assertThat(second.rationaleOrigin()).isEqualTo("editor");
			assertThat(new String(bytes(dir.resolve("amended/audit.jsonl")), StandardCharsets.UTF_8))
				.contains("\"rule_ids\":[\"editor:carol\"]");
		}

	}

	@Nested
	@DisplayName("refused, with the row, and nothing applied")
	class Refused {

		@Test
		void badRowsAreAllListedAndNothingIsWritten() {
			Path fixes = write(dir.resolve("bad.csv"), "wire_id,field,value,editor,note\n"
					+ "2025-12-09-openai-certification-courses,headline,New headline,alice,\n"
					+ "2025-12-09-openai-certification-courses,codes,M1;Z9,alice,\n"
					+ "2025-12-09-openai-certification-courses,severity,SEV-8,alice,\n"
					+ "2025-12-09-openai-certification-courses,rationale,Fine,,\n");

			int status = execute("amend", fixes.toString(), "--input", classified.toString(), "--output",
					dir.resolve("never").toString());

			assertThat(status).isEqualTo(ExitCode.USAGE);
			assertThat(out()).contains("bad.csv row 2: field \"headline\" cannot be amended")
				.contains("bad.csv row 3: code(s) Z9 not in taxonomy 2026.05")
				.contains("bad.csv row 4: severity \"SEV-8\" is not SEV-1 to SEV-5 or empty")
				.contains("bad.csv row 5: no editor (fill the editor column, or give --editor NAME)");
			assertThat(dir.resolve("never")).doesNotExist();
		}

		@Test
		void unknownWireIdsAreRefusedBeforeAnythingIsApplied() {
			Path fixes = write(dir.resolve("unknown.csv"), "wire_id,field,value,editor,note\n"
					+ "2025-12-09-openai-certification-courses,severity,SEV-2,alice,\n"
					+ "no-such-wire,severity,SEV-2,alice,\n");

			int status = execute("amend", fixes.toString(), "--input", classified.toString(), "--output",
					dir.resolve("never").toString());

			assertThat(status).isEqualTo(ExitCode.USAGE);
			assertThat(out()).contains("unknown.csv row 3: no wire no-such-wire in the archive");
			assertThat(dir.resolve("never")).doesNotExist();
		}

	}

}
