package org.wirereclassifier.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.wirereclassifier.archive.ArchiveTally;

/**
 * Renders {@code report.html}: one self-contained page (inline style, script and SVG; a Content-Security-Policy
 * that allows nothing else), so that it opens from disk, offline, and a hostile wire can neither load nor run
 * anything. Every text from the archive goes through {@link Html#escape}. The page holds no clock time: the same
 * run gives the same bytes.
 */
final class ReportPage {

	private final ChangeReport.RunInfo info;

	private final ArchiveTally tally;

	private final ChangeStats stats;

	private final WireSample sample;

	private final Rejects rejects;

	private final StringBuilder html = new StringBuilder(64 * 1024);

	ReportPage(ChangeReport.RunInfo info, ArchiveTally tally, ChangeStats stats, WireSample sample,
			Rejects rejects) {
		this.info = info;
		this.tally = tally;
		this.stats = stats;
		this.sample = sample;
		this.rejects = rejects;
	}

	String render() {
		head();
		masthead();
		if (this.info.dryRun()) {
			this.html.append("<div class=\"banner\" role=\"note\"><p class=\"wrap\">Dry run: nothing was applied to the "
					+ "archive; this is what the pass would do.</p></div>\n");
		}
		this.html.append("<nav class=\"toc\" aria-label=\"Sections\"><ul><li><a href=\"#accounting\">Records</a></li>"
				+ "<li><a href=\"#charts\">What changed</a></li><li><a href=\"#wires\">Changes by wire</a></li>"
				+ "<li><a href=\"#rejects\">Rejected records</a></li><li><a href=\"")
			.append(ChangeReport.CSV_NAME).append("\">All changes (report.csv)</a></li></ul></nav>\n");
		this.html.append("<main class=\"wrap\">\n");
		accounting();
		new ChartPanels(this.html, this.stats).render();
		new WireDiffs(this.html, this.stats, this.sample).render();
		rejects();
		this.html.append("</main>\n<footer><div class=\"wrap\">Written by wire-reclassifier from the run&#39;s audit "
				+ "trail. Counts and charts cover every audit entry; <a href=\"")
			.append(ChangeReport.CSV_NAME)
			.append("\">report.csv</a> lists each one, and audit.jsonl has the times of the run.</div></footer>\n");
		this.html.append("<script>").append(ReportAssets.JS).append("</script>\n</body>\n</html>\n");
		return this.html.toString();
	}

	private void head() {
		this.html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			// nothing but this page's own style and script: no network, and nothing a wire smuggled in runs
			.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
					+ "style-src 'unsafe-inline'; script-src 'sha256-")
			.append(ReportAssets.JS_SHA256)
			.append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
			.append(this.info.dryRun() ? "Dry run report: " : "Change report: ")
			.append(Html.escape(this.info.passName())).append(" (").append(Html.escape(displayDate()))
			.append(")</title>\n<style>\n").append(ReportAssets.CSS).append("</style>\n</head>\n<body>\n");
	}

	private void masthead() {
		String sha = this.info.sha256() == null ? "" : this.info.sha256();
		this.html.append("<header class=\"masthead\"><div class=\"wrap\">\n")
			.append("<p class=\"eyebrow\">wire-reclassifier &middot; change report</p>\n<h1>Pass ")
			.append(Html.escape(this.info.passName())).append("</h1>\n<dl class=\"meta\">\n");
		meta("Pass date", Html.escape(displayDate()));
		meta("Taxonomy", Html.escape(this.info.taxonomyVersion()));
		meta("Job file", "<code>" + Html.escape(this.info.jobFile()) + "</code>");
		meta("Rules (SHA-256)", "<code title=\"" + Html.escape(sha) + "\">"
				+ Html.escape(sha.length() > 12 ? sha.substring(0, 12) + "\u2026" : sha) + "</code>");
		StringBuilder inputs = new StringBuilder("<ul>");
		for (String input : this.info.inputs()) {
			inputs.append("<li><code>").append(Html.escape(input)).append("</code></li>");
		}
		meta(this.info.inputs().size() == 1 ? "Input" : "Inputs", inputs.append("</ul>").toString());
		this.html.append("</dl>\n</div></header>\n");
	}

	private void meta(String term, String markup) {
		this.html.append("<div><dt>").append(term).append("</dt><dd>").append(markup).append("</dd></div>\n");
	}

	private String displayDate() {
		try {
			return LocalDate.parse(this.info.passDate()).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
		}
		catch (DateTimeParseException | NullPointerException ex) {
			return this.info.passDate() == null ? "" : this.info.passDate();
		}
	}

	private void accounting() {
		ArchiveTally t = this.tally;
		this.html.append("<section id=\"accounting\" aria-labelledby=\"accounting-h\">\n")
			.append("<h2 id=\"accounting-h\">Record accounting</h2>\n<div class=\"cards\">\n");
		card("read", "Read", t.read, "records in " + count(t.files.size(), "file", "files"));
		card("amended", "Amended", t.amended, "changed by the pass");
		card("unchanged", "Unchanged", t.unchanged, "left byte for byte");
		card("rejected", "Rejected", t.rejected, "could not be processed");
		card("kept", "Editor-kept", t.editorKept, "editor rationales that stood");
		this.html.append("</div>\n<p class=\"check\">")
			.append(count(t.read)).append(" read = ").append(count(t.amended)).append(" amended + ")
			.append(count(t.unchanged)).append(" unchanged + ").append(count(t.rejected)).append(" rejected")
			.append(t.read == t.amended + t.unchanged + t.rejected ? "." : " does not add up: report this run.")
			.append(" The audit has ").append(count(this.stats.entries(), "entry", "entries")).append(": ")
			.append(count(this.stats.changedFields(), "changed field", "changed fields")).append(" on ")
			.append(count(this.stats.changedWires(), "wire", "wires")).append(", and ")
			.append(count(this.stats.editorKeptEntries(), "editor rationale", "editor rationales"))
			.append(" kept.</p>\n");
		fileTable();
		if (!t.unknownCodes.isEmpty() || !t.retiredCodes.isEmpty()) {
			this.html.append("<div class=\"subtables\">\n");
			codeTable("unknown-codes", "Unknown codes", "codes the taxonomy does not know; kept on the wires",
					t.unknownCodes);
			codeTable("retired-codes", "Retired codes", "codes the taxonomy has retired; kept on the wires",
					t.retiredCodes);
			this.html.append("</div>\n");
		}
		this.html.append("</section>\n");
	}

	private void card(String kind, String label, long value, String note) {
		this.html.append("<div class=\"card ").append(kind).append("\" data-count=\"").append(kind).append("\">")
			.append("<span class=\"label\">").append(label).append("</span><span class=\"value\">")
			.append(count(value)).append("</span><span class=\"note\">").append(note).append("</span></div>\n");
	}

	private void fileTable() {
		this.html.append("<div class=\"table\"><table id=\"files\">\n<caption hidden>Records per input file</caption>\n")
			.append("<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Format</th><th class=\"num\" scope=\"col\">"
					+ "Read</th><th class=\"num\" scope=\"col\">Amended</th><th class=\"num\" scope=\"col\">Unchanged"
					+ "</th><th class=\"num\" scope=\"col\">Rejected</th><th class=\"num\" scope=\"col\">Editor-kept"
					+ "</th></tr></thead>\n<tbody>\n");
		for (ArchiveTally.FileCounts file : this.tally.files) {
			this.html.append("<tr><th scope=\"row\"><code>").append(Html.escape(file.file)).append("</code></th><td>")
				.append(Html.escape(formatName(file.format))).append("</td>");
			numbers(file.read, file.amended, file.unchanged, file.rejected, file.editorKept);
			this.html.append("</tr>\n");
		}
		this.html.append("</tbody>\n");
		if (this.tally.files.size() > 1) {
			this.html.append("<tfoot><tr><td>All files</td><td></td>");
			numbers(this.tally.read, this.tally.amended, this.tally.unchanged, this.tally.rejected,
					this.tally.editorKept);
			this.html.append("</tr></tfoot>\n");
		}
		this.html.append("</table></div>\n");
	}

	private static String formatName(String format) {
		if (format == null) {
			return "";
		}
		return switch (format) {
			case "csv" -> "CSV";
			case "json" -> "JSON";
			case "json_lines" -> "JSON Lines";
			default -> format;
		};
	}

	private void numbers(long... values) {
		for (long value : values) {
			this.html.append("<td class=\"num\">").append(count(value)).append("</td>");
		}
	}

	private void codeTable(String id, String title, String what, Map<String, Long> codes) {
		if (codes.isEmpty()) {
			return;
		}
		this.html.append("<div class=\"panel\" id=\"").append(id).append("\"><h3>").append(title)
			.append("</h3><p class=\"what\">").append(what).append("</p><table><thead><tr><th scope=\"col\">Code</th>"
					+ "<th class=\"num\" scope=\"col\">Wires</th></tr></thead><tbody>\n");
		for (ChangeStats.Count code : ChangeStats.sorted(codes)) {
			this.html.append("<tr><td><code>").append(Html.escape(code.name())).append("</code></td><td class=\"num\">")
				.append(count(code.count())).append("</td></tr>\n");
		}
		this.html.append("</tbody></table></div>\n");
	}

	private void rejects() {
		this.html.append("<section id=\"rejects\" aria-labelledby=\"rejects-h\">\n")
			.append("<h2 id=\"rejects-h\">Rejected records</h2>\n");
		if (this.rejects.total() == 0) {
			this.html.append("<p class=\"lead\">No record was rejected.</p>\n</section>\n");
			return;
		}
		this.html.append("<p class=\"bound\" id=\"rejects-bound\">");
		if (this.rejects.shown().size() < this.rejects.total()) {
			this.html.append("Showing ").append(count(this.rejects.shown().size())).append(" of ")
				.append(count(this.rejects.total())).append(" rejected records; all are in rejects.jsonl.");
		}
		else {
			this.html.append(count(this.rejects.total(), "rejected record", "rejected records"))
				.append(", also in rejects.jsonl.");
		}
		this.html.append(" Each was copied unchanged into the amended file; fix it in the source archive and run the pass "
				+ "again.</p>\n<div class=\"table\"><table class=\"rejects\" id=\"reject-list\">\n<thead><tr>"
				+ "<th scope=\"col\" style=\"width:16%\">File</th><th class=\"num\" scope=\"col\" style=\"width:8%\">Record</th>"
				+ "<th class=\"num\" scope=\"col\" style=\"width:7%\">Line</th><th scope=\"col\" style=\"width:17%\">Wire id</th>"
				+ "<th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
		for (Rejects.Reject reject : this.rejects.shown()) {
			this.html.append("<tr class=\"reject\"><td><code>").append(Html.escape(reject.file()))
				.append("</code></td><td class=\"num\">").append(Html.escape(reject.record()))
				.append("</td><td class=\"num\">").append(Html.escape(reject.line())).append("</td><td><code>")
				.append(reject.wireId().isEmpty() ? "<span class=\"none\">none</span>" : Html.escape(reject.wireId()))
				.append("</code></td><td>").append(Html.escape(reject.reason()))
				.append("<details><summary>Raw record</summary><pre class=\"raw\">").append(Html.escape(reject.raw()))
				.append("</pre></details></td></tr>\n");
		}
		this.html.append("</tbody></table></div>\n</section>\n");
	}

	static String count(long value) {
		return BarChart.number(value);
	}

	/** {@code "1 wire"}, {@code "1,234 wires"}. */
	static String count(long value, String one, String many) {
		return count(value) + " " + (value == 1 ? one : many);
	}

}
