package org.wirereclassifier.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One archived AI-incident wire, with the fields the archive format names. Empty text is {@code ""}, never
 * {@code null}; an empty list is {@code List.of()}; an unknown source count is {@code null}.
 */
public record Wire(String wireId, LocalDate published, String headline, String body, String severity,
		List<String> providers, Integer sourceCount, String sourceTier, List<String> codes, String rationale,
		String rationaleOrigin, String counterfactual, String taxonomyVersion, List<String> codeLocks) {

	public static final String ORIGIN_BULK = "bulk";

	public static final String ORIGIN_EDITOR = "editor";

	public Wire {
		Objects.requireNonNull(wireId, "wireId");
		Objects.requireNonNull(published, "published");
		headline = Objects.requireNonNull(headline, "headline");
		body = orEmpty(body);
		severity = orEmpty(severity);
		providers = List.copyOf(providers == null ? List.of() : providers);
		sourceTier = orEmpty(sourceTier);
		codes = List.copyOf(codes == null ? List.of() : codes);
		rationale = orEmpty(rationale);
		rationaleOrigin = orEmpty(rationaleOrigin);
		counterfactual = orEmpty(counterfactual);
		taxonomyVersion = orEmpty(taxonomyVersion);
		codeLocks = List.copyOf(codeLocks == null ? List.of() : codeLocks);
	}

	/** A wire without codes locked by an editor. */
	public Wire(String wireId, LocalDate published, String headline, String body, String severity,
			List<String> providers, Integer sourceCount, String sourceTier, List<String> codes, String rationale,
			String rationaleOrigin, String counterfactual, String taxonomyVersion) {
		this(wireId, published, headline, body, severity, providers, sourceCount, sourceTier, codes, rationale,
				rationaleOrigin, counterfactual, taxonomyVersion, List.of());
	}

	/** Whether an editor wrote this wire's rationale by hand: a bulk pass never overwrites it. */
	public boolean hasEditorRationale() {
		return ORIGIN_EDITOR.equals(this.rationaleOrigin);
	}

	/** The value of one field: a {@code String}, {@code LocalDate}, {@code Integer} or {@code List<String>}. */
	public Object get(WireField field) {
		return switch (field) {
			case WIRE_ID -> this.wireId;
			case PUBLISHED -> this.published;
			case HEADLINE -> this.headline;
			case BODY -> this.body;
			case SEVERITY -> this.severity;
			case PROVIDERS -> this.providers;
			case SOURCE_COUNT -> this.sourceCount;
			case SOURCE_TIER -> this.sourceTier;
			case CODES -> this.codes;
			case RATIONALE -> this.rationale;
			case RATIONALE_ORIGIN -> this.rationaleOrigin;
			case COUNTERFACTUAL -> this.counterfactual;
			case TAXONOMY_VERSION -> this.taxonomyVersion;
			case CODE_LOCKS -> this.codeLocks;
		};
	}

	/** The field as the CSV format spells it: lists joined with {@code ;}, an unknown count empty. */
	public String text(WireField field) {
		Object value = get(field);
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return String.join(";", list.stream().map(String::valueOf).toList());
		}
		return value.toString();
	}

	public Wire withSeverity(String severity) {
		return new Wire(this.wireId, this.published, this.headline, this.body, severity, this.providers,
				this.sourceCount, this.sourceTier, this.codes, this.rationale, this.rationaleOrigin,
				this.counterfactual, this.taxonomyVersion, this.codeLocks);
	}

	public Wire withCodes(List<String> codes) {
		return new Wire(this.wireId, this.published, this.headline, this.body, this.severity, this.providers,
				this.sourceCount, this.sourceTier, codes, this.rationale, this.rationaleOrigin, this.counterfactual,
				this.taxonomyVersion, this.codeLocks);
	}

	public Wire withRationale(String rationale, String origin, String counterfactual) {
		return new Wire(this.wireId, this.published, this.headline, this.body, this.severity, this.providers,
				this.sourceCount, this.sourceTier, this.codes, rationale, origin, counterfactual,
				this.taxonomyVersion, this.codeLocks);
	}

	public Wire withTaxonomyVersion(String taxonomyVersion) {
		return new Wire(this.wireId, this.published, this.headline, this.body, this.severity, this.providers,
				this.sourceCount, this.sourceTier, this.codes, this.rationale, this.rationaleOrigin,
				this.counterfactual, taxonomyVersion, this.codeLocks);
	}

	/** The wire with one pass-writable field set from its CSV spelling (lists joined with {@code ;}). */
	public Wire withText(WireField field, String text) {
		List<String> list = text.isEmpty() ? List.of() : List.of(text.split(";"));
		return switch (field) {
			case SEVERITY -> withSeverity(text);
			case CODES -> new Wire(this.wireId, this.published, this.headline, this.body, this.severity, this.providers,
					this.sourceCount, this.sourceTier, list, this.rationale, this.rationaleOrigin, this.counterfactual,
					this.taxonomyVersion, this.codeLocks);
			case CODE_LOCKS -> new Wire(this.wireId, this.published, this.headline, this.body, this.severity,
					this.providers, this.sourceCount, this.sourceTier, this.codes, this.rationale, this.rationaleOrigin,
					this.counterfactual, this.taxonomyVersion, list);
			case RATIONALE -> withRationale(text, this.rationaleOrigin, this.counterfactual);
			case RATIONALE_ORIGIN -> withRationale(this.rationale, text, this.counterfactual);
			case COUNTERFACTUAL -> withRationale(this.rationale, this.rationaleOrigin, text);
			case TAXONOMY_VERSION -> withTaxonomyVersion(text);
			default -> throw new IllegalArgumentException(field + " is not written by a pass");
		};
	}

	/** The wire with these codes as its codes, locked as an editor's: rules never remove them. */
	public Wire withEditorCodes(List<String> codes) {
		return new Wire(this.wireId, this.published, this.headline, this.body, this.severity, this.providers,
				this.sourceCount, this.sourceTier, codes, this.rationale, this.rationaleOrigin, this.counterfactual,
				this.taxonomyVersion, codes);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
