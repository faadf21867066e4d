package org.wirereclassifier.audit;

import java.util.List;

/**
 * One line of {@code audit.jsonl}: one changed field of one wire, or a wire whose editor rationale stood against
 * the pass ({@link #KEPT}: {@code after} is the editor's unchanged text, {@code wouldHaveWritten} the pass's).
 */
public record AuditEntry(long executionId, String pass, String wireId, String file, long record, String field,
		String before, String after, List<String> ruleIds, String taxonomyBefore, String taxonomyAfter, String kind,
		String wouldHaveWritten, String at) {

	/** A field the pass changed. */
	public static final String CHANGED = "changed";

	/** An editor's rationale the pass left alone. */
	public static final String KEPT = "editor-kept";

}
