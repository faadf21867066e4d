package org.wirereclassifier.archive;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

/**
 * A small CSV file that people edit in a spreadsheet (amendments, labels), read whole with opencsv (RFC 4180,
 * no escape character). Unlike the archive, nothing is written back, so opencsv's CRLF-to-LF in cells is harmless.
 *
 * @param header the column names: trimmed, lower case, without a byte-order mark
 * @param rows the data rows, after the header
 */
public record SpreadsheetCsv(List<String> header, List<String[]> rows) {

	/** Reads a file with a header row; the message of the exception names the file and what is wrong. */
	public static SpreadsheetCsv read(Path file, String expectedHeader) {
		List<String[]> rows;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			rows = csv.readAll();
		}
		catch (IOException | CsvException ex) {
			throw new IllegalArgumentException(file + ": cannot be read as CSV (" + ex.getMessage() + ")");
		}
		if (rows.isEmpty()) {
			throw new IllegalArgumentException(file + ": empty; expected a header row " + expectedHeader);
		}
		List<String> header = Arrays.stream(rows.get(0))
			.map(name -> name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT))
			.toList();
		return new SpreadsheetCsv(header, rows.subList(1, rows.size()));
	}

}
