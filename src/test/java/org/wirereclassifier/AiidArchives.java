package org.wirereclassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real AI Incident Database exports (copies in {@code src/test/resources/aiid/}, CC BY-SA 4.0) turned into
 * archive files: each row gets a {@code wire_id}, {@code published} and {@code headline}, and keeps all of AIID's
 * own columns, untouched, as extra columns.
 */
public final class AiidArchives {

	/** Columns the conversion puts before AIID's own. */
	public static final int ADDED_COLUMNS = 3;

	private AiidArchives() {
	}

	/** {@code classifications_GMF.csv}: 1,200+ multi-line cells, CRLF line endings, kept as CRLF. */
	public static Path gmf(Path folder) {
		List<List<String>> rows = TestCsv.parse(text("aiid/classifications_GMF.csv"));
		List<List<String>> archive = new ArrayList<>();
		archive.add(prefixed(rows.get(0), "wire_id", "published", "headline"));
		for (List<String> row : rows.subList(1, rows.size())) {
			archive.add(prefixed(row, "gmf-" + row.get(1), "2025-03-03",
					"GMF classification of AIID incident " + row.get(1)));
		}
		return TestArchives.write(folder.resolve("gmf-wires.csv"), TestCsv.write(archive, "\r\n"));
	}

	/** {@code incidents.csv}: JSON arrays inside cells, curly quotes, LF endings. */
	public static Path incidents(Path folder) {
		List<List<String>> rows = TestCsv.parse(text("aiid/incidents.csv"));
		List<String> header = rows.get(0);
		List<List<String>> archive = new ArrayList<>();
		archive.add(prefixed(header, "wire_id", "published", "headline"));
		for (List<String> row : rows.subList(1, rows.size())) {
			archive.add(prefixed(row, "aiid-" + row.get(header.indexOf("incident_id")),
					row.get(header.indexOf("date")), row.get(header.indexOf("title"))));
		}
		return TestArchives.write(folder.resolve("incident-wires.csv"), TestCsv.write(archive, "\n"));
	}

	/** {@code reports_en.jsonl}: long multi-line texts, one JSON object a line, AIID's properties kept. */
	public static Path reports(Path folder) {
		StringBuilder lines = new StringBuilder();
		for (String line : text("aiid/reports_en.jsonl").split("\n")) {
			JsonNode report = TestArchives.JSON.readTree(line);
			ObjectNode wire = TestArchives.JSON.createObjectNode();
			wire.put("wire_id", "aiid-report-" + report.get("report_number").asString());
			wire.put("published", "2025-02-24");
			String title = report.get("title").asString();
			wire.put("headline", title.isBlank() ? "AIID report " + report.get("report_number").asString() : title);
			report.properties().forEach(property -> wire.set(property.getKey(), property.getValue()));
			lines.append(TestArchives.JSON.writeValueAsString(wire)).append('\n');
		}
		return TestArchives.write(folder.resolve("report-wires.jsonl"), lines.toString());
	}

	private static List<String> prefixed(List<String> row, String... first) {
		List<String> result = new ArrayList<>(List.of(first));
		result.addAll(row);
		return result;
	}

	private static String text(String resource) {
		try {
			return Files.readString(TestArchives.resource(resource), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
