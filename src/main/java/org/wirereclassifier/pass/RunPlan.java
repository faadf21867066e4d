package org.wirereclassifier.pass;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.wirereclassifier.amend.Amender;
import org.wirereclassifier.amend.Amendment;
import org.wirereclassifier.amend.AmendmentException;
import org.wirereclassifier.amend.AmendmentFile;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveFile;
import org.wirereclassifier.archive.ArchiveFileException;
import org.wirereclassifier.archive.ArchiveInputs;
import org.wirereclassifier.revert.RevertException;
import org.wirereclassifier.revert.Reverter;

/**
 * One run of a pass, fully resolved and checked before anything is written: the pass, its input files and
 * their fingerprint, and the output directory. Its identity, and so the job instance and the working
 * directory's name, come from these alone, never from the clock: the same command always addresses the same
 * run, so a failed run is resumed by running the same command again.
 */
public record RunPlan(Pass pass, List<Path> inputArguments, List<ArchiveFile> files, String inputsFingerprint,
		Path outputDirectory, boolean dryRun, Amendments amendments, Revert revert) {

	/**
	 * The undoing of an earlier run, from its output directory: its amended files are the input, its audit says
	 * what to put back.
	 *
	 * @param conflicts fields changed since the run; with {@code force} they keep their newer values
	 */
	public record Revert(Path runDirectory, Path audit, String sha256, boolean force, List<Reverter.Conflict> conflicts) {
	}

	/**
	 * An editor's amendment file applied instead of the pass's rules (the pass gives the taxonomy).
	 *
	 * @param sha256 hash of the file's bytes and the default editor: a changed file is a new run
	 */
	public record Amendments(Path file, String editor, String sha256, List<Amendment> rows) {
	}

	public static final String PASS = "pass";

	public static final String PASS_SHA256 = "pass.sha256";

	public static final String PASS_NAME = "pass.name";

	public static final String INPUTS = "inputs";

	public static final String INPUTS_FINGERPRINT = "inputs.fingerprint";

	public static final String OUTPUT = "output";

	public static final String DRY_RUN = "dry.run";

	public static final String AMENDMENTS = "amendments";

	public static final String AMENDMENTS_SHA256 = "amendments.sha256";

	public static final String EDITOR = "editor";

	public static final String REVERT_AUDIT = "revert.audit";

	public static final String REVERT_AUDIT_SHA256 = "revert.audit.sha256";

	/** Where a dry run puts what it writes, inside the output directory. */
	/**
	 * Numbers the starts of a pass over the same inputs after earlier ones were abandoned ({@code recover
	 * --abandon}): absent for the first, then 1, 2, …
	 */
	public static final String ATTEMPT = "attempt";

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
		return new RunPlan(pass, List.copyOf(inputArguments), files, ArchiveInputs.fingerprint(files), output, dryRun,
				null, null);
	}

	/**
	 * Loads and checks an amendment run: the amendment file row by row against the pass's taxonomy, and its wire
	 * ids against the archive; throws listing every bad row, having written nothing.
	 */
	public static RunPlan prepareAmendments(Path jobFile, Path amendmentFile, String editor, List<Path> inputArguments,
			Path outputDirectory) {
		RunPlan plan = prepare(jobFile, inputArguments, outputDirectory, false);
		Path file = amendmentFile.toAbsolutePath().normalize();
		List<Amendment> rows = AmendmentFile.read(file, editor, plan.pass().taxonomy());
		Set<String> wanted = rows.stream().map(Amendment::wireId).collect(Collectors.toSet());
		Set<String> found = ArchiveInputs.findWireIds(plan.files(), wanted);
		List<String> unknown = rows.stream().filter(row -> !found.contains(row.wireId()))
			.map(row -> file.getFileName() + " row " + row.row() + ": no wire " + row.wireId() + " in the archive")
			.toList();
		if (!unknown.isEmpty()) {
			throw new AmendmentException(unknown);
		}
		return new RunPlan(plan.pass(), plan.inputArguments(), plan.files(), plan.inputsFingerprint(),
				plan.outputDirectory(), false, new Amendments(file, editor, amendmentsSha256(file, editor), rows), null);
	}

	/**
	 * Plans the revert of the run whose outputs are in {@code runDirectory}: the archive (by default the run's own
	 * amended files, as its summary.json names them) is read, and every field the run's audit.jsonl changed is put
	 * back. Conflicts (fields changed since) are found before anything is written: without {@code force} they
	 * stop the revert.
	 */
	public static RunPlan prepareRevert(Path jobFile, Path runDirectory, List<Path> archive, Path outputDirectory,
			boolean force) {
		Path run = runDirectory.toAbsolutePath().normalize();
		Path audit = run.resolve(PublishOutputsTasklet.AUDIT);
		Path summary = run.resolve(PublishOutputsTasklet.SUMMARY);
		if (!java.nio.file.Files.isRegularFile(audit) || !java.nio.file.Files.isRegularFile(summary)) {
			throw new RevertException(run + ": not the output directory of a completed run (no audit.jsonl and "
					+ "summary.json)");
		}
		tools.jackson.databind.JsonNode published = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(summary.toFile());
		if (published.path("dry_run").asBoolean(false)) {
			throw new RevertException(run + ": a dry run applied nothing; there is nothing to revert");
		}
		// the archive as it is now: the run's own files, or the files later runs made of them
		List<Path> inputs = new java.util.ArrayList<>(archive);
		if (inputs.isEmpty()) {
			published.get("files").forEach(file -> inputs.add(run.resolve(file.get("file").asString())));
		}
		if (run.equals(outputDirectory.toAbsolutePath().normalize())) {
			throw new RevertException("--output must be another directory than the run's own " + run);
		}
		RunPlan plan = prepare(jobFile, inputs, outputDirectory, false);
		Map<String, Integer> order = fileOrder(plan.files());
		Reverter check = new Reverter(audit, order, "check");
		ArchiveInputs.forEachWire(plan.files(), check::classify);
		if (!check.conflicts().isEmpty() && !force) {
			throw new RevertException(check.conflicts().size() + " field(s) were changed after that run; "
					+ "reverting them would undo those later changes too. Use --force to revert the rest and keep them. "
					+ "First: " + check.conflicts().get(0));
		}
		return new RunPlan(plan.pass(), plan.inputArguments(), plan.files(), plan.inputsFingerprint(),
				plan.outputDirectory(), false, null, new Revert(run, audit, auditSha256(audit), force, check.conflicts()));
	}

	/** Each file's place in a run's order, by name. */
	static Map<String, Integer> fileOrder(List<ArchiveFile> files) {
		Map<String, Integer> order = new java.util.HashMap<>();
		files.forEach(file -> order.put(file.name(), file.index()));
		return order;
	}

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addString(PASS, this.pass.file().toString(), true)
			.addString(PASS_SHA256, this.pass.sha256(), true)
			.addString(INPUTS_FINGERPRINT, this.inputsFingerprint, true)
			.addString(OUTPUT, this.outputDirectory.toString(), true)
			.addString(DRY_RUN, Boolean.toString(this.dryRun), true)
			.addString(INPUTS, joinInputs(this.inputArguments), false)
			.addString(PASS_NAME, this.pass.name(), false)
			.addString(AMENDMENTS, this.amendments == null ? "" : this.amendments.file().toString(), true)
			.addString(AMENDMENTS_SHA256, this.amendments == null ? "" : this.amendments.sha256(), true)
			.addString(EDITOR, this.amendments == null || this.amendments.editor() == null ? ""
					: this.amendments.editor(), false)
			.addString(REVERT_AUDIT, this.revert == null ? "" : this.revert.audit().toString(), true)
			.addString(REVERT_AUDIT_SHA256, this.revert == null ? "" : this.revert.sha256() + (this.revert.force()
					? " force" : ""), true)
			.toJobParameters();
	}

	/** A short name for the run, from its identity: it names the run's working directory. */
	public String runKey() {
		return runKey(toJobParameters());
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

	/** The parameters of a new start of the same run, after the start these are the parameters of was abandoned. */
	public static JobParameters nextAttempt(JobParameters parameters) {
		Long attempt = parameters.getLong(ATTEMPT);
		return new JobParametersBuilder(parameters).addLong(ATTEMPT, attempt == null ? 1 : attempt + 1, true)
			.toJobParameters();
	}

	/**
	 * Checks, before a run is resumed by its number, that its job file and inputs are those it started with (its
	 * steps check again, but a mismatch found here is a usage error that writes nothing).
	 */
	public static void checkResumable(JobParameters parameters) {
		loadPass(parameters.getString(PASS), parameters.getString(PASS_SHA256));
		List<ArchiveFile> files = files(parameters);
		if (!ArchiveInputs.fingerprint(files).equals(parameters.getString(INPUTS_FINGERPRINT))) {
			throw new ArchiveFileException("the inputs changed since this run started ("
					+ String.join(", ", parameters.getString(INPUTS, "").lines().toList())
					+ "); restore them to resume, or give the run up with `recover RUN --abandon`");
		}
	}

	/** The run key of a job's parameters: a hash of its identity, never of the clock. */
	static String runKey(JobParameters parameters) {
		String identity = parameters.getString(PASS_SHA256) + "\n" + parameters.getString(INPUTS_FINGERPRINT) + "\n"
				+ parameters.getString(OUTPUT) + (isDryRun(parameters) ? "\ndry-run" : "")
				+ (isAmendment(parameters) ? "\namendments " + parameters.getString(AMENDMENTS_SHA256) : "")
				+ (isRevert(parameters) ? "\nrevert " + parameters.getString(REVERT_AUDIT_SHA256) : "")
				+ (parameters.getLong(ATTEMPT) != null ? "\nattempt " + parameters.getLong(ATTEMPT) : "");
		return PassDefinitionLoader.sha256(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
	}

	static boolean isRevert(JobParameters parameters) {
		return !parameters.getString(REVERT_AUDIT, "").isEmpty();
	}

	/** The revert a job applies; the run's audit must not have changed since the revert started. */
	static Reverter loadReverter(JobParameters parameters, List<ArchiveFile> files) {
		Path audit = Path.of(parameters.getString(REVERT_AUDIT));
		if (!parameters.getString(REVERT_AUDIT_SHA256).startsWith(auditSha256(audit))) {
			throw new RevertException(audit + ": changed since this revert started");
		}
		return new Reverter(audit, fileOrder(files), "revert:" + audit.getParent().getFileName());
	}

	static boolean isAmendment(JobParameters parameters) {
		return !parameters.getString(AMENDMENTS, "").isEmpty();
	}

	/** The amendments a job applies, read again; the file must not have changed since the run started. */
	static Amender loadAmender(JobParameters parameters, Pass pass) {
		Path file = Path.of(parameters.getString(AMENDMENTS));
		String editor = parameters.getString(EDITOR, "");
		List<Amendment> rows = AmendmentFile.read(file, editor.isEmpty() ? null : editor, pass.taxonomy());
		if (!amendmentsSha256(file, editor).equals(parameters.getString(AMENDMENTS_SHA256))) {
			throw new AmendmentException(List.of(file + ": the amendment file changed since this run started; "
					+ "restore it to resume, or run again to start a new run"));
		}
		return new Amender(rows, pass.taxonomy());
	}

	/** An amendment run's identity: the file's bytes and the default editor (none and empty are the same). */
	private static String amendmentsSha256(Path file, String editor) {
		try {
			return PassDefinitionLoader.sha256(java.nio.file.Files.readAllBytes(file),
					(editor == null ? "" : editor).getBytes(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new AmendmentException(List.of(file + ": cannot be read (" + ex.getMessage() + ")"));
		}
	}

	/** A revert's identity: the bytes of the audit log it undoes. */
	private static String auditSha256(Path audit) {
		try {
			return PassDefinitionLoader.sha256(java.nio.file.Files.readAllBytes(audit));
		}
		catch (java.io.IOException ex) {
			throw new RevertException(audit + ": cannot be read (" + ex.getMessage() + ")");
		}
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

	/** The working directory of the run these are the parameters of. */
	public static Path workDirectory(JobParameters parameters) {
		return workDirectory(Path.of(parameters.getString(OUTPUT)), runKey(parameters));
	}

	/** The input files of the run these are the parameters of, in the run's order. */
	static List<ArchiveFile> files(JobParameters parameters) {
		return ArchiveInputs.expand(splitInputs(parameters.getString(INPUTS)));
	}

}
