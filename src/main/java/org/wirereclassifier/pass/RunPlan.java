package org.wirereclassifier.pass;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveInputs;

/**
 * One run of a pass, fully resolved and checked before anything is written: the pass, its input files and
 * their fingerprint, and the output directory. Its identity, and so the job instance and the working
 * directory's name, come from these alone, never from the clock: the same command always addresses the same
 * run, so a failed run is resumed by running the same command again.
 */
public record RunPlan(Pass pass, List<Path> inputArguments, List<ArchiveFile> files, String inputsFingerprint,
		Path outputDirectory, boolean dryRun) {

	public static final String PASS = "pass";

	public static final String PASS_SHA256 = "pass.sha256";

	public static final String PASS_NAME = "pass.name";

	public static final String INPUTS = "inputs";

	public static final String INPUTS_FINGERPRINT = "inputs.fingerprint";

	public static final String OUTPUT = "output";

	public static final String DRY_RUN = "dry.run";

	/** Where a dry run puts what it writes, inside the output directory. */
	public static final String DRY_RUN_DIRECTORY = "dry-run";

	/** Files the pass writes itself into the output directory; no input may have these names. */
	public static final Set<String> OUTPUT_NAMES = Set.of(AmendedArchiveWriter.REJECTS, PublishOutputsTasklet.SUMMARY,
			PublishOutputsTasklet.AUDIT, PublishOutputsTasklet.REPORT_CSV, PublishOutputsTasklet.REPORT_HTML);

	/** Loads and checks everything a run needs; throws on the first problem, having written nothing. */
	public static RunPlan prepare(Path jobFile, List<Path> inputArguments, Path outputDirectory) {
		return prepare(jobFile, inputArguments, outputDirectory, false);
	}

	/** As {@link #prepare(Path, List, Path)}; a dry run does the whole pass but leaves the archive alone. */
	public static RunPlan prepare(Path jobFile, List<Path> inputArguments, Path outputDirectory, boolean dryRun) {
		Pass pass = PassDefinitionLoader.load(jobFile.toAbsolutePath().normalize());
		Path output = outputDirectory.toAbsolutePath().normalize();
		List<ArchiveFile> files = ArchiveInputs.expand(inputArguments);
		ArchiveInputs.check(files, output, OUTPUT_NAMES);
		return new RunPlan(pass, List.copyOf(inputArguments), files, ArchiveInputs.fingerprint(files), output, dryRun);
	}

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addString(PASS, this.pass.file().toString(), true)
			.addString(PASS_SHA256, this.pass.sha256(), true)
			.addString(INPUTS_FINGERPRINT, this.inputsFingerprint, true)
			.addString(OUTPUT, this.outputDirectory.toString(), true)
			.addString(DRY_RUN, Boolean.toString(this.dryRun), true)
			.addString(INPUTS, joinInputs(this.inputArguments), false)
			.addString(PASS_NAME, this.pass.name(), false)
			.toJobParameters();
	}

	/** A short name for the run, from its identity: it names the run's working directory. */
	public String runKey() {
		return runKey(this.pass.sha256(), this.inputsFingerprint, this.outputDirectory.toString(), this.dryRun);
	}

	static String runKey(String passSha256, String inputsFingerprint, String output, boolean dryRun) {
		return PassDefinitionLoader
			.sha256((passSha256 + "\n" + inputsFingerprint + "\n" + output + (dryRun ? "\ndry-run" : ""))
				.getBytes(StandardCharsets.UTF_8))
			.substring(0, 16);
	}

	/**
	 * The pass a job runs, loaded again from its job file, which must not have changed since the run started: a
	 * resumed run uses the rules it started with, or stops.
	 */
	static Pass loadPass(String passFile, String passSha256) {
		Pass pass = PassDefinitionLoader.load(Path.of(passFile));
		if (!pass.sha256().equals(passSha256)) {
			throw new PassDefinitionException(passFile + ": the job file or its taxonomy changed since this run "
					+ "started; restore it to resume, or run again to start a new run of the changed pass");
		}
		return pass;
	}

	/** The run key of a job's parameters. */
	static String runKey(JobParameters parameters) {
		return runKey(parameters.getString(PASS_SHA256), parameters.getString(INPUTS_FINGERPRINT),
				parameters.getString(OUTPUT), isDryRun(parameters));
	}

	static boolean isDryRun(JobParameters parameters) {
		return "true".equals(parameters.getString(DRY_RUN));
	}

	/** Where a run publishes: the output directory, or its dry-run folder. */
	public static Path publishDirectory(Path outputDirectory, boolean dryRun) {
		return dryRun ? outputDirectory.resolve(DRY_RUN_DIRECTORY) : outputDirectory;
	}

	static String joinInputs(List<Path> inputs) {
		return inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining("\n"));
	}

	static List<Path> splitInputs(String inputs) {
		return inputs.lines().map(Path::of).toList();
	}

	/** Where a run keeps its state and working files: inside the output directory, so one output is one workspace. */
	public static Path stateDirectory(Path outputDirectory) {
		return outputDirectory.resolve(".state");
	}

	static Path workDirectory(Path outputDirectory, String runKey) {
		return stateDirectory(outputDirectory).resolve("runs").resolve(runKey);
	}

}
