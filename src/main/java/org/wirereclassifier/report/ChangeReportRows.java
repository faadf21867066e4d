package org.wirereclassifier.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.wirereclassifier.audit.AuditEntry;

/**
 * The rows of {@code report.csv}, one a change, rendered to bytes on the threads that classify.
 * <p>
 * RFC 4180: comma separated, every cell in {@code "} quotes (as the OWASP guidance on CSV injection advises), a
 * {@code "} doubled, LF line ends, UTF-8 without a byte-order mark. It is meant for spreadsheets, so a cell a
 * spreadsheet would take for a formula ({@code = + - @}, tab, CR at its start) gets a leading {@code '}; the
 * archive's own files are never neutralised.
 */
public final class ChangeReportRows {

	static final String[] HEADER = { "execution_id", "pass", "wire_id", "file", "record", "field", "before", "after",
			"rule_ids", "taxonomy_before", "taxonomy_after", "kind", "would_have_written", "at", "headline" };

	private ChangeReportRows() {
	}

	/** The header row. */
	public static byte[] header() {
		StringBuilder row = new StringBuilder();
		append(row, HEADER);
		return row.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The rows of these entries. */
	public static byte[] render(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return new byte[0];
		}
		StringBuilder rows = new StringBuilder(entries.size() * 600);
		for (AuditEntry entry : entries) {
			append(rows, cells(entry));
		}
		return rows.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String[] cells(AuditEntry entry) {
		return new String[] { Long.toString(entry.executionId()), entry.pass(), entry.wireId(), entry.file(),
				Long.toString(entry.record()), entry.field(), entry.before(), entry.after(),
				entry.ruleIds() == null ? "" : String.join(";", entry.ruleIds()), entry.taxonomyBefore(),
				entry.taxonomyAfter(), entry.kind(), entry.wouldHaveWritten(), entry.at(), entry.headline() };
	}

	private static void append(StringBuilder rows, String[] cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				rows.append(',');
			}
			String cell = SpreadsheetSafe.cell(cells[i]);
			rows.append('"');
			int from = 0;
			for (int quote = cell.indexOf('"'); quote >= 0; quote = cell.indexOf('"', from)) {
				rows.append(cell, from, quote + 1).append('"');
				from = quote + 1;
			}
			rows.append(cell, from, cell.length()).append('"');
		}
		rows.append('\n');
	}

}
