package org.wirereclassifier.cli;

/** A command line that cannot be run as given; exit status 2. */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
