package org.wirereclassifier.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one row per label, one bar per series in a row, the value written at the
 * end of each bar and a labelled axis with grid lines, so that the numbers can be read off the page (and printed)
 * without hovering. Drawn by hand because the page must work offline, with no chart library. Every text is
 * escaped; colours are attributes, so the SVG also stands on its own.
 */
final class BarChart {

	/** A series: its name (for the legend and the text alternative) and its colour. */
	record Series(String name, String color) {
	}

	/**
	 * A row: its label, one value per series, and a colour that overrides the series' (null: the series').
	 */
	record Row(String label, String color, long... values) {

		Row(String label, long... values) {
			this(label, null, values);
		}

	}

	private static final int WIDTH = 540;

	private static final int BAR = 15;

	private static final int BAR_GAP = 3;

	private static final int ROW_GAP = 8;

	private static final int VALUE_SPACE = 56;

	private static final int MAX_LABEL = 30;

	private static final int LEGEND = 26;

	private static final int AXIS = 44;

	private final String id;

	private final String title;

	private final String axisLabel;

	private final List<Series> series;

	/**
	 * @param id unique on the page: names the title and description for {@code aria-labelledby}
	 * @param axisLabel what the values count, e.g. "wires"
	 */
	BarChart(String id, String title, String axisLabel, List<Series> series) {
		this.id = id;
		this.title = title;
		this.axisLabel = axisLabel;
		this.series = List.copyOf(series);
	}

	String svg(List<Row> rows, String description) {
		int labelWidth = labelWidth(rows);
		int plotWidth = WIDTH - labelWidth - VALUE_SPACE;
		int legend = this.series.size() > 1 ? LEGEND : 0;
		int rowHeight = this.series.size() * BAR + (this.series.size() - 1) * BAR_GAP + ROW_GAP;
		int plotTop = legend + 4;
		int plotHeight = rows.size() * rowHeight;
		int height = plotTop + plotHeight + AXIS;
		long max = rows.stream().flatMapToLong(row -> java.util.Arrays.stream(row.values())).max().orElse(0);
		long step = step(max);
		long axisMax = Math.max(step, (max + step - 1) / step * step);

		StringBuilder svg = new StringBuilder(2048);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
			.append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
			.append(height).append("\" aria-labelledby=\"").append(this.id).append("-title ").append(this.id)
			.append("-desc\" font-size=\"12\">\n");
		svg.append("<title id=\"").append(this.id).append("-title\">").append(Html.escape(this.title))
			.append("</title>\n<desc id=\"").append(this.id).append("-desc\">").append(Html.escape(description))
			.append("</desc>\n");
		if (legend > 0) {
			legend(svg, labelWidth);
		}
		grid(svg, labelWidth, plotWidth, plotTop, plotHeight, step, axisMax);
		int y = plotTop + ROW_GAP / 2;
		for (Row row : rows) {
			row(svg, row, labelWidth, plotWidth, y, axisMax);
			y += rowHeight;
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private void legend(StringBuilder svg, int x) {
		for (Series one : this.series) {
			svg.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" rx=\"2\" fill=\"")
				.append(one.color()).append("\"/><text x=\"").append(x + 17).append("\" y=\"14\" fill=\"#374151\">")
				.append(Html.escape(one.name())).append("</text>\n");
			x += 17 + textWidth(one.name()) + 22;
		}
	}

	private void grid(StringBuilder svg, int x0, int plotWidth, int top, int plotHeight, long step, long axisMax) {
		int bottom = top + plotHeight;
		for (long tick = 0; tick <= axisMax; tick += step) {
			int x = x0 + (int) Math.round((double) tick / axisMax * plotWidth);
			svg.append("<line x1=\"").append(x).append("\" y1=\"").append(top).append("\" x2=\"").append(x)
				.append("\" y2=\"").append(bottom).append("\" stroke=\"")
				.append(tick == 0 ? "#9ca3af" : "#e5e7eb").append("\"/>")
				.append("<text x=\"").append(x).append("\" y=\"").append(bottom + 15)
				.append("\" text-anchor=\"middle\" fill=\"#6b7280\" font-size=\"11\">").append(number(tick))
				.append("</text>\n");
		}
		svg.append("<text x=\"").append(x0 + plotWidth / 2).append("\" y=\"").append(bottom + 35)
			.append("\" text-anchor=\"middle\" fill=\"#374151\">").append(Html.escape(this.axisLabel))
			.append("</text>\n");
	}

	private void row(StringBuilder svg, Row row, int x0, int plotWidth, int y, long axisMax) {
		int rowBars = this.series.size() * BAR + (this.series.size() - 1) * BAR_GAP;
		String label = row.label().length() > MAX_LABEL ? row.label().substring(0, MAX_LABEL - 1) + "\u2026"
				: row.label();
		svg.append("<g><title>").append(Html.escape(tooltip(row))).append("</title>");
		svg.append("<text x=\"").append(x0 - 8).append("\" y=\"").append(y + rowBars / 2 + 4)
			.append("\" text-anchor=\"end\" fill=\"#111827\">").append(Html.escape(label)).append("</text>");
		for (int i = 0; i < this.series.size(); i++) {
			long value = i < row.values().length ? row.values()[i] : 0;
			int barY = y + i * (BAR + BAR_GAP);
			int width = (int) Math.round((double) value / axisMax * plotWidth);
			svg.append("<rect x=\"").append(x0).append("\" y=\"").append(barY).append("\" width=\"")
				.append(Math.max(width, value > 0 ? 2 : 0)).append("\" height=\"").append(BAR)
				.append("\" rx=\"2\" fill=\"").append(row.color() != null ? row.color() : this.series.get(i).color())
				.append("\"/>");
			svg.append("<text x=\"").append(x0 + width + 5).append("\" y=\"").append(barY + BAR - 4)
				.append("\" fill=\"#111827\" font-weight=\"600\">").append(number(value)).append("</text>");
		}
		svg.append("</g>\n");
	}

	private String tooltip(Row row) {
		StringBuilder text = new StringBuilder(row.label()).append(": ");
		for (int i = 0; i < this.series.size(); i++) {
			long value = i < row.values().length ? row.values()[i] : 0;
			text.append(i > 0 ? ", " : "").append(number(value));
			if (this.series.size() > 1) {
				text.append(' ').append(this.series.get(i).name());
			}
		}
		return text.append(' ').append(this.axisLabel).toString();
	}

	/** Wide enough for the longest label, within bounds; a longer label is cut and shown whole on hover. */
	private static int labelWidth(List<Row> rows) {
		int longest = rows.stream().mapToInt(row -> Math.min(row.label().length(), MAX_LABEL)).max().orElse(4);
		return Math.max(70, Math.min(230, longest * 7 + 16));
	}

	/** An estimate (the page's font is not known here), generous enough for 12px sans-serif. */
	private static int textWidth(String text) {
		return text.length() * 7;
	}

	/** A round step (1, 2 or 5 times a power of ten) giving at most about five grid lines. */
	static long step(long max) {
		long step = 1;
		while (true) {
			for (long factor : new long[] { 1, 2, 5 }) {
				if (max <= step * factor * 5) {
					return step * factor;
				}
			}
			step *= 10;
		}
	}

	static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
