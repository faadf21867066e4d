package org.wirereclassifier.archive;

/** Strict UTF-8 validation: the archive is UTF-8, and a record with bytes that are not is rejected. */
final class Utf8 {

	private Utf8() {
	}

	/** The index of the first byte that is not part of valid UTF-8 in {@code bytes[from, to)}, or -1. */
	static int firstInvalid(byte[] bytes, int from, int to) {
		int i = from;
		while (i < to) {
			int b = bytes[i];
			if (b >= 0) {
				i++;
				continue;
			}
			int lead = b & 0xFF;
			int length;
			int min;
			if (lead >= 0xC2 && lead <= 0xDF) {
				length = 2;
				min = 0x80;
			}
			else if (lead >= 0xE0 && lead <= 0xEF) {
				length = 3;
				min = 0x800;
			}
			else if (lead >= 0xF0 && lead <= 0xF4) {
				length = 4;
				min = 0x10000;
			}
			else {
				return i;
			}
			if (i + length > to) {
				return i;
			}
			int codePoint = lead & (0xFF >> (length + 1));
			for (int k = 1; k < length; k++) {
				int continuation = bytes[i + k] & 0xFF;
				if ((continuation & 0xC0) != 0x80) {
					return i;
				}
				codePoint = (codePoint << 6) | (continuation & 0x3F);
			}
			if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
				return i;
			}
			i += length;
		}
		return -1;
	}

}
