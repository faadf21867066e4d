package org.wirereclassifier.rules;

import java.time.LocalDate;
import java.util.List;

import org.wirereclassifier.archive.Wire;

/**
 * Builds wires for the rules tests: an unrated, unclassified wire of 1 January 2025 unless told otherwise.
 */
final class TestWire {

	private String id = "w-1";

	private LocalDate published = LocalDate.of(2025, 1, 1);

	private String headline = "A wire";

	private String body = "";

	private String severity = "";

	private List<String> providers = List.of();

	private Integer sourceCount = 2;

	private String sourceTier = "standard";

	private List<String> codes = List.of();

	private String rationale = "";

	private String origin = "";

	private String counterfactual = "";

	private String taxonomyVersion = "";

	private TestWire() {
	}

	static TestWire wire() {
		return new TestWire();
	}

	/** An unclassified wire with this headline and body. */
	static Wire wire(String headline, String body) {
		return wire().headline(headline).body(body).build();
	}

	TestWire id(String id) {
		this.id = id;
		return this;
	}

	TestWire published(LocalDate published) {
		this.published = published;
		return this;
	}

	TestWire headline(String headline) {
		this.headline = headline;
		return this;
	}

	TestWire body(String body) {
		this.body = body;
		return this;
	}

	TestWire severity(String severity) {
		this.severity = severity;
		return this;
	}

	TestWire providers(String... providers) {
		this.providers = List.of(providers);
		return this;
	}

	TestWire sourceCount(Integer sourceCount) {
		this.sourceCount = sourceCount;
		return this;
	}

	TestWire sourceTier(String sourceTier) {
		this.sourceTier = sourceTier;
		return this;
	}

	TestWire codes(String... codes) {
		this.codes = List.of(codes);
		return this;
	}

	/** The rationale, its origin ({@code bulk}, {@code editor}) and counterfactual. */
	TestWire rationale(String rationale, String origin, String counterfactual) {
		this.rationale = rationale;
		this.origin = origin;
		this.counterfactual = counterfactual;
		return this;
	}

	TestWire taxonomyVersion(String taxonomyVersion) {
		this.taxonomyVersion = taxonomyVersion;
		return this;
	}

	Wire build() {
		return new Wire(this.id, this.published, this.headline, this.body, this.severity, this.providers,
				this.sourceCount, this.sourceTier, this.codes, this.rationale, this.origin, this.counterfactual,
				this.taxonomyVersion);
	}

}
