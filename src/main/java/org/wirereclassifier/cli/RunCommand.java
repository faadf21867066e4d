package org.wirereclassifier.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.pass.PartitionedReclassificationJobConfiguration;
import org.wirereclassifier.pass.ReclassificationJobConfiguration;
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
		return Workspace.use(plan.outputDirectory(), springProperties, this.err, context -> {
			describe(plan);
			return launch(context, jobName, plan.toJobParameters());
		});
	}

	/**
	 * Starts the job with these parameters, or resumes its last run: one that was interrupted (still marked as
	 * running, while this process holds the workspace) is marked failed first. A run that was abandoned is started
	 * again from the beginning, as a new run. Prints the run's summary; returns the exit status.
	 */
	int launch(ConfigurableApplicationContext context, String jobName, JobParameters identity) throws Exception {
		JobOperator operator = context.getBean(JobOperator.class);
		JobRepository repository = context.getBean(JobRepository.class);
		Job job = context.getBean(jobName, Job.class);
		JobParameters parameters = identity;
		JobExecution last = repository.getLastJobExecution(jobName, parameters);
		if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
			this.out.println("Run " + last.getId() + " was abandoned; starting this pass again from the beginning.");
			while (last != null && last.getStatus() == BatchStatus.ABANDONED) {
				parameters = RunPlan.nextAttempt(parameters);
				last = repository.getLastJobExecution(jobName, parameters);
			}
		}
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
			RunRecord completed = record(repository, last);
			new RunSummary(completed).print(this.out);
			// the completed run's own status (3 if it had rejects): a scheduler that missed it (killed after it
			// completed) still sees it
			return completed.exitStatus();
		}
		RunRecord run = record(repository, execution);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			this.err.println("wire-reclassifier: run " + execution.getId() + " " + execution.getStatus() + ":");
			run.failures().forEach(line -> this.err.println("  " + Console.safe(line)));
			this.err.println("Run the same command again (or `resume " + execution.getId()
					+ "`) to resume from the last committed chunk.");
			return ExitCode.FAILED;
		}
		new RunSummary(run).print(this.out);
		return run.exitStatus();
	}

	private void describe(RunPlan plan) {
		this.out.println("Pass " + Console.safe(plan.pass().name()) + " (" + Console.safe(plan.pass().file().getFileName())
				+ ", taxonomy " + Console.safe(plan.pass().taxonomyVersion()) + ") over " + plan.files().size()
				+ " file(s): " + String.join(", ", plan.files().stream().map(ArchiveFile::name).map(Console::safe).toList()));
	}

	/** A run as the repository has it, with the exceptions this process saw (the repository keeps only text). */
	private static RunRecord record(JobRepository repository, JobExecution execution) {
		List<JobExecution> executions = new ArrayList<>(repository.getJobExecutions(execution.getJobInstance()));
		executions.removeIf(saved -> saved.getId() == execution.getId());
		executions.add(execution);
		return RunRecord.of(executions, execution);
	}

}
