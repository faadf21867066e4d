package org.wirereclassifier.cli;

/**
 * Text from the archive or the file system shown on a terminal: control characters (which could move the cursor,
 * rewrite earlier lines or forge log lines) are shown as escapes, and long values are cut.
 */
final class Console {

	private Console() {
	}

	static String safe(Object value) {
		String text = String.valueOf(value);
		StringBuilder out = new StringBuilder(Math.min(text.length(), 1000));
		for (int i = 0; i < text.length() && out.length() < 1000; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (out.length() >= 1000) {
			out.append('…');
		}
		return out.toString();
	}

}
