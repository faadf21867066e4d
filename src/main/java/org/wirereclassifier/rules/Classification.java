package org.wirereclassifier.rules;

import java.util.List;

import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.Wire;

/**
 * What a pass does to one wire.
 *
 * @param amended the wire after the pass (the same as before when {@code changes} is empty)
 * @param changes one entry per changed field, with the rules that caused it
 * @param editorKept whether the wire's editor rationale stood where the pass would have written another
 * @param keptRationale with {@code editorKept}: the rationale the pass would have written
 * @param unknownCodes codes of the wire that the taxonomy does not know (kept, and reported)
 * @param retiredCodes codes of the wire that the taxonomy has retired (kept, and reported)
 */
public record Classification(Wire amended, List<FieldChange> changes, boolean editorKept, String keptRationale,
		List<String> unknownCodes, List<String> retiredCodes) {
}
