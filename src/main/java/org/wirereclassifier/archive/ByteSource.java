package org.wirereclassifier.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Buffered bytes of one archive file with absolute offsets, so that a scanner can mark where a record starts,
 * take its exact bytes, and seek (to resume a run, or to resynchronise after a broken record).
 * <p>
 * Scanning works on bytes, not characters: the format's structural characters are all ASCII, UTF-8 is checked
 * per field afterwards, and a record's original bytes can be written back unchanged.
 */
final class ByteSource implements Closeable {

	static final int EOF = -1;

	private final FileChannel channel;

	private final byte[] buffer;

	private int position;

	private int limit;

	/** File offset of {@code buffer[0]}. */
	private long bufferStart;

	/** File offset where capture started, or -1. */
	private long captureStart = -1;

	/** Captured bytes that were in earlier buffer fills. */
	private byte[] captured = new byte[0];

	private int capturedLength;

	private final int maxCapture;

	private boolean captureOverflow;

	ByteSource(Path path, int bufferSize, int maxCapture) throws IOException {
		this.channel = FileChannel.open(path, StandardOpenOption.READ);
		this.buffer = new byte[bufferSize];
		this.maxCapture = maxCapture;
	}

	/** The next byte (0-255), or {@link #EOF}. */
	int next() throws IOException {
		if (this.position == this.limit && !fill()) {
			return EOF;
		}
		return this.buffer[this.position++] & 0xFF;
	}

	/** The next byte without consuming it, or {@link #EOF}. */
	int peek() throws IOException {
		if (this.position == this.limit && !fill()) {
			return EOF;
		}
		return this.buffer[this.position] & 0xFF;
	}

	long offset() {
		return this.bufferStart + this.position;
	}

	long size() throws IOException {
		return this.channel.size();
	}

	void seek(long offset) {
		this.bufferStart = offset;
		this.position = 0;
		this.limit = 0;
	}

	/** Starts keeping the bytes from the current offset on, up to the capture limit. */
	void startCapture() {
		this.captureStart = offset();
		this.capturedLength = 0;
		this.captureOverflow = false;
	}

	/** Whether the bytes since {@link #startCapture()} went past the capture limit. */
	boolean captureOverflow() {
		return this.captureOverflow || (this.capturedLength + (offset() - Math.max(this.captureStart,
				this.bufferStart))) > this.maxCapture;
	}

	/** The most bytes a capture keeps. */
	int maxCapture() {
		return this.maxCapture;
	}

	long captureStart() {
		return this.captureStart;
	}

	/** The bytes from {@link #startCapture()} to the current offset, or null past the capture limit. */
	byte[] endCapture() {
		long from = Math.max(this.captureStart, this.bufferStart);
		int inBuffer = (int) (offset() - from);
		byte[] result = null;
		if (!captureOverflow()) {
			result = Arrays.copyOf(this.captured, this.capturedLength + inBuffer);
			System.arraycopy(this.buffer, (int) (from - this.bufferStart), result, this.capturedLength, inBuffer);
		}
		this.captureStart = -1;
		this.capturedLength = 0;
		return result;
	}

	/** Whether the file starts with a UTF-8 byte-order mark (tolerated, and kept in the amended file). */
	boolean startsWithBom() throws IOException {
		byte[] first = read(0, 3);
		return first.length == 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB
				&& (first[2] & 0xFF) == 0xBF;
	}

	/** Reads {@code length} bytes at {@code offset} without moving this source. */
	byte[] read(long offset, int length) throws IOException {
		ByteBuffer target = ByteBuffer.allocate(length);
		while (target.hasRemaining()) {
			if (this.channel.read(target, offset + target.position()) < 0) {
				break;
			}
		}
		return Arrays.copyOf(target.array(), target.position());
	}

	private boolean fill() throws IOException {
		keepCapturedPart();
		this.bufferStart += this.limit;
		this.position = 0;
		this.limit = 0;
		int read = this.channel.read(ByteBuffer.wrap(this.buffer), this.bufferStart);
		if (read <= 0) {
			return false;
		}
		this.limit = read;
		return true;
	}

	private void keepCapturedPart() {
		if (this.captureStart < 0 || this.captureOverflow) {
			return;
		}
		long from = Math.max(this.captureStart, this.bufferStart);
		int length = (int) (this.bufferStart + this.limit - from);
		if (length <= 0) {
			return;
		}
		if ((long) this.capturedLength + length > this.maxCapture) {
			this.captureOverflow = true;
			return;
		}
		if (this.capturedLength + length > this.captured.length) {
			this.captured = Arrays.copyOf(this.captured,
					Math.min(this.maxCapture, Math.max(this.captured.length * 2, this.capturedLength + length)));
		}
		System.arraycopy(this.buffer, (int) (from - this.bufferStart), this.captured, this.capturedLength, length);
		this.capturedLength += length;
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
