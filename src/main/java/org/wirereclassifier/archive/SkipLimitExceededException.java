package org.wirereclassifier.archive;

/** More records were rejected than the pass allows: the input is most likely not what it should be. */
public class SkipLimitExceededException extends RuntimeException {

	public SkipLimitExceededException(String message) {
		super(message);
	}

}
