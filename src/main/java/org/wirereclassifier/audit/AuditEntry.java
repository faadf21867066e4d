package org.wirereclassifier.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code audit.jsonl}: one changed field of one wire, or a wire whose editor rationale stood against
 * the pass ({@link #KEPT}: {@code after} is the editor's unchanged text, {@code wouldHaveWritten} the pass's).
 *
 * @param headline the wire's headline, for reports (not written to {@code audit.jsonl})
 */
public record AuditEntry(long executionId, String pass, String wireId, String headline, String file, long record,
		String field, String before, String after, List<String> ruleIds, String taxonomyBefore, String taxonomyAfter,
		String kind, String wouldHaveWritten, String at) {

	/** A field the pass changed. */
	public static final String CHANGED = "changed";

	/** An editor's rationale the pass left alone. */
	public static final String KEPT = "editor-kept";

	/** The entry as {@code audit.jsonl} has it, keys in this order. */
	public Map<String, Object> toJson() {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("execution_id", this.executionId);
		line.put("pass", this.pass);
		line.put("wire_id", this.wireId);
		line.put("file", this.file);
		line.put("record", this.record);
		line.put("field", this.field);
		line.put("before", this.before);
		line.put("after", this.after);
		line.put("rule_ids", this.ruleIds);
		line.put("taxonomy_before", this.taxonomyBefore);
		line.put("taxonomy_after", this.taxonomyAfter);
		line.put("kind", this.kind);
		if (this.wouldHaveWritten != null) {
			line.put("would_have_written", this.wouldHaveWritten);
		}
		line.put("at", this.at);
		return line;
	}

}
