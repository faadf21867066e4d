package org.wirereclassifier.pass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.SourceRecord;

/**
 * Logs a classification step's progress at a steady interval ({@code wire-reclassifier.progress-interval}, 10 s
 * by default): records done, how far through the input bytes, the rate, the time left and the rejects so far,
 * then a last line when the step ends. Each line carries the same values as key-value pairs, which the JSON log
 * formats ({@code --logging.structured.format.console=logstash}) write as fields.
 */
@Component
class ProgressLog implements ClassificationStepObserver, StepExecutionListener, ItemWriteListener<ArchiveItem> {

	private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

	private final long intervalNanos;

	/** Each running step's progress (partitions run side by side), by step execution id. */
	private final Map<Long, Progress> steps = new ConcurrentHashMap<>();

	ProgressLog(@Value("${wire-reclassifier.progress-interval:10s}") Duration interval) {
		this.intervalNanos = interval.toNanos();
	}

	private static final class Progress {

		final String run;

		final String step;

		final long[] fileStart;

		final long totalBytes;

		final long started = System.nanoTime();

		long lastLogged = this.started;

		long firstOffset = -1;

		long offset;

		long records;

		long rejected;

		Progress(String run, String step, List<ArchiveFile> files, Integer onlyFile) {
			this.run = run;
			this.step = step;
			int size = files.stream().mapToInt(ArchiveFile::index).max().orElse(-1) + 1;
			this.fileStart = new long[size];
			long total = 0;
			for (ArchiveFile file : files) {
				if (onlyFile == null || onlyFile == file.index()) {
					this.fileStart[file.index()] = total;
					total += sizeOf(file);
				}
			}
			this.totalBytes = total;
		}

		private static long sizeOf(ArchiveFile file) {
			try {
				return Files.size(file.path());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		// a partition's step reads one file; the single step reads them all
		var context = stepExecution.getExecutionContext();
		Integer partitionFile = context.containsKey(InputFilePartitioner.FILE_INDEX)
				? context.getInt(InputFilePartitioner.FILE_INDEX) : null;
		this.steps.put(stepExecution.getId(), new Progress(String.valueOf(stepExecution.getJobExecutionId()),
				stepExecution.getStepName(), RunPlan.files(stepExecution.getJobParameters()), partitionFile));
	}

	@Override
	public void afterWrite(Chunk<? extends ArchiveItem> items) {
		var context = StepSynchronizationManager.getContext();
		Progress progress = context == null ? null : this.steps.get(context.getStepExecution().getId());
		if (progress == null) {
			return;
		}
		for (ArchiveItem item : items) {
			SourceRecord source = null;
			if (item instanceof ArchiveItem.Prepared prepared) {
				source = prepared.wire().source();
			}
			else if (item instanceof ArchiveItem.Classified classified) {
				source = classified.source();
			}
			else if (item instanceof ArchiveItem.Rejected rejected) {
				progress.rejected++;
				source = rejected.source();
			}
			if (source != null) {
				progress.records++;
				progress.offset = progress.fileStart[source.file().index()] + source.end();
				if (progress.firstOffset < 0) {
					progress.firstOffset = progress.fileStart[source.file().index()] + source.start();
				}
			}
		}
		long now = System.nanoTime();
		if (now - progress.lastLogged >= this.intervalNanos) {
			progress.lastLogged = now;
			logProgress(progress, now);
		}
	}

	private static void logProgress(Progress progress, long now) {
		double seconds = Math.max(now - progress.started, 1) / 1e9;
		double rate = progress.records / seconds;
		double percent = progress.totalBytes == 0 ? 100 : 100.0 * progress.offset / progress.totalBytes;
		double bytesPerSecond = (progress.offset - Math.max(progress.firstOffset, 0)) / seconds;
		long eta = bytesPerSecond <= 0 ? -1 : Math.round((progress.totalBytes - progress.offset) / bytesPerSecond);
		log.atInfo()
			.addKeyValue("run", progress.run)
			.addKeyValue("step", progress.step)
			.addKeyValue("records", progress.records)
			.addKeyValue("percent", Math.round(percent * 10) / 10.0)
			.addKeyValue("records_per_second", Math.round(rate))
			.addKeyValue("eta_seconds", eta)
			.addKeyValue("rejected", progress.rejected)
			.log(String.format(Locale.ROOT, "progress run=%s step=%s records=%d percent=%.1f rate=%.0f/s eta=%s "
					+ "rejected=%d", progress.run, progress.step, progress.records, percent, rate,
					eta < 0 ? "unknown" : eta + "s", progress.rejected));
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		Progress progress = this.steps.remove(stepExecution.getId());
		if (progress != null) {
			long now = System.nanoTime();
			double seconds = Math.max(now - progress.started, 1) / 1e9;
			log.atInfo()
				.addKeyValue("run", progress.run)
				.addKeyValue("step", progress.step)
				.addKeyValue("status", stepExecution.getStatus().toString())
				.addKeyValue("records", progress.records)
				.addKeyValue("seconds", Math.round(seconds * 10) / 10.0)
				.addKeyValue("rejected", progress.rejected)
				.log(String.format(Locale.ROOT, "finished run=%s step=%s status=%s records=%d seconds=%.1f "
						+ "rate=%.0f/s rejected=%d", progress.run, progress.step, stepExecution.getStatus(),
						progress.records, seconds, progress.records / seconds, progress.rejected));
		}
		return null;
	}

}
