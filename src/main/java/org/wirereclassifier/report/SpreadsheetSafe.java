package org.wirereclassifier.report;

/**
 * Neutralises cells that a spreadsheet would run as a formula (CSV injection, per the OWASP guidance): a cell
 * starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets show
 * as text. Only for report.csv, which is meant to be opened in a spreadsheet: the archive's own files keep
 * their values exactly.
 */
final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}

}
