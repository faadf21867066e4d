package org.wirereclassifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.pass.PartitionedReclassificationJobConfiguration;
import org.wirereclassifier.pass.ReclassificationJobConfiguration;
import org.wirereclassifier.pass.RunParts;
import org.wirereclassifier.pass.RunPlan;

/** {@code status [--output DIR]}: the runs of a workspace, newest first, and what state each is in. */
class StatusCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final PrintStream out;

	StatusCommand(PrintStream out) {
		this.out = out;
	}

	int run(Arguments arguments) throws IOException {
		if (!arguments.positional().isEmpty() || !arguments.inputs().isEmpty()) {
			throw new UsageException("status takes only --output DIR");
		}
		Path output = arguments.outputOrDefault().toAbsolutePath().normalize();
		if (!Files.isDirectory(RunPlan.stateDirectory(output))) {
			this.out.println("No runs in " + Console.safe(output) + ".");
			return ExitCode.COMPLETED;
		}
		try (Workspace workspace = Workspace.lock(output)) {
			if (workspace == null) {
				this.out.println("A run is in progress in " + Console.safe(output) + " ("
						+ Console.safe(Workspace.holder(output)) + "). Its history shows when it has finished.");
				return ExitCode.COMPLETED;
			}
			try (ConfigurableApplicationContext context = Workspace.start(output, arguments.springProperties())) {
				print(output, context.getBean(JobRepository.class));
			}
		}
		return ExitCode.COMPLETED;
	}

	private void print(Path output, JobRepository repository) {
		List<JobInstance> instances = new ArrayList<>(repository.getJobInstances(ReclassificationJobConfiguration.JOB_NAME, 0, 50));
		instances.addAll(repository.getJobInstances(PartitionedReclassificationJobConfiguration.JOB_NAME, 0, 50));
		instances.sort(Comparator.comparingLong(JobInstance::getInstanceId).reversed());
		if (instances.isEmpty()) {
			this.out.println("No runs in " + Console.safe(output) + ".");
			return;
		}
		this.out.println("Runs in " + Console.safe(output) + ", newest first:");
		for (JobInstance instance : instances) {
			List<JobExecution> executions = repository.getJobExecutions(instance);
			JobParameters parameters = executions.get(0).getJobParameters();
			this.out.println();
			this.out.println("pass " + Console.safe(parameters.getString(RunPlan.PASS_NAME)) + " ("
					+ Console.safe(parameters.getString(RunPlan.PASS)) + ", sha256 "
					+ parameters.getString(RunPlan.PASS_SHA256).substring(0, 12) + "…), inputs "
					+ Console.safe(String.join(", ", parameters.getString(RunPlan.INPUTS, "").lines().toList()))
					+ " (fingerprint " + parameters.getString(RunPlan.INPUTS_FINGERPRINT).substring(0, 12) + "…)");
			for (JobExecution execution : executions) {
				this.out.println("  run " + execution.getId() + "  " + state(execution) + "  " + time(execution.getStartTime())
						+ " → " + time(execution.getEndTime()));
			}
			ArchiveTally tally = RunParts.of(repository, instance, parameters).tally();
			if (!tally.files.isEmpty()) {
				this.out.println("  records " + (executions.get(0).getStatus() == BatchStatus.COMPLETED ? "" : "so far ")
						+ tally.read + ": " + tally.amended + " amended, " + tally.unchanged + " unchanged, "
						+ tally.rejected + " rejected");
			}
		}
	}

	private static String state(JobExecution execution) {
		BatchStatus status = execution.getStatus();
		if (status.isRunning()) {
			// the workspace lock is ours, so no process is running it: it was killed
			return status + " (interrupted; the same run command resumes it)";
		}
		if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
			return status + " (the same run command resumes it)";
		}
		return status.toString();
	}

	private static String time(LocalDateTime time) {
		return time == null ? "…" : TIME.format(time);
	}

}
