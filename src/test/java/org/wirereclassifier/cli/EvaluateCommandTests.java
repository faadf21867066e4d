package org.wirereclassifier.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.TestArchives.write;

/** {@code evaluate}: a rule set scored against labels, printed for maintainers, nothing written. */
class EvaluateCommandTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	@Test
	@DisplayName("scores the rules against a small hand-labelled set")
	void handLabelledSet() {
		Path job = TestArchives.jobFile(dir.resolve("jobs"), "scored", new String[] { """
				- id: bias
				  description: Bias is M1.
				  when:
				    keywords: [bias]
				  then:
				    add_codes: [M1]
				""", """
				- id: false-claims
				  description: False claims are M3.
				  when:
				    keywords: [false]
				  then:
				    add_codes: [M3]
				""" });
		Path wires = write(dir.resolve("sample.csv"), "wire_id,published,headline\n" + "w1,2025-01-01,Bias in hiring\n"
				+ "w2,2025-01-02,False claims\n" + "w3,2025-01-03,Bias and false claims\n" + "w4,2025-01-04,Nothing\n"
				+ "w5,2025-01-05,Not labelled\n");
		Path labels = write(dir.resolve("labels.csv"), "wire_id,codes\nw1,M1\nw2,M3\nw3,M1\nw4,M3\nw9,M1\n");

		int status = this.commandLine.execute("evaluate", job.toString(), "--input", wires.toString(), "--labels",
				labels.toString());

		assertThat(status).as(this.commandLine.err()).isZero();
		assertThat(this.commandLine.out())
			.contains("Rules of scored (scored.yaml) against 4 labelled wires (labels.csv), code families M:")
			.contains("(1 labelled wires are not in the input and were left out)")
			.containsPattern("M1 +Discrimination and Toxicity +1\\.00 +1\\.00 +1\\.00 +2 +0 +0")
			.containsPattern("M3 +Misinformation +0\\.50 +0\\.50 +0\\.50 +1 +1 +1")
			.containsPattern("micro average +0\\.75 +0\\.75 +0\\.75 +3 +1 +1")
			.containsPattern("macro F1 +0\\.75")
			.contains("  M1: M3 1", "  M3: (none) 1");
	}

	@Test
	@DisplayName("without labels or inputs it is a usage error")
	void usage() {
		assertThat(this.commandLine.execute("evaluate", "--input", "x.csv")).isEqualTo(ExitCode.USAGE);
		assertThat(this.commandLine.err()).contains("evaluate needs --labels FILE and the labelled wires as --input PATH");
	}

}
