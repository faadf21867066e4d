package org.wirereclassifier.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.pass.RunPlan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The last committed chunk is in the job repository": a commit to the workspace's H2 file is in the file when it
 * returns, as a {@code kill -9} right after it would leave the file. (H2's default writes it up to half a second
 * later, from a background thread.)
 */
class RepositoryDurabilityTests {

	@TempDir
	private Path dir;

	@Test
	void aCommitIsInTheFileWhenItReturns() throws Exception {
		Path output = dir.resolve("out");
		Files.createDirectories(RunPlan.stateDirectory(output));
		try (Connection connection = DriverManager.getConnection(Workspace.repositoryUrl(output), "sa", "")) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE chunk (id INT)");
				connection.commit();
				statement.execute("INSERT INTO chunk VALUES (42)");
				connection.commit();
			}
			// the file as it is now, with the database still open: what a process killed here leaves behind
			Path copy = dir.resolve("copy");
			Files.createDirectories(copy);
			Files.copy(RunPlan.stateDirectory(output).resolve("repository.mv.db"), copy.resolve("repository.mv.db"));
			try (Connection killed = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("repository"), "sa", "");
					ResultSet rows = killed.createStatement().executeQuery("SELECT id FROM chunk")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(42);
			}
		}
	}

}
