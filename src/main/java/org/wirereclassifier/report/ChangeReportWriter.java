package org.wirereclassifier.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.opencsv.CSVWriter;

import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.audit.AuditEntry;

/**
 * Streams a run's audit entries into {@code report.csv} and aggregates what {@code report.html} shows.
 * <p>
 * Feed it every entry of the run, in archive order ({@code AuditTrail.forEach(instanceId, writer::accept)}), then
 * {@link #writeHtml}, then {@link #close}. Each entry becomes a CSV row at once; the page keeps only counts and
 * the first {@value #SAMPLE_WIRES} wires, so memory does not grow with the run.
 * <p>
 * {@code report.csv} is RFC 4180 as opencsv writes it: comma separated, every cell in {@code "} quotes (as the
 * OWASP guidance on CSV injection advises), a {@code "} doubled, LF line ends, UTF-8 without a byte-order mark. It
 * is meant for spreadsheets, so a cell a spreadsheet would take for a formula ({@code = + - @}, tab, CR at its
 * start) gets a leading {@code '}; the archive's own files are never neutralised. The page links to
 * {@value #CSV_NAME} and {@code rejects.jsonl} by those names: it is meant to be published beside them.
 */
public final class ChangeReportWriter implements AutoCloseable {

	/** The pass and run the report is about, as {@code summary.json} has them. */
	public record RunInfo(String passName, String passDate, String taxonomyVersion, String jobFile, String sha256,
			List<String> inputs, boolean dryRun) {

		public RunInfo {
			inputs = inputs == null ? List.of() : List.copyOf(inputs);
		}

	}

	/** The file name the page links to for all changes. */
	public static final String CSV_NAME = "report.csv";

	/** Wires whose diffs the page shows: the first ones in archive order. */
	public static final int SAMPLE_WIRES = 500;

	/** Rejected records the page lists: the first ones of {@code rejects.jsonl}. */
	public static final int SHOWN_REJECTS = 200;

	static final String[] HEADER = { "execution_id", "pass", "wire_id", "file", "record", "field", "before", "after",
			"rule_ids", "taxonomy_before", "taxonomy_after", "kind", "would_have_written", "at", "headline" };

	private final RunInfo info;

	private final ArchiveTally tally;

	private final CSVWriter csv;

	private final ChangeStats stats = new ChangeStats();

	private final WireSample sample;

	private String lastFile;

	private long lastRecord = -1;

	private boolean closed;

	public ChangeReportWriter(RunInfo info, ArchiveTally tally, Path csv) throws IOException {
		this(info, tally, csv, SAMPLE_WIRES);
	}

	/** As the public constructor, with a smaller sample for tests. */
	ChangeReportWriter(RunInfo info, ArchiveTally tally, Path csv, int sampleWires) throws IOException {
		this.info = Objects.requireNonNull(info, "info");
		this.tally = Objects.requireNonNull(tally, "tally");
		this.sample = new WireSample(sampleWires);
		this.csv = new CSVWriter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv),
				StandardCharsets.UTF_8)), ',', '"', '"', "\n");
		this.csv.writeNext(HEADER, true);
	}

	/** Writes the entry's row to {@code report.csv} and counts it; entries must come in archive order. */
	public void accept(AuditEntry entry) {
		if (this.closed) {
			throw new IllegalStateException("the report is closed");
		}
		boolean firstOfWire = !(Objects.equals(entry.file(), this.lastFile) && entry.record() == this.lastRecord);
		this.lastFile = entry.file();
		this.lastRecord = entry.record();
		this.stats.accept(entry, firstOfWire);
		this.sample.accept(entry, firstOfWire);
		this.csv.writeNext(row(entry), true);
		if (this.csv.getException() != null) {
			// opencsv keeps a write error instead of throwing it: a full disk must not pass unnoticed
			throw new UncheckedIOException("cannot write the report's CSV", this.csv.getException());
		}
	}

	static String[] row(AuditEntry entry) {
		String[] row = { Long.toString(entry.executionId()), entry.pass(), entry.wireId(), entry.file(),
				Long.toString(entry.record()), entry.field(), entry.before(), entry.after(),
				entry.ruleIds() == null ? "" : String.join(";", entry.ruleIds()), entry.taxonomyBefore(),
				entry.taxonomyAfter(), entry.kind(), entry.wouldHaveWritten(), entry.at(), entry.headline() };
		for (int i = 0; i < row.length; i++) {
			row[i] = SpreadsheetSafe.cell(row[i]);
		}
		return row;
	}

	/**
	 * Writes the page, from what the entries so far gave and the first {@value #SHOWN_REJECTS} lines of
	 * {@code rejectsJsonl} (null or missing: no rejects). Call it after the last {@link #accept}.
	 */
	public void writeHtml(Path html, Path rejectsJsonl) throws IOException {
		Rejects rejects = Rejects.read(rejectsJsonl, SHOWN_REJECTS);
		String page = new ReportPage(this.info, this.tally, this.stats, this.sample, rejects).render();
		Files.writeString(html, page, StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.csv.close();
		if (this.csv.getException() != null) {
			throw this.csv.getException();
		}
	}

}
