package org.wirereclassifier.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads all input files of a pass, in their stable order, as one archive: each file's start, its records, its
 * end. Rejects a record whose {@code wire_id} an earlier record (in any file) already had, naming both places.
 * <p>
 * Restartable: the execution context holds the file and byte offset of the next record, so a restart seeks
 * there directly. The duplicate index is journalled at each commit (24 bytes an id, the journal's length saved
 * with the chunk), so a restart loads it; without a journal it is rebuilt by re-reading the ids before that point.
 */
public class ArchiveReader extends ItemStreamSupport implements ItemStreamReader<ArchiveItem> {

	private static final String FILE_INDEX = "file.index";

	private static final String STARTED = "file.started";

	private static final String ENDED = "file.ended";

	private static final String OFFSET = "file.offset";

	private static final String LINE = "file.line";

	private static final String RECORDS = "file.records";

	private static final String FINISHED = "file.finished";

	/** The journal's name in the run's working directory. */
	public static final String JOURNAL = "wire-ids.journal";

	private static final String JOURNAL_LENGTH = "ids.journal.length";

	private static final String JOURNAL_CRC = "ids.journal.crc";

	private final List<ArchiveFile> files;

	private final WireIdIndex ids = new WireIdIndex();

	private int fileIndex;

	private boolean started;

	private boolean ended;

	private ArchiveFileReader current;

	private final List<WireField> writable;

	private final Path journalPath;

	private final boolean sync;

	/** The files before these in the run and the journals of their ids (a partition's reader). */
	private final Map<ArchiveFile, Path> seeds;

	private OutputFile journal;

	public ArchiveReader(List<ArchiveFile> files) {
		this(files, WireField.PASS_WRITABLE);
	}

	/** Reads for a run that may write {@code writable}: a CSV file gets columns for those it lacks. */
	public ArchiveReader(List<ArchiveFile> files, List<WireField> writable) {
		this(files, writable, null, false);
	}

	/**
	 * As {@link #ArchiveReader(List, List)}, journalling the duplicate index to {@code journal} (in the run's
	 * working directory), forced to disk before each commit with {@code sync}.
	 */
	public ArchiveReader(List<ArchiveFile> files, List<WireField> writable, Path journal, boolean sync) {
		this(files, writable, journal, sync, Map.of());
	}

	/**
	 * As {@link #ArchiveReader(List, List, Path, boolean)}, knowing beforehand the ids of the files before these:
	 * {@code seeds} maps each such file to the whole journal of the ids first seen in it (a partition of a pass
	 * knows the ids of the files before its own).
	 */
	public ArchiveReader(List<ArchiveFile> files, List<WireField> writable, Path journal, boolean sync,
			Map<ArchiveFile, Path> seeds) {
		this.seeds = new LinkedHashMap<>(seeds);
		this.files = List.copyOf(files);
		this.writable = List.copyOf(writable);
		this.journalPath = journal;
		this.sync = sync;
		setName("archiveReader");
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		boolean resumed = context.containsKey(getExecutionContextKey(FILE_INDEX));
		boolean journalled = resumed && context.containsKey(getExecutionContextKey(JOURNAL_LENGTH));
		try {
			for (Path seed : this.seeds.values()) {
				this.ids.loadJournal(seed, Files.size(seed));
			}
			if (this.journalPath != null) {
				Files.createDirectories(this.journalPath.getParent());
				if (journalled) {
					long length = context.getLong(getExecutionContextKey(JOURNAL_LENGTH));
					String crcKey = getExecutionContextKey(JOURNAL_CRC);
					// checked (and cut back) before it is read
					this.journal = OutputFile.resume(this.journalPath, length,
							context.containsKey(crcKey) ? context.getLong(crcKey) : null);
					this.ids.loadJournal(this.journalPath, length);
				}
				else {
					this.journal = OutputFile.create(this.journalPath);
				}
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot open the duplicate index's journals " + this.journalPath, ex);
		}
		if (!resumed) {
			return;
		}
		this.fileIndex = context.getInt(getExecutionContextKey(FILE_INDEX));
		this.started = context.getString(getExecutionContextKey(STARTED)).equals("true");
		this.ended = context.getString(getExecutionContextKey(ENDED)).equals("true");
		try {
			for (int i = 0; i < this.fileIndex && !journalled; i++) {
				registerIds(this.files.get(i), Long.MAX_VALUE);
			}
			if (this.started && this.fileIndex < this.files.size()) {
				ArchiveFileReader.Position position = new ArchiveFileReader.Position(
						context.getLong(getExecutionContextKey(OFFSET)), context.getLong(getExecutionContextKey(LINE)),
						context.getLong(getExecutionContextKey(RECORDS)),
						context.getString(getExecutionContextKey(FINISHED), "false").equals("true"));
				if (!journalled) {
					registerIds(this.files.get(this.fileIndex), position.records());
				}
				this.current = ArchiveFileReader.open(this.files.get(this.fileIndex), this.writable);
				this.current.seek(position);
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot resume reading the archive", ex);
		}
	}

	/** Re-reads the first {@code records} records of a file for their ids, as the interrupted run saw them. */
	private void registerIds(ArchiveFile file, long records) throws IOException {
		try (ArchiveFileReader reader = ArchiveFileReader.open(file, this.writable)) {
			ArchiveItem item;
			for (long n = 0; n < records && (item = reader.next()) != null; n++) {
				checkDuplicate(item);
			}
		}
	}

	@Override
	public ArchiveItem read() throws IOException {
		while (this.fileIndex < this.files.size()) {
			ArchiveFile file = this.files.get(this.fileIndex);
			if (this.current == null) {
				this.current = ArchiveFileReader.open(file, this.writable);
			}
			if (!this.started) {
				this.started = true;
				return new ArchiveItem.FileStart(file, this.current.header());
			}
			if (!this.ended) {
				ArchiveItem item = this.current.next();
				if (item != null) {
					return checkDuplicate(item);
				}
				this.ended = true;
				return this.current.end();
			}
			this.current.close();
			this.current = null;
			this.fileIndex++;
			this.started = false;
			this.ended = false;
		}
		return null;
	}

	private ArchiveItem checkDuplicate(ArchiveItem item) {
		SourceRecord source;
		String wireId;
		if (item instanceof ArchiveItem.WireRead read) {
			source = read.source();
			wireId = read.wire().wireId();
		}
		else if (item instanceof ArchiveItem.Rejected rejected && rejected.wireId() != null) {
			source = rejected.source();
			wireId = rejected.wireId();
		}
		else {
			return item;
		}
		WireIdIndex.Place earlier = this.ids.addIfAbsent(wireId, source.file().index(), source.recordNumber());
		if (earlier == null || item instanceof ArchiveItem.Rejected) {
			return item;
		}
		return new ArchiveItem.Rejected(source, wireId, "duplicate wire_id " + WireBuilder.quoted(wireId)
				+ ", first seen in " + fileName(earlier.fileIndex()) + " record "
				+ earlier.recordNumber(), source.text());
	}

	/**
	 * Writes the ids first seen since the last journal was written to a journal of their own: after each file's
	 * end, the journal of the ids first seen in that file (the partitioned pass's pre-pass). For a reader built
	 * without a journal of its own.
	 */
	public void writeJournal(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputFile out = OutputFile.create(file)) {
			this.ids.writeJournal(out);
			out.flush(this.sync);
		}
	}

	private String fileName(int index) {
		return Stream.concat(this.seeds.keySet().stream(), this.files.stream())
			.filter(file -> file.index() == index)
			.findFirst()
			.map(ArchiveFile::name)
			.orElse("file " + index);
	}

	@Override
	public void update(ExecutionContext context) throws ItemStreamException {
		if (this.journal != null) {
			try {
				this.ids.writeJournal(this.journal);
				this.journal.flush(this.sync);
			}
			catch (IOException ex) {
				throw new ItemStreamException("Cannot write the duplicate index's journal " + this.journalPath, ex);
			}
			context.putLong(getExecutionContextKey(JOURNAL_LENGTH), this.journal.length());
			context.putLong(getExecutionContextKey(JOURNAL_CRC), this.journal.crc());
		}
		context.putInt(getExecutionContextKey(FILE_INDEX), this.fileIndex);
		context.putString(getExecutionContextKey(STARTED), Boolean.toString(this.started));
		context.putString(getExecutionContextKey(ENDED), Boolean.toString(this.ended));
		if (this.current != null) {
			ArchiveFileReader.Position position = this.current.position();
			context.putLong(getExecutionContextKey(OFFSET), position.offset());
			context.putLong(getExecutionContextKey(LINE), position.line());
			context.putLong(getExecutionContextKey(RECORDS), position.records());
			context.putString(getExecutionContextKey(FINISHED), Boolean.toString(position.finished()));
		}
	}

	@Override
	public void close() throws ItemStreamException {
		if (this.journal != null) {
			try {
				this.journal.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException(ex);
			}
			this.journal = null;
		}
		if (this.current != null) {
			try {
				this.current.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException(ex);
			}
			this.current = null;
		}
	}

}
