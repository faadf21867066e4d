package org.wirereclassifier.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for checking report.csv: quoted or bare cells, {@code ""} for a quote, LF or CRLF
 * record ends, and CR and LF inside quoted cells kept exactly (opencsv's reader turns CRLF there into LF).
 */
final class Rfc4180 {

	private Rfc4180() {
	}

	static List<String[]> parse(String text) {
		List<String[]> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int i = 0;
		boolean cellStarted = false;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' && cell.isEmpty() && !cellStarted) {
				cellStarted = true;
				i++;
				while (true) {
					if (i >= text.length()) {
						throw new IllegalArgumentException("unterminated quoted cell");
					}
					char q = text.charAt(i++);
					if (q == '"') {
						if (i < text.length() && text.charAt(i) == '"') {
							cell.append('"');
							i++;
							continue;
						}
						break;
					}
					cell.append(q);
				}
				continue;
			}
			if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
				cellStarted = false;
				i++;
			}
			else if (c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
				row.add(cell.toString());
				rows.add(row.toArray(String[]::new));
				row = new ArrayList<>();
				cell.setLength(0);
				cellStarted = false;
				i += c == '\r' ? 2 : 1;
			}
			else if (cellStarted) {
				throw new IllegalArgumentException("text after a quoted cell at " + i);
			}
			else if (c == '"') {
				throw new IllegalArgumentException("a quote inside a bare cell at " + i);
			}
			else {
				cell.append(c);
				i++;
			}
		}
		if (!cell.isEmpty() || !row.isEmpty() || cellStarted) {
			row.add(cell.toString());
			rows.add(row.toArray(String[]::new));
		}
		return rows;
	}

}
