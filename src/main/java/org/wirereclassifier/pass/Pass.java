package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.wirereclassifier.rules.RationaleTemplate;

/**
 * A validated pass, ready to run: its definition, where it came from, and the hash that identifies it.
 *
 * @param sha256 hash of the job file's bytes: a changed job file makes a new run
 */
public record Pass(Path file, String sha256, PassDefinition definition, RationaleTemplate rationale,
		RationaleTemplate counterfactual) {

	private static final DateTimeFormatter PASS_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	public String name() {
		return this.definition.pass().name();
	}

	public String taxonomyVersion() {
		return this.definition.taxonomy().version();
	}

	/** The values of the template variables: the pass date reads as "10 May 2026". */
	public Map<String, String> templateValues() {
		return Map.of("pass_name", name(), "pass_date", PASS_DATE.format(this.definition.pass().date()),
				"taxonomy_version", taxonomyVersion());
	}

}
