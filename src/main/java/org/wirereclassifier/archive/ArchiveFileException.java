package org.wirereclassifier.archive;

/** A whole input file cannot be read as an archive (missing, unreadable, or not CSV/JSON as its name says). */
public class ArchiveFileException extends RuntimeException {

	public ArchiveFileException(String message) {
		super(message);
	}

	public ArchiveFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
