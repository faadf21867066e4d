package org.wirereclassifier.archive;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a CSV archive file and where the format's fields are among them.
 *
 * @param columns the column names as the header row gives them
 * @param appended fields a pass may write that the file has no column for; the amended file gets these columns
 * at the end, empty where the pass wrote nothing
 */
public record CsvHeader(List<String> columns, int[] fieldIndex, List<WireField> appended) {

	public CsvHeader {
		columns = List.copyOf(columns);
		appended = List.copyOf(appended);
	}

	/** The header of these columns, in a run that may write {@code writable}. */
	static CsvHeader of(List<String> columns, List<WireField> writable) {
		int[] index = new int[WireField.values().length];
		Arrays.fill(index, -1);
		for (int i = 0; i < columns.size(); i++) {
			int column = i;
			WireField.byName(columns.get(i)).ifPresent(field -> index[field.ordinal()] = column);
		}
		List<WireField> appended = writable.stream().filter(f -> index[f.ordinal()] < 0).toList();
		return new CsvHeader(columns, index, appended);
	}

	/** The column of a field, or -1 when the file has none. */
	public int indexOf(WireField field) {
		return this.fieldIndex[field.ordinal()];
	}

	public int width() {
		return this.columns.size();
	}

}
