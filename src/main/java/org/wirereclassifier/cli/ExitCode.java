package org.wirereclassifier.cli;

/** The exit statuses of the command line, for operators' schedulers. */
public final class ExitCode {

	/** The pass completed (or had already completed): every record amended or unchanged. */
	public static final int COMPLETED = 0;

	/** The run failed; running the same command again resumes it from the last committed chunk. */
	public static final int FAILED = 1;

	/** Bad usage or configuration: nothing was written. */
	public static final int USAGE = 2;

	/** The pass completed, but some records were rejected: see {@code rejects.jsonl}. */
	public static final int COMPLETED_WITH_REJECTS = 3;

	/** Another process is running a pass in the same output directory: nothing was done. */
	public static final int BUSY = 4;

	private ExitCode() {
	}

}
