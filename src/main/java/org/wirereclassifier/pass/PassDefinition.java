package org.wirereclassifier.pass;

import java.time.LocalDate;

/**
 * A pass as its job file ({@code jobs/*.yaml}) declares it. Field names are the file's keys.
 *
 * @param pass what the pass is called and when it is dated
 * @param taxonomy the taxonomy the pass classifies under
 * @param rationale the bulk rationale and counterfactual the pass writes
 */
public record PassDefinition(PassInfo pass, TaxonomyInfo taxonomy, RationaleInfo rationale) {

	/** @param date the pass date, shown in the bulk rationale ("10 May 2026") */
	public record PassInfo(String name, LocalDate date, String description) {
	}

	public record TaxonomyInfo(String version) {
	}

	/**
	 * Templates: {@code {pass_name}}, {@code {pass_date}} and {@code {taxonomy_version}} are filled in.
	 *
	 * @param text the "Why this is an AI incident" rationale
	 * @param counterfactual the counterfactual ("but-for") line
	 */
	public record RationaleInfo(String text, String counterfactual) {
	}

}
