package org.wirereclassifier.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a command: positional ones, {@code --input}/{@code --output}, and Spring properties
 * ({@code --spring.…=…}, {@code --wire-reclassifier.…=…}, {@code --logging.…=…}, {@code --management.…=…})
 * passed on to the application.
 */
record Arguments(String command, List<String> positional, List<Path> inputs, Path output, boolean help,
		boolean dryRun, boolean partitioned, String editor, boolean force, Path labels, boolean json, boolean abandon,
		List<String> springProperties) {

	/** Arguments passed on to Spring as application properties. */
	private static final List<String> PROPERTY_PREFIXES = List.of("--spring.", "--wire-reclassifier.", "--logging.",
			"--management.");

	static final String DEFAULT_JOB_FILE = "jobs/launch-archive.yaml";

	static final Path DEFAULT_INPUT = Path.of("input");

	static final Path DEFAULT_OUTPUT = Path.of("output");

	static Arguments parse(String[] args) {
		String command = null;
		List<String> positional = new ArrayList<>();
		List<Path> inputs = new ArrayList<>();
		Path output = null;
		boolean help = false;
		boolean dryRun = false;
		boolean partitioned = false;
		String editor = null;
		boolean force = false;
		boolean json = false;
		boolean abandon = false;
		Path labels = null;
		List<String> spring = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String value = null;
			String option = arg;
			int equals = arg.indexOf('=');
			if (arg.startsWith("--") && equals > 0) {
				option = arg.substring(0, equals);
				value = arg.substring(equals + 1);
			}
			switch (option) {
				case "--help", "-h" -> help = true;
				case "--dry-run" -> dryRun = true;
				case "--partitioned" -> partitioned = true;
				case "--force" -> force = true;
				case "--json" -> json = true;
				case "--abandon" -> abandon = true;
				case "--labels" -> labels = Path.of(value != null ? value : valueOf(args, ++i, option));
				case "--editor" -> editor = value != null ? value : valueOf(args, ++i, option);
				case "--input", "-i" -> inputs.add(Path.of(value != null ? value : valueOf(args, ++i, option)));
				case "--output", "-o" -> {
					if (output != null) {
						throw new UsageException("--output given twice");
					}
					output = Path.of(value != null ? value : valueOf(args, ++i, option));
				}
				default -> {
					if (PROPERTY_PREFIXES.stream().anyMatch(arg::startsWith)) {
						spring.add(arg);
					}
					else if (arg.startsWith("-")) {
						throw new UsageException("unknown option " + Console.safe(arg));
					}
					else if (command == null) {
						command = arg;
					}
					else {
						positional.add(arg);
					}
				}
			}
		}
		return new Arguments(command, positional, inputs, output, help, dryRun, partitioned, editor, force, labels,
				json, abandon, spring);
	}

	private static String valueOf(String[] args, int i, String option) {
		if (i >= args.length || args[i].isEmpty()) {
			throw new UsageException(option + " needs a value");
		}
		return args[i];
	}

	/** The job file: the one positional argument, or the default pass. */
	Path jobFile() {
		if (this.positional.size() > 1) {
			throw new UsageException("expected at most one JOB_FILE, got " + this.positional.size() + ": "
					+ Console.safe(String.join(" ", this.positional)));
		}
		return Path.of(this.positional.isEmpty() ? DEFAULT_JOB_FILE : this.positional.get(0));
	}

	/** The one positional argument RUN: a run's number, as {@code status} shows it. */
	long run() {
		if (this.positional.size() != 1) {
			throw new UsageException(this.command + " needs RUN, the run's number as `status` shows it");
		}
		try {
			return Long.parseLong(this.positional.get(0));
		}
		catch (NumberFormatException ex) {
			throw new UsageException("RUN must be a run's number as `status` shows it, not "
					+ Console.safe(this.positional.get(0)));
		}
	}

	List<Path> inputsOrDefault() {
		return this.inputs.isEmpty() ? List.of(DEFAULT_INPUT) : this.inputs;
	}

	Path outputOrDefault() {
		return this.output == null ? DEFAULT_OUTPUT : this.output;
	}

}
