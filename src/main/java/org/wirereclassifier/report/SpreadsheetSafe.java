package org.wirereclassifier.report;

/**
 * Neutralises cells that a spreadsheet would run as a formula (CSV injection, per the OWASP guidance): a cell
 * whose first non-blank character is {@code = + - @} or a full-width form of one, or that starts with a tab or a
 * carriage return, gets a leading apostrophe, which spreadsheets show as text. Only for report.csv, which is
 * meant to be opened in a spreadsheet: the archive's own files keep their values exactly.
 */
final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (value.charAt(0) == '\t' || value.charAt(0) == '\r') {
			return "'" + value;
		}
		// spreadsheets skip leading white space before a formula, and some read the full-width signs as formulas
		int first = 0;
		while (first < value.length() && " \t\r\n".indexOf(value.charAt(first)) >= 0) {
			first++;
		}
		if (first == value.length()) {
			return value;
		}
		return switch (value.charAt(first)) {
			case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + value;
			default -> value;
		};
	}

}
