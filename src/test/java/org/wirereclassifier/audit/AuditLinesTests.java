package org.wirereclassifier.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** audit.jsonl is written by hand for speed: byte for byte what Jackson writes, whatever the text. */
class AuditLinesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static AuditEntry entry(String text, String wouldHave, List<String> rules) {
		return new AuditEntry(7, "launch-archive", "w-" + text, "Headline " + text, "wires.csv", 12, "rationale",
				null, text, rules, "", "2026.05", AuditEntry.CHANGED, wouldHave, "2026-11-22T01:02:03.004Z");
	}

	/** The line as Jackson writes the same keys and values. */
	private static String jackson(AuditEntry entry, boolean withHeadline) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("execution_id", entry.executionId());
		line.put("pass", entry.pass());
		line.put("wire_id", entry.wireId());
		if (withHeadline) {
			line.put("headline", entry.headline());
		}
		line.put("file", entry.file());
		line.put("record", entry.record());
		line.put("field", entry.field());
		line.put("before", entry.before());
		line.put("after", entry.after());
		line.put("rule_ids", entry.ruleIds());
		line.put("taxonomy_before", entry.taxonomyBefore());
		line.put("taxonomy_after", entry.taxonomyAfter());
		line.put("kind", entry.kind());
		if (entry.wouldHaveWritten() != null) {
			line.put("would_have_written", entry.wouldHaveWritten());
		}
		line.put("at", entry.at());
		return new String(JSON.writeValueAsBytes(line), StandardCharsets.UTF_8) + "\n";
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "\"quoted\" and \\back\\slashed\\", "line\nbreaks\r\nand\ttabs",
			"controls \u0000 \u0001 \u001f \b \f \u007f", "caf\u00e9 \u201ccurly\u201d \u2014 \u4e2d\u6587",
			"emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low", "high at end \uD83D", "</script>&<",
			"" })
	void writesWhatJacksonWrites(String text) {
		for (boolean withHeadline : new boolean[] { false, true }) {
			AuditEntry entry = entry(text, text + " would", List.of("r-" + text, "bulk-rationale"));
			assertThat(new String(AuditLines.render(List.of(entry), withHeadline), StandardCharsets.UTF_8))
				.isEqualTo(jackson(entry, withHeadline));
		}
	}

	@Test
	void writesNullsAndLeavesOutAnAbsentWouldHaveWritten() {
		AuditEntry entry = entry("x", null, null);

		String line = new String(AuditLines.render(List.of(entry)), StandardCharsets.UTF_8);

		assertThat(line).isEqualTo(jackson(entry, false)).contains("\"before\":null", "\"rule_ids\":null")
			.doesNotContain("would_have_written");
	}

	@Test
	void readsBackWhatItWrote() {
		List<AuditEntry> entries = new ArrayList<>();
		entries.add(entry("\"a\"\n\uD83D\uDE00", "b", List.of("r1")));
		entries.add(entry("second", null, List.of()));

		String[] lines = new String(AuditLines.render(entries, true), StandardCharsets.UTF_8).split("\n");

		assertThat(lines).hasSize(2);
		assertThat(AuditLines.parse(lines[0])).isEqualTo(entries.get(0));
		assertThat(AuditLines.parse(lines[1])).isEqualTo(entries.get(1));
	}

}
