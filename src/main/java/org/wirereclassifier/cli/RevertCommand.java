package org.wirereclassifier.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.wirereclassifier.pass.RunPlan;
import org.wirereclassifier.revert.Reverter;

/**
 * {@code revert RUN_DIR [--input PATH]... --output DIR [--force]}: writes the archive as it was before the run
 * whose outputs are in RUN_DIR, from its audit log: the archive read is the run's own amended files, or the
 * current archive given with {@code --input}; a run of its own (audited, resumable, reported).
 */
class RevertCommand {

	private final PrintStream out;

	private final PrintStream err;

	RevertCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments arguments) {
		if (arguments.positional().size() != 1 || arguments.output() == null) {
			throw new UsageException("revert needs RUN_DIR (the run's output directory) and --output DIR");
		}
		RunPlan plan = RunPlan.prepareRevert(Path.of(Arguments.DEFAULT_JOB_FILE), Path.of(arguments.positional().get(0)),
				arguments.inputs(), arguments.output(), arguments.force());
		this.out.println("Reverting the run in " + Console.safe(plan.revert().runDirectory()) + ".");
		if (!plan.revert().conflicts().isEmpty()) {
			this.out.println(plan.revert().conflicts().size() + " field(s) changed after that run keep their newer "
					+ "values (--force):");
			plan.revert().conflicts().stream().limit(20).map(Reverter.Conflict::toString)
				.forEach(conflict -> this.out.println("  " + Console.safe(conflict)));
		}
		return new RunCommand(this.out, this.err).execute(plan, arguments.springProperties());
	}

}
