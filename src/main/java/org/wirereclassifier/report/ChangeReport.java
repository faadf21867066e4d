package org.wirereclassifier.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.wirereclassifier.archive.ArchiveTally;

/**
 * The editors' change report of a run: {@code report.csv}, every change a row ({@link ChangeReportRows}, rendered
 * while the wires are classified), and {@code report.html}, counts, charts and the diffs of the first
 * {@value #SAMPLE_WIRES} wires ({@link ReportRecorder} gathers them as the wires are written). The page links to
 * {@value #CSV_NAME} and {@code rejects.jsonl} by those names: it is meant to be published beside them.
 */
public final class ChangeReport {

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

	private ChangeReport() {
	}

	/**
	 * Writes the page from the run's counts, its sample of wires and the first {@value #SHOWN_REJECTS} lines of
	 * {@code rejectsJsonl} (null or missing: no rejects).
	 */
	static void writeHtml(Path html, RunInfo info, ArchiveTally tally, ChangeStats stats, WireSample sample,
			Path rejectsJsonl) throws IOException {
		Rejects rejects = Rejects.read(rejectsJsonl, SHOWN_REJECTS);
		// getBytes, not writeString: a lone surrogate (a JSON wire may escape one) becomes '?' instead of failing
		Files.write(html, new ReportPage(info, tally, stats, sample, rejects).render().getBytes(StandardCharsets.UTF_8));
	}

}
