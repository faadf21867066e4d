package org.wirereclassifier.archive;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field values of one record, from CSV text or typed JSON values, and checks them against the
 * archive format before they become a {@link Wire}.
 */
final class WireBuilder {

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final Object[] values = new Object[WireField.values().length];

	/** A value spelled as text: a CSV cell, or a JSON string. */
	WireBuilder text(WireField field, String text) throws MalformedRecordException {
		this.values[field.ordinal()] = switch (field.kind()) {
			case TEXT -> checkedText(field, text);
			case DATE -> text.isEmpty() ? null : date(field, text);
			case COUNT -> text.isEmpty() ? null : count(field, text);
			case LIST -> splitList(text);
		};
		return this;
	}

	WireBuilder list(WireField field, List<String> items) {
		List<String> kept = new ArrayList<>(items.size());
		for (String item : items) {
			String trimmed = item.strip();
			if (!trimmed.isEmpty()) {
				kept.add(trimmed);
			}
		}
		this.values[field.ordinal()] = kept;
		return this;
	}

	WireBuilder count(WireField field, long count) throws MalformedRecordException {
		if (count < 0 || count > Integer.MAX_VALUE) {
			throw new MalformedRecordException(field + ": " + count + " is not a whole number >= 0");
		}
		this.values[field.ordinal()] = (int) count;
		return this;
	}

	String wireIdOrNull() {
		Object id = this.values[WireField.WIRE_ID.ordinal()];
		return (id instanceof String s && !s.isBlank()) ? s : null;
	}

	Wire build() throws MalformedRecordException {
		for (WireField field : WireField.values()) {
			Object value = this.values[field.ordinal()];
			if (field.isRequired() && (value == null || (value instanceof String s && s.isBlank()))) {
				throw new MalformedRecordException("missing " + field);
			}
		}
		return new Wire(string(WireField.WIRE_ID), (LocalDate) this.values[WireField.PUBLISHED.ordinal()],
				string(WireField.HEADLINE), string(WireField.BODY), string(WireField.SEVERITY),
				list(WireField.PROVIDERS), (Integer) this.values[WireField.SOURCE_COUNT.ordinal()],
				string(WireField.SOURCE_TIER), list(WireField.CODES), string(WireField.RATIONALE),
				string(WireField.RATIONALE_ORIGIN), string(WireField.COUNTERFACTUAL),
				string(WireField.TAXONOMY_VERSION), list(WireField.CODE_LOCKS));
	}

	private String string(WireField field) {
		return (String) this.values[field.ordinal()];
	}

	@SuppressWarnings("unchecked")
	private List<String> list(WireField field) {
		return (List<String>) this.values[field.ordinal()];
	}

	private static String checkedText(WireField field, String text) throws MalformedRecordException {
		if (field == WireField.SEVERITY && !text.isEmpty() && !Severity.isValid(text)) {
			throw new MalformedRecordException(field + ": " + quoted(text) + " is not SEV-1 to SEV-5 or empty");
		}
		if (field == WireField.RATIONALE_ORIGIN && !text.isEmpty() && !text.equals(Wire.ORIGIN_BULK)
				&& !text.equals(Wire.ORIGIN_EDITOR)) {
			throw new MalformedRecordException(field + ": " + quoted(text) + " is not bulk, editor or empty");
		}
		return text;
	}

	private static LocalDate date(WireField field, String text) throws MalformedRecordException {
		try {
			return LocalDate.parse(text, ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedRecordException(field + ": " + quoted(text) + " is not a date (YYYY-MM-DD)");
		}
	}

	private static Integer count(WireField field, String text) throws MalformedRecordException {
		if (text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new MalformedRecordException(field + ": " + quoted(text) + " is not a whole number >= 0");
		}
		long value = Long.parseLong(text);
		if (value > Integer.MAX_VALUE) {
			throw new MalformedRecordException(field + ": " + quoted(text) + " is too large");
		}
		return (int) value;
	}

	private static List<String> splitList(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		List<String> items = new ArrayList<>();
		for (String item : text.split(";")) {
			String trimmed = item.strip();
			if (!trimmed.isEmpty()) {
				items.add(trimmed);
			}
		}
		return items;
	}

	/** A value from the record, quoted and cut short for a reason message. */
	static String quoted(String text) {
		String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
		return '"' + shown + '"';
	}

}
