package org.wirereclassifier.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the codes of one taxonomy version become those of the next: renamed (one to one), merged (many to one),
 * split (one to several: the pass's rules decide, the first target is the default), retired (removed, or replaced
 * by a code). Codes the migration does not name stay as they are.
 */
public final class Migration {

	/** What a migration did to a wire's codes. */
	public record Result(List<String> codes, List<List<String>> splits, boolean changed) {
	}

	private final String from;

	private final String to;

	/** Old code → new code, for renames, merges and replacing retirements. */
	private final Map<String, String> replacements = new LinkedHashMap<>();

	private final Map<String, List<String>> splits = new LinkedHashMap<>();

	private final Set<String> removals = new LinkedHashSet<>();

	public Migration(String from, String to, Map<String, String> rename, Map<String, List<String>> merge,
			Map<String, List<String>> split, Map<String, String> retire) {
		this.from = from;
		this.to = to;
		this.replacements.putAll(rename);
		merge.forEach((into, olds) -> olds.forEach(old -> this.replacements.put(old, into)));
		this.splits.putAll(split);
		retire.forEach((old, replacement) -> {
			if (replacement == null || replacement.isBlank() || replacement.equals("~")) {
				this.removals.add(old);
			}
			else {
				this.replacements.put(old, replacement);
			}
		});
	}

	public String from() {
		return this.from;
	}

	public String to() {
		return this.to;
	}

	/** The rule id under which the audit records what this step changed. */
	public String ruleId() {
		return "migration:" + this.from + "->" + this.to;
	}

	/** The codes the migration names as old ones. */
	public Set<String> sources() {
		Set<String> sources = new LinkedHashSet<>(this.replacements.keySet());
		sources.addAll(this.splits.keySet());
		sources.addAll(this.removals);
		return sources;
	}

	/** The codes the migration maps into. */
	public Set<String> targets() {
		Set<String> targets = new LinkedHashSet<>(this.replacements.values());
		this.splits.values().forEach(targets::addAll);
		return targets;
	}

	/** Applies the step to a list of codes: every code at once, in the order given. */
	public Result apply(List<String> codes) {
		Set<String> out = new LinkedHashSet<>();
		List<List<String>> pending = new ArrayList<>();
		boolean changed = false;
		for (String code : codes) {
			if (this.removals.contains(code)) {
				changed = true;
			}
			else if (this.replacements.containsKey(code)) {
				out.add(this.replacements.get(code));
				changed = true;
			}
			else if (this.splits.containsKey(code)) {
				pending.add(this.splits.get(code));
				changed = true;
			}
			else {
				out.add(code);
			}
		}
		return new Result(List.copyOf(out), pending, changed);
	}

	/**
	 * Checks the step against the taxonomies it joins: every old code it names exists before; every target exists
	 * after and is not retired; every code that disappears has a target (or is retired); renames and merges form
	 * no cycle.
	 */
	List<String> problems(Taxonomy previous, Taxonomy next) {
		List<String> problems = new ArrayList<>();
		String step = "migration " + this.from + " -> " + this.to + ": ";
		for (String source : sources()) {
			if (!previous.isKnown(source)) {
				problems.add(step + source + " is not a code of " + this.from);
			}
		}
		for (String target : targets()) {
			if (!next.isKnown(target)) {
				problems.add(step + target + " is not a code of " + this.to);
			}
			else if (next.isRetired(target)) {
				problems.add(step + "maps into " + target + ", which " + this.to + " retires");
			}
		}
		for (Taxonomy.Family family : previous.families()) {
			for (Taxonomy.Code code : family.codes()) {
				if (!next.isKnown(code.code()) && !sources().contains(code.code())) {
					problems.add(step + code.code() + " is not in " + this.to + " and has no target (rename, merge, "
							+ "split or retire it)");
				}
			}
		}
		for (String start : this.replacements.keySet()) {
			Set<String> seen = new LinkedHashSet<>();
			String code = start;
			while (this.replacements.containsKey(code) && seen.add(code)) {
				code = this.replacements.get(code);
			}
			if (code.equals(start) || seen.contains(code)) {
				problems.add(step + "renames and merges form a cycle: " + String.join(" -> ", seen) + " -> " + code);
				break;
			}
		}
		return problems;
	}

}
