package org.wirereclassifier.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.TestArchives.bytes;
import static org.wirereclassifier.TestArchives.copy;
import static org.wirereclassifier.TestArchives.write;

/**
 * The command line as an operator uses it: exit statuses, messages, and what is (or is not) written.
 */
class CommandLineTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	private int execute(String... args) {
		return this.commandLine.execute(args);
	}

	private String out() {
		return this.commandLine.out();
	}

	private String err() {
		return this.commandLine.err();
	}

	private String sample() {
		return Path.of("input").toAbsolutePath().toString();
	}

	@Nested
	@DisplayName("run")
	class Run {

		@Test
		void runsTheDefaultPassOverTheSampleArchive() {
			Path output = dir.resolve("out");

			int status = execute("run", "--output", output.toString());

			assertThat(status).as(err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(out()).contains("Pass launch-archive (launch-archive.yaml, taxonomy 2026.05) over 3 file(s): "
					+ "reports.jsonl, wires.csv, wires.json")
				.contains("0 rejected; 3 editor rationale(s) kept.");
			assertThat(output.resolve("wires.csv")).exists();
			assertThat(output.resolve("wires.json")).exists();
			assertThat(output.resolve("reports.jsonl")).exists();
			assertThat(output.resolve("rejects.jsonl")).isEmptyFile();
			assertThat(TestArchives.summary(output).get("read").asInt()).isEqualTo(111);
			assertThat(output.resolve(".state/runs")).isEmptyDirectory();
		}

		@Test
		void partitionedRunsEachFileAsAPartitionAndWritesTheSameFilesAndReport() throws Exception {
			assertThat(execute("run", "--output", dir.resolve("single").toString())).isEqualTo(ExitCode.COMPLETED);

			int status = execute("run", "--partitioned", "--output", dir.resolve("partitioned").toString());

			assertThat(status).as(err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(out()).contains("Read 111 records: 109 amended, 2 unchanged, 0 rejected");
			for (String file : List.of("wires.csv", "wires.json", "reports.jsonl", "summary.json", "report.html")) {
				assertThat(TestArchives.sameInEveryRun(dir.resolve("partitioned").resolve(file))).as(file)
					.isEqualTo(TestArchives.sameInEveryRun(dir.resolve("single").resolve(file)));
			}
			assertThat(execute("status", "--output", dir.resolve("partitioned").toString())).isZero();
			assertThat(out()).contains("records 111: 109 amended, 2 unchanged, 0 rejected");
		}

		@Test
		void partitionedRunOfASingleFileIsOnePartition() {
			Path output = dir.resolve("out");

			int status = execute("run", "--partitioned", "--input", Path.of("input/wires.csv").toString(), "--output",
					output.toString());

			assertThat(status).as(err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(TestArchives.summary(output).get("read").asInt()).isEqualTo(43);
			assertThat(TestArchives.jsonLines(output.resolve("audit.jsonl"))).isNotEmpty()
				.allSatisfy(entry -> assertThat(entry.get("file").asString()).isEqualTo("wires.csv"));
			assertThat(output.resolve(".state/runs")).isEmptyDirectory();
		}

		@Test
		void aDryRunSaysPlainlyThatNothingWasApplied() {
			Path input = copy("examples/wires.csv", dir.resolve("in"));
			Path output = dir.resolve("out");

			int status = execute("run", "--dry-run", "--input", input.toString(), "--output", output.toString());

			assertThat(status).isZero();
			assertThat(out()).contains("Dry run: nothing was applied to the archive")
				.contains("Output in " + output.resolve("dry-run") + ": rejects.jsonl, audit.jsonl, report.html, report.csv, "
						+ "summary.json");
			assertThat(output.resolve("wires.csv")).doesNotExist();
			assertThat(output.resolve("dry-run/summary.json")).exists();
		}

		@Test
		void exitsWith3WhenRecordsWereRejected() {
			Path input = write(dir.resolve("in/bad.csv"),
					"wire_id,published,headline\nok,2025-01-01,Fine\nbad,someday,Bad date\n");

			int status = execute("run", "--input", input.toString(), "--output", dir.resolve("out").toString());

			assertThat(status).isEqualTo(ExitCode.COMPLETED_WITH_REJECTS);
			assertThat(out()).contains("Read 2 records: 1 amended, 0 unchanged, 1 rejected")
				.contains("Rejected records, with file, record, line and reason: ");
		}

		@Test
		void aPassThatAlreadyCompletedDoesNothingAndSaysSo() throws Exception {
			Path input = copy("examples/wires.csv", dir.resolve("in"));
			Path output = dir.resolve("out");
			assertThat(execute("run", "--input", input.toString(), "--output", output.toString())).isZero();
			long modified = Files.getLastModifiedTime(output.resolve("wires.csv")).toMillis();
			Files.setLastModifiedTime(output.resolve("wires.csv"),
					java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));

			int status = execute("run", "--input", input.toString(), "--output", output.toString());

			assertThat(status).isEqualTo(ExitCode.COMPLETED);
			assertThat(out()).contains("This pass already completed over these inputs (run 1); nothing to do.");
			assertThat(Files.getLastModifiedTime(output.resolve("wires.csv")).toMillis()).isEqualTo(modified - 60_000);
		}

		@Test
		void changedInputsMakeANewRun() {
			Path input = copy("examples/wires.csv", dir.resolve("in"));
			Path output = dir.resolve("out");
			execute("run", "--input", input.toString(), "--output", output.toString());
			write(input, new String(bytes(input), StandardCharsets.UTF_8).replace("SEV-4", "SEV-2"));

			int status = execute("run", "--input", input.toString(), "--output", output.toString());

			assertThat(status).isZero();
			assertThat(out()).contains("Run 2 completed in ");
		}

		@Test
		void aChangedJobFileMakesANewRun() {
			Path input = copy("examples/wires.csv", dir.resolve("in"));
			Path output = dir.resolve("out");
			Path job = TestArchives.jobFile(dir.resolve("jobs"), "pass-a");
			execute("run", job.toString(), "--input", input.toString(), "--output", output.toString());
			write(job, new String(bytes(job), StandardCharsets.UTF_8).replace("per-wire.", "per wire."));

			int status = execute("run", job.toString(), "--input", input.toString(), "--output", output.toString());

			assertThat(status).isZero();
			assertThat(out()).contains("Run 2 completed in ");
		}

		@Test
		void moreRejectsThanTheSkipLimitFailTheRun() {
			Path input = write(dir.resolve("in/garbage.csv"), "wire_id,published,headline\n"
					+ "a,never,x\nb,never,x\nc,never,x\nd,2025-01-01,fine\n");

			int status = execute("run", "--input", input.toString(), "--output", dir.resolve("out").toString(),
					"--wire-reclassifier.skip-limit=2");

			assertThat(status).isEqualTo(ExitCode.FAILED);
			assertThat(err()).contains("3 records rejected, more than the skip limit of 2 "
					+ "(wire-reclassifier.skip-limit): the input looks broken.");
			assertThat(dir.resolve("out/garbage.csv")).doesNotExist();
		}

		@Test
		void aFailedRunIsResumedByTheSameCommandAndEndsAsAnUninterruptedRunWould() throws Exception {
			Path input = copy("examples/wires.json", dir.resolve("in"));
			execute("run", "--input", input.toString(), "--output", dir.resolve("reference").toString());
			Path output = dir.resolve("out");
			// a directory where the amended file must go: publishing fails, as on a full or broken disk
			Files.createDirectories(output.resolve("wires.json/blocker"));

			assertThat(execute("run", "--input", input.toString(), "--output", output.toString()))
				.isEqualTo(ExitCode.FAILED);
			assertThat(err()).contains("publishOutputs").contains("Run the same command again (or `resume 1`) to resume");

			Files.delete(output.resolve("wires.json/blocker"));
			Files.delete(output.resolve("wires.json"));
			int status = execute("run", "--input", input.toString(), "--output", output.toString());

			assertThat(status).as(err()).isZero();
			assertThat(out()).contains("Resuming run 1 (FAILED) from its last commit.");
			for (String name : List.of("wires.json", "rejects.jsonl", "summary.json")) {
				assertThat(TestArchives.sameInEveryRun(output.resolve(name))).as(name)
					.isEqualTo(TestArchives.sameInEveryRun(dir.resolve("reference").resolve(name)));
			}
		}

		@Test
		void refusesWhileAnotherRunHoldsTheOutputDirectory() throws Exception {
			Path input = copy("examples/wires.csv", dir.resolve("in"));
			Path output = dir.resolve("out");
			try (Workspace other = Workspace.lock(output)) {
				assertThat(other).isNotNull();

				int status = execute("run", "--input", input.toString(), "--output", output.toString());

				assertThat(status).isEqualTo(ExitCode.BUSY);
				assertThat(err()).contains("another run is using " + output + " (process " + ProcessHandle.current().pid()
						+ ", since ").contains("); nothing was done.");
				assertThat(output.resolve("wires.csv")).doesNotExist();
			}
		}

	}

	@Nested
	@DisplayName("usage and configuration errors: exit 2, nothing written")
	class ConfigurationErrors {

		private void assertRefused(String message, String... args) {
			Path output = dir.resolve("never-written");
			List<String> all = new ArrayList<>(List.of(args));
			all.add("--output");
			all.add(output.toString());

			int status = execute(all.toArray(String[]::new));

			assertThat(status).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains(message);
			assertThat(output).doesNotExist();
		}

		@Test
		void aMissingJobFile() {
			assertRefused("no-such.yaml: no such job file", "run", "no-such.yaml", "--input", sample());
		}

		@Test
		void anUnknownFieldInTheJobFileIsNamedWithItsLine() {
			Path job = write(dir.resolve("job.yaml"), "pass:\n  name: p\n  date: 2026-05-10\n  colour: red\n");
			assertRefused(job + " line 4: unknown key \"colour\" in pass (known: date, description, name)", "run",
					job.toString(), "--input", sample());
		}

		@Test
		void yamlThatDoesNotParse() {
			Path job = write(dir.resolve("job.yaml"), "pass:\n  name: \"unclosed\n  date: 2026-05-10\n");
			assertRefused(job + " line 2: while scanning a quoted scalar; found unexpected end of stream", "run",
					job.toString(), "--input", sample());
		}

		@Test
		void anUnknownTemplateVariable() {
			Path job = TestArchives.jobFile(dir, "job.yaml", new String(bytes(TestArchives.launchArchiveJob()),
					StandardCharsets.UTF_8).replace("{pass_date}", "{pass_day}"));
			assertRefused(job + " line 15: rationale.text: unknown template variable {pass_day}", "run", job.toString(),
					"--input", sample());
		}

		@Test
		void aMissingInput() {
			assertRefused("nowhere.csv: no such file or folder", "run", "--input", "nowhere.csv");
		}

		@Test
		void anInputThatIsNotAnArchiveFile() {
			Path text = write(dir.resolve("notes.txt"), "hello");
			assertRefused("notes.txt: not an archive file (expected .csv, .json, .jsonl or .ndjson)", "run", "--input",
					text.toString());
		}

		@Test
		void aJsonFileThatIsNotAnArray() {
			Path json = write(dir.resolve("in/object.json"), "{\"wire_id\": \"x\"}");
			assertRefused("object.json: not a JSON array", "run", "--input", json.toString());
		}

		@Test
		void aCsvFileThatIsNotAWireArchive() {
			Path csv = write(dir.resolve("in/people.csv"), "name,age\nAda,36\n");
			assertRefused("people.csv: no wire_id column in the header row", "run", "--input", csv.toString());
		}

		@Test
		void twoInputsWithTheSameName() {
			Path a = copy("examples/wires.csv", dir.resolve("a"));
			Path b = copy("examples/wires.csv", dir.resolve("b"));
			assertRefused("two inputs are named wires.csv", "run", "--input", a.toString(), "--input", b.toString());
		}

		@Test
		void aPropertyWithAValueOfTheWrongForm() {
			assertRefused("bad configuration: IllegalArgumentException: 'soon' is not a valid duration", "run", "--input",
					sample(), "--wire-reclassifier.progress-interval=soon");
		}

		@Test
		void anUnknownOptionOrCommand() {
			assertRefused("unknown option --colour", "run", "--colour");
			assertRefused("unknown command frobnicate", "frobnicate");
		}

	}

	@Nested
	@DisplayName("help and validate")
	class HelpAndValidate {

		@Test
		void helpPrintsTheUsageAndExitStatuses() {
			assertThat(execute("--help")).isZero();
			assertThat(out()).contains("Usage: wire-reclassifier COMMAND [ARGS]")
				.contains("  resume    Resume one failed or interrupted run by its number")
				.contains("3  completed, but some records were rejected");
		}

		@Test
		void noCommandIsAUsageError() {
			assertThat(execute()).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("Usage: wire-reclassifier COMMAND");
		}

		@Test
		void validateChecksAJobFileAndWritesNothing() {
			assertThat(execute("validate", "jobs/launch-archive.yaml")).isZero();
			assertThat(out()).contains("jobs/launch-archive.yaml: valid pass launch-archive (2026-05-10, taxonomy 2026.05)");
		}

		@Test
		void validateNamesWhatIsWrongWithAJobFile() {
			Path job = write(dir.resolve("job.yaml"), "pass:\n  name: p\n  date: 2026-05-10\n  colour: red\n");

			assertThat(execute("validate", job.toString())).isEqualTo(ExitCode.USAGE);

			assertThat(err()).contains(job + " line 4: unknown key \"colour\" in pass (known: date, description, name)");
			assertThat(execute("validate", "--input", "x.csv")).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("validate takes only a JOB_FILE");
		}

	}

}
