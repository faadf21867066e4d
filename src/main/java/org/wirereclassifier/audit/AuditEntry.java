package org.wirereclassifier.audit;

import java.util.ArrayList;
import java.util.List;

import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.WireField;

import tools.jackson.core.JsonGenerator;

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

	/**
	 * The entries of a classified wire, in the order the audit has them: its changed fields, then an editor's kept
	 * rationale. None for a wire the pass left alone.
	 */
	public static List<AuditEntry> of(ArchiveItem.Classified wire, long executionId, String pass, String at) {
		if (!wire.changed() && !wire.editorKept()) {
			return List.of();
		}
		List<AuditEntry> entries = new ArrayList<>(wire.changes().size() + 1);
		String wireId = wire.original().wireId();
		String headline = wire.original().headline();
		String file = wire.source().file().name();
		long record = wire.source().recordNumber();
		String taxonomyBefore = wire.original().taxonomyVersion();
		String taxonomyAfter = wire.amended().taxonomyVersion();
		for (FieldChange change : wire.changes()) {
			entries.add(new AuditEntry(executionId, pass, wireId, headline, file, record, change.field().fieldName(),
					change.before(), change.after(), change.ruleIds(), taxonomyBefore, taxonomyAfter, CHANGED, null,
					at));
		}
		if (wire.editorKept()) {
			entries.add(new AuditEntry(executionId, pass, wireId, headline, file, record,
					WireField.RATIONALE.fieldName(), wire.original().rationale(), wire.original().rationale(), List.of(),
					taxonomyBefore, taxonomyAfter, KEPT, wire.keptRationale(), at));
		}
		return entries;
	}

	/** Writes the entry as {@code audit.jsonl} has it, keys in this order; with the headline only if asked. */
	public void write(JsonGenerator json, boolean withHeadline) {
		json.writeStartObject();
		json.writeNumberProperty("execution_id", this.executionId);
		json.writeStringProperty("pass", this.pass);
		json.writeStringProperty("wire_id", this.wireId);
		if (withHeadline) {
			json.writeStringProperty("headline", this.headline);
		}
		json.writeStringProperty("file", this.file);
		json.writeNumberProperty("record", this.record);
		json.writeStringProperty("field", this.field);
		json.writeStringProperty("before", this.before);
		json.writeStringProperty("after", this.after);
		json.writeName("rule_ids");
		if (this.ruleIds == null) {
			json.writeNull();
		}
		else {
			json.writeStartArray();
			for (String rule : this.ruleIds) {
				json.writeString(rule);
			}
			json.writeEndArray();
		}
		json.writeStringProperty("taxonomy_before", this.taxonomyBefore);
		json.writeStringProperty("taxonomy_after", this.taxonomyAfter);
		json.writeStringProperty("kind", this.kind);
		if (this.wouldHaveWritten != null) {
			json.writeStringProperty("would_have_written", this.wouldHaveWritten);
		}
		json.writeStringProperty("at", this.at);
		json.writeEndObject();
	}

}
