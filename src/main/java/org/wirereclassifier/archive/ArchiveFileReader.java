package org.wirereclassifier.archive;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the records of one archive file in order, keeping each record's exact bytes. Implementations exist per
 * {@link ArchiveFormat}; {@link #open} picks one.
 */
public interface ArchiveFileReader extends Closeable {

	/** Largest record kept in memory; a larger one is rejected and copied from the file as it is. */
	int MAX_RECORD_BYTES = 8 * 1024 * 1024;

	/** Opens a file and reads its header, so that a file that is not what its name says fails here. */
	static ArchiveFileReader open(ArchiveFile file) {
		return open(file, WireField.PASS_WRITABLE);
	}

	/** As {@link #open(ArchiveFile)}, in a run that may write {@code writable} (a CSV gets columns for them). */
	static ArchiveFileReader open(ArchiveFile file, java.util.List<WireField> writable) {
		try {
			return switch (file.format()) {
				case CSV -> new CsvFileReader(file, writable);
				case JSON -> new JsonArrayFileReader(file);
				case JSON_LINES -> new JsonLinesFileReader(file);
			};
		}
		catch (IOException ex) {
			throw new ArchiveFileException(file.path() + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	/** The file's bytes before its first record: a CSV header row, the {@code [} of a JSON array. */
	byte[] header();

	/** The next record, as {@link ArchiveItem.WireRead} or {@link ArchiveItem.Rejected}; null after the last. */
	ArchiveItem next() throws IOException;

	/** Where reading stands: the next record starts here. */
	Position position();

	/** Continues reading from a position that an earlier {@link #position()} gave. */
	void seek(Position position) throws IOException;

	/** After the last record: the file's remaining bytes, which are copied as they are. */
	ArchiveItem.FileEnd end() throws IOException;

	/**
	 * A record boundary in a file: byte offset, line, how many records came before it, and whether the reader
	 * had found the file's records at an end (a broken JSON array ends them before the end of the file).
	 */
	record Position(long offset, long line, long records, boolean finished) {

		Position(long offset, long line, long records) {
			this(offset, line, records, false);
		}

	}

}
