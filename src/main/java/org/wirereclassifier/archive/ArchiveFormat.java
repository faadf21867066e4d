package org.wirereclassifier.archive;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The archive's export formats, known by file extension. */
public enum ArchiveFormat {

	/** RFC 4180 CSV with a header row; lists joined with {@code ;}. */
	CSV,
	/** One JSON array of wire objects. */
	JSON,
	/** One JSON wire object a line ({@code .jsonl} or {@code .ndjson}). */
	JSON_LINES;

	public static Optional<ArchiveFormat> of(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			return Optional.of(CSV);
		}
		if (name.endsWith(".json")) {
			return Optional.of(JSON);
		}
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			return Optional.of(JSON_LINES);
		}
		return Optional.empty();
	}

}
