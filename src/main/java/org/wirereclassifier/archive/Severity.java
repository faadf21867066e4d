package org.wirereclassifier.archive;

/** The archive's severity scale: {@code SEV-1} (most severe) to {@code SEV-5}; empty means not yet rated. */
public final class Severity {

	private Severity() {
	}

	public static boolean isValid(String severity) {
		return level(severity) > 0;
	}

	/** 1 to 5, or 0 for an empty or invalid severity. */
	public static int level(String severity) {
		if (severity != null && severity.length() == 5 && severity.startsWith("SEV-")) {
			char digit = severity.charAt(4);
			if (digit >= '1' && digit <= '5') {
				return digit - '0';
			}
		}
		return 0;
	}

}
