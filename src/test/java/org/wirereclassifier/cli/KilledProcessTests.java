package org.wirereclassifier.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.TestCsv;
import org.wirereclassifier.pass.RunPlan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real processes: a run killed with {@code kill -9} (twice) and resumed by the same command ends exactly as an
 * uninterrupted run; a second process on the same workspace is refused while the first runs.
 */
class KilledProcessTests {

	private static final int WIRES = 12_000;

	@TempDir
	private Path dir;

	private Path input;

	@BeforeEach
	void largeArchive() {
		// AIID incidents, repeated with new ids: large enough that a run takes a few seconds
		List<List<String>> incidents = TestCsv.parse(new String(TestArchives.bytes(TestArchives.resource(
				"aiid/incidents.csv")), StandardCharsets.UTF_8));
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("wire_id", "published", "headline", "body", "providers", "source_count"));
		for (int i = 0; rows.size() <= WIRES; i++) {
			List<String> incident = incidents.get(1 + i % (incidents.size() - 1));
			rows.add(List.of("w-" + i, incident.get(2), incident.get(8), incident.get(7), "OpenAI", "2"));
		}
		this.input = TestArchives.write(dir.resolve("in/large.csv"), TestCsv.write(rows, "\n"));
	}

	private Process start(Path output) throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "org.wirereclassifier.WireReclassifierApplication", "run",
				"--input", this.input.toString(), "--output", output.toString(), "--wire-reclassifier.chunk-size=200");
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile())
			.start();
	}

	private int runInProcess(Path output, ByteArrayOutputStream out) {
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		return new WireReclassifierCommandLine(print, print).execute("run", "--input", this.input.toString(),
				"--output", output.toString(), "--wire-reclassifier.sync=false");
	}

	/** Kills the process (SIGKILL) once the run's working copy of the amended file has grown past {@code bytes}. */
	private void killWhenWritten(Process process, Path output, long bytes) throws Exception {
		Path runs = RunPlan.stateDirectory(output).resolve("runs");
		await(() -> partSize(runs) > bytes || !process.isAlive());
		assertThat(process.isAlive()).as("the run finished before it could be killed; make the archive larger")
			.isTrue();
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(process.exitValue()).isEqualTo(137);
	}

	private static long partSize(Path runs) {
		try (var dirs = Files.list(runs)) {
			for (Path run : dirs.toList()) {
				Path part = run.resolve("large.csv.part");
				if (Files.exists(part)) {
					return Files.size(part);
				}
			}
		}
		catch (IOException ex) {
			// not there yet
		}
		return 0;
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited two minutes").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	@Test
	@DisplayName("kill -9 twice, then the same command: the outputs of an uninterrupted run")
	void killedTwiceThenResumed() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		assertThat(runInProcess(dir.resolve("reference"), log)).as(log.toString()).isZero();
		long size = Files.size(dir.resolve("reference/large.csv"));
		Path output = dir.resolve("out");

		killWhenWritten(start(output), output, size / 4);
		ByteArrayOutputStream status = new ByteArrayOutputStream();
		new WireReclassifierCommandLine(new PrintStream(status, true, StandardCharsets.UTF_8), System.err)
			.execute("status", "--output", output.toString());
		assertThat(status.toString(StandardCharsets.UTF_8))
			.contains("STARTED (interrupted; the same run command resumes it)");

		killWhenWritten(start(output), output, size * 2 / 3);
		Process last = start(output);
		assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();

		assertThat(last.exitValue()).isZero();
		org.wirereclassifier.pass.RunOutputsAccess.assertSame(output, dir.resolve("reference"));
	}

	@Test
	@DisplayName("a second process on the same workspace is refused while the first runs; neither is harmed")
	void concurrentStartRefused() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		runInProcess(dir.resolve("reference"), log);
		Path output = dir.resolve("out");
		Process first = start(output);
		Path lock = RunPlan.stateDirectory(output).resolve("workspace.lock");
		await(() -> {
			try {
				return Files.exists(lock) && Files.readString(lock).startsWith("process " + first.pid());
			}
			catch (IOException ex) {
				return false;
			}
		});

		ByteArrayOutputStream second = new ByteArrayOutputStream();
		int status = runInProcess(output, second);

		assertThat(status).isEqualTo(ExitCode.BUSY);
		assertThat(second.toString(StandardCharsets.UTF_8)).contains("another run is using " + output
				+ " (process " + first.pid() + ", since ").contains("nothing was done");
		assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isZero();
		org.wirereclassifier.pass.RunOutputsAccess.assertSame(output, dir.resolve("reference"));
	}

}
