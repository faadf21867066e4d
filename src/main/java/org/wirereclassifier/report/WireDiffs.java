package org.wirereclassifier.report;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.wirereclassifier.audit.AuditEntry;

/**
 * The "changes by wire" section: one card per sampled wire with each field before and after and the rules that
 * changed it, the filter box, and how many wires the sample holds of how many. The filter's data are escaped
 * {@code data-*} attributes on each card, which the page's script only reads.
 */
final class WireDiffs {

	/** Texts longer than this (or with line breaks) are shown folded, in a {@code <details>}. */
	static final int FOLD_AT = 140;

	private static final int FOLDED_PREVIEW = 100;

	private final StringBuilder html;

	private final ChangeStats stats;

	private final WireSample sample;

	WireDiffs(StringBuilder html, ChangeStats stats, WireSample sample) {
		this.html = html;
		this.stats = stats;
		this.sample = sample;
	}

	void render() {
		this.html.append("<section id=\"wires\" aria-labelledby=\"wires-h\">\n<h2 id=\"wires-h\">Changes by wire</h2>\n");
		if (this.stats.wires() == 0) {
			this.html.append("<p class=\"lead\">The pass changed no wire.</p>\n</section>\n");
			return;
		}
		bound();
		filter();
		int number = 0;
		for (WireSample.Wire wire : this.sample.wires()) {
			wire(wire, ++number);
		}
		this.html.append("<p id=\"no-match\" class=\"empty\" hidden>No listed wire matches the filter.</p>\n</section>\n");
	}

	/** Says plainly whether the list is the whole run or its first wires, and where the rest is. */
	private void bound() {
		long total = this.stats.wires();
		long changed = this.stats.changedWires();
		String wires = total == changed ? ReportPage.count(total, "changed wire", "changed wires")
				: ReportPage.count(total, "wire", "wires") + " (" + ReportPage.count(changed) + " changed, "
						+ ReportPage.count(total - changed) + " with only an editor rationale kept)";
		int shown = this.sample.wires().size();
		this.html.append("<p class=\"bound\" id=\"wires-bound\">");
		if (shown < total) {
			this.html.append("Showing ").append(ReportPage.count(shown)).append(" of ").append(wires)
				.append("; all changes are in <a href=\"").append(ChangeReport.CSV_NAME)
				.append("\">report.csv</a>. These are the first ").append(ReportPage.count(shown))
				.append(" in archive order; the counts and charts above cover all of them.");
		}
		else {
			this.html.append("All ").append(wires).append(", in archive order; every change is also in <a href=\"")
				.append(ChangeReport.CSV_NAME).append("\">report.csv</a>.");
		}
		this.html.append("</p>\n");
	}

	private void filter() {
		this.html.append("<div class=\"filter\" role=\"search\"><label for=\"filter\">Filter</label>")
			.append("<input id=\"filter\" type=\"search\" list=\"filter-terms\" autocomplete=\"off\" spellcheck=\"false\" "
					+ "placeholder=\"Code (F10), rule id (f7-fraud), wire id or headline words\">")
			.append("<p class=\"status\" id=\"filter-status\" aria-live=\"polite\">")
			.append(ReportPage.count(this.sample.wires().size(), "wire", "wires")).append(" listed.</p>")
			.append("<p class=\"help\">Every word must match: a code of a wire whose codes changed (whole: F1 is not F10), "
					+ "a rule by its id or a word of it, a wire id or a headline by any part. Click a code or a rule to "
					+ "filter by it.</p></div>\n");
		Set<String> terms = new TreeSet<>();
		this.stats.codeCounts().forEach(code -> terms.add(code.code()));
		this.stats.ruleCounts().forEach(rule -> terms.add(rule.name()));
		this.html.append("<datalist id=\"filter-terms\">");
		terms.forEach(term -> this.html.append("<option value=\"").append(Html.escape(term)).append("\"></option>"));
		this.html.append("</datalist>\n");
	}

	private void wire(WireSample.Wire wire, int number) {
		Set<String> codes = new LinkedHashSet<>();
		Set<String> rules = new LinkedHashSet<>();
		for (AuditEntry entry : wire.entries()) {
			if ("codes".equals(entry.field())) {
				codes.addAll(ChangeStats.codes(entry.before()));
				codes.addAll(ChangeStats.codes(entry.after()));
			}
			if (entry.ruleIds() != null) {
				rules.addAll(entry.ruleIds());
			}
		}
		this.html.append("<article class=\"wire\" id=\"wire-").append(number).append("\" data-wire=\"")
			.append(Html.escape(wire.wireId())).append("\" data-headline=\"").append(Html.escape(wire.headline()))
			.append("\" data-codes=\"").append(Html.escape(String.join(";", codes))).append("\" data-rules=\"")
			.append(Html.escape(String.join(";", rules))).append("\">\n<header><h3>");
		if (wire.headline() == null || wire.headline().isEmpty()) {
			this.html.append("<span class=\"none\">no headline</span>");
		}
		else {
			this.html.append(Html.escape(wire.headline()));
		}
		this.html.append("</h3><p class=\"where\"><code>").append(Html.escape(wire.wireId())).append("</code> &middot; ")
			.append(Html.escape(wire.file())).append(", record ").append(wire.record()).append("</p></header>\n")
			.append("<table class=\"diff\"><colgroup><col class=\"field\"><col><col><col class=\"rules\"></colgroup>")
			.append("<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Before</th><th scope=\"col\">After</th>")
			.append("<th scope=\"col\">Rules</th></tr></thead>\n<tbody>\n");
		for (AuditEntry entry : wire.entries()) {
			if (AuditEntry.CHANGED.equals(entry.kind())) {
				changed(entry);
			}
			else {
				kept(entry);
			}
		}
		this.html.append("</tbody></table>\n</article>\n");
	}

	private void changed(AuditEntry entry) {
		this.html.append(routine(entry) ? "<tr class=\"routine\">" : "<tr>")
			.append("<th scope=\"row\">")
			.append(Html.escape(entry.field()))
			.append("</th><td class=\"before\">");
		if ("codes".equals(entry.field())) {
			Set<String> before = ChangeStats.codes(entry.before());
			Set<String> after = ChangeStats.codes(entry.after());
			codes(before, after, "removed", "\u2212 ");
			this.html.append("</td><td class=\"after\">");
			codes(after, before, "added", "+ ");
		}
		else if ("severity".equals(entry.field())) {
			severity(entry.before());
			this.html.append("</td><td class=\"after\">");
			severity(entry.after());
		}
		else {
			text(entry.before());
			this.html.append("</td><td class=\"after\">");
			text(entry.after());
		}
		this.html.append("</td><td>");
		if (entry.ruleIds() != null) {
			for (String rule : entry.ruleIds()) {
				this.html.append("<button type=\"button\" class=\"chip rule\" data-filter=\"").append(Html.escape(rule))
					.append("\" title=\"Filter by this rule\">").append(Html.escape(rule)).append("</button>");
			}
		}
		this.html.append("</td></tr>\n");
	}

	/**
	 * Whether only the pass itself made the change (its rationale, the version stamp, the taxonomy's order): the
	 * same on most wires, so shown quieter than what the rules decided.
	 */
	private static boolean routine(AuditEntry entry) {
		return entry.ruleIds() != null && !entry.ruleIds().isEmpty()
				&& ChangeStats.PASS_RULES.containsAll(entry.ruleIds());
	}

	/** An editor's rationale that stood: the editor's text, and folded, what the pass would have written. */
	private void kept(AuditEntry entry) {
		this.html.append("<tr class=\"kept\"><th scope=\"row\">").append(Html.escape(entry.field()))
			.append("</th><td class=\"before\">");
		text(entry.before());
		this.html.append("</td><td class=\"after\"><span class=\"badge\">Editor&#39;s rationale kept</span>")
			.append("<details><summary>The pass would have written</summary><div class=\"full\">")
			.append(Html.escape(entry.wouldHaveWritten())).append("</div></details></td><td></td></tr>\n");
	}

	/** Each code as a chip; those not in {@code other} marked (added on the after side, removed on the before). */
	private void codes(Set<String> codes, Set<String> other, String mark, String sign) {
		if (codes.isEmpty()) {
			this.html.append("<span class=\"none\">none</span>");
			return;
		}
		for (String code : codes) {
			boolean marked = !other.contains(code);
			this.html.append("<button type=\"button\" class=\"chip").append(marked ? " " + mark : "")
				.append("\" data-filter=\"").append(Html.escape(code)).append("\" title=\"")
				.append(marked ? mark + "; " : "").append("filter by this code\">").append(marked ? sign : "")
				.append(Html.escape(code)).append("</button>");
		}
	}

	private void severity(String value) {
		if (value == null || value.isBlank()) {
			this.html.append("<span class=\"none\">").append(ChangeStats.UNRATED).append("</span>");
		}
		else {
			this.html.append(Html.escape(value));
		}
	}

	private void text(String value) {
		if (value == null || value.isEmpty()) {
			this.html.append("<span class=\"none\">empty</span>");
		}
		else if (value.length() > FOLD_AT || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			this.html.append("<details><summary>").append(Html.escape(preview(value)))
				.append("</summary><div class=\"full\">").append(Html.escape(value)).append("</div></details>");
		}
		else {
			this.html.append(Html.escape(value));
		}
	}

	/** The start of a long text, on one line, cut at a word and never inside a surrogate pair. */
	static String preview(String value) {
		String line = value.strip().replaceAll("\\s+", " ");
		if (line.length() <= FOLDED_PREVIEW) {
			return line;
		}
		int end = FOLDED_PREVIEW;
		if (Character.isLowSurrogate(line.charAt(end))) {
			end--;
		}
		int space = line.lastIndexOf(' ', end);
		if (space > FOLDED_PREVIEW / 2) {
			end = space;
		}
		return line.substring(0, end) + "\u2026";
	}

}
