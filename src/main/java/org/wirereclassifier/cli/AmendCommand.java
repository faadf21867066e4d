package org.wirereclassifier.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.wirereclassifier.pass.RunPlan;

/**
 * {@code amend FILE [JOB_FILE] [--input PATH]... [--output DIR] [--editor NAME]}: applies an editor's amendments
 * to the archive, as a run like any other (resumable, audited, reported); the job file gives the taxonomy.
 */
class AmendCommand {

	private final PrintStream out;

	private final PrintStream err;

	AmendCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments arguments) {
		if (arguments.positional().isEmpty() || arguments.positional().size() > 2) {
			throw new UsageException("amend needs FILE (and at most a JOB_FILE after it)");
		}
		if (arguments.dryRun()) {
			throw new UsageException("amend has no --dry-run: the amendment file is the editor's own review");
		}
		Path jobFile = Path.of(arguments.positional().size() == 2 ? arguments.positional().get(1)
				: Arguments.DEFAULT_JOB_FILE);
		RunPlan plan = RunPlan.prepareAmendments(jobFile, Path.of(arguments.positional().get(0)), arguments.editor(),
				arguments.inputsOrDefault(), arguments.outputOrDefault());
		this.out.println("Amendments: " + plan.amendments().rows().size() + " row(s) from "
				+ Console.safe(plan.amendments().file().getFileName()) + ".");
		return new RunCommand(this.out, this.err).execute(plan, arguments.springProperties());
	}

}
