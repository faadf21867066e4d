package org.wirereclassifier.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A rule as a job file writes it: an id, what it is for, a condition over the wire ({@code when}) and what to do
 * when it holds ({@code then}). Keys in the file are snake_case ({@code add_codes}, {@code source_count}).
 */
public record RuleDefinition(String id, String description, ConditionDefinition when, ActionDefinition then) {

	/**
	 * One condition: exactly one of its kinds is given ({@code in} goes with {@code keywords} or {@code regex}).
	 *
	 * @param keywords words or phrases, any of which in the text makes the condition hold; case-insensitive, on word
	 * boundaries, any run of white space matching one space; a trailing {@code *} matches any word ending
	 * @param regex a regular expression found in the text (case-insensitive)
	 * @param in the fields searched: {@code headline}, {@code body} (default: both)
	 * @param provider any of these providers (case-insensitive)
	 * @param sourceCount a range of {@code source_count}
	 * @param sourceTier any of these tiers
	 * @param severity a range or set of severities
	 * @param published a range of publication dates, both ends included
	 * @param hasCode the wire has any of these codes
	 * @param lacksCode the wire has none of these codes
	 * @param all every one of these holds
	 * @param any at least one of these holds
	 * @param not this does not hold
	 */
	public record ConditionDefinition(List<String> keywords, String regex, List<String> in, List<String> provider,
			CountRange sourceCount, List<String> sourceTier, SeverityRange severity, DateRange published,
			List<String> hasCode, List<String> lacksCode, List<ConditionDefinition> all, List<ConditionDefinition> any,
			ConditionDefinition not) {
	}

	/** Both ends optional and included. */
	public record CountRange(Integer min, Integer max) {
	}

	/** Both ends optional and included. */
	public record DateRange(LocalDate from, LocalDate to) {
	}

	/**
	 * @param atLeast at least this severe ({@code SEV-2} holds for SEV-1 and SEV-2)
	 * @param atMost at most this severe
	 * @param is any of these ({@code unrated} for an empty severity)
	 */
	public record SeverityRange(String atLeast, String atMost, List<String> is) {
	}

	/**
	 * What a rule does to a wire it matches.
	 *
	 * @param rationale a template replacing the pass's bulk rationale (never an editor's)
	 * @param counterfactual a template replacing the pass's counterfactual line
	 */
	public record ActionDefinition(List<String> addCodes, List<String> removeCodes, String setSeverity,
			String rationale, String counterfactual) {
	}

}
