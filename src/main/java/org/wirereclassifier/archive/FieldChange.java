package org.wirereclassifier.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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

	/** The fields a run may write that differ between two states of a wire, each with what caused it. */
	public static List<FieldChange> between(Wire before, Wire after, Function<WireField, List<String>> causes) {
		List<FieldChange> changes = new ArrayList<>();
		for (WireField field : WireField.EDITOR_WRITABLE) {
			if (!Objects.equals(before.get(field), after.get(field))) {
				changes.add(new FieldChange(field, before.text(field), after.text(field), causes.apply(field)));
			}
		}
		return changes;
	}

}
