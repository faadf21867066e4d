package org.wirereclassifier.amend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


import org.wirereclassifier.archive.Severity;
import org.wirereclassifier.archive.SpreadsheetCsv;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.taxonomy.Taxonomy;

/**
 * Reads an editor's amendments from a spreadsheet export: either a plain {@code wire_id,field,value,editor,note}
 * file, or the pass's own {@code report.csv} with an {@code amended_value} column filled in where the editor
 * disagrees (rows left empty there are not amendments). Every row is checked before anything is applied.
 */
public final class AmendmentFile {

	private AmendmentFile() {
	}

	/**
	 * @param editor the editor for rows without an {@code editor} column or value (the {@code --editor} option)
	 */
	public static List<Amendment> read(Path file, String editor, Taxonomy taxonomy) {
		SpreadsheetCsv csv;
		try {
			csv = SpreadsheetCsv.read(file, "wire_id,field,value,editor,note");
		}
		catch (IllegalArgumentException ex) {
			throw new AmendmentException(List.of(ex.getMessage()));
		}
		List<String> header = csv.header();
		List<String[]> rows = csv.rows();
		int wireId = header.indexOf("wire_id");
		int field = header.indexOf("field");
		boolean report = header.contains("amended_value");
		int value = report ? header.indexOf("amended_value") : header.indexOf("value");
		int editorColumn = header.indexOf("editor");
		int note = header.indexOf("note");
		if (wireId < 0 || field < 0 || value < 0) {
			throw new AmendmentException(List.of(file + ": the header needs wire_id, field and value (or report.csv's "
					+ "columns with amended_value); it has " + String.join(",", header)));
		}
		List<String> problems = new ArrayList<>();
		List<Amendment> amendments = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			int number = i + 2; // the header is row 1
			if (row.length == 1 && row[0].isBlank()) {
				continue;
			}
			String id = cell(row, wireId);
			String fieldName = cell(row, field);
			String text = cell(row, value);
			if (report && text.isEmpty()) {
				continue; // report.csv rows the editor agreed with
			}
			String who = cell(row, editorColumn).isBlank() ? editor : cell(row, editorColumn).strip();
			String where = file.getFileName() + " row " + number + ": ";
			WireField target = WireField.byName(fieldName.strip()).orElse(null);
			if (id.isBlank()) {
				problems.add(where + "no wire_id");
				continue;
			}
			if (target == null || !Amendment.AMENDABLE.contains(target)) {
				problems.add(where + "field \"" + fieldName + "\" cannot be amended (rationale, counterfactual, codes, "
						+ "severity can)");
				continue;
			}
			if (who == null || who.isBlank()) {
				problems.add(where + "no editor (fill the editor column, or give --editor NAME)");
				continue;
			}
			if (!seen.add(id + "\u0000" + target)) {
				problems.add(where + "a second amendment of " + target + " for " + id);
				continue;
			}
			if (target == WireField.SEVERITY && !text.isEmpty() && !Severity.isValid(text.strip())) {
				problems.add(where + "severity \"" + text + "\" is not SEV-1 to SEV-5 or empty");
				continue;
			}
			if (target == WireField.CODES) {
				List<String> unknown = codes(text).stream()
					.filter(code -> !taxonomy.isKnown(code) || taxonomy.isRetired(code))
					.toList();
				if (!unknown.isEmpty()) {
					problems.add(where + "code(s) " + String.join(", ", unknown) + " not in taxonomy "
							+ taxonomy.version() + " (or retired)");
					continue;
				}
			}
			amendments.add(new Amendment(number, id, target, target == WireField.SEVERITY ? text.strip() : text,
					who, cell(row, note)));
		}
		if (!problems.isEmpty()) {
			throw new AmendmentException(problems);
		}
		return amendments;
	}

	static List<String> codes(String text) {
		List<String> codes = new ArrayList<>();
		for (String code : text.split("[;,]")) {
			if (!code.isBlank()) {
				codes.add(code.strip());
			}
		}
		return codes;
	}

	private static String cell(String[] row, int column) {
		return column >= 0 && column < row.length ? row[column] : "";
	}

}
