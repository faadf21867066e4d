package org.wirereclassifier.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.wirereclassifier.audit.AuditEntry;

/**
 * What the report's counts and charts show, over all audit entries of a run. Memory grows with the number of
 * distinct codes, rules, fields and severities (a taxonomy's and a job file's worth), never with the entries.
 * Every list comes sorted by count, largest first, then by name, so that the page is the same for the same run.
 */
final class ChangeStats {

	/** The rule ids of changes the pass makes itself, not its rules (see the README on audit.jsonl). */
	static final Set<String> PASS_RULES = Set.of("bulk-rationale", "taxonomy-version", "taxonomy-order");

	/** How an empty severity (not yet rated) is shown. */
	static final String UNRATED = "unrated";

	/** A name and how often it occurred. */
	record Count(String name, long count) {
	}

	/** A code and on how many wires a pass added or removed it. */
	record CodeCount(String code, long added, long removed) {
	}

	private long entries;

	private long editorKept;

	private long wires;

	private long changedWires;

	private final Map<String, long[]> codes = new HashMap<>();

	private final Map<String, Long> ruleEntries = new HashMap<>();

	private final Map<String, Long> ruleWires = new HashMap<>();

	private final Map<String, Long> fields = new HashMap<>();

	private final Map<String, Long> severityShifts = new HashMap<>();

	/**
	 * The counts, as kept in the classification step's execution context at each commit: a resumed run goes on
	 * counting from them.
	 */
	record Snapshot(long entries, long editorKept, long wires, long changedWires, Map<String, long[]> codes,
			Map<String, Long> ruleEntries, Map<String, Long> ruleWires, Map<String, Long> fields,
			Map<String, Long> severityShifts) {
	}

	Snapshot snapshot() {
		return new Snapshot(this.entries, this.editorKept, this.wires, this.changedWires, new TreeMap<>(this.codes),
				new TreeMap<>(this.ruleEntries), new TreeMap<>(this.ruleWires), new TreeMap<>(this.fields),
				new TreeMap<>(this.severityShifts));
	}

	/** Adds the counts of another part of the same run (a partition). */
	void add(ChangeStats other) {
		this.entries += other.entries;
		this.editorKept += other.editorKept;
		this.wires += other.wires;
		this.changedWires += other.changedWires;
		other.codes.forEach((code, counts) -> {
			long[] mine = code(code);
			mine[0] += counts[0];
			mine[1] += counts[1];
		});
		other.ruleEntries.forEach((rule, count) -> this.ruleEntries.merge(rule, count, Long::sum));
		other.ruleWires.forEach((rule, count) -> this.ruleWires.merge(rule, count, Long::sum));
		other.fields.forEach((field, count) -> this.fields.merge(field, count, Long::sum));
		other.severityShifts.forEach((shift, count) -> this.severityShifts.merge(shift, count, Long::sum));
	}

	static ChangeStats of(Snapshot snapshot) {
		ChangeStats stats = new ChangeStats();
		stats.entries = snapshot.entries();
		stats.editorKept = snapshot.editorKept();
		stats.wires = snapshot.wires();
		stats.changedWires = snapshot.changedWires();
		stats.codes.putAll(snapshot.codes());
		stats.ruleEntries.putAll(snapshot.ruleEntries());
		stats.ruleWires.putAll(snapshot.ruleWires());
		stats.fields.putAll(snapshot.fields());
		stats.severityShifts.putAll(snapshot.severityShifts());
		return stats;
	}

	/** The rules seen on the current wire, so that each rule counts a wire once. */
	private final Set<String> wireRules = new HashSet<>();

	private boolean wireChanged;

	void accept(AuditEntry entry, boolean firstOfWire) {
		if (firstOfWire) {
			this.wires++;
			this.wireRules.clear();
			this.wireChanged = false;
		}
		this.entries++;
		if (!AuditEntry.CHANGED.equals(entry.kind())) {
			this.editorKept++;
			return;
		}
		if (!this.wireChanged) {
			this.wireChanged = true;
			this.changedWires++;
		}
		this.fields.merge(entry.field(), 1L, Long::sum);
		List<String> rules = entry.ruleIds() == null ? List.of() : entry.ruleIds();
		for (int i = 0; i < rules.size(); i++) {
			String rule = rules.get(i);
			if (rules.subList(0, i).contains(rule)) {
				continue; // a rule counts once an entry (a handful of rules: no set needed)
			}
			this.ruleEntries.merge(rule, 1L, Long::sum);
			if (this.wireRules.add(rule)) {
				this.ruleWires.merge(rule, 1L, Long::sum);
			}
		}
		if ("codes".equals(entry.field())) {
			Set<String> before = codes(entry.before());
			Set<String> after = codes(entry.after());
			for (String code : after) {
				if (!before.contains(code)) {
					code(code)[0]++;
				}
			}
			for (String code : before) {
				if (!after.contains(code)) {
					code(code)[1]++;
				}
			}
		}
		else if ("severity".equals(entry.field())) {
			this.severityShifts.merge(severity(entry.before()) + " \u2192 " + severity(entry.after()), 1L, Long::sum);
		}
	}

	private long[] code(String code) {
		return this.codes.computeIfAbsent(code, key -> new long[2]);
	}

	/** A {@code codes} value as the archive writes it: codes joined with {@code ;}. */
	static Set<String> codes(String value) {
		Set<String> codes = new LinkedHashSet<>();
		if (value != null) {
			for (String code : value.split(";")) {
				if (!code.isBlank()) {
					codes.add(code.strip());
				}
			}
		}
		return codes;
	}

	static String severity(String value) {
		return value == null || value.isBlank() ? UNRATED : value;
	}

	/** All audit entries: changed fields and kept editor rationales. */
	long entries() {
		return this.entries;
	}

	long changedFields() {
		return this.entries - this.editorKept;
	}

	long editorKeptEntries() {
		return this.editorKept;
	}

	/** Wires with at least one audit entry. */
	long wires() {
		return this.wires;
	}

	/** Wires with at least one changed field. */
	long changedWires() {
		return this.changedWires;
	}

	List<CodeCount> codeCounts() {
		List<CodeCount> counts = new ArrayList<>();
		this.codes.forEach((code, addedRemoved) -> counts.add(new CodeCount(code, addedRemoved[0], addedRemoved[1])));
		counts.sort(Comparator.comparingLong((CodeCount count) -> -(count.added() + count.removed()))
			.thenComparing(CodeCount::code));
		return counts;
	}

	/** Changed fields per rule that caused them. */
	List<Count> ruleCounts() {
		return sorted(this.ruleEntries);
	}

	/** Wires each rule changed. */
	long wiresOfRule(String rule) {
		return this.ruleWires.getOrDefault(rule, 0L);
	}

	List<Count> fieldCounts() {
		return sorted(this.fields);
	}

	/** Severity changes, as {@code "before → after"}. */
	List<Count> severityShifts() {
		return sorted(this.severityShifts);
	}

	static List<Count> sorted(Map<String, Long> counts) {
		List<Count> sorted = new ArrayList<>();
		counts.forEach((name, count) -> sorted.add(new Count(name, count)));
		sorted.sort(Comparator.comparingLong((Count count) -> -count.count()).thenComparing(Count::name));
		return sorted;
	}

}
