package org.wirereclassifier.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

/**
 * A labelled sample: for each wire id, the codes a person gave it ({@code wire_id,codes} rows, codes joined with
 * {@code ;}). The sample a rule set is scored against.
 */
public final class Labels {

	private Labels() {
	}

	public static Map<String, Set<String>> read(Path file) {
		List<String[]> rows;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			rows = csv.readAll();
		}
		catch (IOException | CsvException ex) {
			throw new IllegalArgumentException(file + ": cannot be read as CSV (" + ex.getMessage() + ")");
		}
		if (rows.isEmpty()) {
			throw new IllegalArgumentException(file + ": empty; expected a header row wire_id,codes");
		}
		List<String> header = java.util.Arrays.stream(rows.get(0))
			.map(name -> name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT))
			.toList();
		int id = header.indexOf("wire_id");
		int codes = header.indexOf("codes");
		if (id < 0 || codes < 0) {
			throw new IllegalArgumentException(file + ": the header needs wire_id and codes");
		}
		Map<String, Set<String>> labels = new LinkedHashMap<>();
		for (int i = 1; i < rows.size(); i++) {
			String[] row = rows.get(i);
			if (row.length <= Math.max(id, codes)) {
				throw new IllegalArgumentException(file + " row " + (i + 1) + ": too few fields");
			}
			Set<String> gold = new LinkedHashSet<>();
			for (String code : row[codes].split(";")) {
				if (!code.isBlank()) {
					gold.add(code.strip());
				}
			}
			if (labels.put(row[id].strip(), gold) != null) {
				throw new IllegalArgumentException(file + " row " + (i + 1) + ": wire " + row[id] + " is labelled twice");
			}
		}
		return labels;
	}

}
