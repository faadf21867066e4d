package org.wirereclassifier.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a {@code .jsonl} / {@code .ndjson} archive file: one wire object a line; blank lines are kept as they are. */
final class JsonLinesFileReader implements ArchiveFileReader {

	private final ArchiveFile file;

	private final ByteSource in;

	private final byte[] header;

	private long line = 1;

	private long records;

	JsonLinesFileReader(ArchiveFile file) throws IOException {
		this.file = file;
		this.in = new ByteSource(file.path(), 1 << 16, MAX_RECORD_BYTES);
		try {
			int bom = this.in.startsWithBom() ? 3 : 0;
			byte[] first = this.in.read(bom, 64);
			int i = 0;
			while (i < first.length && JsonWireParser.isWhitespace(first[i])) {
				i++;
			}
			if (i < first.length && first[i] != '{') {
				throw new ArchiveFileException(file.path() + ": not JSON lines (each line of a .jsonl archive file "
						+ "is one wire object)");
			}
			this.header = this.in.read(0, bom);
			this.in.seek(bom);
		}
		catch (IOException | RuntimeException ex) {
			this.in.close();
			throw ex;
		}
	}

	@Override
	public byte[] header() {
		return this.header;
	}

	@Override
	public ArchiveItem next() throws IOException {
		long start = this.in.offset();
		long lineAtStart = this.line;
		this.in.startCapture();
		long contentOffset;
		long contentEndOffset;
		long recordLine;
		while (true) {
			contentOffset = this.in.offset();
			recordLine = this.line;
			boolean blank = true;
			int c;
			while ((c = this.in.peek()) != ByteSource.EOF && c != '\n') {
				if (!JsonWireParser.isWhitespace(c)) {
					blank = false;
				}
				this.in.next();
			}
			contentEndOffset = this.in.offset();
			if (c == '\n') {
				this.in.next();
				this.line++;
			}
			if (!blank) {
				break;
			}
			if (c == ByteSource.EOF) {
				this.in.endCapture();
				this.in.seek(start);
				this.line = lineAtStart;
				return null;
			}
		}
		long end = this.in.offset();
		byte[] raw = this.in.endCapture();
		this.records++;
		if (raw == null) {
			SourceRecord source = new SourceRecord(this.file, this.records, recordLine, start, end, null, 0, 0,
					RecordLayout.NONE);
			return new ArchiveItem.Rejected(source, null, "record longer than the limit",
					new String(this.in.read(contentOffset, 64 * 1024), StandardCharsets.UTF_8));
		}
		int contentStart = (int) (contentOffset - start);
		int contentEnd = (int) (contentEndOffset - start);
		if (contentEnd > contentStart && raw[contentEnd - 1] == '\r') {
			contentEnd--;
		}
		return toItem(this.file, this.records, recordLine, start, end, raw, contentStart, contentEnd);
	}

	/** Parses one JSON wire object from its bytes into a wire, or a rejection with the reason. */
	static ArchiveItem toItem(ArchiveFile file, long recordNumber, long line, long start, long end, byte[] raw,
			int contentStart, int contentEnd) {
		WireBuilder builder = new WireBuilder();
		try {
			JsonWireParser.Parsed parsed = JsonWireParser.parse(raw, contentStart, contentEnd, builder);
			return new ArchiveItem.WireRead(new SourceRecord(file, recordNumber, line, start, end, raw, contentStart,
					contentEnd, parsed.layout()), parsed.wire());
		}
		catch (MalformedRecordException ex) {
			SourceRecord source = new SourceRecord(file, recordNumber, line, start, end, raw, contentStart,
					contentEnd, RecordLayout.NONE);
			return new ArchiveItem.Rejected(source, builder.wireIdOrNull(), ex.getMessage(),
					source.text());
		}
	}

	@Override
	public Position position() {
		return new Position(this.in.offset(), this.line, this.records);
	}

	@Override
	public void seek(Position position) {
		this.in.seek(position.offset());
		this.line = position.line();
		this.records = position.records();
	}

	@Override
	public ArchiveItem.FileEnd end() throws IOException {
		return new ArchiveItem.FileEnd(this.file, this.in.offset(), this.in.size());
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
