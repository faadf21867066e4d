package org.wirereclassifier.cli;

import java.io.PrintStream;

/**
 * {@code report RUN [--output DIR] [--json]}: what one run did, from the job repository (so any run of the
 * workspace, not only the one whose files are there now): counts, time, changes by field, rule and code.
 */
class ReportCommand {

	private final PrintStream out;

	private final PrintStream err;

	ReportCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments arguments) {
		return Workspace.useRun(arguments, this.err, (context, run) -> {
			RunSummary summary = new RunSummary(run);
			if (arguments.json()) {
				this.out.println(Json.write(summary.toJson()));
			}
			else {
				summary.print(this.out);
			}
			return ExitCode.COMPLETED;
		});
	}

}
