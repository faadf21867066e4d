package org.wirereclassifier.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output file written in order, whose length at each commit is recorded so that a restart can cut it back to
 * exactly what was committed (whatever a crash left after that).
 */
public final class OutputFile implements Closeable {

	private final Path path;

	private final FileChannel channel;

	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

	private long length;

	private OutputFile(Path path, FileChannel channel, long length) {
		this.path = path;
		this.channel = channel;
		this.length = length;
	}

	/** Counts what would be written, and writes nothing: the amended archive of a dry run. */
	public static OutputFile discarding(Path path, long length) {
		return new OutputFile(path, null, length);
	}

	/** Creates the file, or empties it. */
	public static OutputFile create(Path path) throws IOException {
		return new OutputFile(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING), 0);
	}

	/** Opens the file to go on writing after its first {@code committed} bytes; anything after them is cut. */
	public static OutputFile resume(Path path, long committed) throws IOException {
		FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		if (channel.size() < committed) {
			channel.close();
			throw new IOException(path + " is shorter (" + channel.size() + " bytes) than its committed length ("
					+ committed + " bytes); the run's working files were changed outside the pass");
		}
		channel.truncate(committed);
		channel.position(committed);
		return new OutputFile(path, channel, committed);
	}

	public Path path() {
		return this.path;
	}

	public long length() {
		return this.length;
	}

	public void write(byte[] bytes) throws IOException {
		write(bytes, 0, bytes.length);
	}

	public void write(byte[] bytes, int offset, int count) throws IOException {
		while (count > 0) {
			if (!this.buffer.hasRemaining()) {
				drain();
			}
			int n = Math.min(count, this.buffer.remaining());
			this.buffer.put(bytes, offset, n);
			offset += n;
			count -= n;
			this.length += n;
		}
	}

	/** Copies {@code [from, to)} of another file, e.g. a record too large to hold in memory. */
	public void copy(Path source, long from, long to) throws IOException {
		drain();
		if (this.channel == null) {
			this.length += to - from;
			return;
		}
		try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
			long position = from;
			while (position < to) {
				long n = in.transferTo(position, to - position, this.channel);
				if (n <= 0) {
					throw new IOException(source + " ended before byte " + to);
				}
				position += n;
			}
		}
		this.length += to - from;
	}

	/** Writes what is buffered and, with {@code sync}, forces it to the disk: done before every commit. */
	public void flush(boolean sync) throws IOException {
		drain();
		if (sync && this.channel != null) {
			this.channel.force(false);
		}
	}

	private void drain() throws IOException {
		if (this.channel == null) {
			this.buffer.clear();
			return;
		}
		this.buffer.flip();
		while (this.buffer.hasRemaining()) {
			this.channel.write(this.buffer);
		}
		this.buffer.clear();
	}

	@Override
	public void close() throws IOException {
		try {
			drain();
		}
		finally {
			if (this.channel != null) {
				this.channel.close();
			}
		}
	}

}
