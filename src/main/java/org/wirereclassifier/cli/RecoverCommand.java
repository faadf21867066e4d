package org.wirereclassifier.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.util.FileSystemUtils;
import org.wirereclassifier.pass.RunPlan;

/**
 * {@code recover RUN [--output DIR] [--abandon]}: for what the automatic resume does not decide. A run still
 * marked as running after its process died is marked failed (while this process holds the workspace, nothing
 * else can be running it); with {@code --abandon} a failed run is given up, its working files deleted, so that
 * the same pass over the same inputs starts again from the beginning.
 */
class RecoverCommand {

	private final PrintStream out;

	private final PrintStream err;

	RecoverCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments arguments) {
		return Workspace.useRun(arguments, this.err, (context, run) -> {
			long id = run.id();
			JobOperator operator = context.getBean(JobOperator.class);
			JobExecution execution = run.execution();
			BatchStatus status = execution.getStatus();
			if (run.resumedBy() != null) {
				throw new UsageException("run " + id + " was resumed by run " + run.resumedBy() + "; see `status`");
			}
			if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
				throw new UsageException("run " + id + " is " + status + "; there is nothing to recover");
			}
			if (status.isRunning()) {
				operator.recover(execution);
				this.out.println("Run " + id + " was interrupted while " + status + "; it is now marked FAILED.");
			}
			if (!arguments.abandon()) {
				if (!status.isRunning()) {
					this.out.println("Run " + id + " is " + status + " and was not interrupted: nothing to "
							+ "recover. `resume " + id + "` resumes it; `recover " + id + " --abandon` gives it up.");
				}
				else {
					this.out.println("`resume " + id + "` (or the same run command) resumes it; `recover " + id
							+ " --abandon` gives it up.");
				}
				return ExitCode.COMPLETED;
			}
			JobExecution last = context.getBean(JobRepository.class).getLastJobExecution(execution.getJobInstance());
			operator.abandon(last);
			Path work = RunPlan.workDirectory(run.parameters());
			FileSystemUtils.deleteRecursively(work);
			this.out.println("Run " + id + " is abandoned and its working files are deleted; files already published in "
					+ Console.safe(run.parameters().getString(RunPlan.OUTPUT)) + " are left as they are. The next `run` of this pass over these inputs "
					+ "starts from the beginning.");
			return ExitCode.COMPLETED;
		});
	}

}
