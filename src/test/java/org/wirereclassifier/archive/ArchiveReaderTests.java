package org.wirereclassifier.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.wirereclassifier.archive.ArchiveTestFiles.archiveFile;
import static org.wirereclassifier.archive.ArchiveTestFiles.describe;
import static org.wirereclassifier.archive.ArchiveTestFiles.utf8;
import static org.wirereclassifier.archive.ArchiveTestFiles.write;

@DisplayName("ArchiveReader")
class ArchiveReaderTests {

	static final String CSV_HEADER = "wire_id,published,headline\n";

	@TempDir
	Path directory;

	private ArchiveFile csv;

	private ArchiveFile jsonLines;

	private ArchiveFile jsonArray;

	@BeforeEach
	void archive() {
		this.csv = archiveFile(0, write(this.directory, "a.csv", CSV_HEADER, "a1,2025-01-01,first\n",
				"a2,2025-01-02,\"multi\nline\"\n", "\na3,2025-01-03,third\n"));
		this.jsonLines = archiveFile(1, write(this.directory, "b.jsonl", wire("b1") + "\n", wire("a2") + "\n",
				"\n" + wire("b3") + "\r\n", wire("b1") + "\n"));
		this.jsonArray = archiveFile(2, write(this.directory, "c.json", "[\n  " + wire("c1") + ",\n  " + wire("a3")
				+ ",\n  " + wire("c3") + ",\n]\n"));
	}

	private static String wire(String id) {
		return "{\"wire_id\": \"" + id + "\", \"published\": \"2025-02-01\", \"headline\": \"h " + id + "\"}";
	}

	/** Reads up to {@code limit} items (all when negative); the null that ends the archive is not counted. */
	private static List<ArchiveItem> read(ArchiveReader reader, int limit) throws Exception {
		List<ArchiveItem> items = new ArrayList<>();
		ArchiveItem item;
		while ((limit < 0 || items.size() < limit) && (item = reader.read()) != null) {
			items.add(item);
		}
		return items;
	}

	private static List<ArchiveItem> readAll(List<ArchiveFile> files) throws Exception {
		ArchiveReader reader = new ArchiveReader(files);
		reader.open(new ExecutionContext());
		try {
			List<ArchiveItem> items = read(reader, -1);
			assertThat(reader.read()).isNull();
			return items;
		}
		finally {
			reader.close();
		}
	}

	private static List<String> described(List<ArchiveItem> items) {
		return items.stream().map(ArchiveTestFiles::describe).toList();
	}

	@Nested
	@DisplayName("reads all files as one archive")
	class Reading {

		@Test
		@DisplayName("FileStart, the records, FileEnd for each file in turn")
		void itemSequence() throws Exception {
			List<ArchiveItem> items = readAll(List.of(csv, jsonLines));

			assertThat(items).extracting(item -> item.getClass().getSimpleName())
				.containsExactly("FileStart", "WireRead", "WireRead", "WireRead", "FileEnd", "FileStart", "WireRead",
						"Rejected", "WireRead", "Rejected", "FileEnd");
			ArchiveItem.FileStart csvStart = (ArchiveItem.FileStart) items.get(0);
			assertThat(csvStart.file()).isEqualTo(csv);
			assertThat(utf8(csvStart.header())).isEqualTo("wire_id,published,headline,severity,codes,rationale,"
					+ "rationale_origin,counterfactual,taxonomy_version\n");
			assertThat(items.subList(1, 4)).extracting(item -> ((ArchiveItem.WireRead) item).wire().headline())
				.containsExactly("first", "multi\nline", "third");
			assertThat(items.subList(1, 4)).extracting(item -> ArchiveTestFiles.source(item).line())
				.containsExactly(2L, 3L, 6L);
			long csvSize = Files.size(csv.path());
			assertThat(items.get(4)).isEqualTo(new ArchiveItem.FileEnd(csv, csvSize, csvSize));
			ArchiveItem.FileStart linesStart = (ArchiveItem.FileStart) items.get(5);
			assertThat(linesStart.file()).isEqualTo(jsonLines);
			assertThat(linesStart.header()).isEmpty();
			assertThat(items.subList(6, 10)).extracting(item -> ArchiveTestFiles.source(item).recordNumber(),
					item -> ArchiveTestFiles.source(item).line())
				.containsExactly(tuple(1L, 1L), tuple(2L, 2L), tuple(3L, 4L), tuple(4L, 5L));
			long linesSize = Files.size(jsonLines.path());
			assertThat(items.get(10)).isEqualTo(new ArchiveItem.FileEnd(jsonLines, linesSize, linesSize));
		}

		@Test
		@DisplayName("a wire_id seen before, in another file or the same one, is rejected naming the first place")
		void duplicates() throws Exception {
			List<ArchiveItem> items = readAll(List.of(csv, jsonLines));

			ArchiveItem.Rejected acrossFiles = (ArchiveItem.Rejected) items.get(7);
			assertThat(acrossFiles.reason()).isEqualTo("duplicate wire_id \"a2\", first seen in a.csv record 2");
			assertThat(acrossFiles.wireId()).isEqualTo("a2");
			assertThat(acrossFiles.shownText()).isEqualTo(wire("a2"));
			assertThat(acrossFiles.source().place()).isEqualTo("b.jsonl record 2 (line 2)");
			// a rejected record is copied as it is; its layout stays, for the CSV columns a pass adds
			assertThat(acrossFiles.source().layout()).isInstanceOf(RecordLayout.Json.class);
			assertThat(acrossFiles.source().raw()).isEqualTo(utf8(wire("a2") + "\n"));
			ArchiveItem.Rejected sameFile = (ArchiveItem.Rejected) items.get(9);
			assertThat(sameFile.reason()).isEqualTo("duplicate wire_id \"b1\", first seen in b.jsonl record 1");
			assertThat(sameFile.source().place()).isEqualTo("b.jsonl record 4 (line 5)");
		}

	}

	@Nested
	@DisplayName("restarts where it stopped")
	class Restart {

		@ParameterizedTest(name = "journal of the ids: {0}")
		@ValueSource(booleans = { false, true })
		@DisplayName("a new reader continues with exactly the remaining items, and still knows the ids read before")
		void continuesAfterUpdate(boolean journalled) throws Exception {
			Path journal = journalled ? directory.resolve("work/wire-ids.journal") : null;
			ExecutionContext context = new ExecutionContext();
			ArchiveReader first = new ArchiveReader(List.of(csv, jsonLines), WireField.PASS_WRITABLE, journal, false);
			first.open(context);
			List<ArchiveItem> before = read(first, 7);
			first.update(context);
			first.close();
			if (journalled) {
				// three ids of a.csv and b1, 24 bytes each; with the journal, a.csv is not read again for its ids
				assertThat(Files.size(journal)).isEqualTo(4 * 24).isEqualTo(context.getLong("archiveReader.ids.journal.length"));
				Files.writeString(csv.path(), Files.readString(csv.path()).replace("a2,", "x2,"));
			}

			ArchiveReader second = new ArchiveReader(List.of(csv, jsonLines), WireField.PASS_WRITABLE, journal, false);
			second.open(context);
			List<ArchiveItem> after = read(second, -1);
			second.close();

			assertThat(describe(before.get(6))).startsWith("wire b.jsonl record 1 (line 1)");
			assertThat(after).hasSize(4);
			ArchiveItem.Rejected acrossFiles = (ArchiveItem.Rejected) after.get(0);
			assertThat(acrossFiles.reason()).isEqualTo("duplicate wire_id \"a2\", first seen in a.csv record 2");
			assertThat(acrossFiles.source().place()).isEqualTo("b.jsonl record 2 (line 2)");
			ArchiveItem.WireRead b3 = (ArchiveItem.WireRead) after.get(1);
			assertThat(b3.wire().wireId()).isEqualTo("b3");
			assertThat(b3.source().place()).isEqualTo("b.jsonl record 3 (line 4)");
			ArchiveItem.Rejected sameFile = (ArchiveItem.Rejected) after.get(2);
			assertThat(sameFile.reason()).isEqualTo("duplicate wire_id \"b1\", first seen in b.jsonl record 1");
			assertThat(sameFile.source().place()).isEqualTo("b.jsonl record 4 (line 5)");
			assertThat(after.get(3)).isInstanceOf(ArchiveItem.FileEnd.class);
			assertThat(context.getInt("archiveReader.file.index")).isEqualTo(1);
			assertThat(context.getLong("archiveReader.file.records")).isEqualTo(1);
		}

		/** Rejections of most kinds: a CSV stray quote, a bad date, a JSONL line that is not JSON, a non-object. */
		private List<ArchiveFile> messyArchive() {
			return List.of(
					archiveFile(0, write(directory, "m.csv", "wire_id,published,headline\r\n",
							"m1,2025-01-01,\"stray\r\n", "m2,2025-01-02,\"quoted\"\r\n", "\r\n",
							"m3,2025-02-30,bad date\r\n", "m4,2025-01-04,\"multi\r\nline\"\r\n")),
					archiveFile(1, write(directory, "n.jsonl", wire("n1") + "\n", "not json\n", wire("m3") + "\n",
							wire("n4"))),
					archiveFile(2, write(directory, "o.json", "[\n  " + wire("o1") + ",\n  42,\n  " + wire("m4")
							+ "\n]")));
		}

		static IntStream messyStopPoints() {
			// 17 items: 6 for m.csv, 6 for n.jsonl, 5 for o.json
			return IntStream.rangeClosed(0, 17);
		}

		@ParameterizedTest(name = "after {0} items")
		@MethodSource("messyStopPoints")
		@DisplayName("the same with rejections of most kinds in the archive")
		void restartAnywhereInAMessyArchive(int stop) throws Exception {
			List<ArchiveFile> files = messyArchive();
			List<String> uninterrupted = described(readAll(files));

			List<String> resumed = readWithRestart(files, stop);

			assertThat(uninterrupted).hasSize(17);
			assertThat(resumed).containsExactlyElementsOf(uninterrupted);
			assertThat(uninterrupted).filteredOn(item -> item.startsWith("rejected"))
				.extracting(item -> item.substring(item.indexOf("reason=")))
				.containsExactly("reason=unexpected character after the closing quote of field 3; its first line is "
						+ "rejected and reading resumes on line 3",
						"reason=published: \"2025-02-30\" is not a date (YYYY-MM-DD)",
						"reason=invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, "
								+ "Object or token 'null', 'true' or 'false')",
						"reason=duplicate wire_id \"m3\", first seen in m.csv record 3", "reason=not a JSON object",
						"reason=duplicate wire_id \"m4\", first seen in m.csv record 4");
		}

		/** Reads {@code stop} items, saves the state, closes; then reads the rest with a new reader from that state. */
		private static List<String> readWithRestart(List<ArchiveFile> files, int stop) throws Exception {
			ExecutionContext context = new ExecutionContext();
			ArchiveReader first = new ArchiveReader(files);
			first.open(context);
			List<ArchiveItem> before = read(first, stop);
			first.update(context);
			first.close();
			ArchiveReader second = new ArchiveReader(files);
			second.open(context);
			List<ArchiveItem> after = read(second, -1);
			ArchiveItem end = second.read();
			second.close();
			assertThat(before).hasSize(stop);
			assertThat(end).isNull();
			List<String> resumed = new ArrayList<>(described(before));
			resumed.addAll(described(after));
			return resumed;
		}

		@ParameterizedTest(name = "after {0} items")
		@ValueSource(ints = { 0, 1, 2, 3, 4 })
		@DisplayName("a JSON array broken before its end: a restart adds no reject that never was")
		void restartAfterABrokenJsonArray(int stop) throws Exception {
			List<ArchiveFile> files = List.of(archiveFile(0, write(directory, "broken.json",
					"[\n  {\"wire_id\": \"a\", \"published\": \"2025-01-01\", \"headline\": \"h\"}\n  {\"wire_id\": \"b\"}\n]\n")));
			List<String> uninterrupted = described(readAll(files));

			List<String> resumed = readWithRestart(files, stop);

			assertThat(uninterrupted).hasSize(4); // start, wire a, the broken rest, end
			assertThat(resumed).containsExactlyElementsOf(uninterrupted);
		}

		static IntStream stopPoints() {
			// 16 items: 5 for a.csv, 6 for b.jsonl, 5 for c.json
			return IntStream.rangeClosed(0, 16);
		}

		@ParameterizedTest(name = "after {0} items")
		@MethodSource("stopPoints")
		@DisplayName("stopping after any item and restarting gives the same items as one uninterrupted read")
		void restartAnywhere(int stop) throws Exception {
			List<ArchiveFile> files = List.of(csv, jsonLines, jsonArray);
			List<String> uninterrupted = described(readAll(files));

			List<String> resumed = readWithRestart(files, stop);

			assertThat(uninterrupted).hasSize(16);
			assertThat(resumed).containsExactlyElementsOf(uninterrupted);
			assertThat(uninterrupted).filteredOn(item -> item.startsWith("rejected"))
				.extracting(item -> item.substring(item.indexOf("reason=")))
				.containsExactly("reason=duplicate wire_id \"a2\", first seen in a.csv record 2",
						"reason=duplicate wire_id \"b1\", first seen in b.jsonl record 1",
						"reason=duplicate wire_id \"a3\", first seen in a.csv record 3");
		}

	}

}
