package org.wirereclassifier.archive;

import java.io.IOException;
import java.util.Arrays;

/**
 * Finds RFC 4180 records in the bytes of a CSV file: {@code "} quoting with {@code ""} for a quote, commas and line
 * breaks (LF, CRLF or CR) inside quoted fields kept exactly. No escape character: a backslash is an ordinary byte.
 * <p>
 * A record that breaks the rules is still delimited (so that reading goes on), with {@link #error()} saying why.
 * A quoted field that never closes would swallow the rest of the file (and a stray quote the records up to the
 * next quote), so when a broken record spans lines only its first line is taken as the broken record and scanning
 * resumes on the next line: nothing is lost, and the records after it are read normally.
 */
final class CsvScanner {

	private final ByteSource in;

	private long line = 1;

	private int[] bounds = new int[32];

	private int fieldCount;

	private long start;

	private long end;

	private long recordLine;

	private byte[] raw;

	private int contentStart;

	private int contentEnd;

	private String error;

	CsvScanner(ByteSource in) {
		this.in = in;
	}

	/** Positions the scanner at a record boundary, e.g. to resume a run. */
	void seek(long offset, long line) {
		this.in.seek(offset);
		this.line = line;
	}

	long offset() {
		return this.in.offset();
	}

	long line() {
		return this.line;
	}

	/**
	 * Scans the next record. Returns false at the end of the file; blank lines before the end are then left
	 * unconsumed from {@link #offset()} on.
	 */
	boolean scan() throws IOException {
		this.start = this.in.offset();
		long lineAtStart = this.line;
		this.in.startCapture();
		skipBlankLines();
		if (this.in.peek() == ByteSource.EOF) {
			this.in.endCapture();
			this.in.seek(this.start);
			this.line = lineAtStart;
			return false;
		}
		long contentOffset = this.in.offset();
		this.recordLine = this.line;
		this.fieldCount = 0;
		this.error = null;
		long firstLineEnd = -1;
		while (true) {
			long fieldStart = this.in.offset();
			int c = this.in.peek();
			if (c == '"') {
				this.in.next();
				boolean closed = false;
				while (!closed) {
					c = this.in.next();
					if (c == ByteSource.EOF || this.in.captureOverflow()) {
						resynchronise(contentOffset, firstLineEnd, c == ByteSource.EOF
								? "unterminated quoted field " + (this.fieldCount + 1) + " (starts on line "
										+ this.recordLine + ")"
								: "record longer than the limit (unterminated quoted field "
										+ (this.fieldCount + 1) + "?)");
						return true;
					}
					if (c == '"') {
						if (this.in.peek() == '"') {
							this.in.next();
						}
						else {
							closed = true;
						}
					}
					else if (c == '\n' || (c == '\r' && this.in.peek() != '\n')) {
						this.line++;
						if (firstLineEnd < 0) {
							firstLineEnd = this.in.offset();
						}
					}
				}
				c = this.in.peek();
				if (c != ',' && c != '\n' && c != '\r' && c != ByteSource.EOF) {
					fail("unexpected character after the closing quote of field " + (this.fieldCount + 1));
					c = skipUnquoted();
				}
			}
			else {
				c = skipUnquoted();
			}
			addField(fieldStart - this.start, this.in.offset() - this.start);
			if (c == ',') {
				this.in.next();
				continue;
			}
			break;
		}
		if (this.error != null && firstLineEnd >= 0) {
			// A broken record spanning lines most likely has a stray quote that paired with a later one and
			// swallowed the records in between: take only its first line, and read the next lines as records.
			resynchronise(contentOffset, firstLineEnd, this.error);
			return true;
		}
		long contentEndOffset = this.in.offset();
		if (this.in.next() == '\r' && this.in.peek() == '\n') {
			this.in.next();
		}
		if (this.in.offset() > contentEndOffset) {
			this.line++;
		}
		this.end = this.in.offset();
		this.raw = this.in.endCapture();
		this.contentStart = (int) (contentOffset - this.start);
		this.contentEnd = (int) (contentEndOffset - this.start);
		if (this.raw == null) {
			fail("record longer than the limit");
		}
		return true;
	}

	/** Consumes an unquoted field; returns the byte that ends it (not consumed). */
	private int skipUnquoted() throws IOException {
		while (true) {
			int c = this.in.peek();
			if (c == ',' || c == '\n' || c == '\r' || c == ByteSource.EOF) {
				return c;
			}
			if (c == '"') {
				fail("quote inside unquoted field " + (this.fieldCount + 1));
			}
			this.in.next();
		}
	}

	private void skipBlankLines() throws IOException {
		while (true) {
			int c = this.in.peek();
			if (c == '\n') {
				this.in.next();
				this.line++;
			}
			else if (c == '\r') {
				this.in.next();
				if (this.in.peek() == '\n') {
					this.in.next();
				}
				this.line++;
			}
			else {
				return;
			}
		}
	}

	/** Takes the first line of a broken record as the record, and goes on after it. */
	private void resynchronise(long contentOffset, long firstLineEnd, String reason) throws IOException {
		this.in.endCapture();
		long resume = firstLineEnd >= 0 ? firstLineEnd : this.in.offset();
		this.end = resume;
		long length = resume - this.start;
		this.raw = length <= this.in.maxCapture() ? this.in.read(this.start, (int) length) : null;
		if (this.raw == null) {
			this.contentStart = 0;
			this.contentEnd = 0;
		}
		else {
			this.contentStart = (int) (contentOffset - this.start);
			int contentEnd = this.raw.length;
			if (firstLineEnd >= 0 && contentEnd > this.contentStart && this.raw[contentEnd - 1] == '\n') {
				contentEnd--;
			}
			if (firstLineEnd >= 0 && contentEnd > this.contentStart && this.raw[contentEnd - 1] == '\r') {
				contentEnd--;
			}
			this.contentEnd = contentEnd;
		}
		this.fieldCount = 0;
		this.error = reason + (firstLineEnd >= 0 ? "; its first line is rejected and reading resumes on line "
				+ (this.recordLine + 1) : "");
		this.line = this.recordLine + (firstLineEnd >= 0 ? 1 : 0);
		this.in.seek(resume);
	}

	private void fail(String reason) {
		if (this.error == null) {
			this.error = reason;
		}
	}

	private void addField(long from, long to) {
		if (this.fieldCount * 2 + 2 > this.bounds.length) {
			this.bounds = Arrays.copyOf(this.bounds, this.bounds.length * 2);
		}
		this.bounds[this.fieldCount * 2] = (int) from;
		this.bounds[this.fieldCount * 2 + 1] = (int) to;
		this.fieldCount++;
	}

	int fieldCount() {
		return this.fieldCount;
	}

	int[] bounds() {
		return Arrays.copyOf(this.bounds, this.fieldCount * 2);
	}

	/** The value of field {@code i} of the last record: quotes removed, {@code ""} undoubled. */
	String field(int i) {
		int from = this.bounds[i * 2];
		int to = this.bounds[i * 2 + 1];
		return value(this.raw, from, to);
	}

	static String value(byte[] raw, int from, int to) {
		if (to - from >= 2 && raw[from] == '"' && raw[to - 1] == '"') {
			String inner = new String(raw, from + 1, to - from - 2, java.nio.charset.StandardCharsets.UTF_8);
			return inner.indexOf('"') < 0 ? inner : inner.replace("\"\"", "\"");
		}
		return new String(raw, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
	}

	long start() {
		return this.start;
	}

	long end() {
		return this.end;
	}

	long recordLine() {
		return this.recordLine;
	}

	byte[] raw() {
		return this.raw;
	}

	int contentStart() {
		return this.contentStart;
	}

	int contentEnd() {
		return this.contentEnd;
	}

	String error() {
		return this.error;
	}

}
