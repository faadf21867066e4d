package org.wirereclassifier.rules;

import org.wirereclassifier.archive.Wire;

/** What a run does to each wire: a pass's rules ({@link Classifier}), or an editor's amendments. */
@FunctionalInterface
public interface WireClassifier {

	Classification classify(Wire wire);

}
