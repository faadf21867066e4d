package org.wirereclassifier.amend;

import org.wirereclassifier.archive.WireField;

/**
 * One row of an editor's amendment file: set {@code field} of wire {@code wireId} to {@code value}.
 *
 * @param row the row's number in the file (the header is row 1), for messages
 */
public record Amendment(int row, String wireId, WireField field, String value, String editor, String note) {

	/** The fields an editor may amend. */
	public static final java.util.Set<WireField> AMENDABLE = java.util.EnumSet.of(WireField.RATIONALE,
			WireField.COUNTERFACTUAL, WireField.CODES, WireField.SEVERITY);

}
