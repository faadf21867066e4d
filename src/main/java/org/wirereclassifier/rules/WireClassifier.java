package org.wirereclassifier.rules;

import org.wirereclassifier.archive.SourceRecord;
import org.wirereclassifier.archive.Wire;

/** What a run does to each wire: a pass's rules ({@link Classifier}), or an editor's amendments. */
@FunctionalInterface
public interface WireClassifier {

	Classification classify(Wire wire);

	/** The same, for a wire read from {@code source} (a revert matches wires to the audit by their place). */
	default Classification classify(Wire wire, SourceRecord source) {
		return classify(wire);
	}

}
