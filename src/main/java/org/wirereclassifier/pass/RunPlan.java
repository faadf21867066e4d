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
		Path outputDirectory) {

	public static final String PASS = "pass";

	public static final String PASS_SHA256 = "pass.sha256";

	public static final String PASS_NAME = "pass.name";

	public static final String INPUTS = "inputs";

	public static final String INPUTS_FINGERPRINT = "inputs.fingerprint";

	public static final String OUTPUT = "output";

	/** Files the pass writes itself into the output directory; no input may have these names. */
	public static final Set<String> OUTPUT_NAMES = Set.of(AmendedArchiveWriter.REJECTS, PublishOutputsTasklet.SUMMARY,
			PublishOutputsTasklet.AUDIT, "report.csv", "report.html");

	/** Loads and checks everything a run needs; throws on the first problem, having written nothing. */
	public static RunPlan prepare(Path jobFile, List<Path> inputArguments, Path outputDirectory) {
		Pass pass = PassDefinitionLoader.load(jobFile.toAbsolutePath().normalize());
		Path output = outputDirectory.toAbsolutePath().normalize();
		List<ArchiveFile> files = ArchiveInputs.expand(inputArguments);
		ArchiveInputs.check(files, output, OUTPUT_NAMES);
		return new RunPlan(pass, List.copyOf(inputArguments), files, ArchiveInputs.fingerprint(files), output);
	}

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addString(PASS, this.pass.file().toString(), true)
			.addString(PASS_SHA256, this.pass.sha256(), true)
			.addString(INPUTS_FINGERPRINT, this.inputsFingerprint, true)
			.addString(OUTPUT, this.outputDirectory.toString(), true)
			.addString(INPUTS, joinInputs(this.inputArguments), false)
			.addString(PASS_NAME, this.pass.name(), false)
			.toJobParameters();
	}

	/** A short name for the run, from its identity: it names the run's working directory. */
	public String runKey() {
		return runKey(this.pass.sha256(), this.inputsFingerprint, this.outputDirectory.toString());
	}

	static String runKey(String passSha256, String inputsFingerprint, String output) {
		return PassDefinitionLoader
			.sha256((passSha256 + "\n" + inputsFingerprint + "\n" + output).getBytes(StandardCharsets.UTF_8))
			.substring(0, 16);
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
