package org.wirereclassifier.pass;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.report.ChangeReport;
import org.wirereclassifier.report.ChangeReportRows;
import org.wirereclassifier.report.ReportRecorder;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a finished run: joins the partitions' side files if the run was partitioned, writes the editors'
 * {@code report.html} and the run's {@code summary.json}, then moves them, the amended files, {@code rejects.jsonl},
 * {@code audit.jsonl} and {@code report.csv} (which the classification steps wrote) from the run's working directory
 * into the output directory, each by an atomic rename, so that the output directory never holds a half-written
 * file. Safe to repeat after a crash: a file already moved is checked, not moved again.
 */
@Component
public class PublishOutputsTasklet implements Tasklet {

	public static final String SUMMARY = "summary.json";

	public static final String AUDIT = "audit.jsonl";

	public static final String REPORT_HTML = "report.html";

	public static final String REPORT_CSV = ChangeReport.CSV_NAME;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final JobRepository jobRepository;

	private final RunMetrics metrics;

	public PublishOutputsTasklet(JobRepository jobRepository, RunMetrics metrics) {
		this.jobRepository = jobRepository;
		this.metrics = metrics;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		JobExecution job = step.getJobExecution();
		JobParameters parameters = job.getJobParameters();
		boolean dryRun = RunPlan.isDryRun(parameters);
		Path work = RunPlan.workDirectory(parameters);
		Path output = RunPlan.publishDirectory(Path.of(parameters.getString(RunPlan.OUTPUT)), dryRun);
		Path published = publishedDirectory(work);
		if (!Files.isDirectory(work)) {
			// published by an earlier attempt, which died before its step's completion was committed: only its
			// clean-up may be left to finish
			deleteRecursively(published);
			return RepeatStatus.FINISHED;
		}
		RunParts parts = RunParts.of(this.jobRepository, job.getJobInstance(), parameters);
		ArchiveTally tally = parts.tally();
		// an attempt that died after its first rename left this behind: a part missing then was moved already
		Path publishing = work.resolve(PUBLISHING);
		boolean resumed = Files.exists(publishing);

		Pass pass = RunPlan.loadPass(parameters.getString(RunPlan.PASS), parameters.getString(RunPlan.PASS_SHA256));
		Files.createDirectories(output);
		if (!resumed) {
			// every working file as committed, before anything is joined or moved: a damaged one stops the publish
			for (RunParts.Part part : parts.parts()) {
				AmendedArchiveWriter.checkWorkingFiles(part.context(), part.directory(), dryRun);
				ReportRecorder.checkWorkingFiles(part.context(), part.directory());
			}
		}
		if (!resumed && parts.parts().stream().anyMatch(part -> !part.directory().equals(work))) {
			// partitions (even one): their side files joined in archive order, report.csv's header once
			concatenate(parts, work, AmendedArchiveWriter.REJECTS, 0);
			concatenate(parts, work, AUDIT, 0);
			concatenate(parts, work, REPORT_CSV, ChangeReportRows.header().length);
		}
		List<Path> names = new ArrayList<>();
		if (!dryRun) {
			for (RunParts.Part part : parts.parts()) {
				for (ArchiveTally.FileCounts file : part.tally().files) {
					names.add(AmendedArchiveWriter.partOf(part.directory(), file.file));
				}
			}
		}
		for (String name : List.of(AmendedArchiveWriter.REJECTS, AUDIT, REPORT_CSV)) {
			names.add(AmendedArchiveWriter.partOf(work, name));
		}
		if (!resumed) {
			// every part is checked before the first rename: a publish that cannot finish moves nothing
			for (Path part : names) {
				if (!Files.isRegularFile(part)) {
					throw new IOException(part.getFileName() + " of this run's working files (in " + part.getParent()
							+ ") is missing: the run cannot be published. `recover RUN --abandon` gives it up so "
							+ "that the same command starts it over");
				}
			}
			Path rejects = AmendedArchiveWriter.partOf(work, AmendedArchiveWriter.REJECTS);
			long auditEntries = ReportRecorder.writeHtml(AmendedArchiveWriter.partOf(work, REPORT_HTML),
					reportInfo(pass, parameters, dryRun), tally, parts.contexts(), parts.directories(), rejects);
			this.metrics.count(job.getJobInstance().getJobName(), tally);
			Map<String, Object> summary = summary(pass, tally, auditEntries, dryRun,
					RunPlan.isAmendment(parameters) ? Path.of(parameters.getString(RunPlan.AMENDMENTS)) : null,
					RunPlan.isRevert(parameters) ? Path.of(parameters.getString(RunPlan.REVERT_AUDIT)).getParent()
							: null);
			summary.put("run", runInfo(job));
			Files.write(AmendedArchiveWriter.partOf(work, SUMMARY),
					(JSON.writeValueAsString(summary) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			// what is renamed must be on the disk before its name is: else a power cut could publish an empty file
			for (Path part : names) {
				force(part);
			}
			force(AmendedArchiveWriter.partOf(work, REPORT_HTML));
			force(AmendedArchiveWriter.partOf(work, SUMMARY));
			Files.write(publishing, new byte[0]);
			force(publishing);
			forceDirectory(work);
		}
		names.add(AmendedArchiveWriter.partOf(work, REPORT_HTML));
		names.add(AmendedArchiveWriter.partOf(work, SUMMARY)); // last: a summary.json from this run means it is all there
		for (Path part : names) {
			publish(part, output);
		}
		forceDirectory(output);
		// Only now may anything be deleted: the working directory is first renamed out of the way in one step, so
		// that an attempt killed while deleting finds no half-deleted run to publish again.
		Files.move(work, published, StandardCopyOption.ATOMIC_MOVE);
		forceDirectory(work.getParent());
		deleteRecursively(published);
		return RepeatStatus.FINISHED;
	}

	/** Marks, in a run's working directory, a publish that has begun renaming. */
	static final String PUBLISHING = "publishing";

	/** Where a published run's working directory goes to be deleted. */
	static Path publishedDirectory(Path work) {
		return work.resolveSibling(work.getFileName() + ".published");
	}

	private static void publish(Path part, Path output) throws IOException {
		String name = part.getFileName().toString();
		Path target = output.resolve(name.substring(0, name.length() - AmendedArchiveWriter.PART.length()));
		if (!Files.exists(part)) {
			return; // moved by an earlier attempt (checked before its first rename)
		}
		try {
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void force(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/** Makes the renames in a directory durable (Linux: fsync of the directory). */
	static void forceDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems and platforms cannot sync a directory; the renames are then as durable as they allow
		}
	}

	/**
	 * Joins the partitions' working copies of a side file into the run's, skipping {@code header} bytes of each but
	 * the first. Done again in full when a publish is resumed: the partitions' copies stay until the end.
	 */
	private static void concatenate(RunParts parts, Path work, String name, int header) throws IOException {
		Path target = AmendedArchiveWriter.partOf(work, name);
		try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			boolean first = true;
			for (RunParts.Part part : parts.parts()) {
				Path source = AmendedArchiveWriter.partOf(part.directory(), name);
				if (!Files.exists(source)) {
					continue;
				}
				try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
					long position = first ? 0 : Math.min(header, in.size());
					while (position < in.size()) {
						position += in.transferTo(position, in.size() - position, out);
					}
				}
				first = false;
			}
			out.force(false);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.isDirectory(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> leftovers = Files.walk(directory)) {
			for (Path leftover : leftovers.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(leftover); // deepest first: partitions' directories, then the run's
			}
		}
	}

	private static ChangeReport.RunInfo reportInfo(Pass pass, JobParameters parameters, boolean dryRun) {
		return new ChangeReport.RunInfo(pass.name(), pass.definition().pass().date().toString(),
				pass.taxonomyVersion(), pass.file().getFileName().toString(), pass.sha256(),
				RunPlan.splitInputs(parameters.getString(RunPlan.INPUTS)).stream().map(Path::toString).toList(),
				dryRun);
	}

	/**
	 * What differs between two runs of the same pass over the same archive, kept apart in {@code summary.json}'s
	 * last object, {@code run}: which run it was, when it started, and its timings.
	 */
	private Map<String, Object> runInfo(JobExecution job) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("id", job.getId());
		run.put("job", job.getJobInstance().getJobName());
		run.put("started", job.getStartTime() == null ? null
				: job.getStartTime().atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime().toString());
		run.put("timers", this.metrics.timers());
		return run;
	}

	/** The run's accounting: no timestamps or ids, so that the same pass over the same archive gives the same values. */
	static Map<String, Object> summary(Pass pass, ArchiveTally tally, long auditEntries, boolean dryRun, Path amendments,
			Path revertedRun) {
		Map<String, Object> summary = new LinkedHashMap<>();
		Map<String, Object> passInfo = new LinkedHashMap<>();
		passInfo.put("name", pass.name());
		passInfo.put("date", pass.definition().pass().date().toString());
		passInfo.put("job_file", pass.file().getFileName().toString());
		passInfo.put("sha256", pass.sha256());
		passInfo.put("taxonomy_version", pass.taxonomyVersion());
		summary.put("pass", passInfo);
		if (amendments != null) {
			// an editor's amendments were applied, not the pass's rules (the pass gave the taxonomy)
			summary.put("amendments", amendments.getFileName().toString());
		}
		if (revertedRun != null) {
			// this run undid the run whose outputs are in that directory
			summary.put("reverted", revertedRun.getFileName().toString());
		}
		// a dry run's accounting and audit are what the pass would do; nothing was applied
		summary.put("dry_run", dryRun);
		summary.put("read", tally.read);
		summary.put("amended", tally.amended);
		summary.put("unchanged", tally.unchanged);
		summary.put("rejected", tally.rejected);
		summary.put("editor_kept", tally.editorKept);
		summary.put("audit_entries", auditEntries);
		// codes on wires that the taxonomy does not know, or has retired: kept on the wires, reported here
		summary.put("unknown_codes", tally.unknownCodes);
		summary.put("retired_codes", tally.retiredCodes);
		List<Map<String, Object>> files = new ArrayList<>();
		for (ArchiveTally.FileCounts file : tally.files) {
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("file", file.file);
			counts.put("format", file.format);
			counts.put("read", file.read);
			counts.put("amended", file.amended);
			counts.put("unchanged", file.unchanged);
			counts.put("rejected", file.rejected);
			counts.put("editor_kept", file.editorKept);
			files.add(counts);
		}
		summary.put("files", files);
		return summary;
	}

}
