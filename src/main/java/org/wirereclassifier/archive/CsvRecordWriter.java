package org.wirereclassifier.archive;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes a CSV record back: unchanged fields as their original bytes, changed fields quoted only where RFC 4180
 * needs it, and the record's own line break. Cells are never altered for spreadsheets here: the amended archive
 * holds exactly the wire's values.
 */
final class CsvRecordWriter {

	private CsvRecordWriter() {
	}

	static byte[] rewrite(SourceRecord source, RecordLayout.Csv layout, Wire amended, Set<WireField> changed) {
		byte[] raw = source.raw();
		CsvHeader header = layout.header();
		int[] bounds = layout.bounds();
		RenderBuffer out = RenderBuffer.take();
		out.write(raw, 0, source.contentStart());
		for (int column = 0; column < header.width(); column++) {
			if (column > 0) {
				out.write(',');
			}
			WireField field = WireField.byName(header.columns().get(column)).orElse(null);
			if (field != null && changed.contains(field)) {
				writeCell(out, amended.text(field));
			}
			else {
				out.write(raw, bounds[column * 2], bounds[column * 2 + 1] - bounds[column * 2]);
			}
		}
		for (WireField field : header.appended()) {
			out.write(',');
			if (changed.contains(field)) {
				writeCell(out, amended.text(field));
			}
		}
		out.write(raw, source.contentEnd(), raw.length - source.contentEnd());
		return out.toByteArray();
	}

	/** An unchanged record of a file that gained columns: its bytes with empty cells added at the end. */
	static byte[] padded(SourceRecord source, int addedColumns) {
		return splice(source.raw(), source.contentEnd(), ",".repeat(addedColumns).getBytes(StandardCharsets.US_ASCII));
	}

	static byte[] splice(byte[] raw, int at, byte[] inserted) {
		byte[] result = new byte[raw.length + inserted.length];
		System.arraycopy(raw, 0, result, 0, at);
		System.arraycopy(inserted, 0, result, at, inserted.length);
		System.arraycopy(raw, at, result, at + inserted.length, raw.length - at);
		return result;
	}

	static void writeCell(RenderBuffer out, String value) {
		if (!needsQuotes(value)) {
			out.writeUtf8(value, false);
			return;
		}
		out.write('"');
		out.writeUtf8(value, true);
		out.write('"');
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

}
