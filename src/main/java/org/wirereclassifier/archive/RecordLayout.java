package org.wirereclassifier.archive;

import java.util.List;

/** Where the fields of a record are in its raw bytes. */
public sealed interface RecordLayout {

	/** Nothing known: the record is copied as it is, never rewritten. */
	RecordLayout NONE = new Opaque();

	record Opaque() implements RecordLayout {
	}

	/** @param bounds start and end offset in the raw record of each field, quotes included */
	record Csv(CsvHeader header, int[] bounds) implements RecordLayout {
	}

	/** @param properties the object's properties in their order, with their raw value bounds */
	record Json(List<JsonProperty> properties, JsonStyle style) implements RecordLayout {
	}

	/** A property of a JSON wire object; {@code valueStart}/{@code valueEnd} index the raw record. */
	record JsonProperty(String name, int valueStart, int valueEnd) {
	}

	/**
	 * How a rewritten JSON object is laid out: on one line ({@code propertyIndent == null}), or one property a
	 * line with the given indents and line break (LF or CRLF), as the archive's pretty-printed exports are.
	 */
	record JsonStyle(String propertyIndent, String closingIndent, String lineBreak) {

		static final JsonStyle COMPACT = new JsonStyle(null, null, null);

		boolean compact() {
			return this.propertyIndent == null;
		}

	}

}
