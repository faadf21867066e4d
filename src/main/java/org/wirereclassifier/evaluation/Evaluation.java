package org.wirereclassifier.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well a rule set's codes agree with a labelled sample: per code, precision (of the wires the rules gave the
 * code, how many the labels have it for), recall (of the wires labelled with it, how many the rules found) and
 * F1; their micro and macro averages; and for each labelled code, which codes the rules gave instead. Only the
 * code families the labels use are scored (labels of risk domains say nothing of failure kinds).
 */
public final class Evaluation {

	/** The scores of one code. */
	public record CodeScore(String code, long truePositives, long falsePositives, long falseNegatives) {

		public double precision() {
			return ratio(this.truePositives, this.truePositives + this.falsePositives);
		}

		public double recall() {
			return ratio(this.truePositives, this.truePositives + this.falseNegatives);
		}

		public double f1() {
			double p = precision();
			double r = recall();
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

	}

	private final Map<String, long[]> counts = new TreeMap<>(Evaluation::byFamilyAndNumber);

	/** Labelled code → predicted code (or "(none)") → wires. */
	private final Map<String, Map<String, Long>> confusion = new TreeMap<>(Evaluation::byFamilyAndNumber);

	private final Set<String> families;

	private long wires;

	private long unlabelledMissing;

	/** @param families the code families scored, e.g. {@code M} */
	public Evaluation(Set<String> families) {
		this.families = Set.copyOf(families);
	}

	/** The families of the labels' codes: the letters before the number ({@code M} of {@code M3}). */
	public static Set<String> familiesOf(Map<String, Set<String>> labels) {
		Set<String> families = new TreeSet<>();
		labels.values().forEach(codes -> codes.forEach(code -> families.add(code.replaceAll("[0-9]+$", ""))));
		return families;
	}

	/** Adds one labelled wire: the codes it is labelled with, and the codes the rules gave it. */
	public void add(Set<String> gold, List<String> predicted) {
		this.wires++;
		Set<String> scored = new TreeSet<>(Evaluation::byFamilyAndNumber);
		predicted.stream().filter(this::scored).forEach(scored::add);
		for (String code : scored) {
			this.counts.computeIfAbsent(code, c -> new long[3])[gold.contains(code) ? 0 : 1]++;
		}
		for (String code : gold) {
			if (!scored.contains(code)) {
				this.counts.computeIfAbsent(code, c -> new long[3])[2]++;
			}
			Map<String, Long> instead = this.confusion.computeIfAbsent(code, c -> new TreeMap<>());
			if (scored.isEmpty()) {
				instead.merge("(none)", 1L, Long::sum);
			}
			for (String other : scored) {
				if (!gold.contains(other)) {
					instead.merge(other, 1L, Long::sum);
				}
			}
		}
	}

	/** A labelled wire the archive did not have. */
	public void missing() {
		this.unlabelledMissing++;
	}

	public long wires() {
		return this.wires;
	}

	public long missingWires() {
		return this.unlabelledMissing;
	}

	public List<CodeScore> scores() {
		List<CodeScore> scores = new ArrayList<>();
		this.counts.forEach((code, c) -> scores.add(new CodeScore(code, c[0], c[1], c[2])));
		return scores;
	}

	/** Pooled over all codes: every decision counts the same. */
	public CodeScore micro() {
		long tp = 0;
		long fp = 0;
		long fn = 0;
		for (long[] c : this.counts.values()) {
			tp += c[0];
			fp += c[1];
			fn += c[2];
		}
		return new CodeScore("micro", tp, fp, fn);
	}

	/** The mean F1 of the codes: every code counts the same, rare ones too. */
	public double macroF1() {
		return scores().stream().mapToDouble(CodeScore::f1).average().orElse(0);
	}

	/** For a labelled code, the codes the rules gave its wires instead, most frequent first. */
	public List<Map.Entry<String, Long>> confusedWith(String code) {
		return this.confusion.getOrDefault(code, Map.of()).entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.toList();
	}

	private boolean scored(String code) {
		return this.families.contains(code.replaceAll("[0-9]+$", ""));
	}

	static double ratio(long part, long whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

	/** M2 before M10, and families in alphabetical order. */
	static int byFamilyAndNumber(String a, String b) {
		String familyA = a.replaceAll("[0-9]+$", "");
		String familyB = b.replaceAll("[0-9]+$", "");
		if (!familyA.equals(familyB)) {
			return familyA.compareTo(familyB);
		}
		return Comparator.<String>comparingInt(code -> code.length()).thenComparing(code -> code).compare(a, b);
	}

}
