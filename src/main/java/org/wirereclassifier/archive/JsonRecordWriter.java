package org.wirereclassifier.archive;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a JSON wire object back: properties in their original order, unchanged ones as their original bytes,
 * changed ones in the layout the record already has (one line, or one property a line), and fields the record
 * lacked at the end. Strings are escaped as the archive's exports escape them (non-ASCII kept as it is).
 */
final class JsonRecordWriter {

	private JsonRecordWriter() {
	}

	static byte[] rewrite(SourceRecord source, RecordLayout.Json layout, Wire amended, Set<WireField> changed) {
		byte[] raw = source.raw();
		RecordLayout.JsonStyle style = layout.style();
		String unit = style.compact() ? ""
				: style.propertyIndent().substring(Math.min(style.closingIndent().length(),
						style.propertyIndent().length()));
		if (!layout.properties().isEmpty()) {
			return splice(raw, layout, amended, changed, style, unit);
		}
		StringBuilder object = new StringBuilder(raw.length + 256).append('{');
		Set<WireField> written = new HashSet<>();
		boolean first = true;
		for (RecordLayout.JsonProperty property : layout.properties()) {
			first = separate(object, style, first);
			appendString(object, property.name());
			object.append(": ");
			WireField field = WireField.byName(property.name()).orElse(null);
			if (field != null && changed.contains(field)) {
				appendValue(object, amended, field, style, unit);
				written.add(field);
			}
			else {
				object.append(new String(raw, property.valueStart(), property.valueEnd() - property.valueStart(),
						StandardCharsets.UTF_8));
			}
		}
		for (WireField field : WireField.values()) {
			if (changed.contains(field) && !written.contains(field)) {
				first = separate(object, style, first);
				appendString(object, field.fieldName());
				object.append(": ");
				appendValue(object, amended, field, style, unit);
			}
		}
		if (!style.compact() && !first) {
			object.append(style.lineBreak()).append(style.closingIndent());
		}
		object.append('}');
		byte[] content = object.toString().getBytes(StandardCharsets.UTF_8);
		byte[] result = new byte[source.contentStart() + content.length + raw.length - source.contentEnd()];
		System.arraycopy(raw, 0, result, 0, source.contentStart());
		System.arraycopy(content, 0, result, source.contentStart(), content.length);
		System.arraycopy(raw, source.contentEnd(), result, source.contentStart() + content.length,
				raw.length - source.contentEnd());
		return result;
	}

	/**
	 * The record's bytes with only the changed values replaced, so that the spacing around untouched properties
	 * stays as it was; fields the record lacked go after its last property.
	 */
	private static byte[] splice(byte[] raw, RecordLayout.Json layout, Wire amended, Set<WireField> changed,
			RecordLayout.JsonStyle style, String unit) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length + 256);
		Set<WireField> written = new HashSet<>();
		int copied = 0;
		for (RecordLayout.JsonProperty property : layout.properties()) {
			WireField field = WireField.byName(property.name()).orElse(null);
			if (field != null && changed.contains(field)) {
				out.write(raw, copied, property.valueStart() - copied);
				StringBuilder value = new StringBuilder();
				appendValue(value, amended, field, style, unit);
				out.writeBytes(value.toString().getBytes(StandardCharsets.UTF_8));
				copied = property.valueEnd();
				written.add(field);
			}
		}
		int last = layout.properties().get(layout.properties().size() - 1).valueEnd();
		out.write(raw, copied, last - copied);
		StringBuilder added = new StringBuilder();
		for (WireField field : WireField.values()) {
			if (changed.contains(field) && !written.contains(field)) {
				separate(added, style, false);
				appendString(added, field.fieldName());
				added.append(": ");
				appendValue(added, amended, field, style, unit);
			}
		}
		out.writeBytes(added.toString().getBytes(StandardCharsets.UTF_8));
		out.write(raw, last, raw.length - last);
		return out.toByteArray();
	}

	private static boolean separate(StringBuilder object, RecordLayout.JsonStyle style, boolean first) {
		if (!first) {
			object.append(',');
			if (style.compact()) {
				object.append(' ');
			}
		}
		if (!style.compact()) {
			object.append(style.lineBreak()).append(style.propertyIndent());
		}
		return false;
	}

	private static void appendValue(StringBuilder out, Wire wire, WireField field, RecordLayout.JsonStyle style,
			String unit) {
		Object value = wire.get(field);
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Integer count) {
			out.append(count);
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				out.append("[]");
				return;
			}
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(style.compact() ? ", " : ",");
				}
				if (!style.compact()) {
					out.append(style.lineBreak()).append(style.propertyIndent()).append(unit);
				}
				appendString(out, list.get(i).toString());
			}
			if (!style.compact()) {
				out.append(style.lineBreak()).append(style.propertyIndent());
			}
			out.append(']');
		}
		else {
			appendString(out, value.toString());
		}
	}

	/** A JSON string as the archive's exports write it: only quote, backslash and control characters escaped. */
	static void appendString(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
