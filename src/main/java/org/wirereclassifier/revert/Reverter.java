package org.wirereclassifier.revert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.SourceRecord;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.rules.Classification;
import org.wirereclassifier.rules.WireClassifier;

import tools.jackson.databind.JsonNode;

/**
 * Undoes a run: every field its audit says it changed goes back to its value before, nothing else is touched. A
 * field whose value is no longer what the run wrote was changed since by someone else: that is a conflict, and
 * the field keeps its newer value (the revert command refuses to start over conflicts unless forced).
 */
public final class Reverter implements WireClassifier {

	/** A field a later change got to after the run: reverting it would undo that change too. */
	public record Conflict(String wireId, String file, long record, String field, String runWrote, String now) {

		@Override
		public String toString() {
			return this.file + " record " + this.record + " (" + this.wireId + "): " + this.field + " was changed after "
					+ "the run";
		}

	}

	private final AuditCursor audit;

	private final String ruleId;

	private final List<Conflict> conflicts = new ArrayList<>();

	/** @param ruleId what the revert's own audit entries name as their cause ({@code revert:RUN}) */
	public Reverter(Path audit, Map<String, Integer> fileOrder, String ruleId) {
		this.audit = new AuditCursor(audit, fileOrder);
		this.ruleId = ruleId;
	}

	@Override
	public Classification classify(Wire wire) {
		throw new IllegalStateException("a revert needs each wire's place in the archive");
	}

	@Override
	public Classification classify(Wire wire, SourceRecord source) {
		Wire reverted = wire;
		for (JsonNode entry : this.audit.entries(source.file().name(), source.recordNumber())) {
			if (!"changed".equals(entry.get("kind").asString())) {
				continue;
			}
			WireField field = WireField.byName(entry.get("field").asString()).orElseThrow();
			String now = wire.text(field);
			if (!now.equals(entry.get("after").asString())) {
				this.conflicts.add(new Conflict(wire.wireId(), source.file().name(), source.recordNumber(),
						field.fieldName(), entry.get("after").asString(), now));
				continue;
			}
			reverted = reverted.withText(field, entry.get("before").asString());
		}
		List<FieldChange> changes = FieldChange.between(wire, reverted, field -> List.of(this.ruleId));
		return new Classification(reverted, changes, false, null, List.of(), List.of());
	}

	/** The conflicts found so far: fields left with their newer values. */
	public List<Conflict> conflicts() {
		return List.copyOf(this.conflicts);
	}

}
