package org.wirereclassifier.evaluation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wirereclassifier.archive.SpreadsheetCsv;

/**
 * A labelled sample: for each wire id, the codes a person gave it ({@code wire_id,codes} rows, codes joined with
 * {@code ;}). The sample a rule set is scored against.
 */
public final class Labels {

	private Labels() {
	}

	public static Map<String, Set<String>> read(Path file) {
		SpreadsheetCsv csv = SpreadsheetCsv.read(file, "wire_id,codes");
		List<String> header = csv.header();
		List<String[]> rows = csv.rows();
		int id = header.indexOf("wire_id");
		int codes = header.indexOf("codes");
		if (id < 0 || codes < 0) {
			throw new IllegalArgumentException(file + ": the header needs wire_id and codes");
		}
		Map<String, Set<String>> labels = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			if (row.length <= Math.max(id, codes)) {
				throw new IllegalArgumentException(file + " row " + (i + 2) + ": too few fields");
			}
			Set<String> gold = new LinkedHashSet<>();
			for (String code : row[codes].split(";")) {
				if (!code.isBlank()) {
					gold.add(code.strip());
				}
			}
			if (labels.put(row[id].strip(), gold) != null) {
				throw new IllegalArgumentException(file + " row " + (i + 2) + ": wire " + row[id] + " is labelled twice");
			}
		}
		return labels;
	}

}
