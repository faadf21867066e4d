package org.wirereclassifier.cli;

import java.io.PrintStream;

import org.springframework.batch.core.BatchStatus;
import org.wirereclassifier.pass.RunPlan;

/**
 * {@code resume RUN [--output DIR]}: resumes one run by its number, with the job file and inputs it started with
 * (as its job parameters recorded them), for a run whose command line is lost or one of several unfinished runs.
 */
class ResumeCommand {

	private final PrintStream out;

	private final PrintStream err;

	ResumeCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments arguments) {
		return Workspace.useRun(arguments, this.err, (context, run) -> {
			long id = run.id();
			if (run.resumedBy() != null) {
				throw new UsageException("run " + id + " was resumed by run " + run.resumedBy() + "; see `status`");
			}
			if (run.status() == BatchStatus.COMPLETED) {
				this.out.println("Run " + id + " completed; there is nothing to resume.");
				return ExitCode.COMPLETED;
			}
			if (run.status() == BatchStatus.ABANDONED) {
				throw new UsageException("run " + id + " was abandoned and cannot be resumed; `run` starts its pass "
						+ "again from the beginning");
			}
			RunPlan.checkResumable(run.parameters());
			this.out.println("Resuming run " + id + ": " + run.kind() + " "
					+ Console.safe(run.parameters().getString(RunPlan.PASS_NAME)) + " ("
					+ Console.safe(run.parameters().getString(RunPlan.PASS)) + ") over "
					+ Console.safe(String.join(", ", run.parameters().getString(RunPlan.INPUTS, "").lines().toList()))
					+ ".");
			return new RunCommand(this.out, this.err).launch(context, run.execution().getJobInstance().getJobName(),
					run.parameters());
		});
	}

}
