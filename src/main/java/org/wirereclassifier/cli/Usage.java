package org.wirereclassifier.cli;

import java.util.Map;

/** The command line's help: an overview, and each command's own page ({@code COMMAND --help}, {@code help COMMAND}). */
final class Usage {

	static final String OVERVIEW = """
			Usage: wire-reclassifier COMMAND [ARGS] [--PROPERTY=VALUE]...

			Commands:
			  run       Run a pass over the archive (resumes the same pass after a failure)
			  status    Show the runs of an output directory: state, counts, duration, exit status
			  report    Show what one run changed, rule by rule
			  resume    Resume one failed or interrupted run by its number
			  recover   Mark a run interrupted by a crash as failed, or abandon it
			  amend     Apply an editor's amendments to the archive
			  revert    Write the archive as it was before a run
			  evaluate  Score a pass's rules against labelled wires
			  validate  Check a job file without running it
			  help      Show this help, or a command's (help COMMAND, COMMAND --help)

			Options of every command:
			  --spring.PROPERTY=VALUE, --wire-reclassifier.PROPERTY=VALUE, --logging.PROPERTY=VALUE,
			  --management.PROPERTY=VALUE
			        Set an application property (also from the environment, e.g. WIRE_RECLASSIFIER_THREADS=2,
			        and SPRING_PROFILES_ACTIVE=postgres for the PostgreSQL job repository).

			Exit status:
			  0  completed (or had already completed)
			  1  failed: run the same command again (or `resume RUN`) to resume
			  2  bad usage or configuration: nothing was written
			  3  completed, but some records were rejected (see DIR/rejects.jsonl)
			  4  another run is using DIR: nothing was done
			""";

	private static final Map<String, String> COMMANDS = Map.of("run", """
			Usage: wire-reclassifier run [JOB_FILE] [--input PATH]... [--output DIR] [--dry-run] [--partitioned]

			Run the pass JOB_FILE (default: jobs/launch-archive.yaml) over the archive PATH (a .csv, .json,
			.jsonl or .ndjson file, or a folder of them; default: input/), writing the amended files,
			rejects.jsonl, audit.jsonl, report.html, report.csv and summary.json to DIR (default: output/).
			Running the same command after a failure or a crash resumes the run from its last commit; after a
			completed run it does nothing.

			  --dry-run      do the whole pass but apply nothing: DIR/dry-run/ gets what it would do
			  --partitioned  one partition an input file, several at a time; the same outputs

			Example: wire-reclassifier run jobs/launch-archive.yaml --input /srv/archive --output /srv/out
			""", "status", """
			Usage: wire-reclassifier status [--output DIR] [--json]

			Show the runs whose outputs are in DIR (default: output/), newest first: state, start, end,
			duration, exit status and record counts. Prints nothing about the archive itself.

			  --json  one JSON document, for scripts and monitoring
			""", "report", """
			Usage: wire-reclassifier report RUN [--output DIR] [--json]

			Show what run RUN (its number in `status`) of DIR (default: output/) did: counts, the changes by
			field and by rule, the codes applied, and where its change report and audit log are.

			  --json  the same as one JSON document
			""", "resume", """
			Usage: wire-reclassifier resume RUN [--output DIR]

			Resume run RUN of DIR (default: output/) from its last commit, with the job file and inputs it
			started with, whatever the command line is now. Refuses if they changed since: restore them, or
			give the run up with `recover RUN --abandon`. The same `run` command resumes a run by itself;
			`resume` is for a run whose command you no longer have, or one of several unfinished runs.
			""", "recover", """
			Usage: wire-reclassifier recover RUN [--output DIR] [--abandon]

			Run RUN of DIR (default: output/) was interrupted (killed, or the machine stopped) and is still
			marked as running: mark it FAILED, so that `status` is honest and it can be resumed later.

			  --abandon  give a failed or interrupted run up: mark it ABANDONED and delete its working files;
			             the next `run` of the same pass over the same inputs starts from the beginning
			""", "amend", """
			Usage: wire-reclassifier amend FILE [JOB_FILE] [--input PATH]... [--output DIR] [--editor NAME]

			Apply an editor's amendments (FILE: wire_id,field,value,editor,note rows, or a run's report.csv
			with an amended_value column filled in) to the archive PATH, writing the amended files to DIR like
			a run. Amended rationales become the editor's; amended codes are locked (code_locks), so no rule
			removes them.
			""", "revert", """
			Usage: wire-reclassifier revert RUN_DIR [--input PATH]... --output DIR [--force]

			Write the archive (default: the run's amended files) as it was before the run whose outputs are
			in RUN_DIR, from its audit.jsonl. Refuses if fields were changed since that run, unless --force:
			those keep their newer values, the rest reverts.
			""", "evaluate", """
			Usage: wire-reclassifier evaluate [JOB_FILE] --labels FILE --input PATH...

			Score the pass's rules against a labelled sample (FILE: wire_id,codes rows for the wires in PATH):
			precision, recall and F1 per code, and what they are confused with. Writes nothing.
			""", "validate", """
			Usage: wire-reclassifier validate [JOB_FILE]

			Check a job file (default: jobs/launch-archive.yaml), its taxonomy and its rules, without running it.
			""", "help", """
			Usage: wire-reclassifier help [COMMAND]

			Show the overview, or COMMAND's help.
			""");

	private Usage() {
	}

	/** A command's help page; null for an unknown command. */
	static String of(String command) {
		return COMMANDS.get(command);
	}

	static boolean isCommand(String command) {
		return COMMANDS.containsKey(command);
	}

}
