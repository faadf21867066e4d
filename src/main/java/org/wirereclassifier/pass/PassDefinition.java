package org.wirereclassifier.pass;

import java.time.LocalDate;
import java.util.List;

import org.wirereclassifier.rules.RuleDefinition;

/**
 * A pass as its job file ({@code jobs/*.yaml}) declares it. Field names are the file's keys.
 *
 * @param pass what the pass is called and when it is dated
 * @param taxonomy the taxonomy file the pass classifies under, relative to the job file
 * @param rules the classification rules, applied in their order
 * @param rationale the bulk rationale and counterfactual the pass writes
 */
public record PassDefinition(PassInfo pass, String taxonomy, RationaleInfo rationale, List<RuleDefinition> rules) {

	/** @param date the pass date, shown in the bulk rationale ("10 May 2026") */
	public record PassInfo(String name, LocalDate date, String description) {
	}

	/**
	 * Templates: {@code {pass_name}}, {@code {pass_date}} and {@code {taxonomy_version}} are filled in.
	 *
	 * @param text the "Why this is an AI incident" rationale
	 * @param counterfactual the counterfactual ("but-for") line
	 * @param apply {@code always} (the default): every wire without an editor's rationale gets it; {@code changed}:
	 * only wires whose codes or severity the pass changes, or that have no rationale (a reclassification)
	 */
	public record RationaleInfo(String text, String counterfactual, String apply) {

		public boolean onlyWhenChanged() {
			return "changed".equals(this.apply);
		}

	}

}
