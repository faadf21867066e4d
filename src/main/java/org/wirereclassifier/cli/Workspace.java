package org.wirereclassifier.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.wirereclassifier.pass.RunPlan;

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
		return new Workspace(output, channel, lock);
	}

	/** The default job repository: an H2 file database in the workspace. */
	static String repositoryUrl(Path output) {
		return "jdbc:h2:file:" + RunPlan.stateDirectory(output).resolve("repository").toAbsolutePath();
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
