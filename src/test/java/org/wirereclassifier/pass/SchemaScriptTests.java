package org.wirereclassifier.pass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The job repository's schema scripts are Spring Batch's own, made idempotent (H2's sequences uncached), and nothing else. */
class SchemaScriptTests {

	private static String read(String resource) throws IOException {
		return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
	}

	private static String statements(String script) {
		return script.lines().filter(line -> !line.startsWith("--")).map(String::strip).filter(line -> !line.isEmpty())
			.reduce("", (a, b) -> a + b + "\n");
	}

	@Test
	void isSpringBatchsPostgresqlSchemaWithIfNotExists() throws IOException {
		String ours = read("org/wirereclassifier/pass/schema-postgresql.sql");
		String batch = read("org/springframework/batch/core/schema-postgresql.sql");

		assertThat(ours).contains("CREATE TABLE IF NOT EXISTS BATCH_JOB_INSTANCE")
			.contains("CREATE SEQUENCE IF NOT EXISTS BATCH_JOB_INSTANCE_SEQ")
			.doesNotContainPattern("CREATE (TABLE|SEQUENCE) (?!IF NOT EXISTS)");
		assertThat(statements(ours).replace(" IF NOT EXISTS", "")).isEqualTo(statements(batch));
	}

	@Test
	void isSpringBatchsH2SchemaWithIfNotExistsAndUncachedSequences() throws IOException {
		String ours = read("org/wirereclassifier/pass/schema-h2.sql");
		String batch = read("org/springframework/batch/core/schema-h2.sql");

		assertThat(ours).contains("CREATE SEQUENCE IF NOT EXISTS BATCH_JOB_EXECUTION_SEQ NOCACHE;")
			.doesNotContainPattern("CREATE (TABLE|SEQUENCE) (?!IF NOT EXISTS)");
		assertThat(statements(ours).replace(" IF NOT EXISTS", "").replace(" NOCACHE", "")).isEqualTo(statements(batch));
	}

}
