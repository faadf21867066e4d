package org.wirereclassifier.archive;

/** A record that cannot become a wire; its message is the reason given in {@code rejects.jsonl}. */
public class MalformedRecordException extends Exception {

	public MalformedRecordException(String reason) {
		super(reason, null, false, false);
	}

}
