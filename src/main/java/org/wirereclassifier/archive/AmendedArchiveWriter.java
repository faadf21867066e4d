package org.wirereclassifier.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the amended copy of every input file, and {@code rejects.jsonl}, into the run's working directory.
 * <p>
 * Restartable: before each chunk commits, both files are flushed (and forced to disk) and their lengths saved in
 * the step's execution context, in the same transaction as the chunk. A restart cuts each file back to its
 * committed length, so that a crash at any point leaves neither a lost nor a doubled record.
 */
public class AmendedArchiveWriter extends ItemStreamSupport implements ItemStreamWriter<ArchiveItem> {

	/** Name of the rejects file in the working and the output directory. */
	public static final String REJECTS = "rejects.jsonl";

	/** Suffix of the working copy of each output file until the run publishes it. */
	public static final String PART = ".part";

	private static final String FILE = "file";

	private static final String FILE_LENGTH = "file.length";

	private static final String REJECTS_LENGTH = "rejects.length";

	/** Suffix of a length key whose file's CRC-32C is saved under the same name ending in {@code .crc}. */
	private static final String LENGTH = ".length";

	private static final String CRC = ".crc";

	/** Prefix of the CRC-32C of each finished amended file (its length is its tally's {@code bytes}). */
	private static final String DONE = "done.";

	private static final String KEYS = "amendedArchiveWriter.";

	private static final String TALLY = "tally";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path workDirectory;

	private final boolean sync;

	private final long skipLimit;

	private final boolean dryRun;

	private final WrittenWiresListener listener;

	private final List<SideFile> sideFiles;

	private final List<OutputFile> sideOutputs = new ArrayList<>();

	private ArchiveTally tally = new ArchiveTally();

	private OutputFile output;

	private String outputName;

	private OutputFile rejects;

	private final Map<String, Long> finishedCrcs = new LinkedHashMap<>();

	/**
	 * @param workDirectory where the {@code .part} files go
	 * @param sync whether to force files to disk before each commit (off only for tests and benchmarks)
	 * @param skipLimit how many records may be rejected before the run fails (negative: no limit)
	 * @param sideFiles the run's files beside the amended ones, in the order of each prepared wire's side lines
	 * @param listener told which classified wires each chunk wrote (the report's counts)
	 * @param dryRun whether to leave out the amended files (a dry run writes only rejects, audit and report)
	 */
	public AmendedArchiveWriter(Path workDirectory, boolean sync, long skipLimit, List<SideFile> sideFiles,
			WrittenWiresListener listener, boolean dryRun) {
		this.workDirectory = workDirectory;
		this.sideFiles = List.copyOf(sideFiles);
		this.sync = sync;
		this.skipLimit = skipLimit;
		this.dryRun = dryRun;
		this.listener = listener;
		setName("amendedArchiveWriter");
	}

	/**
	 * A file the run writes beside the amended files, a few lines per wire (the audit log, the report's rows),
	 * committed and cut back on a restart like them.
	 *
	 * @param name its name in the output directory
	 * @param header its bytes before the first line
	 */
	public record SideFile(String name, byte[] header) {
	}

	public static Path partOf(Path workDirectory, String fileName) {
		return workDirectory.resolve(fileName + PART);
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		try {
			Files.createDirectories(this.workDirectory);
			if (context.containsKey(getExecutionContextKey(TALLY))) {
				this.tally = this.json.readValue(context.getString(getExecutionContextKey(TALLY)), ArchiveTally.class);
				this.rejects = OutputFile.resume(partOf(this.workDirectory, REJECTS),
						context.getLong(getExecutionContextKey(REJECTS_LENGTH)), crcOf(context, KEYS + REJECTS_LENGTH));
				for (SideFile side : this.sideFiles) {
					String key = getExecutionContextKey(side.name() + LENGTH);
					this.sideOutputs.add(OutputFile.resume(partOf(this.workDirectory, side.name()),
							context.getLong(key), crcOf(context, key)));
				}
				if (context.containsKey(getExecutionContextKey(FILE))) {
					this.outputName = context.getString(getExecutionContextKey(FILE));
					this.output = openOutput(this.outputName, context.getLong(getExecutionContextKey(FILE_LENGTH)),
							crcOf(context, KEYS + FILE_LENGTH));
				}
				// the files finished before are not written again, but the publish step would rename them as they are
				if (!this.dryRun) {
					checkFinished(context, this.workDirectory, this.tally, this.outputName);
				}
			}
			else {
				this.rejects = OutputFile.create(partOf(this.workDirectory, REJECTS));
				for (SideFile side : this.sideFiles) {
					OutputFile output = OutputFile.create(partOf(this.workDirectory, side.name()));
					output.write(side.header());
					this.sideOutputs.add(output);
				}
			}
			this.listener.open(context);
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot open the run's working files in " + this.workDirectory, ex);
		}
	}

	@Override
	public void write(Chunk<? extends ArchiveItem> chunk) throws IOException {
		List<ArchiveItem.Classified> written = new ArrayList<>();
		for (ArchiveItem item : chunk) {
			if (item instanceof ArchiveItem.FileStart start) {
				startFile(start);
			}
			else if (item instanceof ArchiveItem.Prepared prepared) {
				if (prepared.record() == null) {
					copyRaw(prepared.wire().source());
				}
				else {
					this.output.write(prepared.record());
				}
				for (int i = 0; i < prepared.sideLines().size(); i++) {
					this.sideOutputs.get(i).write(prepared.sideLines().get(i));
				}
				this.tally.count(prepared.wire());
				written.add(prepared.wire());
			}
			else if (item instanceof ArchiveItem.Rejected rejected) {
				reject(rejected);
			}
			else if (item instanceof ArchiveItem.FileEnd end) {
				endFile(end);
			}
			else {
				throw new IllegalStateException("an item not prepared for writing reached the writer: " + item);
			}
		}
		if (this.skipLimit >= 0 && this.tally.rejected > this.skipLimit) {
			throw new SkipLimitExceededException(this.tally.rejected + " records rejected, more than the skip limit of "
					+ this.skipLimit + " (wire-reclassifier.skip-limit): the input looks broken. The rejects so far "
					+ "are in " + partOf(this.workDirectory, REJECTS));
		}
		this.listener.written(written);
	}

	private void reject(ArchiveItem.Rejected rejected) throws IOException {
		SourceRecord source = rejected.source();
		if (source.layout() instanceof RecordLayout.Csv csv && !csv.header().appended().isEmpty()) {
			// a well-formed record rejected for its values keeps the file's shape: empty cells for the new columns
			this.output.write(CsvRecordWriter.padded(source, csv.header().appended().size()));
		}
		else {
			copyRaw(source);
		}
		this.rejects.write(rejectLine(rejected));
		this.tally.count(rejected);
	}

	private void startFile(ArchiveItem.FileStart start) throws IOException {
		closeOutput();
		this.outputName = start.file().name();
		this.output = openOutput(this.outputName, -1, null);
		this.output.write(start.header());
		this.tally.startFile(start.file());
	}

	/** The amended copy of an input file: new ({@code committed < 0}), or cut back to its committed length. */
	private OutputFile openOutput(String name, long committed, Long crc) throws IOException {
		Path part = partOf(this.workDirectory, name);
		if (this.dryRun) {
			return OutputFile.discarding(part, Math.max(committed, 0));
		}
		return committed < 0 ? OutputFile.create(part) : OutputFile.resume(part, committed, crc);
	}

	/** The CRC-32C saved beside a length key; null in a context saved before checksums. */
	private static Long crcOf(ExecutionContext context, String lengthKey) {
		String key = lengthKey.substring(0, lengthKey.length() - LENGTH.length()) + CRC;
		return context.containsKey(key) ? context.getLong(key) : null;
	}

	/** Checks every finished amended file but {@code current} against its final length and CRC-32C. */
	private static void checkFinished(ExecutionContext context, Path workDirectory, ArchiveTally tally,
			String current) throws IOException {
		for (ArchiveTally.FileCounts file : tally.files) {
			String crcKey = KEYS + DONE + file.file + CRC;
			if (!file.file.equals(current) && context.containsKey(crcKey)) {
				OutputFile.check(partOf(workDirectory, file.file), file.bytes, context.getLong(crcKey));
			}
		}
	}

	/**
	 * Checks every working file that a step's context records (the amended files, unless a dry run, the rejects
	 * and the side files) against its committed length and CRC-32C: for the publish step, before it renames any.
	 * @throws DamagedWorkingFileException naming the first file that is missing or changed
	 */
	public static void checkWorkingFiles(ExecutionContext context, Path workDirectory, boolean dryRun)
			throws IOException {
		if (!context.containsKey(KEYS + TALLY)) {
			return;
		}
		String current = context.containsKey(KEYS + FILE) ? context.getString(KEYS + FILE) : null;
		if (!dryRun) {
			checkFinished(context, workDirectory, tallyOf(context), current);
			if (current != null) {
				OutputFile.check(partOf(workDirectory, current), context.getLong(KEYS + FILE_LENGTH),
						crcOf(context, KEYS + FILE_LENGTH));
			}
		}
		for (Map.Entry<String, Object> entry : context.entrySet()) {
			String key = entry.getKey();
			if (key.startsWith(KEYS) && key.endsWith(LENGTH) && !key.equals(KEYS + FILE_LENGTH)) {
				// rejects.length names rejects.jsonl; each side file's key is its name
				String name = key.equals(KEYS + REJECTS_LENGTH) ? REJECTS
						: key.substring(KEYS.length(), key.length() - LENGTH.length());
				OutputFile.check(partOf(workDirectory, name), context.getLong(key), crcOf(context, key));
			}
		}
	}

	private void endFile(ArchiveItem.FileEnd end) throws IOException {
		if (end.trailerEnd() > end.trailerStart()) {
			this.output.copy(end.file().path(), end.trailerStart(), end.trailerEnd());
		}
		this.output.flush(this.sync);
		this.tally.current().bytes = this.output.length();
		if (this.output.crc() != null) {
			this.finishedCrcs.put(this.outputName, this.output.crc());
		}
	}

	/**
	 * The bytes of a classified record as the amended file has it; null when its original bytes serve. Called on
	 * the threads that classify, not the writer's.
	 */
	public static byte[] recordBytes(ArchiveItem.Classified classified) {
		SourceRecord source = classified.source();
		if (!classified.changed()) {
			if (source.layout() instanceof RecordLayout.Csv csv && !csv.header().appended().isEmpty()) {
				return CsvRecordWriter.padded(source, csv.header().appended().size());
			}
			return null;
		}
		Set<WireField> changed = EnumSet.noneOf(WireField.class);
		classified.changes().forEach(change -> changed.add(change.field()));
		if (source.layout() instanceof RecordLayout.Csv csv) {
			return CsvRecordWriter.rewrite(source, csv, classified.amended(), changed);
		}
		if (source.layout() instanceof RecordLayout.Json json) {
			return JsonRecordWriter.rewrite(source, json, classified.amended(), changed);
		}
		throw new IllegalStateException("a record without a layout cannot be rewritten: " + source.place());
	}

	private void copyRaw(SourceRecord source) throws IOException {
		if (source.raw() != null) {
			this.output.write(source.raw());
		}
		else {
			this.output.copy(source.file().path(), source.start(), source.end());
		}
	}

	private byte[] rejectLine(ArchiveItem.Rejected rejected) {
		SourceRecord source = rejected.source();
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("file", source.file().name());
		entry.put("record", source.recordNumber());
		entry.put("line", source.line());
		entry.put("wire_id", rejected.wireId());
		entry.put("reason", rejected.reason());
		entry.put("raw", rejected.shownText());
		return (this.json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void update(ExecutionContext context) throws ItemStreamException {
		try {
			if (this.output != null) {
				this.output.flush(this.sync);
				context.putString(getExecutionContextKey(FILE), this.outputName);
				context.putLong(getExecutionContextKey(FILE_LENGTH), this.output.length());
				putCrc(context, FILE_LENGTH, this.output);
			}
			if (this.rejects != null) {
				this.rejects.flush(this.sync);
				context.putLong(getExecutionContextKey(REJECTS_LENGTH), this.rejects.length());
				putCrc(context, REJECTS_LENGTH, this.rejects);
			}
			for (int i = 0; i < this.sideFiles.size(); i++) {
				this.sideOutputs.get(i).flush(this.sync);
				context.putLong(getExecutionContextKey(this.sideFiles.get(i).name() + LENGTH),
						this.sideOutputs.get(i).length());
				putCrc(context, this.sideFiles.get(i).name() + LENGTH, this.sideOutputs.get(i));
			}
			this.finishedCrcs.forEach((name, crc) -> context.putLong(getExecutionContextKey(DONE + name + CRC), crc));
			context.putString(getExecutionContextKey(TALLY), this.json.writeValueAsString(this.tally));
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot flush the run's working files in " + this.workDirectory, ex);
		}
		this.listener.update(context);
	}

	private void putCrc(ExecutionContext context, String lengthKey, OutputFile file) {
		if (file.crc() != null) {
			context.putLong(getExecutionContextKey(lengthKey.substring(0, lengthKey.length() - LENGTH.length()) + CRC),
					file.crc());
		}
	}

	@Override
	public void close() throws ItemStreamException {
		try {
			closeOutput();
			if (this.rejects != null) {
				this.rejects.close();
				this.rejects = null;
			}
			for (OutputFile side : this.sideOutputs) {
				side.close();
			}
			this.sideOutputs.clear();
			this.listener.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeOutput() throws IOException {
		if (this.output != null) {
			this.output.close();
			this.output = null;
		}
	}

	/** The accounting so far (after the step: of the whole pass). */
	public ArchiveTally tally() {
		return this.tally;
	}

	/** Reads the accounting a step saved in its execution context. */
	public static ArchiveTally tallyOf(ExecutionContext context) {
		String key = KEYS + TALLY;
		return context.containsKey(key)
				? JsonMapper.builder().build().readValue(context.getString(key), ArchiveTally.class)
				: new ArchiveTally();
	}

}
