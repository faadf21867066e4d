package org.wirereclassifier.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.archive.DamagedWorkingFileException;
import org.wirereclassifier.pass.PartitionedReclassificationJobConfiguration;
import org.wirereclassifier.pass.ReclassificationJobConfiguration;
import org.wirereclassifier.pass.RunParts;
import org.wirereclassifier.pass.RunPlan;

/**
 * One run of a workspace, as the job repository has it: a job execution, its place among the executions of the
 * same pass over the same inputs (a resumed run is a new execution), and the records accounted for when it ended.
 *
 * @param history all executions of the run's job instance: the run, the runs it resumed, those that resumed it
 */
record RunRecord(JobExecution execution, RunParts parts, List<JobExecution> history) {

	/** How many runs of each job `status` looks at: a shared repository may hold other workspaces' runs too. */
	private static final int INSTANCES = 500;

	/** The runs whose outputs are in {@code output}, newest first. */
	static List<RunRecord> of(JobRepository repository, Path output) {
		List<RunRecord> runs = new ArrayList<>();
		for (String job : List.of(ReclassificationJobConfiguration.JOB_NAME,
				PartitionedReclassificationJobConfiguration.JOB_NAME)) {
			for (JobInstance instance : repository.getJobInstances(job, 0, INSTANCES)) {
				List<JobExecution> executions = repository.getJobExecutions(instance);
				for (JobExecution execution : executions) {
					if (output.toString().equals(execution.getJobParameters().getString(RunPlan.OUTPUT))) {
						runs.add(of(executions, execution));
					}
				}
			}
		}
		runs.sort(Comparator.comparingLong(RunRecord::id).reversed());
		return runs;
	}

	/** One of the executions of a job instance, as a run: {@code executions} are all the instance's. */
	static RunRecord of(List<JobExecution> executions, JobExecution execution) {
		return new RunRecord(execution, RunParts.asOf(executions, execution.getId(), execution.getJobParameters()),
				List.copyOf(executions));
	}

	/** The run this one resumed, or null. */
	Long resumes() {
		return this.history.stream().map(JobExecution::getId).filter(id -> id < id()).max(Long::compare).orElse(null);
	}

	/** The run that resumed this one, or null. */
	Long resumedBy() {
		return this.history.stream().map(JobExecution::getId).filter(id -> id > id()).min(Long::compare).orElse(null);
	}

	/** The records the runs this one resumed had read (so that its rate counts its own). */
	long readBefore() {
		Long previous = resumes();
		return previous == null ? 0 : RunParts.asOf(this.history, previous, parameters()).tally().read;
	}

	/** Run {@code id} of the workspace {@code output}. */
	static RunRecord find(JobRepository repository, Path output, long id) {
		return of(repository, output).stream().filter(run -> run.id() == id).findFirst()
			.orElseThrow(() -> new UsageException("no run " + id + " in " + output + " (`status` lists its runs)"));
	}

	long id() {
		return this.execution.getId();
	}

	JobParameters parameters() {
		return this.execution.getJobParameters();
	}

	BatchStatus status() {
		return this.execution.getStatus();
	}

	ArchiveTally tally() {
		return this.parts.tally();
	}

	/** What the run did: a pass, a dry run, an editor's amendments, or a revert. */
	String kind() {
		JobParameters parameters = parameters();
		if (!parameters.getString(RunPlan.AMENDMENTS, "").isEmpty()) {
			return "amendments";
		}
		if (!parameters.getString(RunPlan.REVERT_AUDIT, "").isEmpty()) {
			return "revert";
		}
		return "true".equals(parameters.getString(RunPlan.DRY_RUN)) ? "dry run" : "pass";
	}

	/**
	 * The exit status the run's command had (or, for a run interrupted by a crash, what an operator should act
	 * on): as the README's table of exit statuses.
	 */
	int exitStatus() {
		if (status() == BatchStatus.COMPLETED) {
			return tally().rejected > 0 ? ExitCode.COMPLETED_WITH_REJECTS : ExitCode.COMPLETED;
		}
		return ExitCode.FAILED;
	}

	/** How long it ran; for a run a crash left marked as running, up to its last commit. */
	Duration duration() {
		LocalDateTime end = this.execution.getEndTime() != null ? this.execution.getEndTime()
				: this.execution.getLastUpdated();
		if (this.execution.getStartTime() == null || end == null) {
			return Duration.ZERO;
		}
		return Duration.between(this.execution.getStartTime(), end);
	}

	/**
	 * Why the run failed, one line each: its steps' failures and its own (the exceptions in the process that ran
	 * it, or the exit descriptions the job repository kept of them).
	 */
	List<String> failures() {
		List<String> lines = new ArrayList<>();
		for (StepExecution step : this.execution.getStepExecutions()) {
			step.getFailureExceptions().forEach(ex -> lines.add(step.getStepName() + ": " + rootCause(ex)));
		}
		this.execution.getFailureExceptions().forEach(ex -> lines.add(rootCause(ex)));
		if (lines.isEmpty()) {
			for (StepExecution step : this.execution.getStepExecutions()) {
				String description = step.getExitStatus().getExitDescription();
				if (step.getStatus() == BatchStatus.FAILED || step.getStatus().isRunning()) {
					// a step without a description was cut short: its process ended without a word
					lines.add(step.getStepName() + ": " + (description.isBlank()
							? "interrupted (its process was killed, or the machine stopped)" : rootCause(description)));
				}
			}
		}
		return lines.stream().distinct().toList();
	}

	/** The root cause in a stack trace as the job repository keeps it: the last "Caused by", else the first line. */
	static String rootCause(String stackTrace) {
		String cause = stackTrace.lines().findFirst().orElse("");
		for (String line : stackTrace.lines().toList()) {
			if (line.startsWith("Caused by: ")) {
				cause = line.substring("Caused by: ".length());
			}
		}
		int colon = cause.indexOf(": ");
		String type = colon < 0 ? cause : cause.substring(0, colon);
		if (type.endsWith(".DamagedWorkingFileException") && colon >= 0) {
			// its message is written for the user: the class name would only get in the way
			return cause.substring(colon + 2);
		}
		return type.substring(type.lastIndexOf('.') + 1) + (colon < 0 ? "" : cause.substring(colon));
	}

	static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof DamagedWorkingFileException) {
			return cause.getMessage();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** "7.1 s", "3 min 12 s", "2 h 5 min". */
	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
		}
		if (seconds < 3600) {
			return seconds / 60 + " min " + seconds % 60 + " s";
		}
		return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
	}

}
