package org.wirereclassifier.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The "what changed" section: a bar chart each for codes added and removed, changes per rule, severity shifts and
 * changes per field, over all entries of the run, each with its numbers as a table (for screen readers, for
 * copying, and for the rows a chart leaves out).
 */
final class ChartPanels {

	/** Chart rows drawn; the table under each chart lists all of them. */
	static final int CHART_ROWS = 25;

	private static final String ADDED = "#16a34a";

	private static final String REMOVED = "#dc2626";

	private static final String RULES = "#2563eb";

	private static final String SEVERITY = "#7c3aed";

	private static final String FIELDS = "#0f766e";

	/** The pass's own changes (bulk rationale, version stamp), set apart from what the job's rules decided. */
	private static final String PASS_RULE = "#94a3b8";

	private final StringBuilder html;

	private final ChangeStats stats;

	ChartPanels(StringBuilder html, ChangeStats stats) {
		this.html = html;
		this.stats = stats;
	}

	void render() {
		this.html.append("<section id=\"charts\" aria-labelledby=\"charts-h\">\n<h2 id=\"charts-h\">What changed</h2>\n")
			.append("<p class=\"lead\">Over all ").append(count(this.stats.entries()))
			.append(" audit entries of the run. Hover a bar for its numbers; each chart has its numbers as a table "
					+ "below it.</p>\n<div class=\"charts\">\n");
		// two columns of about equal height: codes and severity beside rules and fields
		this.html.append("<div class=\"column\">\n");
		codesChart();
		severityChart();
		this.html.append("</div>\n<div class=\"column\">\n");
		rulesChart();
		fieldsChart();
		this.html.append("</div>\n</div>\n</section>\n");
	}

	private void codesChart() {
		List<ChangeStats.CodeCount> codes = this.stats.codeCounts();
		boolean removals = codes.stream().anyMatch(code -> code.removed() > 0);
		List<BarChart.Series> series = removals
				? List.of(new BarChart.Series("added", ADDED), new BarChart.Series("removed", REMOVED))
				: List.of(new BarChart.Series("added", ADDED));
		List<BarChart.Row> rows = new ArrayList<>();
		StringBuilder desc = new StringBuilder("Wires per code that the pass added or removed, most first. ");
		for (ChangeStats.CodeCount code : codes) {
			if (rows.size() < CHART_ROWS) {
				rows.add(removals ? new BarChart.Row(code.code(), code.added(), code.removed())
						: new BarChart.Row(code.code(), code.added()));
				desc.append(code.code()).append(": ").append(count(code.added())).append(" added, ")
					.append(count(code.removed())).append(" removed. ");
			}
		}
		panelStart("chart-codes", "Codes added and removed",
				"Wires that gained (or lost) each code: a code added is in a wire's new codes but not its old ones."
						+ (removals || codes.isEmpty() ? "" : " No code was removed."));
		chart(new BarChart("svg-codes", "Codes added and removed", "wires", series), rows, desc, codes.size(), "codes");
		List<String[]> table = new ArrayList<>();
		codes.forEach(code -> table.add(new String[] { code.code(), count(code.added()), count(code.removed()) }));
		countTable("codes-table", new String[] { "Code", "Added", "Removed" }, table);
		this.html.append("</figure>\n");
	}

	private void rulesChart() {
		List<ChangeStats.Count> rules = this.stats.ruleCounts();
		panelStart("chart-rules", "Changes per rule", "Changed fields each rule of the job file caused; in grey, the "
				+ "pass's own changes (bulk-rationale, taxonomy-version, taxonomy-order).");
		List<BarChart.Row> rows = rules.stream()
			.limit(CHART_ROWS)
			.map(rule -> new BarChart.Row(rule.name(), ChangeStats.PASS_RULES.contains(rule.name()) ? PASS_RULE : null,
					rule.count()))
			.toList();
		chart(new BarChart("svg-rules", "Changes per rule", "changed fields",
				List.of(new BarChart.Series("changed fields", RULES))), rows,
				description("Changed fields per rule, most first. ", rules), rules.size(), "rules");
		List<String[]> table = new ArrayList<>();
		rules.forEach(rule -> table.add(new String[] { rule.name(), count(rule.count()),
				count(this.stats.wiresOfRule(rule.name())) }));
		countTable("rules-table", new String[] { "Rule", "Changed fields", "Wires" }, table);
		this.html.append("</figure>\n");
	}

	private void severityChart() {
		List<ChangeStats.Count> shifts = this.stats.severityShifts();
		panelStart("chart-severity", "Severity shifts", "Wires per change of severity, before \u2192 after "
				+ "(SEV-1 is the most severe; unrated is empty).");
		chart(new BarChart("svg-severity", "Severity shifts", "wires", List.of(new BarChart.Series("wires", SEVERITY))),
				rows(shifts), description("Wires per severity change, most first. ", shifts), shifts.size(),
				"severity changes");
		countTable("severity-table", new String[] { "Before \u2192 after", "Wires" }, pairs(shifts));
		this.html.append("</figure>\n");
	}

	private void fieldsChart() {
		List<ChangeStats.Count> fields = this.stats.fieldCounts();
		panelStart("chart-fields", "Changes per field", "Wires on which the pass changed each field.");
		chart(new BarChart("svg-fields", "Changes per field", "wires", List.of(new BarChart.Series("wires", FIELDS))),
				rows(fields), description("Wires per changed field, most first. ", fields), fields.size(), "fields");
		countTable("fields-table", new String[] { "Field", "Wires" }, pairs(fields));
		this.html.append("</figure>\n");
	}

	private void panelStart(String id, String title, String what) {
		this.html.append("<figure class=\"panel\" id=\"").append(id).append("\">\n<h3>").append(Html.escape(title))
			.append("</h3>\n<p class=\"what\">").append(Html.escape(what)).append("</p>\n");
	}

	private void chart(BarChart chart, List<BarChart.Row> rows, StringBuilder desc, int total, String what) {
		if (rows.isEmpty()) {
			this.html.append("<p class=\"empty\">None in this run.</p>\n");
			return;
		}
		this.html.append(chart.svg(rows, desc.toString().strip())).append('\n');
		if (total > rows.size()) {
			this.html.append("<p class=\"what\">The ").append(count(rows.size())).append(" largest of ")
				.append(count(total)).append(' ').append(what).append("; the table lists all.</p>\n");
		}
	}

	private static List<BarChart.Row> rows(List<ChangeStats.Count> counts) {
		return counts.stream().limit(CHART_ROWS).map(count -> new BarChart.Row(count.name(), count.count())).toList();
	}

	private static StringBuilder description(String start, List<ChangeStats.Count> counts) {
		StringBuilder desc = new StringBuilder(start);
		counts.stream()
			.limit(CHART_ROWS)
			.forEach(c -> desc.append(c.name()).append(": ").append(count(c.count())).append(". "));
		return desc;
	}

	private static List<String[]> pairs(List<ChangeStats.Count> counts) {
		return counts.stream().map(c -> new String[] { c.name(), count(c.count()) }).toList();
	}

	/** The numbers of a chart as a table: all rows, readable by screen readers and copied easily. */
	private void countTable(String id, String[] headings, List<String[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.html.append("<details><summary>Numbers as a table</summary><table id=\"").append(id)
			.append("\"><thead><tr>");
		for (int i = 0; i < headings.length; i++) {
			this.html.append(i == 0 ? "<th scope=\"col\">" : "<th class=\"num\" scope=\"col\">").append(headings[i])
				.append("</th>");
		}
		this.html.append("</tr></thead><tbody>\n");
		for (String[] row : rows) {
			this.html.append("<tr><td><code>").append(Html.escape(row[0])).append("</code></td>");
			for (int i = 1; i < row.length; i++) {
				this.html.append("<td class=\"num\">").append(row[i]).append("</td>");
			}
			this.html.append("</tr>\n");
		}
		this.html.append("</tbody></table></details>\n");
	}

	private static String count(long value) {
		return BarChart.number(value);
	}

}
