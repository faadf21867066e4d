package org.wirereclassifier.archive;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A byte buffer a thread, reused for rendering one wire's output bytes (a record, audit lines, report rows): only
 * the finished bytes are copied out, so that rendering allocates once a wire instead of growing a new buffer each
 * time. Unsynchronized, unlike {@code ByteArrayOutputStream}. Take it with {@link #take()}, finish with
 * {@link #toByteArray()} before taking it again on the same thread.
 */
public final class RenderBuffer extends OutputStream {

	private static final ThreadLocal<RenderBuffer> BUFFERS = ThreadLocal.withInitial(RenderBuffer::new);

	/** Larger buffers are not kept: one huge wire must not hold its memory for the rest of the run. */
	private static final int KEPT = 1 << 20;

	private byte[] bytes = new byte[16 * 1024];

	private int length;

	private RenderBuffer() {
	}

	/** The thread's buffer, emptied. */
	public static RenderBuffer take() {
		RenderBuffer buffer = BUFFERS.get();
		buffer.length = 0;
		if (buffer.bytes.length > KEPT) {
			buffer.bytes = new byte[16 * 1024];
		}
		return buffer;
	}

	@Override
	public void write(int b) {
		ensure(1);
		this.bytes[this.length++] = (byte) b;
	}

	@Override
	public void write(byte[] source, int offset, int count) {
		ensure(count);
		System.arraycopy(source, offset, this.bytes, this.length, count);
		this.length += count;
	}

	/**
	 * Writes {@code text} as UTF-8, encoded here rather than by a {@code getBytes} a value; with {@code doubleQuotes}
	 * a {@code "} is written twice (a CSV cell's content). A lone surrogate becomes {@code ?}, as
	 * {@code String.getBytes} has it.
	 */
	public void writeUtf8(String text, boolean doubleQuotes) {
		ensure(text.length() * 3); // a char takes at most 3 bytes, a doubled quote 2, a surrogate pair 4
		byte[] out = this.bytes;
		int n = this.length;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (doubleQuotes && c == '"') {
					out[n++] = '"';
				}
				out[n++] = (byte) c;
			}
			else if (!Character.isSurrogate(c)) {
				n = utf8(out, n, c);
			}
			else if (isPair(text, i)) {
				n = utf8(out, n, Character.toCodePoint(c, text.charAt(++i)));
			}
			else {
				out[n++] = '?';
			}
		}
		this.length = n;
	}


	/**
	 * Writes {@code text} as a JSON string, in quotes, as Jackson writes it: quote and backslash escaped, the usual
	 * short escapes for control characters and a backslash-u escape of four hex digits for the rest of them and for
	 * a lone surrogate, everything else as UTF-8. Null is written as {@code null}.
	 */
	public void writeJsonString(String text) {
		if (text == null) {
			write(NULL, 0, NULL.length);
			return;
		}
		ensure(text.length() * 6 + 2); // at most six bytes a char: a backslash-u escape
		byte[] out = this.bytes;
		int n = this.length;
		out[n++] = '"';
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x80) {
				if (c == '"' || c == '\\') {
					out[n++] = '\\';
				}
				out[n++] = (byte) c;
			}
			else if (c < 0x20) {
				out[n++] = '\\';
				switch (c) {
					case '\n' -> out[n++] = 'n';
					case '\r' -> out[n++] = 'r';
					case '\t' -> out[n++] = 't';
					case '\b' -> out[n++] = 'b';
					case '\f' -> out[n++] = 'f';
					default -> n = hex(out, n, c);
				}
			}
			else if (!Character.isSurrogate(c)) {
				n = utf8(out, n, c);
			}
			else if (isPair(text, i)) {
				n = utf8(out, n, Character.toCodePoint(c, text.charAt(++i)));
			}
			else {
				out[n++] = '\\';
				n = hex(out, n, c); // a lone surrogate: escaped, so that no information is lost
			}
		}
		out[n++] = '"';
		this.length = n;
	}


	private static boolean isPair(String text, int i) {
		return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
				&& Character.isLowSurrogate(text.charAt(i + 1));
	}

	/** Writes a code point of 0x80 or more as UTF-8; returns the new length. */
	private static int utf8(byte[] out, int n, int code) {
		if (code < 0x800) {
			out[n++] = (byte) (0xC0 | code >> 6);
		}
		else if (code < 0x10000) {
			out[n++] = (byte) (0xE0 | code >> 12);
			out[n++] = (byte) (0x80 | code >> 6 & 0x3F);
		}
		else {
			out[n++] = (byte) (0xF0 | code >> 18);
			out[n++] = (byte) (0x80 | code >> 12 & 0x3F);
			out[n++] = (byte) (0x80 | code >> 6 & 0x3F);
		}
		out[n++] = (byte) (0x80 | code & 0x3F);
		return n;
	}

	/** Writes {@code u} and the four hex digits of {@code c}; returns the new length. */
	private static int hex(byte[] out, int n, char c) {
		out[n++] = 'u';
		for (int shift = 12; shift >= 0; shift -= 4) {
			out[n++] = HEX[(c >> shift) & 0xF];
		}
		return n;
	}

	private static final byte[] NULL = { 'n', 'u', 'l', 'l' };

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

	/** The bytes written since {@link #take()}. */
	public byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

}
