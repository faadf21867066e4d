package org.wirereclassifier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd paths as inputs and outputs: symbolic links, FIFOs, names that are not UTF-8 or too long, hidden and
 * upper-case files. Each either works as documented or stops with exit 2, one line, every input byte where it was
 * and nothing written.
 */
class OddPathsTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	private Path input;

	private byte[] inputBytes;

	private Path archive() {
		input = TestArchives.copy("examples/wires.csv", dir.resolve("in"));
		inputBytes = TestArchives.bytes(input);
		return input.getParent();
	}

	private int run(Path input, Path output) {
		return commandLine.execute("run", "--input", input.toString(), "--output", output.toString());
	}

	private static void shell(String script, Path dir) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).inheritIO().start();
		assertThat(process.waitFor()).isZero();
	}

	@Nested
	class OutputDirectory {

		@Test
		void aSymlinkToTheInputFolderIsRefused() throws Exception {
			Path in = archive();
			Path out = Files.createSymbolicLink(dir.resolve("out"), in);

			assertThat(run(in, out)).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).isEqualTo("wire-reclassifier: " + input
					+ ": the input is in the output directory and would be overwritten by its amended copy (" + out
					+ ", which is " + in.toRealPath() + "); choose another --output\n");
			assertThat(TestArchives.bytes(input)).isEqualTo(inputBytes);
			assertThat(in.resolve(".state")).doesNotExist();
		}

		@Test
		void anInputFolderThatIsASymlinkToTheOutputIsRefused() throws Exception {
			Path in = archive();
			Path link = Files.createSymbolicLink(dir.resolve("link"), in);

			assertThat(run(link, in)).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains("overwritten by its amended copy");
			assertThat(TestArchives.bytes(input)).isEqualTo(inputBytes);
		}

		@Test
		void anInputInsideTheOutputDirectoryIsRefused() {
			Path in = archive();

			assertThat(run(in, dir)).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains(": the input is inside the output directory (" + dir + ")");
		}

	}

	@Nested
	class InputFiles {

		@Test
		void aFifoNamedAsInputIsRefused() throws Exception {
			archive();
			shell("mkfifo h3.csv", dir);

			assertThat(run(dir.resolve("h3.csv"), dir.resolve("out"))).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).isEqualTo("wire-reclassifier: " + dir.resolve("h3.csv")
					+ ": not a regular file (an archive file cannot be a FIFO, a device or a folder)\n");
			assertThat(dir.resolve("out")).doesNotExist();
		}

		@Test
		void aSymlinkToADeviceIsRefused() throws Exception {
			Path zero = Files.createSymbolicLink(dir.resolve("zero.csv"), Path.of("/dev/zero"));

			assertThat(run(zero, dir.resolve("out"))).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains("zero.csv: not a regular file");
		}

		@Test
		void aFifoOrADanglingLinkInAnInputFolderIsRefusedNamingIt() throws Exception {
			Path in = archive();
			shell("mkfifo in/pipe.csv", dir);
			assertThat(run(in, dir.resolve("out"))).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains("pipe.csv: not a regular file");
			Files.delete(in.resolve("pipe.csv"));

			Files.createSymbolicLink(in.resolve("gone.json"), dir.resolve("nowhere.json"));
			assertThat(run(in, dir.resolve("out"))).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains("gone.json: a symbolic link to nothing (or a loop of links)");
			Files.delete(in.resolve("gone.json"));

			Files.createSymbolicLink(in.resolve("loop.csv"), in.resolve("loop.csv"));
			assertThat(run(in, dir.resolve("out"))).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains("loop.csv: a symbolic link to nothing (or a loop of links)");
			assertThat(dir.resolve("out")).doesNotExist();
		}

		@Test
		void aNameThatIsNotUtf8IsRefused() throws Exception {
			Path in = archive();
			shell("mv in/wires.csv \"in/bad$(printf '\\377\\376').csv\"", dir);

			assertThat(run(in, dir.resolve("out"))).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains(": the file name is not valid UTF-8 (its amended copy could not "
					+ "have the same name); rename the file");
		}

		@Test
		void aNameWithNoRoomForItsWorkingCopyIsRefused() throws Exception {
			Path in = archive();
			String name = "w".repeat(246) + ".csv"; // 250 bytes: the longest that works
			Files.move(input, in.resolve(name));
			assertThat(run(in, dir.resolve("out"))).as(commandLine.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(dir.resolve("out").resolve(name)).exists();

			String tooLong = "w".repeat(247) + ".csv";
			Files.move(in.resolve(name), in.resolve(tooLong));
			assertThat(run(in, dir.resolve("out2"))).isEqualTo(ExitCode.USAGE);
			assertThat(commandLine.err()).contains(tooLong + ": the file name is longer than 250 bytes, which "
					+ "leaves no room for the name of its working copy; rename the file");
		}

		@Test
		void hiddenAndUpperCaseFilesOfAFolderAreRead() {
			Path in = archive();
			TestArchives.copy("examples/wires.json", in, ".hidden.json");
			TestArchives.copy("examples/wires.jsonl", in, "UPPER.JSONL");
			TestArchives.copy("examples/wires.csv", dir.resolve("other"), "mixed.Csv");

			// the same wires in three files: the later copies are rejected as duplicates
			assertThat(run(in, dir.resolve("out"))).as(commandLine.err())
				.isEqualTo(ExitCode.COMPLETED_WITH_REJECTS);
			assertThat(commandLine.out()).contains("over 3 file(s): .hidden.json, UPPER.JSONL, wires.csv");
			assertThat(TestArchives.summary(dir.resolve("out")).get("files").findValuesAsString("file"))
				.containsExactly(".hidden.json", "UPPER.JSONL", "wires.csv");

			assertThat(run(dir.resolve("other/mixed.Csv"), dir.resolve("out2"))).isEqualTo(ExitCode.COMPLETED);
			assertThat(dir.resolve("out2/mixed.Csv")).exists();
		}

	}

}
