package org.wirereclassifier.archive;

import java.io.IOException;

/** Reads a {@code .jsonl} / {@code .ndjson} archive file: one wire object a line; blank lines are kept as they are. */
final class JsonLinesFileReader extends JsonFileReader {

	JsonLinesFileReader(ArchiveFile file) throws IOException {
		super(file);
	}

	@Override
	byte[] readHeader() throws IOException {
		int bom = this.in.startsWithBom() ? 3 : 0;
		byte[] first = this.in.read(bom, 64);
		int i = 0;
		while (i < first.length && JsonWireParser.isWhitespace(first[i])) {
			i++;
		}
		if (i < first.length && first[i] != '{') {
			throw new ArchiveFileException(this.file.path() + ": not JSON lines (each line of a .jsonl archive file "
					+ "is one wire object)");
		}
		this.in.seek(bom);
		return this.in.read(0, bom);
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
			return oversized(recordLine, start, end, contentOffset);
		}
		int contentStart = (int) (contentOffset - start);
		int contentEnd = (int) (contentEndOffset - start);
		if (contentEnd > contentStart && raw[contentEnd - 1] == '\r') {
			contentEnd--;
		}
		return toItem(recordLine, start, end, raw, contentStart, contentEnd);
	}

}
