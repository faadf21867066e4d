package org.wirereclassifier.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.archive.OutputFile;
import org.wirereclassifier.archive.WrittenWiresListener;
import org.wirereclassifier.audit.AuditEntry;
import org.wirereclassifier.audit.AuditLines;

import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers what {@code report.html} shows while the wires are written: the counts ({@link ChangeStats}, kept in the
 * step's execution context at each commit) and the entries of the first {@value ChangeReport#SAMPLE_WIRES} wires
 * with entries (in a working file cut back to its committed length on a restart, like the amended files). The
 * page is then written from them once the step is done, without reading the audit again.
 */
public final class ReportRecorder implements WrittenWiresListener {

	/** The working file of the sample; not published. */
	static final String SAMPLE = "report-sample.jsonl";

	private static final String STATS = "reportRecorder.stats";

	private static final String SAMPLE_LENGTH = "reportRecorder.sample.length";

	private static final String SAMPLE_CRC = "reportRecorder.sample.crc";

	private static final String SAMPLED = "reportRecorder.sampled";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path workDirectory;

	private final boolean sync;

	private final long executionId;

	private final String pass;

	private ChangeStats stats = new ChangeStats();

	private OutputFile sample;

	private long sampled;

	public ReportRecorder(Path workDirectory, boolean sync, long executionId, String pass) {
		this.workDirectory = workDirectory;
		this.sync = sync;
		this.executionId = executionId;
		this.pass = pass;
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			Path file = this.workDirectory.resolve(SAMPLE);
			if (context.containsKey(STATS)) {
				this.stats = ChangeStats.of(JSON.readValue(context.getString(STATS), ChangeStats.Snapshot.class));
				this.sample = OutputFile.resume(file, context.getLong(SAMPLE_LENGTH), crcOf(context));
				this.sampled = context.getLong(SAMPLED);
			}
			else {
				this.sample = OutputFile.create(file);
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot open the report's working file in " + this.workDirectory, ex);
		}
	}

	@Override
	public void written(List<ArchiveItem.Classified> wires) {
		for (ArchiveItem.Classified wire : wires) {
			// the page shows neither the time nor the run of an entry: audit.jsonl has them
			List<AuditEntry> entries = AuditEntry.of(wire, this.executionId, this.pass, "");
			for (int i = 0; i < entries.size(); i++) {
				this.stats.accept(entries.get(i), i == 0);
			}
			if (!entries.isEmpty() && this.sampled < ChangeReport.SAMPLE_WIRES) {
				this.sampled++;
				try {
					this.sample.write(AuditLines.render(entries, true));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	@Override
	public void update(ExecutionContext context) {
		try {
			this.sample.flush(this.sync);
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot flush the report's working file in " + this.workDirectory, ex);
		}
		context.putLong(SAMPLE_LENGTH, this.sample.length());
		context.putLong(SAMPLE_CRC, this.sample.crc());
		context.putLong(SAMPLED, this.sampled);
		context.putString(STATS, JSON.writeValueAsString(this.stats.snapshot()));
	}

	private static Long crcOf(ExecutionContext context) {
		return context.containsKey(SAMPLE_CRC) ? context.getLong(SAMPLE_CRC) : null;
	}

	/**
	 * Checks the report's sample that a step's context records against its committed length and CRC-32C: for the
	 * publish step, before it renames any file.
	 * @throws org.wirereclassifier.archive.DamagedWorkingFileException if it is missing or changed
	 */
	public static void checkWorkingFiles(ExecutionContext context, Path workDirectory) throws IOException {
		if (context.containsKey(SAMPLE_LENGTH)) {
			OutputFile.check(workDirectory.resolve(SAMPLE), context.getLong(SAMPLE_LENGTH), crcOf(context));
		}
	}

	@Override
	public void close() {
		if (this.sample != null) {
			try {
				this.sample.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.sample = null;
		}
	}

	/**
	 * Writes {@code report.html} for the finished classification steps whose execution contexts and working
	 * directories these are, in archive order (one step, or a step a partition); returns how many audit entries
	 * they recorded.
	 */
	public static long writeHtml(Path html, ChangeReport.RunInfo info, ArchiveTally tally,
			List<ExecutionContext> contexts, List<Path> workDirectories, Path rejectsJsonl) throws IOException {
		ChangeStats stats = statsOf(contexts);
		WireSample sample = new WireSample(ChangeReport.SAMPLE_WIRES);
		String previous = null;
		for (Path workDirectory : workDirectories) {
			Path file = workDirectory.resolve(SAMPLE);
			if (!Files.exists(file)) {
				continue;
			}
			try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					AuditEntry entry = AuditLines.parse(line);
					String wire = entry.file() + '\u0000' + entry.record();
					sample.accept(entry, !wire.equals(previous));
					previous = wire;
				}
			}
		}
		ChangeReport.writeHtml(html, info, tally, stats, sample, rejectsJsonl);
		return stats.entries();
	}

	/** The counts of a run's classification steps, added up. */
	static ChangeStats statsOf(List<ExecutionContext> contexts) {
		ChangeStats stats = new ChangeStats();
		contexts.forEach(context -> stats.add(statsOf(context)));
		return stats;
	}

	private static ChangeStats statsOf(ExecutionContext context) {
		return context.containsKey(STATS)
				? ChangeStats.of(JSON.readValue(context.getString(STATS), ChangeStats.Snapshot.class))
				: new ChangeStats();
	}

}
