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
import org.wirereclassifier.taxonomy.Migration;
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

	private final boolean rationaleOnlyWhenClassified;

	public Classifier(RuleSet rules, Taxonomy taxonomy, String rationale, String counterfactual) {
		this(rules, taxonomy, rationale, counterfactual, false);
	}

	/**
	 * @param rationaleOnlyWhenClassified write the bulk rationale only to wires whose codes or severity the pass
	 * changes (or that have none): a reclassification leaves the wires it does not touch as they are
	 */
	public Classifier(RuleSet rules, Taxonomy taxonomy, String rationale, String counterfactual,
			boolean rationaleOnlyWhenClassified) {
		this.rules = rules;
		this.taxonomy = taxonomy;
		this.rationale = rationale;
		this.counterfactual = counterfactual;
		this.fixpoint = rules.hasChangeableConditions();
		this.rationaleOnlyWhenClassified = rationaleOnlyWhenClassified;
	}

	@Override
	public Classification classify(Wire wire) {
		// first the taxonomy's migration, from the wire's version to this one; then the rules, on the result
		Migrated migrated = migrate(wire);
		WireFacts facts = new WireFacts(migrated.wire(), this.rules.keywords());
		boolean editorCodes = !migrated.wire().codeLocks().isEmpty();
		Map<String, String> addedBy = new LinkedHashMap<>();
		Map<String, String> removedBy = new LinkedHashMap<>();
		if (migrated.ruleId() != null) {
			migrated.wire().codes().stream().filter(code -> !wire.codes().contains(code))
				.forEach(code -> addedBy.put(code, migrated.ruleId()));
			wire.codes().stream().filter(code -> !migrated.wire().codes().contains(code))
				.forEach(code -> removedBy.put(code, migrated.ruleId()));
		}
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
					if (editorCodes || migrated.wire().codeLocks().contains(code)) {
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

		for (List<String> targets : migrated.splits()) {
			// a split code the rules gave none of its new codes to: the first is the default
			if (targets.stream().noneMatch(facts.codes::contains)) {
				facts.codes.add(targets.get(0));
				addedBy.put(targets.get(0), migrated.ruleId());
			}
		}
		List<String> codes = this.taxonomy.ordered(facts.codes);
		Wire amended = migrated.wire().withCodes(codes).withSeverity(facts.severity);
		boolean classified = !codes.equals(wire.codes()) || !facts.severity.equals(wire.severity())
				|| !amended.codeLocks().equals(wire.codeLocks());
		boolean writesRationale = !this.rationaleOnlyWhenClassified || classified || wire.rationale().isEmpty();
		boolean editorKept = false;
		if (wire.hasEditorRationale()) {
			// kept only where the pass would have written another: not on a wire a reclassification leaves alone
			editorKept = writesRationale
					&& (!wire.rationale().equals(rationale) || !wire.counterfactual().equals(counterfactual));
		}
		else if (writesRationale) {
			amended = amended.withRationale(rationale, Wire.ORIGIN_BULK, counterfactual);
		}
		if (classified || !amended.equals(wire) || wire.taxonomyVersion().isEmpty()) {
			// a wire the update does not touch keeps its version, and its bytes
			amended = amended.withTaxonomyVersion(this.taxonomy.version());
		}

		String severityRule = severityBy;
		String rationaleRule = rationaleBy;
		String counterfactualRule = counterfactualBy;
		List<FieldChange> changes = FieldChange.between(wire, amended, field -> switch (field) {
			case CODES -> codeRules(wire.codes(), codes, addedBy, removedBy);
			case SEVERITY -> List.of(severityRule);
			case RATIONALE, RATIONALE_ORIGIN -> List.of(rationaleRule);
			case COUNTERFACTUAL -> List.of(counterfactualRule);
			case CODE_LOCKS -> List.of(migrated.ruleId());
			default -> List.of(TAXONOMY_VERSION);
		});
		List<String> unknown = codes.stream().filter(code -> !this.taxonomy.isKnown(code)).toList();
		List<String> retired = codes.stream().filter(this.taxonomy::isRetired).toList();
		return new Classification(amended, changes, editorKept, editorKept ? rationale : null, unknown, retired);
	}

	/** A wire after its taxonomy migration: codes (and an editor's locked codes) renamed, merged, split, retired. */
	private record Migrated(Wire wire, List<List<String>> splits, String ruleId) {
	}

	private Migrated migrate(Wire wire) {
		List<Migration> steps = this.taxonomy.stepsFrom(wire.taxonomyVersion());
		if (steps == null || steps.isEmpty()) {
			return new Migrated(wire, List.of(), null);
		}
		List<String> codes = wire.codes();
		List<String> locks = wire.codeLocks();
		List<List<String>> splits = new ArrayList<>();
		boolean changed = false;
		for (Migration step : steps) {
			Migration.Result result = step.apply(codes);
			codes = result.codes();
			splits.addAll(result.splits());
			changed |= result.changed();
			Migration.Result locked = step.apply(locks);
			List<String> newLocks = new ArrayList<>(locked.codes());
			locked.splits().forEach(targets -> newLocks.add(targets.get(0))); // the editor's code: its default
			locks = newLocks;
		}
		if (!changed && locks.equals(wire.codeLocks())) {
			return new Migrated(wire, List.of(), null);
		}
		String ruleId = "migration:" + steps.get(0).from() + "->" + this.taxonomy.version();
		Wire migrated = wire.withCodes(codes).withText(WireField.CODE_LOCKS, String.join(";", locks));
		return new Migrated(migrated, splits, ruleId);
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
