package org.wirereclassifier.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.taxonomy.Taxonomy;

/**
 * Classifies one wire: runs the pass's rules over it, puts its codes in the taxonomy's order, stamps the taxonomy
 * version, and writes the bulk rationale (or a rule's) unless an editor wrote the rationale, whose word stands.
 * Codes an editor set ({@code code_locks}) stand too: no rule adds to or removes from them.
 * <p>
 * Rules apply in their order, each seeing what the earlier ones did; when a condition reads codes or severity,
 * the rules run again until a whole round changes nothing, so that classifying a classified wire changes
 * nothing. Pure and deterministic: the same wire, rules and taxonomy always give the same result.
 */
public final class Classifier implements WireClassifier {

	/** Rule id recorded for the pass's bulk rationale and counterfactual. */
	public static final String BULK_RATIONALE = "bulk-rationale";

	/** Rule id recorded for the taxonomy version stamp. */
	public static final String TAXONOMY_VERSION = "taxonomy-version";

	/** Rule id recorded when only the order of codes changed (into the taxonomy's order). */
	public static final String TAXONOMY_ORDER = "taxonomy-order";

	/** Rounds before rules that keep changing each other's results are given up on. */
	static final int MAX_ROUNDS = 10;

	private final RuleSet rules;

	private final Taxonomy taxonomy;

	private final String rationale;

	private final String counterfactual;

	private final boolean fixpoint;

	public Classifier(RuleSet rules, Taxonomy taxonomy, String rationale, String counterfactual) {
		this.rules = rules;
		this.taxonomy = taxonomy;
		this.rationale = rationale;
		this.counterfactual = counterfactual;
		this.fixpoint = rules.hasChangeableConditions();
	}

	@Override
	public Classification classify(Wire wire) {
		WireFacts facts = new WireFacts(wire, this.rules.keywords());
		boolean editorCodes = !wire.codeLocks().isEmpty();
		Map<String, String> addedBy = new LinkedHashMap<>();
		Map<String, String> removedBy = new LinkedHashMap<>();
		String severityBy = null;
		String rationale;
		String rationaleBy;
		String counterfactual;
		String counterfactualBy;
		for (int round = 1;; round++) {
			Set<String> codesBefore = new LinkedHashSet<>(facts.codes);
			String severityBefore = facts.severity;
			// texts come from the settled round only, as a second pass over the result would see them
			rationale = this.rationale;
			rationaleBy = BULK_RATIONALE;
			counterfactual = this.counterfactual;
			counterfactualBy = BULK_RATIONALE;
			Set<String> fired = new LinkedHashSet<>();
			for (Rule rule : this.rules.rules()) {
				if (!rule.when().test(facts)) {
					continue;
				}
				fired.add(rule.id());
				for (String code : rule.addCodes()) {
					if (editorCodes) {
						break; // an editor set this wire's codes: their word stands
					}
					if (facts.codes.add(code)) {
						addedBy.put(code, rule.id());
						removedBy.remove(code);
					}
				}
				for (String code : rule.removeCodes()) {
					if (editorCodes || wire.codeLocks().contains(code)) {
						continue; // set by an editor: no rule removes it
					}
					if (facts.codes.remove(code)) {
						removedBy.put(code, rule.id());
						addedBy.remove(code);
					}
				}
				if (rule.setSeverity() != null) {
					facts.severity = rule.setSeverity();
					severityBy = rule.id();
				}
				if (rule.rationale() != null) {
					rationale = rule.rationale();
					rationaleBy = rule.id();
				}
				if (rule.counterfactual() != null) {
					counterfactual = rule.counterfactual();
					counterfactualBy = rule.id();
				}
			}
			if (!this.fixpoint || (facts.codes.equals(codesBefore) && Objects.equals(facts.severity, severityBefore))) {
				break;
			}
			if (round == MAX_ROUNDS) {
				throw new IllegalStateException("the rules do not settle on this wire: after " + MAX_ROUNDS
						+ " rounds they still change its codes or severity (rules applied in the last round: "
						+ String.join(", ", fired) + "; codes now " + String.join(";", facts.codes) + ")");
			}
		}

		List<String> codes = this.taxonomy.ordered(facts.codes);
		Wire amended = wire.withCodes(codes).withSeverity(facts.severity).withTaxonomyVersion(this.taxonomy.version());
		boolean editorKept = false;
		if (wire.hasEditorRationale()) {
			editorKept = !wire.rationale().equals(rationale) || !wire.counterfactual().equals(counterfactual);
		}
		else {
			amended = amended.withRationale(rationale, Wire.ORIGIN_BULK, counterfactual);
		}

		List<FieldChange> changes = new ArrayList<>();
		for (WireField field : WireField.PASS_WRITABLE) {
			if (Objects.equals(wire.get(field), amended.get(field))) {
				continue;
			}
			List<String> ruleIds = switch (field) {
				case CODES -> codeRules(wire.codes(), codes, addedBy, removedBy);
				case SEVERITY -> List.of(severityBy);
				case RATIONALE -> List.of(rationaleBy);
				case COUNTERFACTUAL -> List.of(counterfactualBy);
				case RATIONALE_ORIGIN -> List.of(rationaleBy);
				default -> List.of(TAXONOMY_VERSION);
			};
			changes.add(new FieldChange(field, wire.text(field), amended.text(field), ruleIds));
		}
		List<String> unknown = codes.stream().filter(code -> !this.taxonomy.isKnown(code)).toList();
		List<String> retired = codes.stream().filter(this.taxonomy::isRetired).toList();
		return new Classification(amended, changes, editorKept, editorKept ? rationale : null, unknown, retired);
	}

	/** The rules behind a change of codes: those that added a code now present or removed one now absent. */
	private static List<String> codeRules(List<String> before, List<String> after, Map<String, String> addedBy,
			Map<String, String> removedBy) {
		Set<String> ids = new LinkedHashSet<>();
		for (String code : after) {
			if (!before.contains(code) && addedBy.containsKey(code)) {
				ids.add(addedBy.get(code));
			}
		}
		for (String code : before) {
			if (!after.contains(code) && removedBy.containsKey(code)) {
				ids.add(removedBy.get(code));
			}
		}
		if (ids.isEmpty()) {
			ids.add(TAXONOMY_ORDER);
		}
		return List.copyOf(ids);
	}

}
