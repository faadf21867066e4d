package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.wirereclassifier.rules.Classifier;
import org.wirereclassifier.rules.RationaleTemplate;
import org.wirereclassifier.rules.RuleSet;
import org.wirereclassifier.taxonomy.Taxonomy;

/**
 * A validated pass, ready to run: its definition, where it came from, and the hash that identifies it.
 *
 * @param sha256 hash of the job file's and the taxonomy file's bytes: a change to either makes a new run
 */
public record Pass(Path file, String sha256, PassDefinition definition, Taxonomy taxonomy, RuleSet rules,
		RationaleTemplate rationale, RationaleTemplate counterfactual) {

	private static final DateTimeFormatter PASS_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	public String name() {
		return this.definition.pass().name();
	}

	public String taxonomyVersion() {
		return this.taxonomy.version();
	}

	/** The classifier of this pass: its rules, taxonomy, bulk rationale and counterfactual. */
	public Classifier classifier() {
		return new Classifier(this.rules, this.taxonomy, this.rationale.render(templateValues()),
				this.counterfactual.render(templateValues()), this.definition.rationale().onlyWhenChanged());
	}

	/** The values of the template variables: the pass date reads as "10 May 2026". */
	public Map<String, String> templateValues() {
		return templateValues(this.definition, this.taxonomy);
	}

	static Map<String, String> templateValues(PassDefinition definition, Taxonomy taxonomy) {
		return Map.of("pass_name", definition.pass().name(), "pass_date",
				PASS_DATE.format(definition.pass().date()), "taxonomy_version", taxonomy.version());
	}

}
