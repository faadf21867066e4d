package org.wirereclassifier.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirereclassifier.archive.ArchiveTestFiles.concat;
import static org.wirereclassifier.archive.ArchiveTestFiles.readAll;
import static org.wirereclassifier.archive.ArchiveTestFiles.trailer;
import static org.wirereclassifier.archive.ArchiveTestFiles.utf8;
import static org.wirereclassifier.archive.ArchiveTestFiles.write;

@DisplayName("Record writers: a changed record keeps everything the pass did not change")
class RecordWritersTests {

	/**
	 * A string with everything JSON must escape, and non-ASCII that it must not: as Java source, and as Python's
	 * {@code json.dumps(s, ensure_ascii=False)} writes it (pasted from python3).
	 */
	static final String TRICKY = "say \"hi\" \\ C:\\path\\\nline2\r\n\ttab \001 \037 \b \f é 東京 🚀 \177 \u2028 /";

	static final String TRICKY_AS_PYTHON_JSON = "\"say \\\"hi\\\" \\\\ C:\\\\path\\\\\\nline2\\r\\n\\ttab \\u0001 "
			+ "\\u001f \\b \\f é 東京 🚀 \177 \u2028 /\"";

	@TempDir
	Path directory;

	private static Wire withRationale(Wire wire, String rationale) {
		return wire.withRationale(rationale, wire.rationaleOrigin(), wire.counterfactual());
	}

	@Nested
	@DisplayName("CsvRecordWriter")
	class Csv {

		static final String HEADER = "wire_id,published,headline,body,severity,providers,source_count,source_tier,"
				+ "codes,rationale,rationale_origin,counterfactual,taxonomy_version\n";

		private ArchiveTestFiles.FileRead csv(String... chunks) {
			return readAll(write(directory, "wires.csv", chunks));
		}

		/** Rewrites record {@code index} of a read file with an amended wire and the fields said to have changed. */
		private static String rewrite(ArchiveTestFiles.FileRead read, int index, UnaryOperator<Wire> amend,
				WireField... changed) {
			SourceRecord source = read.source(index);
			Set<WireField> fields = changed.length == 0 ? EnumSet.noneOf(WireField.class)
					: EnumSet.of(changed[0], changed);
			return utf8(CsvRecordWriter.rewrite(source, (RecordLayout.Csv) source.layout(), amend.apply(read.wire(index)),
					fields));
		}

		@Test
		@DisplayName("only the changed cells are rewritten; the others keep their bytes, odd quoting included")
		void onlyChangedCells() {
			ArchiveTestFiles.FileRead read = csv(HEADER, "w1,2025-01-01,\"plain\",\"Body, with comma\",SEV-2,"
					+ "OpenAI,2,standard,M1;F10,old rationale,bulk,\"But \"\"for\"\"\",\"2026.05\"\n");

			String rewritten = rewrite(read, 0, wire -> withRationale(wire, "new rationale").withCodes(List.of("M2")),
					WireField.RATIONALE, WireField.CODES);

			assertThat(rewritten).isEqualTo("w1,2025-01-01,\"plain\",\"Body, with comma\",SEV-2,OpenAI,2,standard,"
					+ "M2,new rationale,bulk,\"But \"\"for\"\"\",\"2026.05\"\n");
		}

		@Test
		@DisplayName("a field in the changed set keeps its cell when the wire holds the same value")
		void nothingChanged() {
			String record = "w1,2025-01-01,\"plain\",,,,,,\"M1\",\"why\",,,\n";
			ArchiveTestFiles.FileRead read = csv(HEADER, record);

			assertThat(rewrite(read, 0, UnaryOperator.identity())).isEqualTo(record);
			assertThat(rewrite(read, 0, UnaryOperator.identity(), WireField.CODES, WireField.RATIONALE))
				.isEqualTo("w1,2025-01-01,\"plain\",,,,,,M1,why,,,\n");
		}

		static Stream<Arguments> cells() {
			return Stream.of(Arguments.of("plain words", "plain words"), Arguments.of("", ""),
					Arguments.of("a, b", "\"a, b\""), Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
					Arguments.of("line\nbreak", "\"line\nbreak\""), Arguments.of("cr\rlf\r\n", "\"cr\rlf\r\n\""),
					Arguments.of("  spaced  ", "  spaced  "), Arguments.of("C:\\path\\x", "C:\\path\\x"),
					Arguments.of("東京 “curly” 🚀;", "東京 “curly” 🚀;"), Arguments.of("=1+2", "=1+2"));
		}

		@ParameterizedTest(name = "[{0}] -> [{1}]")
		@MethodSource("cells")
		@DisplayName("a changed value is quoted only when it holds a comma, a quote, CR or LF")
		void quoting(String value, String cell) {
			ArchiveTestFiles.FileRead read = csv(HEADER, "w1,2025-01-01,h,,,,,,M1,old,,,\n");

			assertThat(rewrite(read, 0, wire -> withRationale(wire, value), WireField.RATIONALE))
				.isEqualTo("w1,2025-01-01,h,,,,,,M1," + cell + ",,,\n");
		}

		@Test
		@DisplayName("the record's own line ending and the blank lines before it are kept")
		void lineEndings() {
			ArchiveTestFiles.FileRead read = csv(HEADER.replace("\n", "\r\n"), "w1,2025-01-01,h,,,,,,M1,,,,\r\n",
					"\r\n\r\nw2,2025-01-01,h,\"multi\r\nline\",,,,,F1,,,,\r\n", "w3,2025-01-01,h,,,,,,,,,,");

			assertThat(rewrite(read, 0, wire -> wire.withCodes(List.of("M1", "F10")), WireField.CODES))
				.isEqualTo("w1,2025-01-01,h,,,,,,M1;F10,,,,\r\n");
			assertThat(rewrite(read, 1, wire -> withRationale(wire, "a\r\nb"), WireField.RATIONALE))
				.isEqualTo("\r\n\r\nw2,2025-01-01,h,\"multi\r\nline\",,,,,F1,\"a\r\nb\",,,\r\n");
			assertThat(rewrite(read, 2, wire -> wire.withTaxonomyVersion("2026.06"), WireField.TAXONOMY_VERSION))
				.isEqualTo("w3,2025-01-01,h,,,,,,,,,,2026.06");
		}

		@Test
		@DisplayName("a file without the pass-writable columns gets them appended: header, changed and padded records")
		void appendedColumns() {
			ArchiveTestFiles.FileRead read = csv("wire_id,published,codes,headline\r\n", "w1,2025-01-01,M1,h\r\n",
					"w2,2025-01-02,F1,\"Hello, world\"\n");
			RecordLayout.Csv layout = (RecordLayout.Csv) read.source(0).layout();

			assertThat(utf8(read.header())).isEqualTo("wire_id,published,codes,headline,severity,rationale,"
					+ "rationale_origin,counterfactual,taxonomy_version\r\n");
			assertThat(layout.header().appended()).containsExactly(WireField.SEVERITY, WireField.RATIONALE,
					WireField.RATIONALE_ORIGIN, WireField.COUNTERFACTUAL, WireField.TAXONOMY_VERSION);
			assertThat(rewrite(read, 0,
					wire -> wire.withCodes(List.of("M2")).withRationale("Because, reasons", "bulk", "")
						.withTaxonomyVersion("2026.06"),
					WireField.CODES, WireField.RATIONALE, WireField.RATIONALE_ORIGIN, WireField.TAXONOMY_VERSION))
				.isEqualTo("w1,2025-01-01,M2,h,,\"Because, reasons\",bulk,,2026.06\r\n");
			assertThat(utf8(CsvRecordWriter.padded(read.source(0), layout.header().appended().size())))
				.isEqualTo("w1,2025-01-01,M1,h,,,,,\r\n");
			assertThat(utf8(CsvRecordWriter.padded(read.source(1), 5)))
				.isEqualTo("w2,2025-01-02,F1,\"Hello, world\",,,,,\n");
		}

		@Test
		@DisplayName("a file with every pass-writable column keeps its header row as it is")
		void noAppendedColumns() {
			ArchiveTestFiles.FileRead read = csv(HEADER, "w1,2025-01-01,h,,,,,,,,,,\n");

			assertThat(utf8(read.header())).isEqualTo(HEADER);
			assertThat(((RecordLayout.Csv) read.source(0).layout()).header().appended()).isEmpty();
		}

	}

	@Nested
	@DisplayName("JsonRecordWriter")
	class Json {

		/** Two wires as Python's json.dump(wires, f, indent=2, ensure_ascii=False) writes them (plus a newline). */
		static final String PRETTY = """
				[
				  {
				    "wire_id": "w1",
				    "published": "2025-01-02",
				    "headline": "Café — 東京 “quoted” 🚀",
				    "severity": "SEV-3",
				    "providers": [
				      "OpenAI",
				      "Anthropic"
				    ],
				    "source_count": 2,
				    "source_tier": "standard",
				    "extra": {
				      "a": [
				        1,
				        2.5,
				        null
				      ],
				      "b": true
				    },
				    "codes": [
				      "M1",
				      "F10"
				    ],
				    "rationale": "old",
				    "rationale_origin": "bulk",
				    "counterfactual": "",
				    "taxonomy_version": "2026.05"
				  },
				  {
				    "wire_id": "w2",
				    "published": "2025-01-03",
				    "headline": "Second",
				    "providers": [],
				    "codes": [],
				    "rationale": null,
				    "score": 1.5
				  }
				]
				""";

		private ArchiveTestFiles.FileRead read(String name, String text) {
			return readAll(write(directory, name, text));
		}

		private static byte[] rewrite(ArchiveTestFiles.FileRead read, int index, UnaryOperator<Wire> amend,
				Set<WireField> changed) {
			SourceRecord source = read.source(index);
			return JsonRecordWriter.rewrite(source, (RecordLayout.Json) source.layout(), amend.apply(read.wire(index)),
					changed);
		}

		/** The file as the writer puts it together: header, each record (rewritten or as it was), trailer. */
		private static String amendedFile(ArchiveTestFiles.FileRead read, List<byte[]> records) {
			List<byte[]> parts = new ArrayList<>();
			parts.add(read.header());
			parts.addAll(records);
			parts.add(trailer(read.end()));
			return utf8(concat(parts));
		}

		@Test
		@DisplayName("pretty-printed array: a changed object is exactly what Python's json.dump(indent=2) writes")
		void prettyPrinted() {
			ArchiveTestFiles.FileRead read = read("wires.json", PRETTY);

			byte[] first = rewrite(read, 0,
					wire -> withRationale(wire, "Why: \"quoted\" \\ back\nslash\ttab").withCodes(List.of("M2")),
					EnumSet.of(WireField.RATIONALE, WireField.CODES));
			byte[] second = rewrite(read, 1, wire -> withRationale(wire, "r2").withCodes(List.of("F1", "F2")),
					EnumSet.of(WireField.RATIONALE, WireField.CODES));

			// expected: the same Python call on the changed objects
			assertThat(amendedFile(read, List.of(first, second))).isEqualTo(PRETTY
				.replace("""
						    "codes": [
						      "M1",
						      "F10"
						    ],
						    "rationale": "old",
						""", """
						    "codes": [
						      "M2"
						    ],
						    "rationale": "Why: \\"quoted\\" \\\\ back\\nslash\\ttab",
						""")
				.replace("""
						    "codes": [],
						    "rationale": null,
						""", """
						    "codes": [
						      "F1",
						      "F2"
						    ],
						    "rationale": "r2",
						"""));
		}

		@Test
		@DisplayName("pretty-printed array with CRLF line breaks: a changed object keeps CRLF")
		void prettyPrintedCrlf() {
			String crlf = PRETTY.replace("\n", "\r\n");
			ArchiveTestFiles.FileRead read = read("wires.json", crlf);

			byte[] first = rewrite(read, 0, wire -> wire.withCodes(List.of("M2", "F1")), EnumSet.of(WireField.CODES));

			assertThat(amendedFile(read, List.of(first, read.source(1).raw()))).isEqualTo(crlf.replace("""
					      "M1",\r
					      "F10"\r
					""", """
					      "M2",\r
					      "F1"\r
					"""));
		}

		@Test
		@DisplayName("pretty-printed array: an emptied list is [], and absent properties are appended at the end")
		void prettyPrintedEmptyListAndAppendedProperties() {
			ArchiveTestFiles.FileRead read = read("wires.json", PRETTY);

			byte[] first = rewrite(read, 0, wire -> wire.withCodes(List.of()), EnumSet.of(WireField.CODES));
			byte[] second = rewrite(read, 1,
					wire -> wire.withCodes(List.of("M1")).withRationale(null, "bulk", "").withTaxonomyVersion("2026.06"),
					EnumSet.of(WireField.CODES, WireField.TAXONOMY_VERSION, WireField.RATIONALE_ORIGIN));

			assertThat(amendedFile(read, List.of(first, second))).isEqualTo("""
					[
					  {
					    "wire_id": "w1",
					    "published": "2025-01-02",
					    "headline": "Café — 東京 “quoted” 🚀",
					    "severity": "SEV-3",
					    "providers": [
					      "OpenAI",
					      "Anthropic"
					    ],
					    "source_count": 2,
					    "source_tier": "standard",
					    "extra": {
					      "a": [
					        1,
					        2.5,
					        null
					      ],
					      "b": true
					    },
					    "codes": [],
					    "rationale": "old",
					    "rationale_origin": "bulk",
					    "counterfactual": "",
					    "taxonomy_version": "2026.05"
					  },
					  {
					    "wire_id": "w2",
					    "published": "2025-01-03",
					    "headline": "Second",
					    "providers": [],
					    "codes": [
					      "M1"
					    ],
					    "rationale": null,
					    "score": 1.5,
					    "rationale_origin": "bulk",
					    "taxonomy_version": "2026.06"
					  }
					]
					""");
		}

		@Test
		@DisplayName("JSON lines: a changed object is exactly what Python's json.dumps(ensure_ascii=False) writes")
		void compact() {
			String line = "{\"wire_id\": \"w1\", \"published\": \"2025-01-02\", \"headline\": \"H\", \"extra\": [1, "
					+ "{\"k\": \"v\"}], \"codes\": [\"M1\"], \"rationale\": \"old\", \"n\": 1e5}";
			ArchiveTestFiles.FileRead read = read("wires.jsonl", "\r\n" + line + "\r\n");

			byte[] rewritten = rewrite(read, 0, wire -> withRationale(wire, TRICKY).withCodes(List.of("M2", "F10")),
					EnumSet.of(WireField.RATIONALE, WireField.CODES));

			assertThat(utf8(rewritten)).isEqualTo("\r\n{\"wire_id\": \"w1\", \"published\": \"2025-01-02\", "
					+ "\"headline\": \"H\", \"extra\": [1, {\"k\": \"v\"}], \"codes\": [\"M2\", \"F10\"], \"rationale\": "
					+ TRICKY_AS_PYTHON_JSON + ", \"n\": 1e5}\r\n");
		}

		@Test
		@DisplayName("JSON lines: untouched properties keep their bytes, spacing included; the changed value is spliced in")
		void compactKeepsSpacing() {
			ArchiveTestFiles.FileRead read = read("wires.jsonl",
					"{\"wire_id\":\"a\",\"published\" :  \"2025-01-01\", \"headline\": \"h\", \"codes\": []}\n");

			byte[] rewritten = rewrite(read, 0, wire -> wire.withCodes(List.of("M1")), EnumSet.of(WireField.CODES));

			assertThat(utf8(rewritten)).isEqualTo("{\"wire_id\":\"a\",\"published\" :  \"2025-01-01\", "
					+ "\"headline\": \"h\", \"codes\": [\"M1\"]}\n");
		}

		@Test
		@DisplayName("JSON lines: absent properties are appended at the end, in the format's field order")
		void compactAppendedProperties() {
			ArchiveTestFiles.FileRead read = read("wires.jsonl",
					"{\"wire_id\": \"w2\", \"published\": \"2025-01-02\", \"headline\": \"H\"}\n");

			byte[] rewritten = rewrite(read, 0,
					wire -> wire.withRationale("r", "bulk", "").withCodes(List.of("M1", "F10")),
					EnumSet.of(WireField.RATIONALE_ORIGIN, WireField.RATIONALE, WireField.CODES));

			assertThat(utf8(rewritten)).isEqualTo("{\"wire_id\": \"w2\", \"published\": \"2025-01-02\", \"headline\": "
					+ "\"H\", \"codes\": [\"M1\", \"F10\"], \"rationale\": \"r\", \"rationale_origin\": \"bulk\"}\n");
		}

		@Test
		@DisplayName("strings are escaped as Python escapes them: quote, backslash, control characters; not non-ASCII")
		void escaping() {
			StringBuilder out = new StringBuilder();
			JsonRecordWriter.appendString(out, TRICKY);

			assertThat(out).hasToString(TRICKY_AS_PYTHON_JSON);
			assertThat(TRICKY_AS_PYTHON_JSON).contains("\\u0001", "\\u001f", "東京", "🚀");
		}

	}

}
