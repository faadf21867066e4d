package org.wirereclassifier.cli;

import java.io.PrintStream;

import org.wirereclassifier.pass.Pass;
import org.wirereclassifier.pass.PassDefinitionLoader;

/** {@code validate [JOB_FILE]}: checks a job file as a run would, and writes nothing. */
class ValidateCommand {

	private final PrintStream out;

	ValidateCommand(PrintStream out) {
		this.out = out;
	}

	int run(Arguments arguments) {
		if (!arguments.inputs().isEmpty() || arguments.output() != null) {
			throw new UsageException("validate takes only a JOB_FILE");
		}
		Pass pass = PassDefinitionLoader.load(arguments.jobFile());
		this.out.println(Console.safe(arguments.jobFile()) + ": valid pass " + Console.safe(pass.name()) + " ("
				+ pass.definition().pass().date() + ", taxonomy " + Console.safe(pass.taxonomyVersion()) + ")");
		return ExitCode.COMPLETED;
	}

}
