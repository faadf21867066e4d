package org.wirereclassifier.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the two JSON archive readers share: the file's bytes, where reading stands, and turning one object's bytes
 * into a wire or a rejection.
 */
abstract sealed class JsonFileReader implements ArchiveFileReader permits JsonArrayFileReader, JsonLinesFileReader {

	/** How much of a record too large to keep is shown in {@code rejects.jsonl}. */
	static final int SHOWN_LIMIT = 64 * 1024;

	final ArchiveFile file;

	final ByteSource in;

	private final byte[] header;

	long line = 1;

	long records;

	JsonFileReader(ArchiveFile file) throws IOException {
		this.file = file;
		this.in = new ByteSource(file.path(), 1 << 16, MAX_RECORD_BYTES);
		try {
			this.header = readHeader();
		}
		catch (IOException | RuntimeException ex) {
			this.in.close();
			throw ex;
		}
	}

	/** Checks the file's start, positions the source at the first record, and returns the bytes before it. */
	abstract byte[] readHeader() throws IOException;

	@Override
	public byte[] header() {
		return this.header;
	}

	/** A wire, or a rejection with the reason, from the bytes of one JSON object. */
	ArchiveItem toItem(long recordLine, long start, long end, byte[] raw, int contentStart, int contentEnd) {
		WireBuilder builder = new WireBuilder();
		try {
			JsonWireParser.Parsed parsed = JsonWireParser.parse(raw, contentStart, contentEnd, builder);
			return new ArchiveItem.WireRead(new SourceRecord(this.file, this.records, recordLine, start, end, raw,
					contentStart, contentEnd, parsed.layout()), parsed.wire());
		}
		catch (MalformedRecordException ex) {
			SourceRecord source = new SourceRecord(this.file, this.records, recordLine, start, end, raw, contentStart,
					contentEnd, RecordLayout.NONE);
			return new ArchiveItem.Rejected(source, builder.wireIdOrNull(), ex.getMessage(), source.text());
		}
	}

	/** A record too large to keep in memory: rejected, and copied from the file as it is. */
	ArchiveItem.Rejected oversized(long recordLine, long start, long end, long contentOffset) throws IOException {
		SourceRecord source = new SourceRecord(this.file, this.records, recordLine, start, end, null, 0, 0,
				RecordLayout.NONE);
		return new ArchiveItem.Rejected(source, null, "record longer than the limit",
				new String(this.in.read(contentOffset, SHOWN_LIMIT), StandardCharsets.UTF_8));
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
