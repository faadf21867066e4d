package org.wirereclassifier.audit;

import java.util.ArrayList;
import java.util.List;

import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.RenderBuffer;
import org.wirereclassifier.archive.WireField;

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
		if (!wire.audited()) {
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
	public void write(RenderBuffer out, boolean withHeadline) {
		name(out, "{\"execution_id\":");
		number(out, this.executionId);
		name(out, ",\"pass\":");
		out.writeJsonString(this.pass);
		name(out, ",\"wire_id\":");
		out.writeJsonString(this.wireId);
		if (withHeadline) {
			name(out, ",\"headline\":");
			out.writeJsonString(this.headline);
		}
		name(out, ",\"file\":");
		out.writeJsonString(this.file);
		name(out, ",\"record\":");
		number(out, this.record);
		name(out, ",\"field\":");
		out.writeJsonString(this.field);
		name(out, ",\"before\":");
		out.writeJsonString(this.before);
		name(out, ",\"after\":");
		out.writeJsonString(this.after);
		name(out, ",\"rule_ids\":");
		if (this.ruleIds == null) {
			name(out, "null");
		}
		else {
			out.write('[');
			for (int i = 0; i < this.ruleIds.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				out.writeJsonString(this.ruleIds.get(i));
			}
			out.write(']');
		}
		name(out, ",\"taxonomy_before\":");
		out.writeJsonString(this.taxonomyBefore);
		name(out, ",\"taxonomy_after\":");
		out.writeJsonString(this.taxonomyAfter);
		name(out, ",\"kind\":");
		out.writeJsonString(this.kind);
		if (this.wouldHaveWritten != null) {
			name(out, ",\"would_have_written\":");
			out.writeJsonString(this.wouldHaveWritten);
		}
		name(out, ",\"at\":");
		out.writeJsonString(this.at);
		out.write('}');
	}

	private static void name(RenderBuffer out, String ascii) {
		out.writeUtf8(ascii, false);
	}

	private static void number(RenderBuffer out, long value) {
		out.writeUtf8(Long.toString(value), false);
	}

}
