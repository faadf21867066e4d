package org.wirereclassifier.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.TestArchives.bytes;

/**
 * The README's taxonomy update workflow on AIID's real MIT label update (jobs/taxonomy/mit-example/): a dry run
 * previews the migration, the real run applies exactly that, and the wires it does not touch keep their bytes.
 */
class TaxonomyUpdateTests {

	@TempDir
	private Path dir;

	private final TestCommandLine commandLine = new TestCommandLine();

	@Test
	@DisplayName("preview, then apply: merged codes migrate, untouched wires stay byte for byte")
	void mitLabelUpdate() {
		String job = "jobs/taxonomy/mit-example/reclassify.yaml";
		String archive = Path.of("jobs/taxonomy/mit-example/wires-2024.csv").toAbsolutePath().toString();
		Path output = dir.resolve("out");

		assertThat(this.commandLine.execute("run", job, "--input", archive, "--output", output.toString(), "--dry-run"))
			.as(this.commandLine.printed()).isZero();
		assertThat(this.commandLine.execute("run", job, "--input", archive, "--output", output.toString()))
			.as(this.commandLine.printed()).isZero();

		List<JsonNode> preview = TestArchives.jsonLines(output.resolve("dry-run/audit.jsonl"));
		List<JsonNode> applied = TestArchives.jsonLines(output.resolve("audit.jsonl"));
		assertThat(applied).extracting(e -> e.get("wire_id").asString() + " " + e.get("field").asString() + " "
				+ e.get("before").asString() + "->" + e.get("after").asString())
			.containsExactlyElementsOf(preview.stream().map(e -> e.get("wire_id").asString() + " "
					+ e.get("field").asString() + " " + e.get("before").asString() + "->" + e.get("after").asString())
				.toList())
			.contains("aiid-39 codes M41->M4", "aiid-4 codes M71->M7")
			.noneMatch(entry -> entry.startsWith("aiid-1 "));
		assertThat(applied).filteredOn(e -> e.get("field").asString().equals("codes"))
			.allSatisfy(e -> assertThat(e.get("rule_ids").get(0).asString()).isEqualTo("migration:mit-2024->mit-2025"));
		String before = new String(bytes(Path.of(archive)), StandardCharsets.UTF_8);
		String after = new String(bytes(output.resolve("wires-2024.csv")), StandardCharsets.UTF_8);
		String untouched = before.lines().filter(line -> line.startsWith("aiid-1,")).findFirst().orElseThrow();
		assertThat(after.lines()).contains(untouched);
		assertThat(after).contains("Editor note: kept.");
	}

}
