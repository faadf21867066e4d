package org.wirereclassifier.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code .json} archive file: one array of wire objects. The array is split into its elements at the
 * byte level (strings and nesting tracked), so that one broken element is rejected on its own; only a break in
 * the array itself (an unterminated string, a missing comma) ends reading, and then the rest of the file is
 * rejected as one piece and copied as it is.
 */
final class JsonArrayFileReader extends JsonFileReader {

	private boolean finished;

	JsonArrayFileReader(ArchiveFile file) throws IOException {
		super(file);
	}

	@Override
	byte[] readHeader() throws IOException {
		this.in.seek(this.in.startsWithBom() ? 3 : 0);
		skipWhitespace();
		if (this.in.peek() == ByteSource.EOF) {
			throw new ArchiveFileException(this.file.path() + ": empty file, expected a JSON array of wire objects");
		}
		if (this.in.next() != '[') {
			throw new ArchiveFileException(this.file.path() + ": not a JSON array (a .json archive file is one array "
					+ "of wire objects; use .jsonl for one object a line)");
		}
		return this.in.read(0, (int) this.in.offset());
	}

	@Override
	public ArchiveItem next() throws IOException {
		if (this.finished) {
			return null;
		}
		long start = this.in.offset();
		long lineAtStart = this.line;
		this.in.startCapture();
		skipWhitespace();
		boolean comma = this.in.peek() == ',';
		if (comma) {
			this.in.next();
			skipWhitespace();
		}
		int c = this.in.peek();
		if (c == ']') {
			if (comma && this.records == 0) {
				this.in.endCapture();
				return brokenRest(start, lineAtStart, "a comma before the first element");
			}
			// anything but white space after ] would otherwise be copied through unseen as the file's end
			this.in.next();
			skipWhitespace();
			if (this.in.peek() != ByteSource.EOF) {
				long after = this.in.offset();
				long afterLine = this.line;
				this.in.endCapture();
				return bytesAfterArray(start, lineAtStart, after, afterLine);
			}
			// a trailing comma before ] is tolerated: it is copied through with the file's end
			this.in.endCapture();
			this.in.seek(start);
			this.line = lineAtStart;
			this.finished = true;
			return null;
		}
		if (c == ByteSource.EOF || comma == (this.records == 0)) {
			this.in.endCapture();
			return brokenRest(start, lineAtStart, c == ByteSource.EOF ? "the JSON array is not closed with ]"
					: comma ? "a comma before the first element" : "missing comma between elements");
		}
		long contentOffset = this.in.offset();
		long recordLine = this.line;
		if (!skipValue()) {
			this.in.endCapture();
			return brokenRest(start, recordLine, "unterminated JSON value (starts on line " + recordLine + ")");
		}
		long end = this.in.offset();
		byte[] raw = this.in.endCapture();
		this.records++;
		int contentStart = (int) (contentOffset - start);
		int contentEnd = (int) (end - start);
		if (raw == null) {
			return oversized(recordLine, start, end, contentOffset);
		}
		return toItem(recordLine, start, end, raw, contentStart, contentEnd);
	}

	/** Everything from {@code start} on is rejected as one piece and copied through as the file's end. */
	private ArchiveItem brokenRest(long start, long line, String reason) throws IOException {
		return rejectRest(start, line, start, reason + "; the rest of the file, from line " + line
				+ ", is rejected as one piece");
	}

	/**
	 * The array's end and what follows it are rejected as one piece, copied as they are, so that the bytes after
	 * ] are reported rather than passed over.
	 */
	private ArchiveItem bytesAfterArray(long start, long line, long after, long afterLine) throws IOException {
		return rejectRest(start, line, after, "bytes after the JSON array's closing ] (at line " + afterLine
				+ ", byte offset " + after + "); a .json file is one array");
	}

	/** Rejects the file from {@code start} to its end as one record, showing it from {@code shownFrom}. */
	private ArchiveItem rejectRest(long start, long line, long shownFrom, String reason) throws IOException {
		this.finished = true;
		this.records++;
		long size = this.in.size();
		SourceRecord source = new SourceRecord(this.file, this.records, line, start, size, null, 0, 0,
				RecordLayout.NONE);
		this.in.seek(size);
		String shown = new String(this.in.read(shownFrom, (int) Math.min(SHOWN_LIMIT, size - shownFrom)),
				StandardCharsets.UTF_8);
		return new ArchiveItem.Rejected(source, null, reason, shown.strip());
	}

	/** Skips one JSON value; false if the file ends inside it. */
	private boolean skipValue() throws IOException {
		int depth = 0;
		boolean inString = false;
		while (true) {
			int c = this.in.next();
			if (c == ByteSource.EOF) {
				return false;
			}
			if (c == '\n') {
				this.line++;
			}
			if (inString) {
				if (c == '\\') {
					if (this.in.next() == ByteSource.EOF) {
						return false;
					}
				}
				else if (c == '"') {
					inString = false;
					if (depth == 0) {
						return true;
					}
				}
				continue;
			}
			switch (c) {
				case '"' -> inString = true;
				case '{', '[' -> depth++;
				case '}', ']' -> {
					depth--;
					if (depth <= 0) {
						return true;
					}
				}
				default -> {
					if (depth == 0) {
						// a bare scalar: it ends before a delimiter
						int p = this.in.peek();
						if (p == ',' || p == ']' || p == ByteSource.EOF || JsonWireParser.isWhitespace(p)) {
							return true;
						}
					}
				}
			}
		}
	}

	private void skipWhitespace() throws IOException {
		int c;
		while ((c = this.in.peek()) != ByteSource.EOF && JsonWireParser.isWhitespace(c)) {
			if (c == '\n') {
				this.line++;
			}
			this.in.next();
		}
	}

	@Override
	public Position position() {
		return new Position(this.in.offset(), this.line, this.records, this.finished);
	}

	@Override
	public void seek(Position position) {
		super.seek(position);
		this.finished = position.finished();
	}

}
