package org.wirereclassifier.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.archive.WireField;

/**
 * Classifies one wire: writes the pass's bulk rationale, counterfactual and taxonomy version, unless an editor
 * wrote the rationale, whose word stands. Pure and deterministic: the same wire always gives the same result, and
 * classifying an already classified wire changes nothing.
 */
public final class Classifier {

	/** The rule id under which the bulk rationale is recorded in the audit. */
	public static final String BULK_RATIONALE = "bulk-rationale";

	private final String rationale;

	private final String counterfactual;

	private final String taxonomyVersion;

	public Classifier(String rationale, String counterfactual, String taxonomyVersion) {
		this.rationale = rationale;
		this.counterfactual = counterfactual;
		this.taxonomyVersion = taxonomyVersion;
	}

	public Classification classify(Wire wire) {
		Wire amended = wire;
		boolean editorKept = false;
		if (wire.hasEditorRationale()) {
			editorKept = !wire.rationale().equals(this.rationale);
		}
		else {
			amended = wire.withRationale(this.rationale, Wire.ORIGIN_BULK, this.counterfactual)
				.withTaxonomyVersion(this.taxonomyVersion);
		}
		return new Classification(amended, changes(wire, amended), editorKept);
	}

	private static List<FieldChange> changes(Wire before, Wire after) {
		List<FieldChange> changes = new ArrayList<>();
		for (WireField field : WireField.PASS_WRITABLE) {
			if (!Objects.equals(before.get(field), after.get(field))) {
				changes.add(new FieldChange(field, before.text(field), after.text(field), List.of(BULK_RATIONALE)));
			}
		}
		return changes;
	}

}
