package org.wirereclassifier.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields the archive format names, in the order the spec lists them. Anything else in a record is an
 * extra column or property that is carried through untouched.
 */
public enum WireField {

	WIRE_ID("wire_id", Kind.TEXT),
	PUBLISHED("published", Kind.DATE),
	HEADLINE("headline", Kind.TEXT),
	BODY("body", Kind.TEXT),
	SEVERITY("severity", Kind.TEXT),
	PROVIDERS("providers", Kind.LIST),
	SOURCE_COUNT("source_count", Kind.COUNT),
	SOURCE_TIER("source_tier", Kind.TEXT),
	CODES("codes", Kind.LIST),
	RATIONALE("rationale", Kind.TEXT),
	RATIONALE_ORIGIN("rationale_origin", Kind.TEXT),
	COUNTERFACTUAL("counterfactual", Kind.TEXT),
	TAXONOMY_VERSION("taxonomy_version", Kind.TEXT),
	/**
	 * Not in the archive spec: wire-reclassifier's own column (or property) for the codes an editor set by hand.
	 * Rules never remove these codes; a CSV file gets the column only when an editor's amendment writes it.
	 */
	CODE_LOCKS("code_locks", Kind.LIST);

	/** The fields a pass may change; the others are the wire's own and are never rewritten. */
	public static final List<WireField> PASS_WRITABLE = List.of(SEVERITY, CODES, RATIONALE, RATIONALE_ORIGIN,
			COUNTERFACTUAL, TAXONOMY_VERSION);

	/** The fields an editor's amendment may write: the pass's, and the codes the editor locks. */
	public static final List<WireField> EDITOR_WRITABLE = List.of(SEVERITY, CODES, RATIONALE, RATIONALE_ORIGIN,
			COUNTERFACTUAL, TAXONOMY_VERSION, CODE_LOCKS);

	/** How a value is typed in JSON and spelled in CSV. */
	public enum Kind {
		TEXT, DATE, COUNT, LIST
	}

	private static final Map<String, WireField> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(WireField::fieldName, Function.identity()));

	private final String fieldName;

	private final Kind kind;

	WireField(String fieldName, Kind kind) {
		this.fieldName = fieldName;
		this.kind = kind;
	}

	/** The column (CSV) or property (JSON) name. */
	public String fieldName() {
		return this.fieldName;
	}

	public Kind kind() {
		return this.kind;
	}

	public boolean isRequired() {
		return this == WIRE_ID || this == PUBLISHED || this == HEADLINE;
	}

	public static Optional<WireField> byName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	@Override
	public String toString() {
		return this.fieldName;
	}

}
