package org.wirereclassifier.archive;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The wire ids seen so far in a pass, and where each was first seen, to reject duplicates across all input files.
 * <p>
 * Kept small on purpose (24 bytes a slot, about 40 bytes a wire): an id is held as a 128-bit hash, not as text,
 * so a million wires take about 40 MB instead of the ~150 MB a {@code HashMap<String, …>} would. Two distinct ids
 * share a 128-bit hash with odds far below one in 10^20 for any real archive.
 */
final class WireIdIndex {

	private static final int FILE_BITS = 16;

	private long[] first = new long[1 << 12];

	private long[] second = new long[1 << 12];

	/** (file index << 48 | record number) + 1; 0 marks an empty slot. */
	private long[] places = new long[1 << 12];

	private int size;

	/** The ids added since the journal was last written: hash, hash, place, three longs an id. */
	private long[] pending = new long[3 * 512];

	private int pendingLongs;

	/** Where an id was first seen. */
	record Place(int fileIndex, long recordNumber) {
	}

	/** Adds an id seen at a place; returns where it was seen before, or null if it is new. */
	Place addIfAbsent(String wireId, int fileIndex, long recordNumber) {
		long h1 = 0xcbf29ce484222325L;
		long h2 = 0x84222325cbf29ce4L;
		for (int i = 0; i < wireId.length(); i++) {
			char c = wireId.charAt(i);
			h1 = (h1 ^ c) * 0x100000001b3L;
			h2 = (h2 + c) * 0x9E3779B97F4A7C15L;
			h2 ^= h2 >>> 29;
		}
		h1 = mix(h1 ^ wireId.length());
		h2 = mix(h2 + wireId.length());
		int mask = this.places.length - 1;
		int slot = (int) h1 & mask;
		while (this.places[slot] != 0) {
			if (this.first[slot] == h1 && this.second[slot] == h2) {
				long place = this.places[slot] - 1;
				return new Place((int) (place >>> (64 - FILE_BITS)), place & ((1L << (64 - FILE_BITS)) - 1));
			}
			slot = (slot + 1) & mask;
		}
		long place = (((long) fileIndex << (64 - FILE_BITS)) | recordNumber) + 1;
		insert(slot, h1, h2, place);
		if (this.pendingLongs + 3 > this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, this.pending.length * 2);
		}
		this.pending[this.pendingLongs++] = h1;
		this.pending[this.pendingLongs++] = h2;
		this.pending[this.pendingLongs++] = place;
		return null;
	}

	private void insert(int slot, long h1, long h2, long place) {
		this.first[slot] = h1;
		this.second[slot] = h2;
		this.places[slot] = place;
		if (++this.size * 5 > this.places.length * 3) {
			grow();
		}
	}

	/**
	 * Appends the ids added since the last call to a journal, 24 bytes an id: a restart loads the journal instead
	 * of reading the archive again for its ids.
	 */
	void writeJournal(OutputFile journal) throws IOException {
		ByteBuffer bytes = ByteBuffer.allocate(this.pendingLongs * Long.BYTES);
		bytes.asLongBuffer().put(this.pending, 0, this.pendingLongs);
		journal.write(bytes.array());
		this.pendingLongs = 0;
	}

	/** Adds the ids of the first {@code length} bytes of a journal {@link #writeJournal} wrote. */
	void loadJournal(Path journal, long length) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(journal), 1 << 16)) {
			DataInputStream data = new DataInputStream(in);
			for (long read = 0; read < length; read += 3 * Long.BYTES) {
				long h1 = data.readLong();
				long h2 = data.readLong();
				long place = data.readLong();
				int mask = this.places.length - 1;
				int slot = (int) h1 & mask;
				while (this.places[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				insert(slot, h1, h2, place);
			}
		}
	}

	int size() {
		return this.size;
	}

	private void grow() {
		long[] oldFirst = this.first;
		long[] oldSecond = this.second;
		long[] oldPlaces = this.places;
		int capacity = oldPlaces.length * 2;
		this.first = new long[capacity];
		this.second = new long[capacity];
		this.places = new long[capacity];
		int mask = capacity - 1;
		for (int i = 0; i < oldPlaces.length; i++) {
			if (oldPlaces[i] != 0) {
				int slot = (int) oldFirst[i] & mask;
				while (this.places[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				this.first[slot] = oldFirst[i];
				this.second[slot] = oldSecond[i];
				this.places[slot] = oldPlaces[i];
			}
		}
	}

	private static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}
