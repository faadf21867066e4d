package org.wirereclassifier.audit;

import java.util.ArrayList;
import java.util.List;

import org.wirereclassifier.archive.RenderBuffer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit entries as JSON Lines: rendered to bytes on the threads that classify (so that the thread writing the
 * files only appends them), and read back. Rendered by hand rather than by a Jackson generator (a third of the
 * time), byte for byte as Jackson writes them ({@code AuditLinesTests}).
 */
public final class AuditLines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuditLines() {
	}

	/** The lines of {@code audit.jsonl} for these entries, one a line, each ending with LF. */
	public static byte[] render(List<AuditEntry> entries) {
		return render(entries, false);
	}

	/** As {@link #render(List)}, with each entry's headline too (the report's sample of wires keeps it). */
	public static byte[] render(List<AuditEntry> entries, boolean withHeadline) {
		if (entries.isEmpty()) {
			return new byte[0];
		}
		RenderBuffer out = RenderBuffer.take();
		for (AuditEntry entry : entries) {
			entry.write(out, withHeadline);
			out.write('\n');
		}
		return out.toByteArray();
	}

	/** Reads one line as {@link #render} wrote it. */
	public static AuditEntry parse(String line) {
		JsonNode entry = JSON.readTree(line);
		List<String> rules = null;
		if (entry.path("rule_ids").isArray()) {
			rules = new ArrayList<>();
			for (JsonNode rule : entry.get("rule_ids")) {
				rules.add(rule.asString());
			}
		}
		return new AuditEntry(entry.path("execution_id").asLong(), text(entry, "pass"), text(entry, "wire_id"),
				text(entry, "headline"), text(entry, "file"), entry.path("record").asLong(), text(entry, "field"),
				text(entry, "before"), text(entry, "after"), rules, text(entry, "taxonomy_before"),
				text(entry, "taxonomy_after"), text(entry, "kind"), text(entry, "would_have_written"),
				text(entry, "at"));
	}

	private static String text(JsonNode entry, String name) {
		JsonNode value = entry.get(name);
		return value == null || value.isNull() ? null : value.asString();
	}

}
