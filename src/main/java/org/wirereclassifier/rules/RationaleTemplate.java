package org.wirereclassifier.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rationale or counterfactual template from a job file. {@code {name}} is a variable; every variable must be
 * known when the job file is validated, so that a typo stops the pass before it writes anything.
 */
public final class RationaleTemplate {

	/** The variables a template may use. */
	public static final Set<String> VARIABLES = Set.of("pass_name", "pass_date", "taxonomy_version");

	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");

	private final String text;

	private RationaleTemplate(String text) {
		this.text = text;
	}

	/** Checks a template; the message of the exception names the unknown variables. */
	public static RationaleTemplate compile(String text) {
		List<String> unknown = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			if (!VARIABLES.contains(matcher.group(1))) {
				unknown.add("{" + matcher.group(1) + "}");
			}
		}
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown template variable " + String.join(", ", unknown)
					+ " (known: {pass_name}, {pass_date}, {taxonomy_version})");
		}
		return new RationaleTemplate(text);
	}

	public String render(Map<String, String> values) {
		Matcher matcher = VARIABLE.matcher(this.text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
