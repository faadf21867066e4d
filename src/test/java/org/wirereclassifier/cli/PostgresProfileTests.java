package org.wirereclassifier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.PostgresServer;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.pass.RunPlan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postgres profile: one job repository that several workspaces share, its schema created at the first start
 * and left alone at the next, and a clear failure when the server cannot be reached. (A killed run resumed with
 * its state in PostgreSQL: {@code KilledProcessTests}.) Skipped, saying why, only when no PostgreSQL server can
 * be started.
 */
class PostgresProfileTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	private List<String> repository;

	private Path input;

	@BeforeEach
	void postgresRepository() throws IOException {
		PostgresServer server = PostgresServer.get();
		this.repository = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + server.createDatabase(),
				"--spring.datasource.username=" + server.username(), "--spring.datasource.password=" + server.password());
		this.input = Files.createDirectories(this.dir.resolve("in")).resolve("wires.json");
		Files.copy(Path.of("input/wires.json"), this.input);
	}

	private int execute(String... args) {
		List<String> all = new java.util.ArrayList<>(List.of(args));
		all.addAll(this.repository);
		return this.commandLine.execute(all.toArray(String[]::new));
	}

	@Test
	void workspacesShareTheRepositoryAndEachShowsOnlyItsOwnRuns() {
		Path a = this.dir.resolve("a");
		Path b = this.dir.resolve("b");
		assertThat(execute("run", "--input", this.input.toString(), "--output", a.toString()))
			.as(this.commandLine.err()).isZero();
		assertThat(execute("run", "--input", this.input.toString(), "--output", b.toString()))
			.as(this.commandLine.err()).isZero();
		assertThat(this.commandLine.out()).contains("Run 2 completed in ");
		assertThat(execute("run", "--input", this.input.toString(), "--output", b.toString())).isZero();
		assertThat(this.commandLine.out()).contains("This pass already completed over these inputs (run 2)");

		assertThat(execute("status", "--output", a.toString(), "--json")).isZero();
		JsonNode runs = TestArchives.JSON.readTree(this.commandLine.out()).get("runs");
		assertThat(runs).hasSize(1);
		assertThat(runs.get(0).get("run").asLong()).isEqualTo(1);
		assertThat(runs.get(0).get("records").get("amended").asLong()).isEqualTo(30);
		// no H2 database in the workspace: the state is in PostgreSQL
		assertThat(RunPlan.stateDirectory(a).resolve("repository.mv.db")).doesNotExist();
		assertThat(TestArchives.sameInEveryRun(b.resolve("summary.json")))
			.isEqualTo(TestArchives.sameInEveryRun(a.resolve("summary.json")));
	}

	@Test
	void statusReadsTheSharedRepositoryWhileAnotherProcessHoldsTheWorkspace() throws IOException {
		Path output = this.dir.resolve("out");
		assertThat(execute("run", "--input", this.input.toString(), "--output", output.toString())).isZero();

		try (Workspace other = Workspace.lock(output)) {
			assertThat(execute("status", "--output", output.toString(), "--json")).isZero();
		}

		JsonNode status = TestArchives.JSON.readTree(this.commandLine.out());
		assertThat(status.get("in_progress").asBoolean()).isTrue();
		assertThat(status.get("holder").asString()).startsWith("process " + ProcessHandle.current().pid());
		assertThat(status.get("runs").get(0).get("state").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void aServerThatCannotBeReachedFailsTheRunAndSaysWhy() {
		List<String> unreachable = List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/wire_reclassifier",
				"--spring.datasource.hikari.connection-timeout=1000");
		List<String> all = new java.util.ArrayList<>(List.of("run", "--input", this.input.toString(), "--output",
				this.dir.resolve("out").toString()));
		all.addAll(unreachable);

		assertThat(this.commandLine.execute(all.toArray(String[]::new))).isEqualTo(ExitCode.FAILED);

		assertThat(this.commandLine.err()).contains("the run could not start or finish: ")
			.contains("Connection to 127.0.0.1:1 refused");
		assertThat(this.dir.resolve("out/wires.json")).doesNotExist();
	}

}
