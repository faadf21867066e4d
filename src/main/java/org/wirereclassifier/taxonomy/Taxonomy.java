package org.wirereclassifier.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned classification taxonomy: code families (like {@code M} for risk domains) and their codes (like
 * {@code M1}), in the order they are declared. That order is the order codes are written in.
 */
public final class Taxonomy {

	/** A code of the taxonomy; a retired code stays known (wires may carry it) but no rule may add it. */
	public record Code(String code, String family, String label, String description, boolean retired) {
	}

	/** A family of codes. */
	public record Family(String id, String label, List<Code> codes) {

		public Family {
			codes = List.copyOf(codes);
		}

	}

	private final String version;

	private final List<Family> families;

	private final Map<String, Code> codes = new HashMap<>();

	private final Map<String, Integer> order = new HashMap<>();

	private final Taxonomy previous;

	private final Migration migration;

	public Taxonomy(String version, List<Family> families) {
		this(version, families, null, null);
	}

	/** A taxonomy that follows {@code previous}, whose codes {@code migration} brings to this one. */
	public Taxonomy(String version, List<Family> families, Taxonomy previous, Migration migration) {
		this.previous = previous;
		this.migration = migration;
		this.version = version;
		this.families = List.copyOf(families);
		for (Family family : families) {
			for (Code code : family.codes()) {
				this.order.put(code.code(), this.codes.size());
				this.codes.put(code.code(), code);
			}
		}
	}

	public String version() {
		return this.version;
	}

	/**
	 * The migration steps that bring a wire classified under {@code version} to this taxonomy, oldest first: none
	 * for this version (or an unclassified wire), null for a version not in this taxonomy's chain.
	 */
	public List<Migration> stepsFrom(String version) {
		if (version == null || version.isEmpty() || version.equals(this.version)) {
			return List.of();
		}
		if (this.previous == null) {
			return null;
		}
		List<Migration> earlier = this.previous.stepsFrom(version);
		if (earlier == null) {
			return null;
		}
		List<Migration> steps = new ArrayList<>(earlier);
		steps.add(this.migration);
		return steps;
	}

	/** The versions of this taxonomy's chain, oldest first. */
	public List<String> chain() {
		List<String> chain = this.previous == null ? new ArrayList<>() : new ArrayList<>(this.previous.chain());
		chain.add(this.version);
		return chain;
	}

	public List<Family> families() {
		return this.families;
	}

	public Optional<Code> code(String code) {
		return Optional.ofNullable(this.codes.get(code));
	}

	public boolean isKnown(String code) {
		return this.codes.containsKey(code);
	}

	public boolean isRetired(String code) {
		Code known = this.codes.get(code);
		return known != null && known.retired();
	}

	/**
	 * Codes in the taxonomy's order, each once; codes the taxonomy does not know keep their place after the known
	 * ones, in the order given, so that nothing is dropped.
	 */
	public List<String> ordered(Collection<String> codes) {
		Set<String> unique = new LinkedHashSet<>(codes);
		List<String> known = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String code : unique) {
			(isKnown(code) ? known : unknown).add(code);
		}
		known.sort(Comparator.comparingInt(this.order::get));
		known.addAll(unknown);
		return known;
	}

}
