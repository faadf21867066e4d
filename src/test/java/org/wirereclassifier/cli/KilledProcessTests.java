package org.wirereclassifier.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.PostgresServer;
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

	/** Extra arguments of every run: the job repository to use (by default the H2 file in the workspace). */
	private final List<String> repository = new ArrayList<>();

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
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "org.wirereclassifier.WireReclassifierApplication", "run",
				"--input", this.input.toString(), "--output", output.toString(), "--wire-reclassifier.chunk-size=200"));
		command.addAll(this.repository);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile())
			.start();
	}

	private int runInProcess(Path output, ByteArrayOutputStream out) {
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		List<String> command = new ArrayList<>(List.of("run", "--input", this.input.toString(), "--output",
				output.toString(), "--wire-reclassifier.sync=false"));
		command.addAll(this.repository);
		return new WireReclassifierCommandLine(print, print).execute(command.toArray(String[]::new));
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
		List<String> command = new ArrayList<>(List.of("status", "--output", output.toString()));
		command.addAll(this.repository);
		new WireReclassifierCommandLine(new PrintStream(status, true, StandardCharsets.UTF_8), System.err)
			.execute(command.toArray(String[]::new));
		assertThat(status.toString(StandardCharsets.UTF_8))
			.contains("STARTED (interrupted; the same run command, or `resume`, resumes it)");
		java.util.regex.Matcher interrupted = java.util.regex.Pattern.compile("run (\\d+)  STARTED")
			.matcher(status.toString(StandardCharsets.UTF_8));
		assertThat(interrupted.find()).isTrue();
		ByteArrayOutputStream recovered = new ByteArrayOutputStream();
		command = new ArrayList<>(List.of("recover", interrupted.group(1), "--output", output.toString()));
		command.addAll(this.repository);
		assertThat(new WireReclassifierCommandLine(new PrintStream(recovered, true, StandardCharsets.UTF_8), System.err)
			.execute(command.toArray(String[]::new))).isZero();
		assertThat(recovered.toString(StandardCharsets.UTF_8)).contains("Run " + interrupted.group(1)
				+ " was interrupted while STARTED; it is now marked FAILED.");

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

	/**
	 * The same, with the job repository in a real PostgreSQL server (the postgres profile): the schema created at
	 * the first start and kept at the next ones, a killed run recovered and resumed. Skipped, saying why, only when
	 * no PostgreSQL server can be started (Debian's postgresql package; `.ci/run` installs it).
	 */
	@Nested
	@DisplayName("with the job repository in PostgreSQL")
	class OnPostgres {

		private String url;

		@BeforeEach
		void postgresRepository() {
			PostgresServer server = PostgresServer.get();
			this.url = server.createDatabase();
			repository.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + this.url,
					"--spring.datasource.username=" + server.username(),
					"--spring.datasource.password=" + server.password()));
		}

		@Test
		@DisplayName("kill -9 twice, then the same command: the outputs of an uninterrupted run, state in PostgreSQL")
		void killedTwiceThenResumed() throws Exception {
			KilledProcessTests.this.killedTwiceThenResumed();

			Path output = dir.resolve("out");
			assertThat(RunPlan.stateDirectory(output).resolve("repository.mv.db")).doesNotExist();
			try (Connection connection = DriverManager.getConnection(this.url, PostgresServer.get().username(),
					PostgresServer.get().password());
					ResultSet rows = connection.createStatement()
						.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
				List<String> statuses = new ArrayList<>();
				while (rows.next()) {
					statuses.add(rows.getString(1));
				}
				// two runs of the reference workspace and of this one: killed twice (recovered), then completed
				assertThat(statuses).containsExactly("COMPLETED", "FAILED", "FAILED", "COMPLETED");
			}
		}

	}

}
