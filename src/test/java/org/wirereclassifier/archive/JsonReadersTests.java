package org.wirereclassifier.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.wirereclassifier.archive.ArchiveTestFiles.BOM;
import static org.wirereclassifier.archive.ArchiveTestFiles.archiveFile;
import static org.wirereclassifier.archive.ArchiveTestFiles.bytes;
import static org.wirereclassifier.archive.ArchiveTestFiles.concat;
import static org.wirereclassifier.archive.ArchiveTestFiles.jsonProperties;
import static org.wirereclassifier.archive.ArchiveTestFiles.readAll;
import static org.wirereclassifier.archive.ArchiveTestFiles.source;
import static org.wirereclassifier.archive.ArchiveTestFiles.utf8;
import static org.wirereclassifier.archive.ArchiveTestFiles.write;

@DisplayName("JSON archive readers (.json array, .jsonl lines)")
class JsonReadersTests {

	private static final String REQUIRED = "\"published\": \"2025-01-02\", \"headline\": \"h\"";

	@TempDir
	Path directory;

	private ArchiveTestFiles.FileRead json(String... chunks) {
		return readAll(write(this.directory, "wires.json", chunks));
	}

	private ArchiveTestFiles.FileRead jsonLines(String... chunks) {
		return readAll(write(this.directory, "wires.jsonl", chunks));
	}

	/** A compact wire object with the required fields and the given further properties. */
	private static String wire(String id, String more) {
		return "{\"wire_id\": \"" + id + "\", " + REQUIRED + (more.isEmpty() ? "" : ", " + more) + "}";
	}

	private static List<Tuple> places(ArchiveTestFiles.FileRead read) {
		return read.items().stream().map(item -> tuple(source(item).recordNumber(), source(item).line())).toList();
	}

	@Nested
	@DisplayName("read the format's fields and locate every property")
	class Properties {

		@Test
		@DisplayName("in an array: properties in any order, extra ones located with their exact bytes")
		void arrayPropertiesInAnyOrder() {
			ArchiveTestFiles.FileRead read = json("""
					[
					  {"wire_id": "w0", "published": "2025-01-01", "headline": "first"},
					  {
					    "extra": {"a": [1, 2], "b": null},
					    "headline": "Café — 東京 🚀",
					    "price" :  1.50 ,
					    "wire_id": "w1",
					    "big": 1e5,
					    "flag":true,
					    "nothing": null,
					    "published": "2025-01-02",
					    "list": ["x", {"y": 2}],
					    "source_count": 2,
					    "providers": ["OpenAI", "Anthropic"],
					    "codes": ["M1", "F10"],
					    "text": "say \\"hi\\" ☕"
					  }
					]
					""");

			Wire wire = read.wire(1);
			assertThat(wire).isEqualTo(new Wire("w1", LocalDate.of(2025, 1, 2), "Café — 東京 🚀", null, null,
					List.of("OpenAI", "Anthropic"), 2, null, List.of("M1", "F10"), null, null, null, null));
			assertThat(jsonProperties(read.source(1))).containsExactly(entry("extra", "{\"a\": [1, 2], \"b\": null}"),
					entry("headline", "\"Café — 東京 🚀\""), entry("price", "1.50"), entry("wire_id", "\"w1\""),
					entry("big", "1e5"), entry("flag", "true"), entry("nothing", "null"),
					entry("published", "\"2025-01-02\""), entry("list", "[\"x\", {\"y\": 2}]"),
					entry("source_count", "2"), entry("providers", "[\"OpenAI\", \"Anthropic\"]"),
					entry("codes", "[\"M1\", \"F10\"]"), entry("text", "\"say \\\"hi\\\" ☕\""));
			assertThat(jsonProperties(read.source(0))).containsExactly(entry("wire_id", "\"w0\""),
					entry("published", "\"2025-01-01\""), entry("headline", "\"first\""));
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L));
			RecordLayout.Json layout = (RecordLayout.Json) read.source(1).layout();
			assertThat(layout.style()).isEqualTo(new RecordLayout.JsonStyle("    ", "  ", "\n"));
			assertThat(((RecordLayout.Json) read.source(0).layout()).style().compact()).isTrue();
		}

		@Test
		@DisplayName("in JSON lines: the same, with blank lines before a record")
		void linesPropertiesInAnyOrder() {
			String first = wire("w0", "\"body\": \"東京\"");
			String second = "{\"extra\": [1, {\"k\": \"ü\"}], \"codes\": [\"M1\"], \"n\": -1.25E-3, \"headline\": "
					+ "\"🚀 rocket\", \"published\": \"2025-01-02\", \"wire_id\": \"w1\", \"t\": false}";
			ArchiveTestFiles.FileRead read = jsonLines(first + "\n", "\n  \n" + second + "\n");

			assertThat(read.raws()).containsExactly(first + "\n", "\n  \n" + second + "\n");
			assertThat(read.wire(1).headline()).isEqualTo("🚀 rocket");
			assertThat(read.wire(1).codes()).containsExactly("M1");
			assertThat(read.source(1).contentStart()).isEqualTo(4);
			assertThat(read.source(1).text()).isEqualTo(second);
			assertThat(jsonProperties(read.source(1))).containsExactly(entry("extra", "[1, {\"k\": \"ü\"}]"),
					entry("codes", "[\"M1\"]"), entry("n", "-1.25E-3"), entry("headline", "\"🚀 rocket\""),
					entry("published", "\"2025-01-02\""), entry("wire_id", "\"w1\""), entry("t", "false"));
			assertThat(places(read)).containsExactly(tuple(1L, 1L), tuple(2L, 4L));
		}

		@Test
		@DisplayName("empty values may be \"\", null, or absent")
		void emptyValues() {
			ArchiveTestFiles.FileRead read = jsonLines(
					wire("a", "\"body\": \"\", \"severity\": \"\", \"source_count\": \"\", \"providers\": \"\", "
							+ "\"codes\": [], \"rationale\": \"\", \"rationale_origin\": \"\", \"counterfactual\": \"\", "
							+ "\"source_tier\": \"\", \"taxonomy_version\": \"\"") + "\n",
					wire("b", "\"body\": null, \"severity\": null, \"source_count\": null, \"providers\": null, "
							+ "\"codes\": null, \"rationale\": null, \"rationale_origin\": null, \"counterfactual\": "
							+ "null, \"source_tier\": null, \"taxonomy_version\": null") + "\n",
					wire("c", "") + "\n");

			assertThat(read.wires()).containsExactly(emptyWire("a"), emptyWire("b"), emptyWire("c"));
			assertThat(read.wire(0).body()).isEmpty();
			assertThat(read.wire(0).providers()).isEmpty();
			assertThat(read.wire(1).sourceCount()).isNull();
		}

		private static Wire emptyWire(String id) {
			return new Wire(id, LocalDate.of(2025, 1, 2), "h", "", "", List.of(), null, "", List.of(), "", "", "", "");
		}

		@Test
		@DisplayName("source_count is a number; lists are arrays of strings, trimmed")
		void numbersAndLists() {
			ArchiveTestFiles.FileRead read = jsonLines(
					wire("a", "\"source_count\": 0, \"providers\": [\" OpenAI \", \"\", \"Google\"], "
							+ "\"codes\": [\"M1\", \"F10\"]") + "\n",
					wire("b", "\"source_count\": 2147483647, \"codes\": []") + "\n");

			assertThat(read.wire(0).sourceCount()).isZero();
			assertThat(read.wire(0).providers()).containsExactly("OpenAI", "Google");
			assertThat(read.wire(0).codes()).containsExactly("M1", "F10");
			assertThat(read.wire(1).sourceCount()).isEqualTo(Integer.MAX_VALUE);
			assertThat(read.wire(1).codes()).isEmpty();
		}

		@Test
		@DisplayName("a byte-order mark is tolerated and kept in header()")
		void byteOrderMark() throws IOException {
			Path array = write(directory, "bom.json", concat(BOM, utf8("[\n  " + wire("a", "") + "\n]\n")));
			Path lines = write(directory, "bom.jsonl", concat(BOM, utf8(wire("b", "") + "\n")));

			ArchiveTestFiles.FileRead readArray = readAll(array);
			ArchiveTestFiles.FileRead readLines = readAll(lines);

			assertThat(readArray.header()).isEqualTo(concat(BOM, utf8("[")));
			assertThat(readArray.wire(0).wireId()).isEqualTo("a");
			assertThat(readArray.reassembled()).isEqualTo(Files.readAllBytes(array));
			assertThat(readLines.header()).isEqualTo(BOM);
			assertThat(readLines.wire(0).wireId()).isEqualTo("b");
			assertThat(places(readLines)).containsExactly(tuple(1L, 1L));
			assertThat(readLines.reassembled()).isEqualTo(Files.readAllBytes(lines));
		}

	}

	@Nested
	@DisplayName("reject a malformed object with a reason, and go on")
	class Rejections {

		static Stream<Arguments> malformedObjects() {
			return Stream.of(
					Arguments.of(wire("w1", "\"wire_id\": \"w2\""), "property \"wire_id\" appears twice", "w1"),
					Arguments.of(wire("w1", "\"source_count\": \"2\""),
							"source_count: \"2\" is a string, not a JSON number", "w1"),
					Arguments.of(wire("w1", "\"source_count\": -1"), "source_count: -1 is not a whole number >= 0",
							"w1"),
					Arguments.of(wire("w1", "\"source_count\": 1.5"), "source_count: 1.5 is not a whole number >= 0",
							"w1"),
					Arguments.of(wire("w1", "\"providers\": \"OpenAI\""), "providers must be an array of strings",
							"w1"),
					Arguments.of(wire("w1", "\"providers\": [\"OpenAI\", 1]"), "providers must be an array of strings",
							"w1"),
					Arguments.of(wire("w1", "\"codes\": [[\"M1\"]]"), "codes must be an array of strings", "w1"),
					Arguments.of(wire("w1", "\"body\": 5"), "body must be a string", "w1"),
					Arguments.of(wire("w1", "\"severity\": \"SEV-0\""),
							"severity: \"SEV-0\" is not SEV-1 to SEV-5 or empty", "w1"),
					Arguments.of("{\"wire_id\": \"w1\", \"published\": \"2025-02-30\", \"headline\": \"h\"}",
							"published: \"2025-02-30\" is not a date (YYYY-MM-DD)", "w1"),
					Arguments.of("{\"wire_id\": \"w1\", \"published\": \"2025-01-02\"}", "missing headline", "w1"),
					Arguments.of("{\"wire_id\": null, " + REQUIRED + "}", "missing wire_id", null),
					Arguments.of("[1, 2]", "not a JSON object", null),
					Arguments.of("\"text\"", "not a JSON object", null),
					Arguments.of(wire("w1", "") + " " + wire("w2", ""), "more than one JSON value in the record",
							"w1"));
		}

		@ParameterizedTest(name = "{1}: {0}")
		@MethodSource("malformedObjects")
		void malformedObject(String line, String reason, String wireId) {
			ArchiveTestFiles.FileRead read = jsonLines(wire("ok1", "") + "\n", line + "\n", wire("ok3", "") + "\n");

			ArchiveItem.Rejected rejected = read.rejected(1);
			assertThat(rejected.reason()).isEqualTo(reason);
			assertThat(rejected.wireId()).isEqualTo(wireId);
			assertThat(rejected.shownText()).isEqualTo(line);
			assertThat(rejected.source().raw()).isEqualTo(utf8(line + "\n"));
			assertThat(rejected.source().layout()).isEqualTo(RecordLayout.NONE);
			assertThat(read.wires()).extracting(Wire::wireId).containsExactly("ok1", "ok3");
			assertThat(places(read)).containsExactly(tuple(1L, 1L), tuple(2L, 2L), tuple(3L, 3L));
		}

		@Test
		@DisplayName("a line that is not JSON")
		void lineThatIsNotJson() {
			ArchiveTestFiles.FileRead read = jsonLines(wire("a", "") + "\n", "this is not json\r\n", wire("c", ""));

			ArchiveItem.Rejected rejected = read.rejected(1);
			assertThat(rejected.reason()).startsWith("invalid JSON: Unrecognized token 'this'");
			assertThat(rejected.shownText()).isEqualTo("this is not json");
			assertThat(read.wires()).extracting(Wire::wireId).containsExactly("a", "c");
			assertThat(places(read)).containsExactly(tuple(1L, 1L), tuple(2L, 2L), tuple(3L, 3L));
		}

		@Test
		@DisplayName("invalid JSON inside one element of an array: the other elements are still read")
		void invalidJsonInsideAnArrayElement() {
			String broken = "{\"wire_id\": \"b\", \"published\": \"2025-01-02\" \"headline\": \"h\"}";
			ArchiveTestFiles.FileRead read = json("[\n", "  " + wire("a", ""), ",\n  " + broken,
					",\n  " + wire("c", ""), "\n]\n");

			ArchiveItem.Rejected rejected = read.rejected(1);
			assertThat(rejected.reason())
				.startsWith("invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate "
						+ "Object entries");
			assertThat(rejected.wireId()).isEqualTo("b");
			assertThat(rejected.shownText()).isEqualTo(broken);
			assertThat(utf8(rejected.source().raw())).isEqualTo(",\n  " + broken);
			assertThat(read.wires()).extracting(Wire::wireId).containsExactly("a", "c");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 4L));
		}

		@Test
		@DisplayName("elements of an array that are not objects")
		void nonObjectElements() {
			ArchiveTestFiles.FileRead read = json("[", "42", ", \"text\"", ", [1, {\"a\": 2}]", ", true", ", null",
					", " + wire("ok", ""), "]");

			assertThat(read.items()).hasSize(6);
			for (int i = 0; i < 5; i++) {
				assertThat(read.rejected(i).reason()).isEqualTo("not a JSON object");
			}
			assertThat(read.rejected(2).shownText()).isEqualTo("[1, {\"a\": 2}]");
			assertThat(read.wire(5).wireId()).isEqualTo("ok");
			assertThat(read.raws()).containsExactly("42", ", \"text\"", ", [1, {\"a\": 2}]", ", true", ", null",
					", " + wire("ok", ""));
		}

		@Test
		@DisplayName("invalid UTF-8 in an element, counted from the element's first byte")
		void invalidUtf8() {
			byte[] bad = concat(utf8(",\n  {\"wire_id\": \"b\", " + REQUIRED + ", \"body\": \"caf"), bytes(0xC3, 0x28),
					utf8("\"}"));
			Path path = write(directory, "wires.json", concat(utf8("[\n  " + wire("a", "")), bad,
					utf8(",\n  " + wire("c", "") + "\n]\n")));

			ArchiveTestFiles.FileRead read = readAll(path);

			ArchiveItem.Rejected rejected = read.rejected(1);
			int expectedByte = ("{\"wire_id\": \"b\", " + REQUIRED + ", \"body\": \"caf").length() + 1;
			assertThat(rejected.reason()).isEqualTo("invalid UTF-8 at byte " + expectedByte + " of the record");
			assertThat(rejected.source().raw()).isEqualTo(bad);
			assertThat(read.wires()).extracting(Wire::wireId).containsExactly("a", "c");
		}

		@Test
		@DisplayName("an unterminated string breaks the array: the rest of the file is one rejected piece")
		void unterminatedString() {
			String text = "[\n  " + wire("a", "") + ",\n  {\"wire_id\": \"b, " + REQUIRED + "},\n  "
					+ wire("c", "") + "\n]\n";
			Path path = write(directory, "wires.json", text);

			ArchiveTestFiles.FileRead read = readAll(path);

			assertThat(read.items()).hasSize(2);
			assertThat(read.wire(0).wireId()).isEqualTo("a");
			ArchiveItem.Rejected rejected = read.rejected(1);
			assertThat(rejected.reason()).isEqualTo("unterminated JSON value (starts on line 3); the rest of the "
					+ "file, from line 3, is rejected as one piece");
			assertThat(rejected.wireId()).isNull();
			int brokenStart = ("[\n  " + wire("a", "")).length();
			assertThat(rejected.source().start()).isEqualTo(brokenStart);
			assertThat(rejected.source().end()).isEqualTo(text.length());
			assertThat(rejected.source().raw()).isNull();
			assertThat(rejected.source().recordNumber()).isEqualTo(2);
			assertThat(rejected.shownText()).isEqualTo(text.substring(brokenStart).strip());
			assertThat(read.end().trailerStart()).isEqualTo(text.length());
			assertThat(read.end().trailerEnd()).isEqualTo(text.length());
		}

		@Test
		@DisplayName("a missing comma between elements breaks the array: the rest of the file is one rejected piece")
		void missingComma() {
			String text = "[\n  " + wire("a", "") + "\n  " + wire("b", "") + ",\n  " + wire("c", "") + "\n]\n";
			Path path = write(directory, "wires.json", text);

			ArchiveTestFiles.FileRead read = readAll(path);

			assertThat(read.items()).hasSize(2);
			ArchiveItem.Rejected rejected = read.rejected(1);
			assertThat(rejected.reason()).isEqualTo("missing comma between elements; the rest of the file, from "
					+ "line 2, is rejected as one piece");
			assertThat(rejected.source().start()).isEqualTo(("[\n  " + wire("a", "")).length());
			assertThat(rejected.source().end()).isEqualTo(text.length());
			assertThat(read.end().trailerStart()).isEqualTo(read.end().trailerEnd());
		}

		@Test
		@DisplayName("an array that is never closed")
		void arrayNotClosed() {
			String text = "[\n  " + wire("a", "") + ",\n  " + wire("b", "") + "\n";
			ArchiveTestFiles.FileRead read = readAll(write(directory, "wires.json", text));

			assertThat(read.wires()).extracting(Wire::wireId).containsExactly("a", "b");
			assertThat(read.rejected(2).reason()).isEqualTo("the JSON array is not closed with ]; the rest of the "
					+ "file, from line 3, is rejected as one piece");
			assertThat(read.rejected(2).source().start()).isEqualTo(text.length() - 1);
			assertThat(read.end().trailerStart()).isEqualTo(text.length());
		}

		@Test
		@DisplayName("bytes after the array's closing ] are one rejected piece, copied as they are")
		void bytesAfterArray() {
			String text = "[\n  " + wire("a", "") + "\n]\n[]\n";
			ArchiveTestFiles.FileRead read = readAll(write(directory, "wires.json", text));

			assertThat(read.items()).hasSize(2);
			assertThat(read.wire(0).wireId()).isEqualTo("a");
			ArchiveItem.Rejected rejected = read.rejected(1);
			int after = ("[\n  " + wire("a", "") + "\n]\n").length();
			assertThat(rejected.reason()).isEqualTo("bytes after the JSON array's closing ] (at line 4, byte offset "
					+ after + "); a .json file is one array");
			assertThat(rejected.shownText()).isEqualTo("[]");
			assertThat(rejected.source().recordNumber()).isEqualTo(2);
			assertThat(rejected.source().start()).isEqualTo(("[\n  " + wire("a", "")).length());
			assertThat(rejected.source().end()).isEqualTo(text.length());
			assertThat(rejected.source().raw()).isNull();
			assertThat(read.end().trailerStart()).isEqualTo(text.length());
			assertThat(read.end().trailerEnd()).isEqualTo(text.length());
		}

		@Test
		@DisplayName("a stray object after the array's closing ] is rejected")
		void strayObjectAfterArray() {
			ArchiveTestFiles.FileRead read = readAll(write(directory, "wires.json", "[][] {}"));

			assertThat(read.items()).hasSize(1);
			assertThat(read.rejected(0).reason()).isEqualTo("bytes after the JSON array's closing ] (at line 1, "
					+ "byte offset 2); a .json file is one array");
			assertThat(read.rejected(0).shownText()).isEqualTo("[] {}");
			assertThat(read.rejected(0).source().start()).isEqualTo(1);
			assertThat(read.end().trailerStart()).isEqualTo(7);
		}

		@Test
		@DisplayName("a comma before the first element, in an array with no element")
		void commaInEmptyArray() {
			ArchiveTestFiles.FileRead read = readAll(write(directory, "wires.json", "[,]\n"));

			assertThat(read.items()).hasSize(1);
			assertThat(read.rejected(0).reason()).isEqualTo("a comma before the first element; the rest of the file, "
					+ "from line 1, is rejected as one piece");
			assertThat(read.rejected(0).source().start()).isEqualTo(1);
			assertThat(read.end().trailerStart()).isEqualTo(4);
		}

		@Test
		@DisplayName("white space after ] is the file's end, not a record")
		void whitespaceAfterArray() {
			ArchiveTestFiles.FileRead read = readAll(write(directory, "wires.json", "[]\n \r\n\t"));

			assertThat(read.items()).isEmpty();
			assertThat(read.end().trailerStart()).isEqualTo(1);
			assertThat(read.end().trailerEnd()).isEqualTo(7);
		}

		@Test
		@DisplayName("a .jsonl file of only white space has no records")
		void jsonLinesOnlyWhitespace() {
			ArchiveTestFiles.FileRead read = readAll(write(directory, "wires.jsonl", "\n  \r\n\n"));

			assertThat(read.items()).isEmpty();
		}

	}

	@Nested
	@DisplayName("refuse a file that is not what its name says")
	class FileErrors {

		@Test
		void jsonFileThatIsNotAnArray() {
			Path path = write(directory, "wires.json", "  {}\n");

			assertThatExceptionOfType(ArchiveFileException.class)
				.isThrownBy(() -> ArchiveFileReader.open(archiveFile(path)))
				.withMessage(path + ": not a JSON array (a .json archive file is one array of wire objects; use .jsonl "
						+ "for one object a line)");
		}

		@Test
		void emptyJsonFile() {
			Path path = write(directory, "wires.json", " \r\n\t");

			assertThatExceptionOfType(ArchiveFileException.class)
				.isThrownBy(() -> ArchiveFileReader.open(archiveFile(path)))
				.withMessage(path + ": empty file, expected a JSON array of wire objects");
		}

		@Test
		void jsonLinesFileThatIsAnArray() {
			Path path = write(directory, "wires.jsonl", "\n [" + wire("a", "") + "]\n");

			assertThatExceptionOfType(ArchiveFileException.class)
				.isThrownBy(() -> ArchiveFileReader.open(archiveFile(path)))
				.withMessage(path + ": not JSON lines (each line of a .jsonl archive file is one wire object)");
		}

	}

	@Nested
	@DisplayName("lose nothing: header + records + trailer is the file")
	class Reassembly {

		static Stream<Arguments> files() {
			String a = "{\"wire_id\": \"a\", \"published\": \"2025-01-02\", \"headline\": \"Ä\", \"codes\": [\"M1\"]}";
			String b = "{\"wire_id\": \"b\", \"published\": \"2025-01-03\", \"headline\": \"東京\", \"x\": {\"y\": []}}";
			String pretty = """
					[
					  {
					    "wire_id": "a",
					    "published": "2025-01-02",
					    "headline": "Ä",
					    "codes": [
					      "M1",
					      "F10"
					    ]
					  },
					  {
					    "wire_id": "b",
					    "published": "2025-01-03",
					    "headline": "東京 🚀",
					    "codes": []
					  }
					]""";
			return Stream.of(Arguments.of("pretty-printed array", "wires.json", pretty, 2, List.of(2L, 11L)),
					Arguments.of("compact array", "wires.json", "[" + a + "," + b + "]", 2, List.of(1L, 1L)),
					Arguments.of("trailing-comma array", "wires.json", " \r\n[\r\n  " + a + ",\r\n  " + b + ",\r\n]\r\n\r\n",
							2, List.of(3L, 4L)),
					Arguments.of("JSON lines, blank lines and CRLF", "wires.jsonl",
							"\r\n" + a + "\r\n\r\n   \r\n" + b + "\r\n" + a.replace("\"a\"", "\"c\"") + "\n\r\n\n", 3,
							List.of(2L, 5L, 6L)));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("files")
		void reassembled(String name, String fileName, String text, int records, List<Long> lines) throws IOException {
			Path path = write(directory, fileName, text);

			ArchiveTestFiles.FileRead read = readAll(path);

			assertThat(read.wires()).hasSize(records);
			assertThat(read.items()).extracting(item -> source(item).line()).isEqualTo(lines);
			assertThat(read.items()).allSatisfy(item -> assertThat(source(item).text()).startsWith("{").endsWith("}"));
			assertThat(read.reassembled()).isEqualTo(Files.readAllBytes(path));
		}

	}

}
