package org.wirereclassifier.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads an RFC 4180 CSV archive file with a header row. */
final class CsvFileReader implements ArchiveFileReader {

	private final ArchiveFile file;

	private final ByteSource in;

	private final CsvScanner scanner;

	private final byte[] header;

	private final CsvHeader columns;

	private long records;

	private final List<WireField> writable;

	CsvFileReader(ArchiveFile file, List<WireField> writable) throws IOException {
		this.file = file;
		this.writable = writable;
		this.in = new ByteSource(file.path(), 1 << 16, MAX_RECORD_BYTES);
		try {
			this.in.seek(this.in.startsWithBom() ? 3 : 0);
			this.scanner = new CsvScanner(this.in);
			if (!this.scanner.scan()) {
				throw new ArchiveFileException(file.path() + ": empty file, expected a CSV header row");
			}
			if (this.scanner.error() != null || Utf8.firstInvalid(this.scanner.raw(), 0,
					this.scanner.raw().length) >= 0) {
				throw new ArchiveFileException(file.path() + ": the header row is not valid CSV/UTF-8"
						+ (this.scanner.error() != null ? " (" + this.scanner.error() + ")" : ""));
			}
			this.columns = readColumns();
			// the header's bytes from offset 0 include a byte-order mark the scan started after
			this.header = outputHeader(this.in.read(0, (int) this.scanner.end()),
					(int) this.scanner.start() + this.scanner.contentEnd());
		}
		catch (IOException | RuntimeException ex) {
			this.in.close();
			throw ex;
		}
	}

	private CsvHeader readColumns() {
		List<String> names = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < this.scanner.fieldCount(); i++) {
			String name = this.scanner.field(i);
			if (!seen.add(name)) {
				throw new ArchiveFileException(this.file.path() + ": column \"" + name + "\" appears twice");
			}
			names.add(name);
		}
		for (WireField field : WireField.values()) {
			if (field.isRequired() && !seen.contains(field.fieldName())) {
				throw new ArchiveFileException(this.file.path() + ": no " + field + " column in the header row "
						+ "(is this a wire archive? columns: " + String.join(",", names) + ")");
			}
		}
		return CsvHeader.of(names, this.writable);
	}

	/** The header row as the amended file has it: with a column added for each field a pass may write. */
	private byte[] outputHeader(byte[] raw, int contentEnd) {
		if (this.columns.appended().isEmpty()) {
			return raw;
		}
		StringBuilder added = new StringBuilder();
		this.columns.appended().forEach(field -> added.append(',').append(field.fieldName()));
		return CsvRecordWriter.splice(raw, contentEnd, added.toString().getBytes(StandardCharsets.UTF_8));
	}

	CsvHeader columns() {
		return this.columns;
	}

	@Override
	public byte[] header() {
		return this.header;
	}

	@Override
	public ArchiveItem next() throws IOException {
		if (!this.scanner.scan()) {
			return null;
		}
		this.records++;
		byte[] raw = this.scanner.raw();
		String reason = this.scanner.error();
		if (reason == null && this.scanner.fieldCount() != this.columns.width()) {
			reason = "has " + this.scanner.fieldCount() + " fields, the header row has " + this.columns.width();
		}
		boolean wellFormed = this.scanner.error() == null && this.scanner.fieldCount() == this.columns.width();
		SourceRecord source = new SourceRecord(this.file, this.records, this.scanner.recordLine(),
				this.scanner.start(), this.scanner.end(), raw, this.scanner.contentStart(), this.scanner.contentEnd(),
				wellFormed ? new RecordLayout.Csv(this.columns, this.scanner.bounds()) : RecordLayout.NONE);
		if (reason == null) {
			int invalid = Utf8.firstInvalid(raw, this.scanner.contentStart(), this.scanner.contentEnd());
			if (invalid >= 0) {
				reason = "invalid UTF-8 at byte " + (invalid - this.scanner.contentStart() + 1) + " of the record";
			}
		}
		if (reason != null) {
			return new ArchiveItem.Rejected(source, reason.startsWith("has ") ? wireIdIfReadable() : null, reason,
					source.text());
		}
		WireBuilder builder = new WireBuilder();
		try {
			for (WireField field : WireField.values()) {
				int column = this.columns.indexOf(field);
				if (column >= 0) {
					builder.text(field, this.scanner.field(column));
				}
			}
			return new ArchiveItem.WireRead(source, builder.build());
		}
		catch (MalformedRecordException ex) {
			return new ArchiveItem.Rejected(source, builder.wireIdOrNull(), ex.getMessage(), source.text());
		}
	}

	private String wireIdIfReadable() {
		int column = this.columns.indexOf(WireField.WIRE_ID);
		if (column < this.scanner.fieldCount()) {
			byte[] raw = this.scanner.raw();
			int[] bounds = this.scanner.bounds();
			if (Utf8.firstInvalid(raw, bounds[column * 2], bounds[column * 2 + 1]) < 0) {
				String id = this.scanner.field(column);
				return id.isBlank() ? null : id;
			}
		}
		return null;
	}

	@Override
	public Position position() {
		return new Position(this.scanner.offset(), this.scanner.line(), this.records);
	}

	@Override
	public void seek(Position position) {
		this.scanner.seek(position.offset(), position.line());
		this.records = position.records();
	}

	@Override
	public ArchiveItem.FileEnd end() throws IOException {
		return new ArchiveItem.FileEnd(this.file, this.scanner.offset(), this.in.size());
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
