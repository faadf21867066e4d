package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveTally;

/**
 * The classification steps of a run, in archive order, each with its working directory and the execution context
 * its last execution committed: the one step of {@code reclassifyArchive}, or one step a file of
 * {@code reclassifyArchivePartitioned}.
 */
public record RunParts(List<Part> parts) {

	/** One classification step's share of a run, and its accounting as the step saved it. */
	public record Part(Path directory, ExecutionContext context, ArchiveTally tally) {
	}

	public static RunParts of(JobRepository repository, JobInstance instance, JobParameters parameters) {
		List<JobExecution> executions = repository.getJobExecutions(instance);
		return asOf(executions, executions.stream().mapToLong(JobExecution::getId).max().orElse(0), parameters);
	}

	/**
	 * The run's parts as they stood when {@code executionId} ended (each step's last execution up to that one):
	 * the accounting of one execution of a resumed run. {@code executions} are all the instance's executions.
	 */
	public static RunParts asOf(List<JobExecution> executions, long executionId, JobParameters parameters) {
		Map<String, StepExecution> steps = new HashMap<>();
		for (JobExecution execution : executions) {
			if (execution.getId() <= executionId) {
				execution.getStepExecutions().forEach(step -> steps.merge(step.getStepName(), step,
						(a, b) -> a.getId() > b.getId() ? a : b));
			}
		}
		String jobName = executions.isEmpty() ? "" : executions.get(0).getJobInstance().getJobName();
		Path work = RunPlan.workDirectory(parameters);
		List<Part> parts = new ArrayList<>();
		if (PartitionedReclassificationJobConfiguration.JOB_NAME.equals(jobName)) {
			for (ArchiveFile file : RunPlan.files(parameters)) {
				String partition = InputFilePartitioner.name(file);
				parts.add(part(steps.get(PartitionedReclassificationJobConfiguration.WORKER_STEP + ":" + partition),
						InputFilePartitioner.directory(work, partition)));
			}
		}
		else {
			parts.add(part(steps.get(ReclassificationJobConfiguration.CLASSIFY_STEP), work));
		}
		return new RunParts(List.copyOf(parts));
	}

	private static Part part(StepExecution step, Path directory) {
		ExecutionContext context = step == null ? new ExecutionContext() : step.getExecutionContext();
		return new Part(directory, context, AmendedArchiveWriter.tallyOf(context));
	}

	/** The accounting of the whole run. */
	public ArchiveTally tally() {
		ArchiveTally tally = new ArchiveTally();
		this.parts.forEach(part -> tally.add(part.tally()));
		return tally;
	}

	public List<ExecutionContext> contexts() {
		return this.parts.stream().map(Part::context).toList();
	}

	List<Path> directories() {
		return this.parts.stream().map(Part::directory).toList();
	}

}
