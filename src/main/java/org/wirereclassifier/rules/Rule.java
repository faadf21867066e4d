package org.wirereclassifier.rules;

import java.util.List;

/**
 * A compiled rule: when its condition holds, it adds and removes codes, sets the severity, and may write its own
 * rationale and counterfactual (templates already filled in).
 */
public record Rule(String id, String description, Condition when, List<String> addCodes, List<String> removeCodes,
		String setSeverity, String rationale, String counterfactual) {

	public Rule {
		addCodes = List.copyOf(addCodes);
		removeCodes = List.copyOf(removeCodes);
	}

}
