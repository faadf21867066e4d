package org.wirereclassifier.amend;

import java.util.List;

/** An amendment file that cannot be applied: every problem, each with its row. Nothing is applied. */
public class AmendmentException extends RuntimeException {

	public AmendmentException(List<String> problems) {
		super(String.join("\n", problems));
	}

}
