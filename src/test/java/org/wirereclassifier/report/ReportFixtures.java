package org.wirereclassifier.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wirereclassifier.TestArchives;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.audit.AuditEntry;

import tools.jackson.databind.JsonNode;

/** Audit entries, tallies and run infos for report tests, and a run's outputs read back for the sample report. */
final class ReportFixtures {

	static final String AT = "2026-11-22T00:02:57.334Z";

	static final String SHA = "867fd1a26682e0720aaff514534d19c0fbfe80aeec2e733eff140f6714fb90cd";

	private ReportFixtures() {
	}

	static ChangeReport.RunInfo info(boolean dryRun) {
		return new ChangeReport.RunInfo("launch-archive", "2026-05-10", "2026.05", "launch-archive.yaml", SHA,
				List.of("input/"), dryRun);
	}

	/** A changed field of a wire in {@code wires.csv}. */
	static AuditEntry changed(String wireId, String headline, long record, String field, String before, String after,
			String... rules) {
		return changed("wires.csv", wireId, headline, record, field, before, after, rules);
	}

	static AuditEntry changed(String file, String wireId, String headline, long record, String field, String before,
			String after, String... rules) {
		return new AuditEntry(1, "launch-archive", wireId, headline, file, record, field, before, after,
				List.of(rules), "", "2026.05", AuditEntry.CHANGED, null, AT);
	}

	/** An editor's rationale that stood against the pass. */
	static AuditEntry kept(String wireId, String headline, long record, String rationale, String wouldHave) {
		return new AuditEntry(1, "launch-archive", wireId, headline, "wires.csv", record, "rationale", rationale,
				rationale, List.of(), "", "2026.05", AuditEntry.KEPT, wouldHave, AT);
	}

	/** A tally of one file, {@code wires.csv}, with these counts. */
	static ArchiveTally tally(long amended, long unchanged, long rejected, long editorKept) {
		ArchiveTally tally = new ArchiveTally();
		ArchiveTally.FileCounts file = new ArchiveTally.FileCounts();
		file.file = "wires.csv";
		file.format = "csv";
		file.read = amended + unchanged + rejected;
		file.amended = amended;
		file.unchanged = unchanged;
		file.rejected = rejected;
		file.editorKept = editorKept;
		tally.files.add(file);
		tally.read = file.read;
		tally.amended = amended;
		tally.unchanged = unchanged;
		tally.rejected = rejected;
		tally.editorKept = editorKept;
		return tally;
	}

	/** Writes {@code report.csv} and {@code report.html} into {@code dir}; returns the page. */
	static Path writeReport(Path dir, ChangeReport.RunInfo info, ArchiveTally tally, List<AuditEntry> entries,
			Path rejects) {
		return writeReport(dir, info, tally, entries, rejects, ChangeReport.SAMPLE_WIRES);
	}

	static Path writeReport(Path dir, ChangeReport.RunInfo info, ArchiveTally tally, List<AuditEntry> entries,
			Path rejects, int sampleWires) {
		// as a run does: report.csv rows rendered per wire, counts and sample gathered in order, then the page
		try {
			Files.createDirectories(dir);
			Path html = dir.resolve("report.html");
			ChangeStats stats = new ChangeStats();
			WireSample sample = new WireSample(sampleWires);
			try (OutputStream csv = Files.newOutputStream(dir.resolve("report.csv"))) {
				csv.write(ChangeReportRows.header());
				String previous = null;
				for (AuditEntry entry : entries) {
					String wire = entry.file() + "#" + entry.record();
					stats.accept(entry, !wire.equals(previous));
					sample.accept(entry, !wire.equals(previous));
					previous = wire;
					csv.write(ChangeReportRows.render(List.of(entry)));
				}
			}
			ChangeReport.writeHtml(html, info, tally, stats, sample, rejects);
			return html;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A {@code rejects.jsonl} line as the pass writes it. */
	static String rejectLine(String file, long record, long line, String wireId, String reason, String raw) {
		Map<String, Object> reject = new java.util.LinkedHashMap<>();
		reject.put("file", file);
		reject.put("record", record);
		reject.put("line", line);
		reject.put("wire_id", wireId);
		reject.put("reason", reason);
		reject.put("raw", raw);
		return TestArchives.JSON.writeValueAsString(reject);
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// A real run's outputs, read back: for the sample report of docs/report.png

	/** The run info {@code summary.json} gives, with the inputs as given. */
	static ChangeReport.RunInfo infoOf(JsonNode summary, List<String> inputs) {
		JsonNode pass = summary.path("pass");
		return new ChangeReport.RunInfo(pass.path("name").asString(), pass.path("date").asString(),
				pass.path("taxonomy_version").asString(), pass.path("job_file").asString(),
				pass.path("sha256").asString(), inputs, summary.path("dry_run").asBoolean(false));
	}

	static ArchiveTally tallyOf(JsonNode summary) {
		ArchiveTally tally = new ArchiveTally();
		tally.read = summary.path("read").asLong();
		tally.amended = summary.path("amended").asLong();
		tally.unchanged = summary.path("unchanged").asLong();
		tally.rejected = summary.path("rejected").asLong();
		tally.editorKept = summary.path("editor_kept").asLong();
		summary.path("unknown_codes").properties().forEach(code -> tally.unknownCodes.put(code.getKey(),
				code.getValue().asLong()));
		summary.path("retired_codes").properties().forEach(code -> tally.retiredCodes.put(code.getKey(),
				code.getValue().asLong()));
		for (JsonNode file : summary.path("files")) {
			ArchiveTally.FileCounts counts = new ArchiveTally.FileCounts();
			counts.file = file.path("file").asString();
			counts.format = file.path("format").asString();
			counts.read = file.path("read").asLong();
			counts.amended = file.path("amended").asLong();
			counts.unchanged = file.path("unchanged").asLong();
			counts.rejected = file.path("rejected").asLong();
			counts.editorKept = file.path("editor_kept").asLong();
			tally.files.add(counts);
		}
		return tally;
	}

	/**
	 * {@code audit.jsonl} read back into entries. The file has no headlines (they are kept for reports only), so
	 * they are looked up by wire id in the archive files of {@code inputs}.
	 */
	static List<AuditEntry> auditOf(Path auditJsonl, Path inputs) {
		Map<String, String> headlines = new HashMap<>();
		try (var files = Files.list(inputs)) {
			for (Path file : files.filter(f -> f.toString().matches(".*\\.(csv|json|jsonl|ndjson)$")).sorted().toList()) {
				for (Wire wire : TestArchives.wires(file)) {
					headlines.put(wire.wireId(), wire.headline());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<AuditEntry> entries = new ArrayList<>();
		for (JsonNode line : TestArchives.jsonLines(auditJsonl)) {
			List<String> rules = new ArrayList<>();
			line.path("rule_ids").forEach(rule -> rules.add(rule.asString()));
			JsonNode wouldHave = line.path("would_have_written");
			entries.add(new AuditEntry(line.path("execution_id").asLong(), line.path("pass").asString(),
					line.path("wire_id").asString(), headlines.get(line.path("wire_id").asString()),
					line.path("file").asString(), line.path("record").asLong(), line.path("field").asString(),
					line.path("before").asString(), line.path("after").asString(), rules,
					line.path("taxonomy_before").asString(), line.path("taxonomy_after").asString(),
					line.path("kind").asString(), wouldHave.isMissingNode() ? null : wouldHave.asString(),
					line.path("at").asString()));
		}
		return entries;
	}

}
