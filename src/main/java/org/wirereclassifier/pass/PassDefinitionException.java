package org.wirereclassifier.pass;

/** A job file that cannot be used; the message names the file, and the line and rule where known. */
public class PassDefinitionException extends RuntimeException {

	public PassDefinitionException(String message) {
		super(message);
	}

}
