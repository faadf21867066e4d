package org.wirereclassifier.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.pass.PublishOutputsTasklet;
import org.wirereclassifier.pass.RunPlan;
import org.wirereclassifier.report.RunChanges;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One screen about one run: the end of {@code run}, and {@code report RUN}. Counts, time and rate, the changes by
 * field, rule and code, and where the files to look at are.
 */
final class RunSummary {

	/** How many rules and codes one screen has room for. */
	private static final int TOP = 8;

	private final RunRecord run;

	private final RunChanges changes;

	RunSummary(RunRecord run) {
		this.run = run;
		this.changes = RunChanges.of(run.parts().contexts());
	}

	private Path output() {
		return RunPlan.publishDirectory(Path.of(this.run.parameters().getString(RunPlan.OUTPUT)),
				"true".equals(this.run.parameters().getString(RunPlan.DRY_RUN)));
	}

	void print(PrintStream out) {
		ArchiveTally tally = this.run.tally();
		double seconds = Math.max(this.run.duration().toMillis(), 1) / 1000.0;
		out.println("Run " + this.run.id() + " " + this.run.status().toString().toLowerCase(Locale.ROOT) + " in " + RunRecord.format(this.run.duration())
				+ (tally.read > this.run.readBefore() ? String.format(Locale.ROOT, " (%,.0f records/s)",
						(tally.read - this.run.readBefore()) / seconds) : "")
				+ "; exit status " + this.run.exitStatus() + ".");
		out.println("Read " + tally.read + " records: " + tally.amended + " amended, " + tally.unchanged
				+ " unchanged, " + tally.rejected + " rejected; " + tally.editorKept + " editor rationale(s) kept.");
		if (this.changes.changedFields() > 0) {
			out.println("Changed " + this.changes.changedFields() + " field(s) on " + this.changes.changedWires()
					+ " wire(s): " + this.changes.fields().stream().map(f -> Console.safe(f.name()) + " " + f.count())
						.collect(Collectors.joining(", ")) + ".");
			out.println("By rule: " + top(this.changes.rules().stream()
				.map(r -> Console.safe(r.rule()) + " " + r.fields() + " field(s) on " + r.wires() + " wire(s)").toList()) + ".");
		}
		if (!this.changes.codes().isEmpty()) {
			out.println("Codes: " + top(this.changes.codes().stream().map(c -> Console.safe(c.code())
					+ (c.added() > 0 ? " +" + c.added() : "") + (c.removed() > 0 ? " -" + c.removed() : "")).toList()) + ".");
		}
		if ("dry run".equals(this.run.kind())) {
			out.println("Dry run: nothing was applied to the archive; the counts above are what the pass would do.");
		}
		if (this.run.status() != BatchStatus.COMPLETED) {
			this.run.failures().forEach(failure -> out.println("Failed: " + Console.safe(failure)));
			out.println(this.run.resumedBy() != null ? "Resumed by run " + this.run.resumedBy() + "."
					: "`resume " + this.run.id() + "` resumes it; `recover " + this.run.id() + " --abandon` gives it up.");
			return;
		}
		Long published = publishedRun();
		if (published == null || published != this.run.id()) {
			out.println("The files in " + Console.safe(output()) + " are "
					+ (published == null ? "not this run's" : "run " + published + "'s") + " now.");
			return;
		}
		List<String> written = new ArrayList<>();
		if (!"dry run".equals(this.run.kind())) {
			tally.files.forEach(file -> written.add(file.file));
		}
		written.addAll(List.of(AmendedArchiveWriter.REJECTS, PublishOutputsTasklet.AUDIT, PublishOutputsTasklet.REPORT_HTML,
				PublishOutputsTasklet.REPORT_CSV, PublishOutputsTasklet.SUMMARY));
		out.println("Output in " + Console.safe(output()) + ": "
				+ String.join(", ", written.stream().map(Console::safe).toList()));
		out.println("Review the changes: " + Console.safe(output().resolve(PublishOutputsTasklet.REPORT_HTML)));
		if (tally.rejected > 0) {
			out.println("Rejected records, with file, record, line and reason: "
					+ Console.safe(output().resolve(AmendedArchiveWriter.REJECTS)));
		}
	}

	/** The run whose files the output directory holds: its summary.json says (null if none says). */
	private Long publishedRun() {
		Path summary = output().resolve(PublishOutputsTasklet.SUMMARY);
		if (!Files.isRegularFile(summary)) {
			return null;
		}
		try {
			JsonNode id = Json.read(summary).path("run").path("id");
			return id.isNumber() ? id.asLong() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String top(List<String> items) {
		return items.size() <= TOP ? String.join(", ", items)
				: String.join(", ", items.subList(0, TOP)) + " and " + (items.size() - TOP) + " more";
	}

	/** The same, as JSON for {@code report RUN --json}. */
	Map<String, Object> toJson() {
		Map<String, Object> json = StatusCommand.toJson(this.run, false);
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("wires", this.changes.changedWires());
		changed.put("fields", this.changes.changedFields());
		changed.put("editor_kept", this.changes.editorKept());
		changed.put("by_field", this.changes.fields().stream()
			.collect(Collectors.toMap(RunChanges.Count::name, RunChanges.Count::count, (a, b) -> a, LinkedHashMap::new)));
		changed.put("by_rule", this.changes.rules().stream().map(r -> {
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("rule", r.rule());
			rule.put("fields", r.fields());
			rule.put("wires", r.wires());
			return rule;
		}).toList());
		changed.put("codes", this.changes.codes().stream().map(c -> {
			Map<String, Object> code = new LinkedHashMap<>();
			code.put("code", c.code());
			code.put("added", c.added());
			code.put("removed", c.removed());
			return code;
		}).toList());
		json.put("changes", changed);
		Path output = output();
		Map<String, Object> files = new LinkedHashMap<>();
		for (String name : List.of(PublishOutputsTasklet.REPORT_HTML, PublishOutputsTasklet.AUDIT,
				AmendedArchiveWriter.REJECTS, PublishOutputsTasklet.SUMMARY)) {
			files.put(name, Files.exists(output.resolve(name)) ? output.resolve(name).toString() : null);
		}
		json.put("files", files);
		return json;
	}

}
