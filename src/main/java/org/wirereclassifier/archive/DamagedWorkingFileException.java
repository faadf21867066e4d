package org.wirereclassifier.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A working file of a run that a restart cannot build on: it is missing, shorter than what was committed, or its
 * committed bytes changed. Its message is meant for the user as it is.
 */
public class DamagedWorkingFileException extends IOException {

	public DamagedWorkingFileException(Path file, String what) {
		super(file.getFileName() + " of this run's working files " + what + ": the run cannot be resumed. "
				+ "`recover RUN --abandon` gives it up so that the same command starts it over");
	}

	static DamagedWorkingFileException missing(Path file) {
		return new DamagedWorkingFileException(file, "is missing");
	}

	static DamagedWorkingFileException shorter(Path file) {
		return new DamagedWorkingFileException(file, "is shorter than what was committed");
	}

	static DamagedWorkingFileException changed(Path file) {
		return new DamagedWorkingFileException(file, "changed since it was committed");
	}

}
