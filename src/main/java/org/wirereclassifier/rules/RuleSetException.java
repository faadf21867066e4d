package org.wirereclassifier.rules;

import java.util.List;

/** Rules that cannot be used; each problem names the rule and its line in the job file. */
public class RuleSetException extends RuntimeException {

	private final List<String> problems;

	public RuleSetException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
