package org.wirereclassifier.archive;

import java.util.List;

/**
 * What flows through the pass, in file order: each file's start, its records (read, rejected, then amended),
 * and its end. The file markers let the writer reproduce each file around its records.
 */
public sealed interface ArchiveItem {

	/** A file begins; {@code header} are its bytes before the first record (CSV header row, JSON {@code [}). */
	record FileStart(ArchiveFile file, byte[] header) implements ArchiveItem {
	}

	/** A record that became a wire. */
	record WireRead(SourceRecord source, Wire wire) implements ArchiveItem {
	}

	/** A record that cannot be processed; it is copied unchanged and listed in {@code rejects.jsonl}. */
	record Rejected(SourceRecord source, String wireId, String reason, String shownText) implements ArchiveItem {
	}

	/**
	 * A wire after classification: {@code changes} is empty when the pass left it as it was.
	 *
	 * @param editorKept whether the wire's editor rationale stood where the pass would have written another
	 * @param keptRationale with {@code editorKept}: the rationale the pass would have written
	 * @param unknownCodes the wire's codes that the taxonomy does not know (kept, and reported)
	 * @param retiredCodes the wire's codes that the taxonomy has retired (kept, and reported)
	 */
	record Classified(SourceRecord source, Wire original, Wire amended, List<FieldChange> changes,
			boolean editorKept, String keptRationale, List<String> unknownCodes,
			List<String> retiredCodes) implements ArchiveItem {

		public boolean changed() {
			return !this.changes.isEmpty();
		}

		/** Whether the audit has entries for this wire: a change, or an editor's rationale kept. */
		public boolean audited() {
			return changed() || this.editorKept;
		}

	}

	/**
	 * A classified wire with the bytes the writer appends for it, made ready on the thread that classified it, so
	 * that the one thread writing the files only appends bytes.
	 *
	 * @param record the record as the amended file has it; null when its original bytes serve
	 * @param sideLines the wire's lines for each of the run's side files (audit, report), in the writer's order of
	 * side files; an empty list when the wire has none
	 */
	record Prepared(Classified wire, byte[] record, List<byte[]> sideLines) implements ArchiveItem {
	}

	/** A file ends; its bytes {@code [trailerStart, trailerEnd)} after the last record are copied as they are. */
	record FileEnd(ArchiveFile file, long trailerStart, long trailerEnd) implements ArchiveItem {
	}

}
