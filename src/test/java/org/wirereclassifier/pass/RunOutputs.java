package org.wirereclassifier.pass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.wirereclassifier.TestArchives;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares the outputs of two runs: byte for byte, except the audit's timestamps and execution ids and summary.json's run. */
final class RunOutputs {

	private RunOutputs() {
	}

	static void assertSame(Path actual, Path expected) throws Exception {
		List<String> names;
		try (Stream<Path> files = Files.list(expected)) {
			names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
		}
		try (Stream<Path> files = Files.list(actual)) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted())
				.containsExactlyElementsOf(names);
		}
		assertThat(names).contains("summary.json", "rejects.jsonl", "audit.jsonl");
		for (String name : names) {
			if (name.equals("report.csv")) {
				assertThat(withoutRunColumns(actual.resolve(name))).as(name)
					.containsExactlyElementsOf(withoutRunColumns(expected.resolve(name)));
			}
			else if (name.equals("audit.jsonl")) {
				assertThat(withoutRunIdentity(actual.resolve(name))).as(name)
					.containsExactlyElementsOf(withoutRunIdentity(expected.resolve(name)));
			}
			else {
				assertThat(TestArchives.sameInEveryRun(actual.resolve(name))).as(name)
					.isEqualTo(TestArchives.sameInEveryRun(expected.resolve(name)));
			}
		}
	}

	/** report.csv's rows without its execution_id (first) and at (fourteenth) columns. */
	private static List<String> withoutRunColumns(Path csv) {
		String text = new String(TestArchives.bytes(csv), java.nio.charset.StandardCharsets.UTF_8);
		return org.wirereclassifier.TestCsv.parse(text).stream().map(row -> {
			assertThat(row.get(13)).as("report.csv columns").isNotNull();
			List<String> kept = new java.util.ArrayList<>(row);
			kept.remove(13);
			kept.remove(0);
			return String.join("\u0000", kept);
		}).toList();
	}

	/** The audit's entries without what differs between runs of the same changes: time and execution id. */
	static List<JsonNode> auditWithoutRunIdentity(Path audit) {
		return withoutRunIdentity(audit);
	}

	private static List<JsonNode> withoutRunIdentity(Path audit) {
		return TestArchives.jsonLines(audit).stream().map(entry -> {
			ObjectNode copy = ((ObjectNode) entry).deepCopy();
			copy.remove("at");
			copy.remove("execution_id");
			return (JsonNode) copy;
		}).toList();
	}

}
