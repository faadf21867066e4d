package org.wirereclassifier.report;

/**
 * HTML escaping for everything the report takes from the archive. Wires come from the open web, so a headline,
 * a value, a rule id, a file name or a reject's reason may hold markup; escaped, it shows as text. The same
 * escaping is safe in element content and in double- or single-quoted attribute values, which is all the page
 * uses.
 */
final class Html {

	private Html() {
	}

	/** {@code text} with {@code & < > " '} escaped; null gives the empty string. */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			String replacement = switch (text.charAt(i)) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> null;
			};
			if (replacement != null && out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (replacement != null) {
				out.append(replacement);
			}
			else if (out != null) {
				out.append(text.charAt(i));
			}
		}
		return out == null ? text : out.toString();
	}

}
