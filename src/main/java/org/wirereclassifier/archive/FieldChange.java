package org.wirereclassifier.archive;

import java.util.List;

/**
 * One field of one wire that a pass changed, and the rules that changed it.
 *
 * @param before the value before, as CSV spells it (lists joined with {@code ;})
 * @param after the value after, spelled the same way
 */
public record FieldChange(WireField field, String before, String after, List<String> ruleIds) {

	public FieldChange {
		ruleIds = List.copyOf(ruleIds);
	}

}
