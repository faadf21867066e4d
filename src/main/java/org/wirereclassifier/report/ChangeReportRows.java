package org.wirereclassifier.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
		ByteArrayOutputStream row = new ByteArrayOutputStream();
		append(row, HEADER);
		return row.toByteArray();
	}

	/** The rows of these entries. */
	public static byte[] render(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return new byte[0];
		}
		List<String[]> rows = new ArrayList<>(entries.size());
		int size = 0;
		for (AuditEntry entry : entries) {
			String[] cells = cells(entry);
			for (String cell : cells) {
				size += cell == null ? 3 : cell.length() + cell.length() / 8 + 4;
			}
			rows.add(cells);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(size); // sized once: growing copies it again
		for (String[] cells : rows) {
			append(out, cells);
		}
		return out.toByteArray();
	}

	static String[] cells(AuditEntry entry) {
		return new String[] { Long.toString(entry.executionId()), entry.pass(), entry.wireId(), entry.file(),
				Long.toString(entry.record()), entry.field(), entry.before(), entry.after(),
				entry.ruleIds() == null ? "" : String.join(";", entry.ruleIds()), entry.taxonomyBefore(),
				entry.taxonomyAfter(), entry.kind(), entry.wouldHaveWritten(), entry.at(), entry.headline() };
	}

	private static void append(ByteArrayOutputStream out, String[] cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			byte[] cell = SpreadsheetSafe.cell(cells[i]).getBytes(StandardCharsets.UTF_8);
			out.write('"');
			int from = 0;
			for (int at = 0; at < cell.length; at++) {
				if (cell[at] == '"') {
					out.write(cell, from, at + 1 - from); // the quote, then its double
					from = at;
				}
			}
			out.write(cell, from, cell.length - from);
			out.write('"');
		}
		out.write('\n');
	}

}
