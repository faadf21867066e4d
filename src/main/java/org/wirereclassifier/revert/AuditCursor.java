package org.wirereclassifier.revert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a run's {@code audit.jsonl} alongside the archive it changed: both are in archive order (file, record), so
 * the entries of each wire are found by moving forward, never by loading the whole audit.
 */
final class AuditCursor {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path audit;

	private final Map<String, Integer> fileOrder;

	private BufferedReader reader;

	private JsonNode next;

	/** @param fileOrder the place of each file in the run's order */
	AuditCursor(Path audit, Map<String, Integer> fileOrder) {
		this.audit = audit;
		this.fileOrder = fileOrder;
	}

	/** The entries of the wire at {@code file} record {@code record}; the cursor restarts if asked to go back. */
	List<JsonNode> entries(String file, long record) {
		int fileIndex = this.fileOrder.getOrDefault(file, -1);
		if (this.reader == null || (this.next != null && compare(this.next, fileIndex, record) > 0)) {
			open(); // first use, or a resumed run reading from an earlier place
		}
		List<JsonNode> entries = new ArrayList<>();
		while (this.next != null && compare(this.next, fileIndex, record) <= 0) {
			if (compare(this.next, fileIndex, record) == 0) {
				entries.add(this.next);
			}
			advance();
		}
		return entries;
	}

	private int compare(JsonNode entry, int fileIndex, long record) {
		int order = Integer.compare(this.fileOrder.getOrDefault(entry.get("file").asString(), -1), fileIndex);
		return order != 0 ? order : Long.compare(entry.get("record").asLong(), record);
	}

	private void open() {
		try {
			if (this.reader != null) {
				this.reader.close();
			}
			this.reader = Files.newBufferedReader(this.audit, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		advance();
	}

	private void advance() {
		try {
			String line = this.reader.readLine();
			this.next = line == null ? null : this.json.readTree(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
