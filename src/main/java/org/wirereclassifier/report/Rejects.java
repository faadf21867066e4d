package org.wirereclassifier.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first rejected records of a run, read from {@code rejects.jsonl}, and how many there are in all. Streams the
 * file: a run that rejected a million records gives a page with {@code limit} of them.
 *
 * @param shown the first {@code limit} rejects, in the order of the file
 * @param total all rejects in the file
 */
record Rejects(List<Reject> shown, long total) {

	/** One line of {@code rejects.jsonl}; numbers are kept as text, since they are only shown. */
	record Reject(String file, String record, String line, String wireId, String reason, String raw) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Rejects none() {
		return new Rejects(List.of(), 0);
	}

	/** Reads {@code jsonl}; a missing file (or null) means no rejects. */
	static Rejects read(Path jsonl, int limit) throws IOException {
		if (jsonl == null || !Files.exists(jsonl)) {
			return none();
		}
		List<Reject> shown = new ArrayList<>();
		long total = 0;
		try (BufferedReader lines = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				total++;
				if (shown.size() < limit) {
					shown.add(parse(line));
				}
			}
		}
		return new Rejects(List.copyOf(shown), total);
	}

	private static Reject parse(String line) {
		try {
			JsonNode reject = JSON.readTree(line);
			return new Reject(text(reject, "file"), text(reject, "record"), text(reject, "line"),
					text(reject, "wire_id"), text(reject, "reason"), text(reject, "raw"));
		}
		catch (JacksonException ex) {
			// rejects.jsonl is the pass's own file, but a damaged line is shown rather than failing the report
			return new Reject("", "", "", "", "this line of rejects.jsonl cannot be read", line);
		}
	}

	private static String text(JsonNode reject, String key) {
		JsonNode value = reject.path(key);
		if (value.isNull() || value.isMissingNode()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

}
