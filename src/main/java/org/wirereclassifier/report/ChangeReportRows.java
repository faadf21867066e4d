package org.wirereclassifier.report;

import java.util.List;

import org.wirereclassifier.archive.RenderBuffer;
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
		RenderBuffer row = RenderBuffer.take();
		append(row, HEADER);
		return row.toByteArray();
	}

	/** The rows of these entries. */
	public static byte[] render(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return new byte[0];
		}
		RenderBuffer rows = RenderBuffer.take();
		for (AuditEntry entry : entries) {
			append(rows, cells(entry));
		}
		return rows.toByteArray();
	}

	static String[] cells(AuditEntry entry) {
		return new String[] { Long.toString(entry.executionId()), entry.pass(), entry.wireId(), entry.file(),
				Long.toString(entry.record()), entry.field(), entry.before(), entry.after(),
				entry.ruleIds() == null ? "" : String.join(";", entry.ruleIds()), entry.taxonomyBefore(),
				entry.taxonomyAfter(), entry.kind(), entry.wouldHaveWritten(), entry.at(), entry.headline() };
	}

	private static void append(RenderBuffer row, String[] cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				row.write(',');
			}
			row.write('"');
			row.writeUtf8(SpreadsheetSafe.cell(cells[i]), true);
			row.write('"');
		}
		row.write('\n');
	}

}
