package org.wirereclassifier.cli;

import java.io.IOException;
import java.io.PrintStream;

import org.wirereclassifier.amend.AmendmentException;
import org.wirereclassifier.archive.ArchiveFileException;
import org.wirereclassifier.pass.PassDefinitionException;
import org.wirereclassifier.revert.RevertException;

/**
 * The {@code wire-reclassifier} command line: parses the arguments, runs one command, and returns the exit status
 * ({@link ExitCode}).
 */
public class WireReclassifierCommandLine {

	private final PrintStream out;

	private final PrintStream err;

	public WireReclassifierCommandLine(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** The overview, or a command's own help; an unknown command is a usage error. */
	private int help(String command) {
		if (command == null) {
			this.out.print(Usage.OVERVIEW);
			return ExitCode.COMPLETED;
		}
		if (!Usage.isCommand(command)) {
			throw new UsageException("unknown command " + Console.safe(command) + " (see --help)");
		}
		this.out.print(Usage.of(command));
		return ExitCode.COMPLETED;
	}

	public int execute(String... args) {
		try {
			Arguments arguments = Arguments.parse(args);
			if (arguments.help()) {
				return help(arguments.command());
			}
			if ("help".equals(arguments.command())) {
				return help(arguments.positional().isEmpty() ? null : arguments.positional().get(0));
			}
			if (arguments.command() == null) {
				this.err.print(Usage.OVERVIEW);
				return ExitCode.USAGE;
			}
			return switch (arguments.command()) {
				case "run" -> new RunCommand(this.out, this.err).run(arguments);
				case "validate" -> new ValidateCommand(this.out).run(arguments);
				case "status" -> new StatusCommand(this.out).run(arguments);
				case "report" -> new ReportCommand(this.out, this.err).run(arguments);
				case "resume" -> new ResumeCommand(this.out, this.err).run(arguments);
				case "recover" -> new RecoverCommand(this.out, this.err).run(arguments);
				case "amend" -> new AmendCommand(this.out, this.err).run(arguments);
				case "revert" -> new RevertCommand(this.out, this.err).run(arguments);
				case "evaluate" -> new EvaluateCommand(this.out).run(arguments);
				default -> throw new UsageException("unknown command " + Console.safe(arguments.command())
						+ " (see --help)");
			};
		}
		catch (IOException ex) {
			this.err.println("wire-reclassifier: " + Console.safe(ex.getMessage()));
			return ExitCode.USAGE;
		}
		catch (UsageException | PassDefinitionException | ArchiveFileException | AmendmentException
				| RevertException ex) {
			ex.getMessage().lines().forEach(line -> this.err.println("wire-reclassifier: " + Console.safe(line)));
			return ExitCode.USAGE;
		}
	}

}
