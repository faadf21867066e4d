package org.wirereclassifier.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.wirereclassifier.archive.Severity;
import org.wirereclassifier.taxonomy.Taxonomy;

/**
 * Checks the rules of a job file and compiles them. Every problem is collected (not just the first), each naming
 * the rule and its line, so that a maintainer fixes a job file in one go.
 */
public final class RuleCompiler {

	/** Where a rule is in its job file. */
	@FunctionalInterface
	public interface Locator {

		/** The line of {@code rules[index]}, or of a key inside it; -1 if unknown. */
		int line(int index, String... keys);

	}

	/** Rule ids the pass uses itself in the audit, for changes no rule of the file made. */
	public static final Set<String> RESERVED_IDS = Set.of(Classifier.BULK_RATIONALE, Classifier.TAXONOMY_VERSION,
			Classifier.TAXONOMY_ORDER);

	private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private final Taxonomy taxonomy;

	private final Map<String, String> templateValues;

	private final Locator locator;

	private final List<String> problems = new ArrayList<>();

	private final Map<String, Integer> keywordIds = new LinkedHashMap<>();

	private String ruleId;

	private int ruleIndex;

	private RuleCompiler(Taxonomy taxonomy, Map<String, String> templateValues, Locator locator) {
		this.taxonomy = taxonomy;
		this.templateValues = templateValues;
		this.locator = locator;
	}

	public static RuleSet compile(List<RuleDefinition> definitions, Taxonomy taxonomy,
			Map<String, String> templateValues, Locator locator) {
		return new RuleCompiler(taxonomy, templateValues, locator).compile(definitions == null ? List.of() : definitions);
	}

	private RuleSet compile(List<RuleDefinition> definitions) {
		List<Rule> rules = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < definitions.size(); i++) {
			RuleDefinition definition = definitions.get(i);
			this.ruleIndex = i;
			this.ruleId = definition == null || definition.id() == null ? "#" + (i + 1) : definition.id();
			if (definition == null) {
				problem("is empty");
				continue;
			}
			if (definition.id() == null || definition.id().isBlank()) {
				problem("has no id");
			}
			else if (!RULE_ID.matcher(definition.id()).matches()) {
				problem("id must be letters, digits, '.', '_' or '-' (at most 64)");
			}
			else if (RESERVED_IDS.contains(definition.id())) {
				problem("id " + definition.id() + " is reserved for the pass's own changes");
			}
			else if (!ids.add(definition.id())) {
				problem("id appears twice", "id");
			}
			if (definition.description() == null || definition.description().isBlank()) {
				problem("has no description");
			}
			Condition when = definition.when() == null ? Condition.ALWAYS : condition(definition.when(), "when");
			Rule rule = action(definition, when);
			if (rule != null) {
				rules.add(rule);
			}
		}
		if (!this.problems.isEmpty()) {
			throw new RuleSetException(this.problems);
		}
		return new RuleSet(rules, KeywordMatcher.of(List.copyOf(this.keywordIds.keySet())));
	}

	private Condition condition(RuleDefinition.ConditionDefinition c, String key) {
		List<String> kinds = new ArrayList<>();
		if (c.keywords() != null) {
			kinds.add("keywords");
		}
		if (c.regex() != null) {
			kinds.add("regex");
		}
		if (c.provider() != null) {
			kinds.add("provider");
		}
		if (c.sourceCount() != null) {
			kinds.add("source_count");
		}
		if (c.sourceTier() != null) {
			kinds.add("source_tier");
		}
		if (c.severity() != null) {
			kinds.add("severity");
		}
		if (c.published() != null) {
			kinds.add("published");
		}
		if (c.hasCode() != null) {
			kinds.add("has_code");
		}
		if (c.lacksCode() != null) {
			kinds.add("lacks_code");
		}
		if (c.all() != null) {
			kinds.add("all");
		}
		if (c.any() != null) {
			kinds.add("any");
		}
		if (c.not() != null) {
			kinds.add("not");
		}
		if (kinds.size() != 1) {
			problem(key + ": a condition needs exactly one of keywords, regex, provider, source_count, source_tier, "
					+ "severity, published, has_code, lacks_code, all, any, not" + (kinds.isEmpty() ? ""
							: " (found " + String.join(", ", kinds) + ")"), "when");
			return Condition.ALWAYS;
		}
		if (c.in() != null && c.keywords() == null && c.regex() == null) {
			problem(key + ": 'in' goes only with keywords or regex", "when");
		}
		return switch (kinds.get(0)) {
			case "keywords" -> keywords(c.keywords(), fields(c.in(), key), key);
			case "regex" -> regex(c.regex(), fields(c.in(), key), key);
			case "provider" -> new Condition.Provider(lowerCase(nonEmpty(c.provider(), key + ".provider")));
			case "source_count" -> sourceCount(c.sourceCount(), key);
			case "source_tier" -> new Condition.SourceTier(lowerCase(nonEmpty(c.sourceTier(), key + ".source_tier")));
			case "severity" -> severity(c.severity(), key);
			case "published" -> published(c.published(), key);
			case "has_code" -> new Condition.Codes(knownCodes(c.hasCode(), key + ".has_code", false), true);
			case "lacks_code" -> new Condition.Codes(knownCodes(c.lacksCode(), key + ".lacks_code", false), false);
			case "all" -> new Condition.All(conditions(c.all(), key + ".all"));
			case "any" -> new Condition.Any(conditions(c.any(), key + ".any"));
			default -> new Condition.Not(condition(c.not(), key + ".not"));
		};
	}

	private List<Condition> conditions(List<RuleDefinition.ConditionDefinition> list, String key) {
		List<Condition> conditions = new ArrayList<>();
		for (int i = 0; i < nonEmpty(list, key).size(); i++) {
			if (list.get(i) == null) {
				problem(key + "[" + i + "] is empty", "when");
				continue;
			}
			conditions.add(condition(list.get(i), key + "[" + i + "]"));
		}
		return conditions;
	}

	private Condition keywords(List<String> keywords, List<WireFacts.TextField> fields, String key) {
		BitSet bits = new BitSet();
		for (String keyword : nonEmpty(keywords, key + ".keywords")) {
			String normal = keyword == null ? "" : KeywordMatcher.normalise(keyword);
			if (normal.isEmpty()) {
				problem(key + ".keywords: an empty keyword", "when");
				continue;
			}
			if (normal.contains("*")) {
				problem(key + ".keywords: \"" + keyword + "\": * is allowed only at the end of a keyword", "when");
				continue;
			}
			// each distinct keyword is matched once for all rules; a trailing * (prefix match) is another keyword
			String spelling = keyword.strip().endsWith("*") ? normal + "*" : normal;
			bits.set(this.keywordIds.computeIfAbsent(spelling, k -> this.keywordIds.size()));
		}
		return new Condition.Keywords(bits, fields);
	}

	private Condition regex(String regex, List<WireFacts.TextField> fields, String key) {
		String unsupported = unsupportedRegexFeature(regex);
		if (unsupported != null) {
			problem(key + ".regex /" + regex + "/ uses " + unsupported
					+ ", which the linear-time engine does not support", "when");
			return Condition.ALWAYS;
		}
		try {
			// RE2/J's case-insensitive mode folds Unicode case too (É matches é, K matches the Kelvin sign)
			return new Condition.Regex(com.google.re2j.Pattern.compile(regex, com.google.re2j.Pattern.CASE_INSENSITIVE),
					fields);
		}
		catch (com.google.re2j.PatternSyntaxException ex) {
			// RE2/J gives no index (always -1), only the reason
			problem(key + ".regex /" + regex + "/ is not a valid regular expression: " + ex.getDescription(), "when");
			return Condition.ALWAYS;
		}
	}

	/**
	 * What of java.util.regex's syntax the pattern uses that RE2/J cannot match in linear time, or null: named here
	 * because RE2/J's own messages for these ("invalid escape sequence") do not say why.
	 */
	static String unsupportedRegexFeature(String regex) {
		boolean inClass = false;
		for (int i = 0; i < regex.length(); i++) {
			char c = regex.charAt(i);
			if (c == '\\') {
				if (!inClass && i + 1 < regex.length() && regex.charAt(i + 1) >= '1' && regex.charAt(i + 1) <= '9') {
					return "a backreference";
				}
				i++;
			}
			else if (inClass) {
				inClass = c != ']';
			}
			else if (c == '[') {
				inClass = true;
				// a ] right after [ or [^ is a literal
				if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
					i++;
				}
				if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
					i++;
				}
			}
			else if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i)) {
				return "a lookahead";
			}
			else if (regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i)) {
				return "a lookbehind";
			}
			else if (regex.startsWith("(?>", i)) {
				return "an atomic group";
			}
			else if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < regex.length()
					&& regex.charAt(i + 1) == '+') {
				return "a possessive quantifier";
			}
		}
		return null;
	}

	private List<WireFacts.TextField> fields(List<String> in, String key) {
		if (in == null) {
			return List.of(WireFacts.TextField.HEADLINE, WireFacts.TextField.BODY);
		}
		List<WireFacts.TextField> fields = new ArrayList<>();
		for (String field : nonEmpty(in, key + ".in")) {
			switch (String.valueOf(field)) {
				case "headline" -> fields.add(WireFacts.TextField.HEADLINE);
				case "body" -> fields.add(WireFacts.TextField.BODY);
				default -> problem(key + ".in: unknown field \"" + field + "\" (headline or body)", "when");
			}
		}
		return fields;
	}

	private Condition sourceCount(RuleDefinition.CountRange range, String key) {
		if (range.min() == null && range.max() == null) {
			problem(key + ".source_count needs min or max", "when");
		}
		if ((range.min() != null && range.min() < 0) || (range.min() != null && range.max() != null
				&& range.min() > range.max())) {
			problem(key + ".source_count: min must be >= 0 and <= max", "when");
		}
		return new Condition.SourceCount(range.min(), range.max());
	}

	private Condition severity(RuleDefinition.SeverityRange range, String key) {
		if (range.is() != null) {
			if (range.atLeast() != null || range.atMost() != null) {
				problem(key + ".severity: use either is, or at_least/at_most", "when");
			}
			Set<Integer> levels = new HashSet<>();
			for (String severity : nonEmpty(range.is(), key + ".severity.is")) {
				if ("unrated".equals(severity)) {
					levels.add(0);
				}
				else {
					levels.add(severityLevel(severity, key + ".severity.is"));
				}
			}
			return new Condition.SeverityLevel(0, 0, levels);
		}
		if (range.atLeast() == null && range.atMost() == null) {
			problem(key + ".severity needs at_least, at_most or is", "when");
		}
		int atLeast = range.atLeast() == null ? 0 : severityLevel(range.atLeast(), key + ".severity.at_least");
		int atMost = range.atMost() == null ? 0 : severityLevel(range.atMost(), key + ".severity.at_most");
		if (atLeast > 0 && atMost > 0 && atMost > atLeast) {
			problem(key + ".severity: at_most " + range.atMost() + " is less severe than at_least " + range.atLeast()
					+ ": no severity is both", "when");
		}
		return new Condition.SeverityLevel(atLeast, atMost, null);
	}

	private int severityLevel(String severity, String key) {
		int level = Severity.level(severity);
		if (level == 0) {
			problem(key + ": \"" + severity + "\" is not SEV-1 to SEV-5", key.startsWith("then") ? "then" : "when");
		}
		return level;
	}

	private Condition published(RuleDefinition.DateRange range, String key) {
		if (range.from() == null && range.to() == null) {
			problem(key + ".published needs from or to", "when");
		}
		else if (range.from() != null && range.to() != null && range.from().isAfter(range.to())) {
			problem(key + ".published: from is after to", "when");
		}
		return new Condition.Published(range.from(), range.to());
	}

	private Rule action(RuleDefinition definition, Condition when) {
		RuleDefinition.ActionDefinition then = definition.then();
		if (then == null || (then.addCodes() == null && then.removeCodes() == null && then.setSeverity() == null
				&& then.rationale() == null && then.counterfactual() == null)) {
			problem("has nothing to do: give then.add_codes, remove_codes, set_severity, rationale or counterfactual");
			return null;
		}
		List<String> add = then.addCodes() == null ? List.of()
				: List.copyOf(knownCodes(then.addCodes(), "then.add_codes", true));
		List<String> remove = then.removeCodes() == null ? List.of()
				: List.copyOf(knownCodes(then.removeCodes(), "then.remove_codes", false));
		if (then.setSeverity() != null) {
			severityLevel(then.setSeverity(), "then.set_severity");
		}
		return new Rule(definition.id(), definition.description(), when, add, remove, then.setSeverity(),
				template(then.rationale(), "then.rationale"), template(then.counterfactual(), "then.counterfactual"));
	}

	private String template(String text, String key) {
		if (text == null) {
			return null;
		}
		try {
			return RationaleTemplate.compile(text).render(this.templateValues);
		}
		catch (IllegalArgumentException ex) {
			problem(key + ": " + ex.getMessage(), "then");
			return null;
		}
	}

	private Set<String> knownCodes(List<String> codes, String key, boolean forAdding) {
		Set<String> known = new java.util.LinkedHashSet<>();
		for (String code : nonEmpty(codes, key)) {
			if (code == null || !this.taxonomy.isKnown(code)) {
				problem(key + ": code " + code + " is not in taxonomy " + this.taxonomy.version(),
						key.startsWith("then") ? "then" : "when");
			}
			else if (forAdding && this.taxonomy.isRetired(code)) {
				problem(key + ": code " + code + " is retired in taxonomy " + this.taxonomy.version(), "then");
			}
			else {
				known.add(code);
			}
		}
		return known;
	}

	private <T> List<T> nonEmpty(List<T> list, String key) {
		if (list == null || list.isEmpty()) {
			problem(key + " is empty", key.startsWith("then") ? "then" : "when");
			return List.of();
		}
		return list;
	}

	private static Set<String> lowerCase(List<String> values) {
		return values.stream().filter(v -> v != null).map(v -> v.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	private void problem(String message, String... keys) {
		int line = this.locator.line(this.ruleIndex, keys);
		if (line < 0 && keys.length > 0) {
			line = this.locator.line(this.ruleIndex);
		}
		this.problems.add("rule " + this.ruleId + (line > 0 ? " (line " + line + ")" : "") + ": " + message);
	}

}
