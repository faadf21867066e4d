package org.wirereclassifier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.pass.RunPlan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands an operator reaches for when something is wrong: {@code status}, {@code report RUN},
 * {@code resume RUN}, {@code recover RUN}, and every command's {@code --help}: happy paths, and each error with
 * its message and exit status.
 */
class OperatorCommandsTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	private Path input;

	private Path output;

	@BeforeEach
	void archive() throws IOException {
		// the sample archive's 30 JSON wires
		this.input = Files.createDirectories(this.dir.resolve("in")).resolve("wires.json");
		Files.copy(Path.of("input/wires.json"), this.input);
		this.output = this.dir.resolve("out");
	}

	private int execute(String... args) {
		return this.commandLine.execute(args);
	}

	private String out() {
		return this.commandLine.out();
	}

	private String err() {
		return this.commandLine.err();
	}

	private int run() {
		return execute("run", "--input", this.input.toString(), "--output", this.output.toString());
	}

	/** Run 1 fails at publishing (a directory where its amended file must go), as on a full or broken disk. */
	private void failedRun() throws IOException {
		Files.createDirectories(this.output.resolve("wires.json/blocker"));
		assertThat(run()).isEqualTo(ExitCode.FAILED);
		Files.delete(this.output.resolve("wires.json/blocker"));
		Files.delete(this.output.resolve("wires.json"));
	}

	private JsonNode json(String text) {
		return TestArchives.JSON.readTree(text);
	}

	@Nested
	@DisplayName("help")
	class Help {

		@ParameterizedTest
		@ValueSource(strings = { "run", "status", "report", "resume", "recover", "amend", "revert", "evaluate",
				"validate", "help" })
		void everyCommandHasItsOwnHelp(String command) {
			assertThat(execute(command, "--help")).isZero();
			String page = out();
			assertThat(page).startsWith("Usage: wire-reclassifier " + command);

			assertThat(execute("help", command)).isZero();
			assertThat(out()).isEqualTo(page);
		}

		@Test
		void helpForAnUnknownCommandIsAUsageError() {
			assertThat(execute("help", "frobnicate")).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("unknown command frobnicate (see --help)");
		}

	}

	@Nested
	@DisplayName("status")
	class Status {

		@Test
		void showsEachRunWithStateExitStatusDurationAndCounts() throws IOException {
			failedRun();
			assertThat(run()).isZero();

			assertThat(execute("status", "--output", output.toString())).isZero();

			assertThat(out()).containsSubsequence("Runs in " + output + ", newest first:", "run 2  COMPLETED  exit 0  ",
					"resumes run 1", "  pass launch-archive (", "records 30: 30 amended, 0 unchanged, 0 rejected",
					"run 1  FAILED (resumed by run 2)  exit 1  ",
					"failed: publishOutputs: FileSystemException: ");
			assertThat(out()).containsPattern("run 2  COMPLETED  exit 0  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d → "
					+ "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(\\d+\\.\\d s\\)");
		}

		@Test
		void jsonForScripts() throws IOException {
			failedRun();
			assertThat(run()).isZero();

			assertThat(execute("status", "--output", output.toString(), "--json")).isZero();

			JsonNode status = json(out());
			assertThat(status.get("output").asString()).isEqualTo(output.toString());
			assertThat(status.get("in_progress").asBoolean()).isFalse();
			JsonNode runs = status.get("runs");
			assertThat(runs).hasSize(2);
			assertThat(runs.get(0).get("run").asLong()).isEqualTo(2);
			assertThat(runs.get(0).get("resumes").asLong()).isEqualTo(1);
			assertThat(runs.get(0).get("state").asString()).isEqualTo("COMPLETED");
			assertThat(runs.get(0).get("exit_status").asInt()).isZero();
			assertThat(runs.get(0).get("records").get("amended").asLong()).isEqualTo(30);
			assertThat(runs.get(0).get("duration_seconds").asDouble()).isPositive();
			assertThat(runs.get(0).get("inputs").get(0).asString()).isEqualTo(input.toString());
			assertThat(runs.get(1).get("state").asString()).isEqualTo("FAILED");
			assertThat(runs.get(1).get("exit_status").asInt()).isEqualTo(ExitCode.FAILED);
			assertThat(runs.get(1).get("failures").get(0).asString()).startsWith("publishOutputs: FileSystemException");
		}

		@Test
		void anEmptyWorkspace() {
			assertThat(execute("status", "--output", output.toString())).isZero();
			assertThat(out()).isEqualTo("No runs in " + output + ".\n");

			assertThat(execute("status", "--output", output.toString(), "--json")).isZero();
			assertThat(json(out()).get("runs")).isEmpty();
		}

		@Test
		void whileAnotherProcessHoldsTheWorkspace() throws IOException {
			try (Workspace other = Workspace.lock(output)) {
				assertThat(execute("status", "--output", output.toString(), "--json")).isZero();
				JsonNode status = json(out());
				assertThat(status.get("in_progress").asBoolean()).isTrue();
				assertThat(status.get("holder").asString()).startsWith("process " + ProcessHandle.current().pid());
			}
		}

		@Test
		void takesNoRunOrInput() {
			assertThat(execute("status", "3")).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("status takes only --output DIR and --json");
		}

	}

	@Nested
	@DisplayName("report RUN")
	class Report {

		@Test
		void showsWhatTheRunChangedRuleByRule() {
			assertThat(run()).isZero();

			assertThat(execute("report", "1", "--output", output.toString())).isZero();

			assertThat(out()).containsSubsequence("Run 1 completed in ", "; exit status 0.",
					"Read 30 records: 30 amended, 0 unchanged, 0 rejected; 0 editor rationale(s) kept.",
					"Changed 155 field(s) on 30 wire(s): counterfactual 30, rationale 30, rationale_origin 30, "
							+ "taxonomy_version 30, codes 29, severity 6.",
					"By rule: bulk-rationale 90 field(s) on 30 wire(s)", "Codes: ",
					"Review the changes: " + output.resolve("report.html"));
		}

		@Test
		void jsonHasTheChangesByRuleAndCode() {
			assertThat(run()).isZero();

			assertThat(execute("report", "1", "--output", output.toString(), "--json")).isZero();

			JsonNode report = json(out());
			assertThat(report.get("run").asLong()).isEqualTo(1);
			assertThat(report.get("changes").get("wires").asLong()).isEqualTo(30);
			assertThat(report.get("changes").get("by_field").get("rationale").asLong()).isEqualTo(30);
			assertThat(report.get("changes").get("by_rule").get(0).get("rule").asString()).isEqualTo("bulk-rationale");
			assertThat(report.get("changes").get("codes")).isNotEmpty();
			assertThat(report.get("files").get("audit.jsonl").asString())
				.isEqualTo(output.resolve("audit.jsonl").toString());
		}

		@Test
		void aFailedRunSaysWhyAndWhatResumedIt() throws IOException {
			failedRun();
			assertThat(run()).isZero();

			assertThat(execute("report", "1", "--output", output.toString())).isZero();

			assertThat(out()).startsWith("Run 1 failed in ").contains("; exit status 1.")
				.contains("Failed: publishOutputs: FileSystemException: ").contains("Resumed by run 2.")
				.doesNotContain("Review the changes");
		}

		@Test
		void anOlderRunSaysThatTheFilesAreALaterRunsNow() throws IOException {
			assertThat(run()).isZero();
			Files.writeString(input, "\n", java.nio.file.StandardOpenOption.APPEND);
			assertThat(run()).isZero();

			assertThat(execute("report", "1", "--output", output.toString())).isZero();

			assertThat(out()).startsWith("Run 1 completed in ").contains("The files in " + output + " are run 2's now.")
				.doesNotContain("Review the changes");
		}

		@Test
		void anUnknownRun() {
			assertThat(run()).isZero();
			assertThat(execute("report", "7", "--output", output.toString())).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("no run 7 in " + output + " (`status` lists its runs)");
		}

		@Test
		void aRunIsANumber() {
			assertThat(execute("report", "latest")).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("RUN must be a run's number as `status` shows it, not latest");
			assertThat(execute("report")).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("report needs RUN, the run's number as `status` shows it");
		}

		@Test
		void aWorkspaceWithoutRuns() {
			assertThat(execute("report", "1", "--output", output.toString())).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("no runs in " + output + " (`status --output DIR` lists a workspace's runs)");
			assertThat(output).doesNotExist();
		}

	}

	@Nested
	@DisplayName("resume RUN")
	class Resume {

		@Test
		void resumesAFailedRunWithItsOwnJobFileAndInputsAndEndsAsAnUninterruptedRun() throws Exception {
			execute("run", "--input", input.toString(), "--output", dir.resolve("reference").toString());
			failedRun();

			// from another directory, without the run's arguments: only its number
			int status = execute("resume", "1", "--output", output.toString());

			assertThat(status).as(err()).isZero();
			assertThat(out()).contains("Resuming run 1: pass launch-archive (").contains("Run 2 completed in ");
			for (String name : List.of("wires.json", "rejects.jsonl", "summary.json")) {
				assertThat(TestArchives.sameInEveryRun(output.resolve(name))).as(name)
					.isEqualTo(TestArchives.sameInEveryRun(dir.resolve("reference").resolve(name)));
			}
		}

		@Test
		void aRunThatWasResumedAlreadyNamesTheRunThatDidIt() throws IOException {
			failedRun();
			assertThat(run()).isZero();

			assertThat(execute("resume", "1", "--output", output.toString())).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("run 1 was resumed by run 2; see `status`");
			assertThat(execute("recover", "1", "--output", output.toString(), "--abandon")).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("run 1 was resumed by run 2; see `status`");
		}

		@Test
		void aCompletedRunHasNothingToResume() {
			assertThat(run()).isZero();
			assertThat(execute("resume", "1", "--output", output.toString())).isZero();
			assertThat(out()).contains("Run 1 completed; there is nothing to resume.");
		}

		@Test
		void refusesWhenTheInputsChangedSinceAndSaysWhatToDo() throws IOException {
			failedRun();
			Files.writeString(input, "\n", java.nio.file.StandardOpenOption.APPEND);

			assertThat(execute("resume", "1", "--output", output.toString())).isEqualTo(ExitCode.USAGE);

			assertThat(err()).contains("the inputs changed since this run started (" + input + "); restore them to "
					+ "resume, or give the run up with `recover RUN --abandon`");
		}

		@Test
		void refusesWhenTheJobFileChangedSince() throws IOException {
			Path job = TestArchives.jobFile(dir.resolve("jobs"), "pass-a");
			Files.createDirectories(output.resolve("wires.json/blocker"));
			assertThat(execute("run", job.toString(), "--input", input.toString(), "--output", output.toString()))
				.isEqualTo(ExitCode.FAILED);
			TestArchives.write(job, new String(TestArchives.bytes(job), java.nio.charset.StandardCharsets.UTF_8)
				.replace("per-wire.", "per wire."));

			assertThat(execute("resume", "1", "--output", output.toString())).isEqualTo(ExitCode.USAGE);

			assertThat(err()).contains("the job file or its taxonomy changed since this run started; restore it to "
					+ "resume");
		}

	}

	@Nested
	@DisplayName("recover RUN")
	class Recover {

		@Test
		void aFailedRunThatWasNotInterruptedNeedsNoRecovery() throws IOException {
			failedRun();

			assertThat(execute("recover", "1", "--output", output.toString())).isZero();

			assertThat(out()).contains("Run 1 is FAILED and was not interrupted: nothing to recover. `resume 1` "
					+ "resumes it; `recover 1 --abandon` gives it up.");
		}

		@Test
		void abandonGivesTheRunUpAndTheNextRunStartsFromTheBeginning() throws IOException {
			failedRun();
			Path work = RunPlan.stateDirectory(output).resolve("runs");
			assertThat(work).isNotEmptyDirectory();

			assertThat(execute("recover", "1", "--output", output.toString(), "--abandon")).isZero();

			assertThat(out()).contains("Run 1 is abandoned and its working files are deleted; files already published in ");
			assertThat(work).isEmptyDirectory();
			assertThat(execute("status", "--output", output.toString(), "--json")).isZero();
			assertThat(json(out()).get("runs").get(0).get("state").asString()).isEqualTo("ABANDONED");

			assertThat(execute("resume", "1", "--output", output.toString())).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("run 1 was abandoned and cannot be resumed; `run` starts its pass again");

			assertThat(run()).isZero();
			assertThat(out()).contains("Run 1 was abandoned; starting this pass again from the beginning.")
				.contains("Run 2 completed in ")
				.contains("Read 30 records: 30 amended");
			assertThat(run()).isZero();
			assertThat(out()).contains("This pass already completed over these inputs (run 2); nothing to do.");
		}

		@Test
		void aCompletedRunCannotBeRecovered() {
			assertThat(run()).isZero();
			assertThat(execute("recover", "1", "--output", output.toString(), "--abandon")).isEqualTo(ExitCode.USAGE);
			assertThat(err()).contains("run 1 is COMPLETED; there is nothing to recover");
		}

	}

}
