package org.wirereclassifier.report;

import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run changed, counted as its change report counts it: for {@code report RUN} on the command line, from
 * the classification steps' execution contexts, so that any run in the job repository can be shown, not only the
 * one whose files are in the output directory now.
 *
 * @param changedWires wires with at least one changed field
 * @param changedFields changed fields (audit entries that are changes)
 * @param editorKept audit entries that record an editor's rationale kept
 * @param fields changed fields by field name, most first
 * @param rules changed fields by the rule that changed them, most first, with the wires each rule changed
 * @param codes codes added and removed, by the number of wires, most first
 */
public record RunChanges(long changedWires, long changedFields, long editorKept, List<Count> fields,
		List<RuleCount> rules, List<CodeCount> codes) {

	/** A name and how often it occurred. */
	public record Count(String name, long count) {
	}

	/** A rule, the fields it changed and the wires they were on. */
	public record RuleCount(String rule, long fields, long wires) {
	}

	/** A code and on how many wires it was added or removed. */
	public record CodeCount(String code, long added, long removed) {
	}

	/** The changes recorded in these classification steps' execution contexts (one step, or one a partition). */
	public static RunChanges of(List<ExecutionContext> contexts) {
		ChangeStats stats = ReportRecorder.statsOf(contexts);
		return new RunChanges(stats.changedWires(), stats.changedFields(), stats.editorKeptEntries(),
				stats.fieldCounts().stream().map(count -> new Count(count.name(), count.count())).toList(),
				stats.ruleCounts().stream()
					.map(count -> new RuleCount(count.name(), count.count(), stats.wiresOfRule(count.name())))
					.toList(),
				stats.codeCounts().stream().map(code -> new CodeCount(code.code(), code.added(), code.removed()))
					.toList());
	}

}
