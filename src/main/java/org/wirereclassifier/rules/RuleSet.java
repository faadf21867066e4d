package org.wirereclassifier.rules;

import java.util.List;

/** The rules of a pass, in their order, with one keyword matcher for all of their keywords. */
public record RuleSet(List<Rule> rules, KeywordMatcher keywords) {

	public static final RuleSet EMPTY = new RuleSet(List.of(), KeywordMatcher.of(List.of()));

	public RuleSet {
		rules = List.copyOf(rules);
	}

	/** Whether a rule's condition reads codes or severity, which other rules change: then rules run to a fixpoint. */
	boolean hasChangeableConditions() {
		return this.rules.stream().anyMatch(rule -> rule.when().readsChangeableFacts());
	}

}
