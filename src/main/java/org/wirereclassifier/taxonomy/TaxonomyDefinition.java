package org.wirereclassifier.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A taxonomy file as maintainers write it ({@code jobs/taxonomy/*.yaml}); field names are the file's keys.
 */
public record TaxonomyDefinition(String version, String description, String previous, MigrationDefinition migration,
		List<FamilyDefinition> families) {

	/**
	 * How the previous version's codes become this version's.
	 *
	 * @param rename old code: new code
	 * @param merge new code: [old codes]
	 * @param split old code: [new codes] (the pass's rules decide; the first is the default)
	 * @param retire old code: replacement code, or empty (~) to remove it
	 */
	public record MigrationDefinition(Map<String, String> rename, Map<String, List<String>> merge,
			Map<String, List<String>> split, Map<String, String> retire) {
	}

	/** Checks the definition; every problem is listed, each naming the family or code. */
	public Taxonomy toTaxonomy() {
		return toTaxonomy(null);
	}

	/** As {@link #toTaxonomy()}, following {@code before}, whose codes this definition's migration must bring here. */
	public Taxonomy toTaxonomy(Taxonomy before) {
		List<String> problems = new ArrayList<>();
		if (this.version == null || this.version.isBlank()) {
			problems.add("version is missing");
		}
		if (this.families == null || this.families.isEmpty()) {
			problems.add("families is empty");
		}
		List<Taxonomy.Family> families = new ArrayList<>();
		Set<String> familyIds = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (FamilyDefinition family : this.families == null ? List.<FamilyDefinition>of() : this.families) {
			if (family.id() == null || !family.id().matches("[A-Za-z]+")) {
				problems.add("family id \"" + family.id() + "\" must be letters");
				continue;
			}
			if (!familyIds.add(family.id())) {
				problems.add("family " + family.id() + " appears twice");
			}
			List<Taxonomy.Code> familyCodes = new ArrayList<>();
			for (CodeDefinition code : family.codes() == null ? List.<CodeDefinition>of() : family.codes()) {
				if (code.code() == null || !code.code().matches(java.util.regex.Pattern.quote(family.id()) + "[0-9]+")) {
					problems.add("code \"" + code.code() + "\" of family " + family.id() + " must be " + family.id()
							+ " followed by a number");
					continue;
				}
				if (!codes.add(code.code())) {
					problems.add("code " + code.code() + " appears twice");
				}
				if (code.label() == null || code.label().isBlank()) {
					problems.add("code " + code.code() + " has no label");
				}
				familyCodes.add(new Taxonomy.Code(code.code(), family.id(), code.label(), code.description(),
						Boolean.TRUE.equals(code.retired())));
			}
			families.add(new Taxonomy.Family(family.id(), family.label(), familyCodes));
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		if (before == null) {
			if (this.migration != null) {
				throw new IllegalArgumentException("a migration needs the previous version (previous: its file)");
			}
			return new Taxonomy(this.version, families);
		}
		if (before.chain().contains(this.version)) {
			throw new IllegalArgumentException("version " + this.version + " comes back in its own chain ("
					+ String.join(" -> ", before.chain()) + " -> " + this.version + "): a cycle");
		}
		MigrationDefinition m = this.migration == null ? new MigrationDefinition(null, null, null, null)
				: this.migration;
		Migration step = new Migration(before.version(), this.version, orEmpty(m.rename()), orEmpty(m.merge()),
				orEmpty(m.split()), orEmpty(m.retire()));
		Taxonomy next = new Taxonomy(this.version, families, before, step);
		List<String> migrationProblems = step.problems(before, next);
		if (!migrationProblems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", migrationProblems));
		}
		return next;
	}

	private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
		return map == null ? Map.of() : map;
	}

	public record FamilyDefinition(String id, String label, String description, List<CodeDefinition> codes) {
	}

	public record CodeDefinition(String code, String label, String description, Boolean retired) {
	}

}
