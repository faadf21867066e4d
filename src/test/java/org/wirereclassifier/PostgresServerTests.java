package org.wirereclassifier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test harness itself: a real server, shared by the JVM, whose databases are separate and empty. */
class PostgresServerTests {

	@Test
	void sharedServerGivesSeparateEmptyDatabases() throws SQLException {
		PostgresServer server = PostgresServer.get();
		assertThat(PostgresServer.get()).isSameAs(server);

		String first = server.createDatabase();
		String second = server.createDatabase();
		assertThat(first).isNotEqualTo(second);

		try (Connection a = connect(server, first); Connection b = connect(server, second)) {
			assertThat(queryString(a, "SELECT version()")).startsWith("PostgreSQL");
			assertThat(queryString(a, "SELECT current_database()")).isNotEqualTo(queryString(b, "SELECT current_database()"));
			// Fresh from template0: no tables of anyone else's.
			assertThat(queryString(a, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");

			try (Statement statement = a.createStatement()) {
				statement.execute("CREATE TABLE wire (id text PRIMARY KEY)");
				statement.execute("INSERT INTO wire VALUES ('w-1'), ('w-2')");
			}
			assertThat(queryString(a, "SELECT count(*) FROM wire")).isEqualTo("2");
			assertThat(queryString(a, "SELECT to_regclass('public.wire') IS NOT NULL")).isEqualTo("t");
			assertThat(queryString(b, "SELECT to_regclass('public.wire') IS NOT NULL")).isEqualTo("f");
		}
	}

	@Test
	void maintenanceUrlConnects() throws SQLException {
		PostgresServer server = PostgresServer.get();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
			assertThat(queryString(connection, "SELECT 1")).isEqualTo("1");
		}
	}

	private static Connection connect(PostgresServer server, String url) throws SQLException {
		return DriverManager.getConnection(url, server.username(), server.password());
	}

	private static String queryString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).as("a row from %s", sql).isTrue();
			return rows.getString(1);
		}
	}

}
