package org.wirereclassifier.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * An output file written in order, whose length at each commit is recorded so that a restart can cut it back to
 * exactly what was committed (whatever a crash left after that). It keeps a CRC-32C of every byte written, saved
 * with the length, so that a restart also finds committed bytes that changed.
 */
public final class OutputFile implements Closeable {

	private final Path path;

	private final FileChannel channel;

	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

	private final CRC32C crc;

	private long length;

	private OutputFile(Path path, FileChannel channel, long length, CRC32C crc) {
		this.path = path;
		this.channel = channel;
		this.length = length;
		this.crc = crc;
	}

	/** Counts what would be written, and writes nothing: the amended archive of a dry run. */
	public static OutputFile discarding(Path path, long length) {
		return new OutputFile(path, null, length, null);
	}

	/** Creates the file, or empties it. */
	public static OutputFile create(Path path) throws IOException {
		return new OutputFile(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING), 0, new CRC32C());
	}

	/** Opens the file to go on writing after its first {@code committed} bytes; anything after them is cut. */
	public static OutputFile resume(Path path, long committed) throws IOException {
		return resume(path, committed, null);
	}

	/**
	 * Opens the file to go on writing after its first {@code committed} bytes, once they match {@code crc} (null:
	 * not known, as in a context saved before checksums); anything after them is cut.
	 * @throws DamagedWorkingFileException if the file is missing, shorter, or its committed bytes changed
	 */
	public static OutputFile resume(Path path, long committed, Long crc) throws IOException {
		FileChannel channel = open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
		try {
			CRC32C checksum = checksum(path, channel, committed);
			if (crc != null && checksum.getValue() != crc) {
				throw DamagedWorkingFileException.changed(path);
			}
			channel.truncate(committed);
			channel.position(committed);
			// the running checksum goes on from the bytes just read: a CRC32C cannot start from a saved value
			return new OutputFile(path, channel, committed, checksum);
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Checks that a finished working file still has exactly {@code length} bytes that match {@code crc} (null: only
	 * the length is known).
	 * @throws DamagedWorkingFileException if it is missing, shorter, longer or changed
	 */
	public static void check(Path path, long length, Long crc) throws IOException {
		try (FileChannel channel = open(path, StandardOpenOption.READ)) {
			CRC32C checksum = checksum(path, channel, length);
			if (channel.size() > length || (crc != null && checksum.getValue() != crc)) {
				throw DamagedWorkingFileException.changed(path);
			}
		}
	}

	private static FileChannel open(Path path, StandardOpenOption... options) throws IOException {
		// never CREATE: a working file deleted since the commit must not come back empty
		if (!Files.isRegularFile(path)) {
			throw DamagedWorkingFileException.missing(path);
		}
		return FileChannel.open(path, options);
	}

	/** The CRC-32C of the first {@code length} bytes of a file. */
	private static CRC32C checksum(Path path, FileChannel channel, long length) throws IOException {
		if (channel.size() < length) {
			throw DamagedWorkingFileException.shorter(path);
		}
		CRC32C checksum = new CRC32C();
		ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
		long position = 0;
		while (position < length) {
			buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
			int n = channel.read(buffer, position);
			if (n < 0) {
				throw DamagedWorkingFileException.shorter(path);
			}
			buffer.flip();
			checksum.update(buffer);
			position += n;
		}
		return checksum;
	}

	public Path path() {
		return this.path;
	}

	public long length() {
		return this.length;
	}

	/** The CRC-32C of every byte written so far; null for a discarding file, which has no bytes to check. */
	public Long crc() {
		return this.crc != null ? this.crc.getValue() : null;
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
			if (this.crc != null) {
				this.crc.update(bytes, offset, n);
			}
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
		// read through the buffer, not transferTo: every byte copied goes into the checksum
		try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
			long position = from;
			while (position < to) {
				this.buffer.clear().limit((int) Math.min(this.buffer.capacity(), to - position));
				int n = in.read(this.buffer, position);
				if (n <= 0) {
					throw new IOException(source + " ended before byte " + to);
				}
				this.buffer.flip();
				this.crc.update(this.buffer.duplicate());
				while (this.buffer.hasRemaining()) {
					this.channel.write(this.buffer);
				}
				position += n;
			}
			this.buffer.clear();
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
