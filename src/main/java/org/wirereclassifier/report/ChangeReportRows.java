package org.wirereclassifier.report;

import java.util.Arrays;
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
		Row row = new Row(256);
		row.append(HEADER);
		return row.bytes();
	}

	/** The rows of these entries. */
	public static byte[] render(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return new byte[0];
		}
		Row rows = new Row(entries.size() * 1024);
		for (AuditEntry entry : entries) {
			rows.append(cells(entry));
		}
		return rows.bytes();
	}

	static String[] cells(AuditEntry entry) {
		return new String[] { Long.toString(entry.executionId()), entry.pass(), entry.wireId(), entry.file(),
				Long.toString(entry.record()), entry.field(), entry.before(), entry.after(),
				entry.ruleIds() == null ? "" : String.join(";", entry.ruleIds()), entry.taxonomyBefore(),
				entry.taxonomyAfter(), entry.kind(), entry.wouldHaveWritten(), entry.at(), entry.headline() };
	}

	/** Rows as UTF-8 bytes, encoded char by char into one growing array rather than a byte array a cell. */
	private static final class Row {

		private byte[] bytes;

		private int length;

		Row(int capacity) {
			this.bytes = new byte[capacity];
		}

		void append(String[] cells) {
			for (int i = 0; i < cells.length; i++) {
				if (i > 0) {
					put((byte) ',');
				}
				quoted(SpreadsheetSafe.cell(cells[i]));
			}
			put((byte) '\n');
		}

		private void quoted(String cell) {
			ensure(cell.length() * 3 + 2); // a char takes at most 3 bytes, a doubled quote 2, a surrogate pair 4
			byte[] out = this.bytes;
			int n = this.length;
			out[n++] = '"';
			for (int i = 0; i < cell.length(); i++) {
				char c = cell.charAt(i);
				if (c < 0x80) {
					if (c == '"') {
						out[n++] = '"';
					}
					out[n++] = (byte) c;
				}
				else if (c < 0x800) {
					out[n++] = (byte) (0xC0 | c >> 6);
					out[n++] = (byte) (0x80 | c & 0x3F);
				}
				else if (!Character.isSurrogate(c)) {
					out[n++] = (byte) (0xE0 | c >> 12);
					out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
					out[n++] = (byte) (0x80 | c & 0x3F);
				}
				else if (Character.isHighSurrogate(c) && i + 1 < cell.length()
						&& Character.isLowSurrogate(cell.charAt(i + 1))) {
					int code = Character.toCodePoint(c, cell.charAt(++i));
					out[n++] = (byte) (0xF0 | code >> 18);
					out[n++] = (byte) (0x80 | code >> 12 & 0x3F);
					out[n++] = (byte) (0x80 | code >> 6 & 0x3F);
					out[n++] = (byte) (0x80 | code & 0x3F);
				}
				else {
					out[n++] = '?'; // a lone surrogate, as String.getBytes has it
				}
			}
			out[n++] = '"';
			this.length = n;
		}

		private void put(byte b) {
			ensure(1);
			this.bytes[this.length++] = b;
		}

		/** Room for {@code more} bytes past the current length. */
		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

		byte[] bytes() {
			return Arrays.copyOf(this.bytes, this.length);
		}

	}

}
