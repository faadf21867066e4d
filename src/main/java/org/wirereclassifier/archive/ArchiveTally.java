package org.wirereclassifier.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record accounting of a pass, per file and in all: every record read ends up amended, unchanged or
 * rejected, so {@code read == amended + unchanged + rejected}. {@code editorKept} counts the wires (amended or
 * not) whose editor's rationale stood against the pass.
 */
public final class ArchiveTally {

	/** Counts for one input file, and where its amended copy was written. */
	public static final class FileCounts {

		public String file;

		public String format;

		public long read;

		public long amended;

		public long unchanged;

		public long rejected;

		public long editorKept;

		public long bytes;

		public FileCounts() {
		}

		static FileCounts of(ArchiveFile file) {
			FileCounts counts = new FileCounts();
			counts.file = file.name();
			counts.format = file.format().name().toLowerCase(java.util.Locale.ROOT);
			return counts;
		}

	}

	public long read;

	public long amended;

	public long unchanged;

	public long rejected;

	public long editorKept;

	/** Codes found on wires that the taxonomy does not know, and on how many wires. */
	public Map<String, Long> unknownCodes = new TreeMap<>();

	/** Retired codes found on wires, and on how many wires. */
	public Map<String, Long> retiredCodes = new TreeMap<>();

	public List<FileCounts> files = new ArrayList<>();

	FileCounts current() {
		return this.files.get(this.files.size() - 1);
	}

	void startFile(ArchiveFile file) {
		this.files.add(FileCounts.of(file));
	}

	void count(ArchiveItem item) {
		FileCounts file = current();
		this.read++;
		file.read++;
		if (item instanceof ArchiveItem.Rejected) {
			this.rejected++;
			file.rejected++;
			return;
		}
		ArchiveItem.Classified classified = (ArchiveItem.Classified) item;
		if (classified.changed()) {
			this.amended++;
			file.amended++;
		}
		else {
			this.unchanged++;
			file.unchanged++;
		}
		classified.unknownCodes().forEach(code -> this.unknownCodes.merge(code, 1L, Long::sum));
		classified.retiredCodes().forEach(code -> this.retiredCodes.merge(code, 1L, Long::sum));
		if (classified.editorKept()) {
			this.editorKept++;
			file.editorKept++;
		}
	}

	/** Adds the accounting of another part of the same pass (a partition, whose files come after these). */
	public void add(ArchiveTally other) {
		this.read += other.read;
		this.amended += other.amended;
		this.unchanged += other.unchanged;
		this.rejected += other.rejected;
		this.editorKept += other.editorKept;
		other.unknownCodes.forEach((code, wires) -> this.unknownCodes.merge(code, wires, Long::sum));
		other.retiredCodes.forEach((code, wires) -> this.retiredCodes.merge(code, wires, Long::sum));
		this.files.addAll(other.files);
	}

}
