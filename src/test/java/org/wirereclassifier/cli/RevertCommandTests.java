package org.wirereclassifier.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.archive.Wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.TestArchives.bytes;
import static org.wirereclassifier.TestArchives.copy;
import static org.wirereclassifier.TestArchives.write;

/** Reverting a run: the archive as it was before it, byte for byte; later changes refused or kept. */
class RevertCommandTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	private Path input;

	private int execute(String... args) {
		return this.commandLine.execute(args);
	}

	private String out() {
		return this.commandLine.printed();
	}

	@BeforeEach
	void run() {
		copy("examples/wires.json", dir.resolve("in"));
		this.input = copy("examples/wires.csv", dir.resolve("in"), "examples.csv");
		// distinct ids, so that both files are one archive
		write(this.input, new String(bytes(this.input), StandardCharsets.UTF_8).replace("2025-12-", "2024-12-"));
		assertThat(execute("run", "--input", dir.resolve("in").toString(), "--output", dir.resolve("run1").toString()))
			.as(out()).isZero();
	}

	@Test
	@DisplayName("revert writes a canonical archive back byte for byte, and is audited")
	void restoresTheInputByteForByte() {
		int status = execute("revert", dir.resolve("run1").toString(), "--output", dir.resolve("back").toString());

		assertThat(status).as(out()).isZero();
		assertThat(out()).contains("Reverting the run in " + dir.resolve("run1"));
		assertThat(bytes(dir.resolve("back/wires.json"))).isEqualTo(bytes(dir.resolve("in/wires.json")));
		assertThat(bytes(dir.resolve("back/examples.csv"))).isEqualTo(bytes(dir.resolve("in/examples.csv")));
		assertThat(TestArchives.summary(dir.resolve("back")).get("reverted").asString()).isEqualTo("run1");
		assertThat(TestArchives.jsonLines(dir.resolve("back/audit.jsonl")))
			.isNotEmpty()
			.allSatisfy(entry -> assertThat(entry.get("rule_ids").get(0).asString()).isEqualTo("revert:run1"));
	}

	@Test
	@DisplayName("a field changed after the run stops the revert; --force keeps it and reverts the rest")
	void laterChangesAreConflicts() {
		Path fixes = write(dir.resolve("fixes.csv"), "wire_id,field,value,editor,note\n"
				+ "2025-12-11-openai-employer-backed-certification,rationale,Editor: rewritten later.,alice,\n");
		assertThat(execute("amend", fixes.toString(), "--input", dir.resolve("run1/wires.json").toString(), "--output",
				dir.resolve("amended").toString())).as(out()).isZero();

		int refused = execute("revert", dir.resolve("run1").toString(), "--input",
				dir.resolve("amended/wires.json").toString(), "--output", dir.resolve("back").toString());

		assertThat(refused).isEqualTo(ExitCode.USAGE);
		assertThat(out()).contains("2 field(s) were changed after that run; reverting them would undo those later "
				+ "changes too. Use --force to revert the rest and keep them. First: wires.json record 2 "
				+ "(2025-12-11-openai-employer-backed-certification): rationale was changed after the run");
		assertThat(dir.resolve("back")).doesNotExist();

		int forced = execute("revert", dir.resolve("run1").toString(), "--input",
				dir.resolve("amended/wires.json").toString(), "--output", dir.resolve("back").toString(), "--force");

		assertThat(forced).as(out()).isZero();
		assertThat(out()).contains("2 field(s) changed after that run keep their newer values (--force):");
		Wire second = TestArchives.wires(dir.resolve("back/wires.json")).get(1);
		Wire original = TestArchives.wires(dir.resolve("in/wires.json")).get(1);
		assertThat(second.rationale()).isEqualTo("Editor: rewritten later.");
		// the rationale and its origin are the editor's now, and stay; the rest of what run1 did is undone
		assertThat(second.counterfactual()).isEqualTo(original.counterfactual());
		assertThat(second.taxonomyVersion()).isEqualTo(original.taxonomyVersion());
	}

	@Test
	@DisplayName("a dry run, or a directory that holds no run, cannot be reverted")
	void nothingToRevert() {
		assertThat(execute("revert", dir.resolve("in").toString(), "--output", dir.resolve("back").toString()))
			.isEqualTo(ExitCode.USAGE);
		assertThat(out()).contains("not the output directory of a completed run (no audit.jsonl and summary.json)");
	}

}
