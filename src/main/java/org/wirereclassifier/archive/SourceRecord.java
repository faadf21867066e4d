package org.wirereclassifier.archive;

/**
 * Where a record came from and its exact bytes, so that an unchanged record is written back byte for byte and a
 * changed one keeps everything the pass did not change.
 *
 * @param recordNumber 1-based number of the record in its file (a CSV header is not a record)
 * @param line 1-based line on which the record starts
 * @param start file offset of the first byte that belongs to this record (blank lines or JSON separators before
 * it included)
 * @param end file offset just past the record (its line break included)
 * @param raw the bytes {@code [start, end)}, or null for a record too large to keep in memory (it is then
 * copied from the file)
 * @param contentStart where the record itself starts in {@code raw}
 * @param contentEnd where the record itself ends in {@code raw} (before its line break)
 * @param layout where each field or property is, for rewriting a changed record
 */
public record SourceRecord(ArchiveFile file, long recordNumber, long line, long start, long end, byte[] raw,
		int contentStart, int contentEnd, RecordLayout layout) {

	/** The record's own text (without separators and line break), for rejects; invalid UTF-8 shows as U+FFFD. */
	public String text() {
		return this.raw == null ? ""
				: new String(this.raw, this.contentStart, this.contentEnd - this.contentStart,
						java.nio.charset.StandardCharsets.UTF_8);
	}

	/** "wires.csv record 12 (line 40)", for messages. */
	public String place() {
		return this.file.name() + " record " + this.recordNumber + " (line " + this.line + ")";
	}

}
