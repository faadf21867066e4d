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

	static final String USAGE = """
			Usage: wire-reclassifier COMMAND [ARGS]

			Commands:
			  run [JOB_FILE] [--input PATH]... [--output DIR] [--dry-run] [--partitioned]
			        Run the pass JOB_FILE (default: jobs/launch-archive.yaml) over the archive PATH
			        (a .csv, .json, .jsonl or .ndjson file, or a folder of them; default: input/),
			        writing the amended files, rejects.jsonl, audit.jsonl and summary.json to DIR
			        (default: output/). Running the same command after a failure resumes the run.
			        --dry-run: do the whole pass but apply nothing: DIR/dry-run/ gets what it would do.
			        --partitioned: one partition an input file, several at a time; same outputs.
			  evaluate [JOB_FILE] --labels FILE --input PATH...
			        Score the pass's rules against a labelled sample (FILE: wire_id,codes rows for the
			        wires in PATH): precision, recall and F1 per code, and what they are confused with.
			  validate [JOB_FILE]
			        Check a job file without running it.
			  amend FILE [JOB_FILE] [--input PATH]... [--output DIR] [--editor NAME]
			        Apply an editor's amendments (FILE: wire_id,field,value,editor,note rows, or the
			        run's report.csv with an amended_value column filled in) to the archive PATH,
			        writing the amended files to DIR like a run. Amended rationales become the
			        editor's; amended codes are locked (code_locks), so no rule removes them.
			  revert RUN_DIR [--input PATH]... --output DIR [--force]
			        Write the archive (default: the run's amended files) as it was before the run
			        whose outputs are in RUN_DIR, from its audit.jsonl. Refuses if fields were changed
			        since that run, unless --force: those keep their newer values, the rest reverts.
			  status [--output DIR]
			        Show the runs in DIR (default: output/) and their state.
			  help  Show this help.

			Options:
			  --spring.PROPERTY=VALUE, --wire-reclassifier.PROPERTY=VALUE
			        Set an application property, e.g. --spring.datasource.url=jdbc:h2:file:/var/lib/wr/jobs
			        (the job repository; default: an H2 database in DIR/.state/).

			Exit status:
			  0  completed (or had already completed)
			  1  failed: run the same command again to resume
			  2  bad usage or configuration: nothing was written
			  3  completed, but some records were rejected (see DIR/rejects.jsonl)
			  4  another run is using DIR: nothing was done
			""";

	private final PrintStream out;

	private final PrintStream err;

	public WireReclassifierCommandLine(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int execute(String... args) {
		try {
			Arguments arguments = Arguments.parse(args);
			if (arguments.help() || "help".equals(arguments.command())) {
				this.out.print(USAGE);
				return ExitCode.COMPLETED;
			}
			if (arguments.command() == null) {
				this.err.print(USAGE);
				return ExitCode.USAGE;
			}
			return switch (arguments.command()) {
				case "run" -> new RunCommand(this.out, this.err).run(arguments);
				case "validate" -> new ValidateCommand(this.out).run(arguments);
				case "status" -> new StatusCommand(this.out).run(arguments);
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
