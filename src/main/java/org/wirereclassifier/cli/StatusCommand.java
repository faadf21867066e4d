package org.wirereclassifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirereclassifier.archive.ArchiveTally;
import org.wirereclassifier.pass.RunPlan;

/**
 * {@code status [--output DIR] [--json]}: the runs of a workspace, newest first: state, times, duration, exit
 * status and counts, as text for people or as one JSON document for scripts.
 */
class StatusCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final PrintStream out;

	StatusCommand(PrintStream out) {
		this.out = out;
	}

	int run(Arguments arguments) throws IOException {
		if (!arguments.positional().isEmpty() || !arguments.inputs().isEmpty()) {
			throw new UsageException("status takes only --output DIR and --json");
		}
		Path output = arguments.outputOrDefault().toAbsolutePath().normalize();
		if (!Files.isDirectory(RunPlan.stateDirectory(output))) {
			print(arguments.json(), output, null, List.of());
			return ExitCode.COMPLETED;
		}
		try (Workspace workspace = Workspace.lock(output)) {
			if (workspace == null) {
				print(arguments.json(), output, Workspace.holder(output), runsWhileLocked(output, arguments));
				return ExitCode.COMPLETED;
			}
			try (ConfigurableApplicationContext context = Workspace.start(output, arguments.springProperties())) {
				print(arguments.json(), output, null, RunRecord.of(context.getBean(JobRepository.class), output));
			}
		}
		return ExitCode.COMPLETED;
	}

	/**
	 * The runs while another process runs a pass in the workspace: a shared job repository (PostgreSQL) can be read
	 * meanwhile; the workspace's own H2 file cannot (that process holds it), and then there are none to show.
	 */
	private static List<RunRecord> runsWhileLocked(Path output, Arguments arguments) {
		boolean elsewhere = System.getenv("SPRING_DATASOURCE_URL") != null || System.getenv("SPRING_PROFILES_ACTIVE") != null
				|| arguments.springProperties().stream().anyMatch(property -> property.startsWith("--spring.datasource.url=")
						|| property.startsWith("--spring.profiles.active="));
		if (!elsewhere) {
			return List.of(); // the workspace's H2 file, which the running process holds
		}
		List<String> quiet = new ArrayList<>(arguments.springProperties());
		quiet.addAll(List.of("--spring.batch.jdbc.initialize-schema=never", "--logging.level.root=OFF"));
		try (ConfigurableApplicationContext context = Workspace.start(output, quiet)) {
			return RunRecord.of(context.getBean(JobRepository.class), output);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private void print(boolean json, Path output, String holder, List<RunRecord> runs) {
		if (json) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("output", output.toString());
			document.put("in_progress", holder != null);
			document.put("holder", holder);
			document.put("runs", runs.stream().map(run -> toJson(run, holder != null)).toList());
			this.out.println(Json.write(document));
		}
		else if (holder != null && runs.isEmpty()) {
			this.out.println("A run is in progress in " + Console.safe(output) + " (" + Console.safe(holder)
					+ "). Its history shows when it has finished.");
		}
		else if (runs.isEmpty()) {
			this.out.println("No runs in " + Console.safe(output) + ".");
		}
		else {
			if (holder != null) {
				this.out.println("A run is in progress in " + Console.safe(output) + " (" + Console.safe(holder) + ").");
			}
			this.out.println("Runs in " + Console.safe(output) + ", newest first:");
			runs.forEach(run -> print(run, holder != null));
		}
	}

	private void print(RunRecord run, boolean inProgress) {
		JobParameters parameters = run.parameters();
		this.out.println();
		boolean running = inProgress && run.status().isRunning();
		this.out.println("run " + run.id() + "  " + (running ? run.status() + " (running now)" : state(run)) + "  exit "
				+ (running ? "-" : run.exitStatus()) + "  "
				+ time(run.execution().getStartTime()) + " → " + time(run.execution().getEndTime()) + " ("
				+ RunRecord.format(run.duration()) + ")" + (run.resumes() == null ? "" : "  resumes run " + run.resumes()));
		this.out.println("  " + run.kind() + " " + Console.safe(parameters.getString(RunPlan.PASS_NAME)) + " ("
				+ Console.safe(parameters.getString(RunPlan.PASS)) + "), inputs "
				+ Console.safe(String.join(", ", inputs(parameters))));
		ArchiveTally tally = run.tally();
		if (!tally.files.isEmpty()) {
			this.out.println("  records " + (run.status() == BatchStatus.COMPLETED ? "" : "so far ") + tally.read
					+ ": " + tally.amended + " amended, " + tally.unchanged + " unchanged, " + tally.rejected
					+ " rejected");
		}
		run.failures().forEach(failure -> this.out.println("  failed: " + Console.safe(failure)));
	}

	private static List<String> inputs(JobParameters parameters) {
		return parameters.getString(RunPlan.INPUTS, "").lines().toList();
	}

	/** A run as JSON; {@code inProgress}: another process holds the workspace, so a running run is running. */
	static Map<String, Object> toJson(RunRecord run, boolean inProgress) {
		boolean running = inProgress && run.status().isRunning();
		JobParameters parameters = run.parameters();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("run", run.id());
		json.put("resumes", run.resumes());
		json.put("resumed_by", run.resumedBy());
		json.put("kind", run.kind());
		json.put("pass", parameters.getString(RunPlan.PASS_NAME));
		json.put("job_file", parameters.getString(RunPlan.PASS));
		json.put("inputs", inputs(parameters));
		json.put("state", run.status().toString());
		json.put("interrupted", run.status().isRunning() && !running);
		json.put("exit_status", running ? null : run.exitStatus());
		json.put("started", isoTime(run.execution().getStartTime()));
		json.put("ended", isoTime(run.execution().getEndTime()));
		json.put("duration_seconds", run.duration().toMillis() / 1000.0);
		ArchiveTally tally = run.tally();
		Map<String, Object> records = new LinkedHashMap<>();
		records.put("read", tally.read);
		records.put("amended", tally.amended);
		records.put("unchanged", tally.unchanged);
		records.put("rejected", tally.rejected);
		records.put("editor_kept", tally.editorKept);
		json.put("records", records);
		json.put("failures", new ArrayList<>(run.failures()));
		return json;
	}

	private static String state(RunRecord run) {
		BatchStatus status = run.status();
		if (run.resumedBy() != null) {
			return status + " (resumed by run " + run.resumedBy() + ")";
		}
		if (status.isRunning()) {
			// the workspace lock is ours, so no process is running it: it was killed
			return status + " (interrupted; the same run command, or `resume`, resumes it)";
		}
		if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
			return status + " (the same run command, or `resume`, resumes it)";
		}
		return status.toString();
	}

	private static String time(LocalDateTime time) {
		return time == null ? "…" : TIME.format(time);
	}

	/** The repository's local time with this machine's offset, so that scripts and log shippers read it right. */
	private static String isoTime(LocalDateTime time) {
		return time == null ? null : time.atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime().toString();
	}

}
