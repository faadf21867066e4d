package org.wirereclassifier;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain RFC 4180 reader and writer over strings, written apart from the product's byte scanner:
 * the tests use it as an independent oracle and to turn AIID exports into archive files. Line breaks inside
 * quoted cells (LF, CRLF, CR) are kept exactly.
 */
public final class TestCsv {

	private TestCsv() {
	}

	public static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		boolean any = false;
		while (i < text.length()) {
			char c = text.charAt(i++);
			any = true;
			if (quoted) {
				if (c == '"' && i < text.length() && text.charAt(i) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				any = false;
			}
			else {
				cell.append(c);
			}
		}
		if (any) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	public static String write(List<List<String>> rows, String lineEnd) {
		StringBuilder out = new StringBuilder();
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				String value = row.get(i);
				if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
					out.append('"').append(value.replace("\"", "\"\"")).append('"');
				}
				else {
					out.append(value);
				}
			}
			out.append(lineEnd);
		}
		return out.toString();
	}

}
