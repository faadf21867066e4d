package org.wirereclassifier.rules;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.wirereclassifier.archive.Wire;

/**
 * What the rules see of one wire while it is classified: the wire as read, the keywords found in its headline
 * and body (scanned once for all rules), and the codes and severity as the rules so far left them.
 */
final class WireFacts {

	final Wire wire;

	final BitSet headlineKeywords = new BitSet();

	final BitSet bodyKeywords = new BitSet();

	final Set<String> codes;

	String severity;

	WireFacts(Wire wire, KeywordMatcher keywords) {
		this.wire = wire;
		keywords.scan(wire.headline(), this.headlineKeywords);
		keywords.scan(wire.body(), this.bodyKeywords);
		this.codes = new LinkedHashSet<>(wire.codes());
		this.severity = wire.severity();
	}

	String text(TextField field) {
		return field == TextField.HEADLINE ? this.wire.headline() : this.wire.body();
	}

	BitSet keywords(TextField field) {
		return field == TextField.HEADLINE ? this.headlineKeywords : this.bodyKeywords;
	}

	/** The texts a keyword or regex condition searches. */
	enum TextField {

		HEADLINE, BODY

	}

}
