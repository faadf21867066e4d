package org.wirereclassifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.wirereclassifier.WireReclassifierApplication;
import org.wirereclassifier.amend.AmendmentException;
import org.wirereclassifier.archive.ArchiveFileException;
import org.wirereclassifier.pass.PassDefinitionException;
import org.wirereclassifier.pass.RunPlan;
import org.wirereclassifier.revert.RevertException;

/**
 * An output directory as a workspace: its {@code .state/} holds the job repository and the runs' working files,
 * and a lock that one process at a time holds while it runs a pass there. The lock is the operating system's, so
 * it is released when the process ends in any way, {@code kill -9} included: a run found unfinished while the
 * lock is free was interrupted, and can be recovered.
 */
final class Workspace implements AutoCloseable {

	private final Path output;

	private final FileChannel channel;

	private final FileLock lock;

	private Workspace(Path output, FileChannel channel, FileLock lock) {
		this.output = output;
		this.channel = channel;
		this.lock = lock;
	}

	/** Locks the workspace; null if another process holds it. */
	static Workspace lock(Path output) throws IOException {
		Path state = RunPlan.stateDirectory(output);
		Files.createDirectories(state);
		FileChannel channel = FileChannel.open(state.resolve("workspace.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			return null;
		}
		// who holds it, for `status` and for a second run that is refused
		channel.truncate(0);
		channel.write(java.nio.ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + ", since "
				+ java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
		return new Workspace(output, channel, lock);
	}

	/** Who holds the workspace lock, as its holder wrote it ("process 123, since …"). */
	static String holder(Path output) {
		try {
			return Files.readString(RunPlan.stateDirectory(output).resolve("workspace.lock")).strip();
		}
		catch (IOException ex) {
			return "unknown process";
		}
	}

	/** Starts the application for a workspace: its job repository is the workspace's unless a property says otherwise. */
	static ConfigurableApplicationContext start(Path output, List<String> springProperties) {
		SpringApplication application = new SpringApplication(WireReclassifierApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.datasource.url", repositoryUrl(output)));
		return application.run(springProperties.toArray(String[]::new));
	}

	/** What a command does with a workspace's application context; returns the exit status. */
	interface Action {

		int apply(ConfigurableApplicationContext context) throws Exception;

	}

	/** What a command does with one run of a workspace; returns the exit status. */
	interface RunAction {

		int apply(ConfigurableApplicationContext context, RunRecord run) throws Exception;

	}

	/**
	 * As {@link #use}, for the run {@code RUN} of the workspace {@code --output DIR} that the arguments name: a usage
	 * error if the workspace has no such run (and nothing is created where it has none).
	 */
	static int useRun(Arguments arguments, PrintStream err, RunAction action) {
		long id = arguments.run();
		Path output = arguments.outputOrDefault().toAbsolutePath().normalize();
		if (!Files.isDirectory(RunPlan.stateDirectory(output))) {
			throw new UsageException("no runs in " + output + " (`status --output DIR` lists a workspace's runs)");
		}
		return use(output, arguments.springProperties(), err, context -> action.apply(context,
				RunRecord.find(context.getBean(JobRepository.class), output, id)));
	}

	/**
	 * Locks the workspace, starts the application for it and applies {@code action}: exit status 4 if another
	 * process holds the workspace, 1 if the action throws (a run that could not start or finish).
	 */
	static int use(Path output, List<String> springProperties, PrintStream err, Action action) {
		boolean created = !Files.exists(output);
		int status = useLocked(output, springProperties, err, action);
		if (status == ExitCode.USAGE && created) {
			// a configuration error writes nothing: not even the workspace this command made for itself
			FileSystemUtils.deleteRecursively(output.toFile());
		}
		return status;
	}

	private static int useLocked(Path output, List<String> springProperties, PrintStream err, Action action) {
		try (Workspace workspace = lock(output)) {
			if (workspace == null) {
				err.println("wire-reclassifier: another run is using " + Console.safe(output) + " ("
						+ Console.safe(holder(output)) + "); nothing was done. Try again when it has finished.");
				return ExitCode.BUSY;
			}
			ConfigurableApplicationContext started;
			try {
				started = start(output, springProperties);
			}
			catch (RuntimeException ex) {
				if (isBadSetting(ex)) {
					err.println("wire-reclassifier: bad configuration: " + Console.safe(RunRecord.rootCause(ex)));
					return ExitCode.USAGE;
				}
				err.println("wire-reclassifier: the run could not start or finish: " + Console.safe(startFailure(ex)));
				return ExitCode.FAILED;
			}
			try (ConfigurableApplicationContext context = started) {
				return action.apply(context);
			}
			catch (UsageException | ArchiveFileException | PassDefinitionException | AmendmentException
					| RevertException ex) {
				throw ex;
			}
			catch (Exception ex) {
				err.println("wire-reclassifier: the run could not start or finish: "
						+ Console.safe(RunRecord.rootCause(ex)));
				return ExitCode.FAILED;
			}
		}
		catch (IOException ex) {
			err.println("wire-reclassifier: cannot use the output directory " + Console.safe(output) + ": "
					+ Console.safe(ex.getMessage()));
			return ExitCode.USAGE;
		}
	}

	/** Whether the application could not start because a property's value has the wrong form (a usage error). */
	private static boolean isBadSetting(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.springframework.beans.TypeMismatchException
					|| cause instanceof org.springframework.core.convert.ConversionFailedException
					|| cause instanceof org.springframework.boot.context.properties.bind.BindException) {
				return true;
			}
		}
		return false;
	}

	/** Why the application could not start: the job repository's own words if it is the cause (they name the server). */
	private static String startFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql) {
				return "the job repository cannot be used: " + sql.getMessage();
			}
		}
		return RunRecord.rootCause(ex);
	}

	/**
	 * The default job repository: an H2 file database in the workspace. {@code WRITE_DELAY=0}: H2 otherwise writes
	 * a commit from a background thread up to half a second later, so a {@code kill -9} just after a chunk (or
	 * after publishing) would lose its record, and the run's outputs would no longer match the repository.
	 */
	static String repositoryUrl(Path output) {
		return "jdbc:h2:file:" + RunPlan.stateDirectory(output).resolve("repository").toAbsolutePath()
				+ ";WRITE_DELAY=0";
	}

	Path output() {
		return this.output;
	}

	@Override
	public void close() throws IOException {
		try {
			this.lock.release();
		}
		finally {
			this.channel.close();
		}
	}

}
