package org.wirereclassifier.revert;

/** A revert that cannot be done as asked; nothing was written. */
public class RevertException extends RuntimeException {

	public RevertException(String message) {
		super(message);
	}

}
