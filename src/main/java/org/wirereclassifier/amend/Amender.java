package org.wirereclassifier.amend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.rules.Classification;
import org.wirereclassifier.rules.WireClassifier;
import org.wirereclassifier.taxonomy.Taxonomy;

/**
 * Applies editors' amendments: an amended rationale or counterfactual becomes the editor's
 * ({@code rationale_origin = editor}), which later bulk passes keep; amended codes are put in the taxonomy's order
 * and locked ({@code code_locks}), so no rule removes them. Wires without amendments are left as they are. Each
 * change is recorded under the rule id {@code editor:NAME}.
 */
public final class Amender implements WireClassifier {

	private final Map<String, List<Amendment>> byWire = new HashMap<>();

	private final Taxonomy taxonomy;

	public Amender(List<Amendment> amendments, Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		amendments.forEach(a -> this.byWire.computeIfAbsent(a.wireId(), id -> new ArrayList<>()).add(a));
	}

	@Override
	public Classification classify(Wire wire) {
		List<Amendment> amendments = this.byWire.getOrDefault(wire.wireId(), List.of());
		Wire amended = wire;
		Map<WireField, String> editors = new HashMap<>();
		for (Amendment amendment : amendments) {
			editors.put(amendment.field(), "editor:" + amendment.editor());
			amended = switch (amendment.field()) {
				case RATIONALE -> amended.withRationale(amendment.value(), Wire.ORIGIN_EDITOR, amended.counterfactual());
				case COUNTERFACTUAL -> amended.withRationale(amended.rationale(), Wire.ORIGIN_EDITOR, amendment.value());
				case SEVERITY -> amended.withSeverity(amendment.value());
				case CODES -> amended.withEditorCodes(this.taxonomy.ordered(AmendmentFile.codes(amendment.value())));
				default -> throw new IllegalStateException("not amendable: " + amendment.field());
			};
		}
		List<FieldChange> changes = FieldChange.between(wire, amended, field -> List.of(editors.getOrDefault(field,
				field == WireField.RATIONALE_ORIGIN
						? editors.getOrDefault(WireField.RATIONALE, editors.get(WireField.COUNTERFACTUAL))
						: editors.get(WireField.CODES))));
		return new Classification(amended, changes, false, null, List.of(), List.of());
	}

}
