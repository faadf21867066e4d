package org.wirereclassifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.pass.PublishOutputsTasklet;
import org.wirereclassifier.pass.PartitionedReclassificationJobConfiguration;
import org.wirereclassifier.pass.ReclassificationJobConfiguration;
import org.wirereclassifier.pass.RunParts;
import org.wirereclassifier.pass.RunPlan;

/**
 * {@code run [JOB_FILE] [--input PATH]... [--output DIR]}: checks everything, locks the output directory, and runs
 * the pass, or resumes it if an earlier run of the same pass over the same archive failed or was killed.
 */
class RunCommand {

	private final PrintStream out;

	private final PrintStream err;

	RunCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments arguments) {
		return execute(RunPlan.prepare(arguments.jobFile(), arguments.inputsOrDefault(), arguments.outputOrDefault(),
				arguments.dryRun()), arguments.springProperties(),
				arguments.partitioned() ? PartitionedReclassificationJobConfiguration.JOB_NAME
						: ReclassificationJobConfiguration.JOB_NAME);
	}

	/** Locks the plan's workspace and runs it, or resumes it. */
	int execute(RunPlan plan, List<String> springProperties) {
		return execute(plan, springProperties, ReclassificationJobConfiguration.JOB_NAME);
	}

	/** As {@link #execute(RunPlan, List)}, with the job of that name. */
	int execute(RunPlan plan, List<String> springProperties, String jobName) {
		try (Workspace workspace = Workspace.lock(plan.outputDirectory())) {
			if (workspace == null) {
				this.err.println("wire-reclassifier: another run is using " + Console.safe(plan.outputDirectory())
						+ " (" + Console.safe(Workspace.holder(plan.outputDirectory()))
						+ "); nothing was done. Try again when it has finished.");
				return ExitCode.BUSY;
			}
			return run(plan, springProperties, jobName);
		}
		catch (IOException ex) {
			this.err.println("wire-reclassifier: cannot use the output directory " + Console.safe(plan.outputDirectory())
					+ ": " + Console.safe(ex.getMessage()));
			return ExitCode.USAGE;
		}
	}

	private int run(RunPlan plan, List<String> springProperties, String jobName) {
		try (ConfigurableApplicationContext context = Workspace.start(plan.outputDirectory(), springProperties)) {
			JobOperator operator = context.getBean(JobOperator.class);
			JobRepository repository = context.getBean(JobRepository.class);
			Job job = context.getBean(jobName, Job.class);
			JobParameters parameters = plan.toJobParameters();
			describe(plan);
			JobExecution last = repository.getLastJobExecution(jobName, parameters);
			if (last != null && last.getStatus().isRunning()) {
				// We hold the workspace lock, so the process that ran it is gone (killed, or the machine stopped).
				this.out.println("Run " + last.getId() + " was interrupted while " + last.getStatus()
						+ "; marking it failed and resuming it.");
				operator.recover(last);
			}
			else if (last != null && last.getStatus() != BatchStatus.COMPLETED) {
				this.out.println("Resuming run " + last.getId() + " (" + last.getStatus() + ") from its last commit.");
			}
			JobExecution execution;
			try {
				execution = operator.start(job, parameters);
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				this.out.println("This pass already completed over these inputs (run " + last.getId()
						+ "); nothing to do. Change the job file or the inputs to make a new run.");
				report(plan, tally(repository, last));
				return ExitCode.COMPLETED;
			}
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				this.err.println("wire-reclassifier: run " + execution.getId() + " " + execution.getStatus() + ":");
				failures(execution).forEach(line -> this.err.println("  " + Console.safe(line)));
				this.err.println("Run the same command again to resume from the last committed chunk.");
				return ExitCode.FAILED;
			}
			ArchiveTally tally = tally(repository, execution);
			this.out.println("Run " + execution.getId() + " completed.");
			report(plan, tally);
			return tally.rejected > 0 ? ExitCode.COMPLETED_WITH_REJECTS : ExitCode.COMPLETED;
		}
		catch (Exception ex) {
			this.err.println("wire-reclassifier: the run could not start or finish: " + Console.safe(rootCause(ex)));
			return ExitCode.FAILED;
		}
	}

	private void describe(RunPlan plan) {
		this.out.println("Pass " + Console.safe(plan.pass().name()) + " (" + Console.safe(plan.pass().file().getFileName())
				+ ", taxonomy " + Console.safe(plan.pass().taxonomyVersion()) + ") over " + plan.files().size()
				+ " file(s): " + String.join(", ", plan.files().stream().map(ArchiveFile::name).map(Console::safe).toList()));
	}

	private void report(RunPlan plan, ArchiveTally tally) {
		this.out.println("Read " + tally.read + " records: " + tally.amended + " amended, " + tally.unchanged
				+ " unchanged, " + tally.rejected + " rejected; " + tally.editorKept + " editor rationale(s) kept.");
		Path output = RunPlan.publishDirectory(plan.outputDirectory(), plan.dryRun());
		List<String> written = new ArrayList<>();
		if (plan.dryRun()) {
			this.out.println("Dry run: nothing was applied to the archive; the counts above are what the pass would do.");
		}
		else {
			tally.files.forEach(file -> written.add(file.file));
		}
		written.add(AmendedArchiveWriter.REJECTS);
		written.add(PublishOutputsTasklet.AUDIT);
		written.add(PublishOutputsTasklet.REPORT_HTML);
		written.add(PublishOutputsTasklet.REPORT_CSV);
		written.add(PublishOutputsTasklet.SUMMARY);
		this.out.println("Output in " + Console.safe(output) + ": "
				+ String.join(", ", written.stream().map(Console::safe).toList()));
		this.out.println("Review the changes: " + Console.safe(output.resolve(PublishOutputsTasklet.REPORT_HTML)));
		if (tally.rejected > 0) {
			this.out.println("Rejected records, with file, record, line and reason: "
					+ Console.safe(output.resolve(AmendedArchiveWriter.REJECTS)));
		}
	}

	private static ArchiveTally tally(JobRepository repository, JobExecution execution) {
		return RunParts.of(repository, execution.getJobInstance(), execution.getJobParameters()).tally();
	}

	private static List<String> failures(JobExecution execution) {
		List<String> lines = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			step.getFailureExceptions().forEach(ex -> lines.add(step.getStepName() + ": " + rootCause(ex)));
		}
		execution.getFailureExceptions().forEach(ex -> lines.add(rootCause(ex)));
		return lines.stream().distinct().toList();
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
