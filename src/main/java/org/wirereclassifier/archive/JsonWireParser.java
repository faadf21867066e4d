package org.wirereclassifier.archive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses one JSON wire object from its raw bytes: the format's fields become a {@link Wire}, and every property
 * (known or not) is located in the bytes, so that a rewrite keeps the others exactly as they were.
 */
final class JsonWireParser {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private JsonWireParser() {
	}

	record Parsed(Wire wire, RecordLayout.Json layout) {
	}

	/** Parses {@code raw[from, to)}, which must hold exactly one JSON object. */
	static Parsed parse(byte[] raw, int from, int to, WireBuilder builder) throws MalformedRecordException {
		int invalid = Utf8.firstInvalid(raw, from, to);
		if (invalid >= 0) {
			throw new MalformedRecordException("invalid UTF-8 at byte " + (invalid - from + 1) + " of the record");
		}
		List<String> names = new ArrayList<>();
		List<Integer> starts = new ArrayList<>();
		List<Integer> nextTokens = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), raw, from, to - from)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new MalformedRecordException("not a JSON object");
			}
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				int nameOffset = from + (int) parser.currentTokenLocation().getByteOffset();
				if (!names.isEmpty()) {
					nextTokens.add(nameOffset);
				}
				String name = parser.currentName();
				if (!seen.add(name)) {
					throw new MalformedRecordException("property \"" + name + "\" appears twice");
				}
				JsonToken value = parser.nextToken();
				names.add(name);
				starts.add(from + (int) parser.currentTokenLocation().getByteOffset());
				Optional<WireField> field = WireField.byName(name);
				if (field.isPresent()) {
					readField(parser, value, field.get(), builder);
				}
				else {
					parser.skipChildren();
				}
			}
			if (token != JsonToken.END_OBJECT) {
				throw new MalformedRecordException("not a JSON object");
			}
			int closing = from + (int) parser.currentTokenLocation().getByteOffset();
			if (!names.isEmpty()) {
				nextTokens.add(closing);
			}
			if (parser.nextToken() != null) {
				throw new MalformedRecordException("more than one JSON value in the record");
			}
		}
		catch (JacksonException ex) {
			throw new MalformedRecordException("invalid JSON: " + ex.getOriginalMessage());
		}
		List<RecordLayout.JsonProperty> properties = new ArrayList<>(names.size());
		for (int i = 0; i < names.size(); i++) {
			properties.add(new RecordLayout.JsonProperty(names.get(i), starts.get(i),
					valueEnd(raw, starts.get(i), nextTokens.get(i))));
		}
		return new Parsed(builder.build(), new RecordLayout.Json(properties, style(raw, from, to)));
	}

	/** A value ends before the whitespace and comma that come before the next property or the closing brace. */
	private static int valueEnd(byte[] raw, int start, int next) {
		int end = next;
		while (end > start && isWhitespace(raw[end - 1])) {
			end--;
		}
		if (end > start && raw[end - 1] == ',') {
			end--;
		}
		while (end > start && isWhitespace(raw[end - 1])) {
			end--;
		}
		return end;
	}

	private static void readField(JsonParser parser, JsonToken token, WireField field, WireBuilder builder)
			throws MalformedRecordException {
		if (token == JsonToken.VALUE_NULL) {
			return;
		}
		switch (field.kind()) {
			case TEXT, DATE -> {
				if (token != JsonToken.VALUE_STRING) {
					throw new MalformedRecordException(field + " must be a string");
				}
				builder.text(field, parser.getString());
			}
			case COUNT -> {
				if (token == JsonToken.VALUE_STRING && parser.getString().isEmpty()) {
					return;
				}
				if (token == JsonToken.VALUE_STRING) {
					throw new MalformedRecordException(field + ": " + WireBuilder.quoted(parser.getString())
							+ " is a string, not a JSON number");
				}
				if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
					throw new MalformedRecordException(field + ": " + parser.getText() + " is not a whole number >= 0");
				}
				builder.count(field, parser.getLongValue());
			}
			case LIST -> {
				if (token == JsonToken.VALUE_STRING && parser.getString().isEmpty()) {
					builder.list(field, List.of());
					return;
				}
				if (token != JsonToken.START_ARRAY) {
					throw new MalformedRecordException(field + " must be an array of strings");
				}
				List<String> items = new ArrayList<>();
				JsonToken item;
				while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
					if (item != JsonToken.VALUE_STRING) {
						throw new MalformedRecordException(field + " must be an array of strings");
					}
					items.add(parser.getString());
				}
				builder.list(field, items);
			}
		}
	}

	/** One line ({@code {"a": 1}}) or one property a line, with the indents the record itself uses. */
	private static RecordLayout.JsonStyle style(byte[] raw, int from, int to) {
		int newline = -1;
		for (int i = from; i < to; i++) {
			if (raw[i] == '\n') {
				newline = i;
				break;
			}
		}
		if (newline < 0) {
			return RecordLayout.JsonStyle.COMPACT;
		}
		int indentEnd = newline + 1;
		while (indentEnd < to && (raw[indentEnd] == ' ' || raw[indentEnd] == '\t')) {
			indentEnd++;
		}
		int closing = to - 1;
		int lineStart = closing;
		while (lineStart > from && raw[lineStart - 1] != '\n') {
			lineStart--;
		}
		int closingIndentEnd = lineStart;
		while (closingIndentEnd < closing && (raw[closingIndentEnd] == ' ' || raw[closingIndentEnd] == '\t')) {
			closingIndentEnd++;
		}
		return new RecordLayout.JsonStyle(new String(raw, newline + 1, indentEnd - newline - 1),
				new String(raw, lineStart, closingIndentEnd - lineStart),
				newline > from && raw[newline - 1] == '\r' ? "\r\n" : "\n");
	}

	static boolean isWhitespace(int b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r';
	}

}
