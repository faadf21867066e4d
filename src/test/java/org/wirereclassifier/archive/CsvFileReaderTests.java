package org.wirereclassifier.archive;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
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
import static org.assertj.core.api.Assertions.tuple;
import static org.wirereclassifier.archive.ArchiveTestFiles.BOM;
import static org.wirereclassifier.archive.ArchiveTestFiles.bytes;
import static org.wirereclassifier.archive.ArchiveTestFiles.concat;
import static org.wirereclassifier.archive.ArchiveTestFiles.readAll;
import static org.wirereclassifier.archive.ArchiveTestFiles.source;
import static org.wirereclassifier.archive.ArchiveTestFiles.trailer;
import static org.wirereclassifier.archive.ArchiveTestFiles.utf8;
import static org.wirereclassifier.archive.ArchiveTestFiles.write;

@DisplayName("CsvFileReader")
class CsvFileReaderTests {

	/** Every column of the format, so that the reader's header() is the file's header row unchanged. */
	static final String FULL_HEADER = "wire_id,published,headline,body,severity,providers,source_count,source_tier,"
			+ "codes,rationale,rationale_origin,counterfactual,taxonomy_version\n";

	static final String SHORT_HEADER = "wire_id,published,headline,body\n";

	@TempDir
	Path directory;

	private Path file(byte[] content) {
		return write(this.directory, "wires.csv", content);
	}

	/**
	 * Writes a file made of a header chunk and one chunk a record, reads it, and checks that the records are exactly
	 * those chunks, byte for byte.
	 */
	private ArchiveTestFiles.FileRead records(String header, String... records) {
		ArchiveTestFiles.FileRead read = readAll(write(this.directory, "wires.csv", join(header, records)));
		assertThat(read.raws()).containsExactly(records);
		return read;
	}

	private static String join(String header, String... records) {
		return header + String.join("", records);
	}

	private static List<Tuple> places(ArchiveTestFiles.FileRead read) {
		return read.items().stream().map(item -> tuple(source(item).recordNumber(), source(item).line())).toList();
	}

	@Nested
	@DisplayName("maps the header row")
	class HeaderMapping {

		@Test
		@DisplayName("columns in any order, unknown columns ignored")
		void columnsInAnyOrder() {
			ArchiveTestFiles.FileRead read = records(
					"codes,headline,extra,source_count,wire_id,published,rationale_origin,severity\n",
					"M1;F10,Title,kept,3,w-1,2025-01-02,editor,SEV-2\n");

			Wire wire = read.wire(0);
			assertThat(wire.wireId()).isEqualTo("w-1");
			assertThat(wire.published()).isEqualTo(LocalDate.of(2025, 1, 2));
			assertThat(wire.headline()).isEqualTo("Title");
			assertThat(wire.codes()).containsExactly("M1", "F10");
			assertThat(wire.sourceCount()).isEqualTo(3);
			assertThat(wire.rationaleOrigin()).isEqualTo("editor");
			assertThat(wire.severity()).isEqualTo("SEV-2");
			assertThat(wire.body()).isEmpty();
			assertThat(wire.providers()).isEmpty();
			RecordLayout.Csv layout = (RecordLayout.Csv) read.source(0).layout();
			assertThat(layout.header().columns()).containsExactly("codes", "headline", "extra", "source_count",
					"wire_id", "published", "rationale_origin", "severity");
			assertThat(layout.header().indexOf(WireField.WIRE_ID)).isEqualTo(4);
			assertThat(layout.header().indexOf(WireField.BODY)).isEqualTo(-1);
			assertThat(layout.header().appended()).containsExactly(WireField.RATIONALE, WireField.COUNTERFACTUAL,
					WireField.TAXONOMY_VERSION);
			assertThat(places(read)).containsExactly(tuple(1L, 2L));
		}

		@Test
		@DisplayName("every field of the format, and the header row kept as it is")
		void everyField() {
			ArchiveTestFiles.FileRead read = records(FULL_HEADER,
					"w1,2025-12-09,Head,Body text,SEV-3,OpenAI;Anthropic,2,standard,M1;F10,Why,bulk,But for,2026.05\n");

			assertThat(read.wire(0)).isEqualTo(new Wire("w1", LocalDate.of(2025, 12, 9), "Head", "Body text",
					"SEV-3", List.of("OpenAI", "Anthropic"), 2, "standard", List.of("M1", "F10"), "Why", "bulk",
					"But for", "2026.05"));
			assertThat(utf8(read.header())).isEqualTo(FULL_HEADER);
			assertThat(places(read)).containsExactly(tuple(1L, 2L));
		}

	}

	@Nested
	@DisplayName("RFC 4180 quoting")
	class Quoting {

		@Test
		void quotedCommasAreNotSeparators() {
			ArchiveTestFiles.FileRead read = records(SHORT_HEADER, "w1,2025-01-01,\"Hello, world\",\", , ,\"\n");

			assertThat(read.wire(0).headline()).isEqualTo("Hello, world");
			assertThat(read.wire(0).body()).isEqualTo(", , ,");
			assertThat(((RecordLayout.Csv) read.source(0).layout()).bounds()).containsExactly(0, 2, 3, 13, 14, 28,
					29, 36);
			assertThat(places(read)).containsExactly(tuple(1L, 2L));
		}

		@Test
		void doubledQuotesAreOneQuote() {
			ArchiveTestFiles.FileRead read = records(SHORT_HEADER, "w1,2025-01-01,\"She said \"\"no\"\"\",\"\"\n",
					"w2,2025-01-01,\"\"\"\"\"\",\"\"\"quoted\"\" start\"\n");

			assertThat(read.wire(0).headline()).isEqualTo("She said \"no\"");
			assertThat(read.wire(0).body()).isEmpty();
			assertThat(read.wire(1).headline()).isEqualTo("\"\"");
			assertThat(read.wire(1).body()).isEqualTo("\"quoted\" start");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L));
		}

		static Stream<Arguments> lineBreaks() {
			return Stream.of(Arguments.of("LF", "\n"), Arguments.of("CRLF", "\r\n"), Arguments.of("lone CR", "\r"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("lineBreaks")
		@DisplayName("multi-line cells keep their exact line breaks, a blank line included, and push later lines down")
		void multiLineCells(String name, String lineBreak) {
			String body = "first" + lineBreak + "second" + lineBreak + lineBreak + "fourth";
			ArchiveTestFiles.FileRead read = records(SHORT_HEADER, "w1,2025-01-01,\"Multi" + lineBreak + "line\",\""
					+ body + "\"\n", "w2,2025-01-02,after,\"x\"\n");

			assertThat(read.wire(0).headline()).isEqualTo("Multi" + lineBreak + "line");
			assertThat(read.wire(0).body()).isEqualTo(body);
			assertThat(read.wire(1).headline()).isEqualTo("after");
			// record 1 starts on line 2 and spans 4 more line breaks: record 2 is on line 7
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 7L));
		}

		@Test
		@DisplayName("a backslash is an ordinary character (RFC 4180 has no escape character)")
		void backslashesAreOrdinary() {
			ArchiveTestFiles.FileRead read = records(SHORT_HEADER,
					"w1,2025-01-01,C:\\dir\\file.txt,\"C:\\path\\\"\"x\"\n",
					"w2,2025-01-01,\"ends with \\\",plain\\n\n",
					"w3,2025-01-01,\"\\\"\"\\\",\\\\\n");

			assertThat(read.wire(0).headline()).isEqualTo("C:\\dir\\file.txt");
			assertThat(read.wire(0).body()).isEqualTo("C:\\path\\\"x");
			assertThat(read.wire(1).headline()).isEqualTo("ends with \\");
			assertThat(read.wire(1).body()).isEqualTo("plain\\n");
			assertThat(read.wire(2).headline()).isEqualTo("\\\"\\");
			assertThat(read.wire(2).body()).isEqualTo("\\\\");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 4L));
		}

	}

	@Nested
	@DisplayName("bytes and line endings")
	class BytesAndLineEndings {

		@Test
		@DisplayName("a UTF-8 byte-order mark is tolerated and kept in header()")
		void byteOrderMark() {
			String record = "w1,2025-01-01,h,b,,,,,,,,,\n";
			ArchiveTestFiles.FileRead read = readAll(file(concat(BOM, utf8(FULL_HEADER), utf8(record))));

			assertThat(read.header()).isEqualTo(concat(BOM, utf8(FULL_HEADER)));
			assertThat(read.raws()).containsExactly(record);
			assertThat(read.wire(0).wireId()).isEqualTo("w1");
			assertThat(((RecordLayout.Csv) read.source(0).layout()).header().columns().get(0)).isEqualTo("wire_id");
			assertThat(read.source(0).start()).isEqualTo(3 + FULL_HEADER.length());
			assertThat(places(read)).containsExactly(tuple(1L, 2L));
		}

		@Test
		@DisplayName("a byte-order mark before a header that gains the pass's columns stays in front of it")
		void byteOrderMarkWithAppendedColumns() {
			ArchiveTestFiles.FileRead read = readAll(file(concat(BOM, utf8("wire_id,published,headline\nw1,2025-01-01,h\n"))));

			assertThat(read.header()).isEqualTo(concat(BOM, utf8("wire_id,published,headline,severity,codes,rationale,"
					+ "rationale_origin,counterfactual,taxonomy_version\n")));
		}

		@Test
		@DisplayName("any Unicode round-trips: emoji, CJK, curly quotes")
		void unicode() {
			String headline = "🚀 東京の事件 “curly” ‘single’ — café";
			String body = "多行\n😀 line two\n«guillemets»";
			ArchiveTestFiles.FileRead read = records(SHORT_HEADER,
					"w1,2025-01-01," + headline + ",\"" + body + "\"\n", "w2,2025-01-01,ok,\n");

			assertThat(read.wire(0).headline()).isEqualTo(headline);
			assertThat(read.wire(0).body()).isEqualTo(body);
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 5L));
		}

		@Test
		@DisplayName("a CRLF file: line breaks belong to the record but not to its content")
		void crlfFile() {
			ArchiveTestFiles.FileRead read = records("wire_id,published,headline\r\n", "w1,2025-01-01,a\r\n",
					"w2,2025-01-02,\"b\r\nc\"\r\n", "w3,2025-01-03,d\r\n");

			assertThat(read.wires()).extracting(Wire::headline).containsExactly("a", "b\r\nc", "d");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 5L));
			SourceRecord first = read.source(0);
			assertThat(first.contentStart()).isZero();
			assertThat(first.contentEnd()).isEqualTo(first.raw().length - 2);
			assertThat(first.text()).isEqualTo("w1,2025-01-01,a");
			assertThat(read.end().trailerStart()).isEqualTo(read.end().trailerEnd());
		}

		@Test
		@DisplayName("the last record may lack a line break")
		void lastRecordWithoutLineBreak() {
			ArchiveTestFiles.FileRead read = records(SHORT_HEADER, "w1,2025-01-01,a,\n", "w2,2025-01-02,last,\"q\"");

			assertThat(read.wire(1).headline()).isEqualTo("last");
			assertThat(read.wire(1).body()).isEqualTo("q");
			assertThat(read.source(1).text()).isEqualTo("w2,2025-01-02,last,\"q\"");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L));
			long size = (SHORT_HEADER + "w1,2025-01-01,a,\nw2,2025-01-02,last,\"q\"").length();
			assertThat(read.end().trailerStart()).isEqualTo(size);
			assertThat(read.end().trailerEnd()).isEqualTo(size);
		}

		@Test
		@DisplayName("blank lines are not records: they are kept in the next record's bytes, or in the file's end")
		void blankLines() {
			ArchiveTestFiles.FileRead read = records(SHORT_HEADER, "w1,2025-01-01,a,\n", "\n\r\n\nw2,2025-01-02,b,\n",
					"\r\n\r\nw3,2025-01-03,c,\r\n");
			// trailing blank lines are no record either
			ArchiveTestFiles.FileRead withEnd = readAll(write(directory, "ending.csv", join(SHORT_HEADER,
					"w1,2025-01-01,a,\n", "\n\r\n\nw2,2025-01-02,b,\n", "\r\n\r\nw3,2025-01-03,c,\r\n", "\n\n")));

			assertThat(read.wires()).extracting(Wire::wireId).containsExactly("w1", "w2", "w3");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 6L), tuple(3L, 9L));
			SourceRecord second = read.source(1);
			assertThat(second.contentStart()).isEqualTo(4);
			assertThat(second.text()).isEqualTo("w2,2025-01-02,b,");
			assertThat(withEnd.raws()).isEqualTo(read.raws());
			assertThat(utf8(trailer(withEnd.end()))).isEqualTo("\n\n");
		}

		@Test
		@DisplayName("lists are split on ; and trimmed, empty items dropped")
		void lists() {
			ArchiveTestFiles.FileRead read = records("wire_id,published,headline,codes,providers\n",
					"w1,2025-01-01,h,M1;F10,OpenAI\n", "w2,2025-01-01,h, M1 ; F10 ;,\" OpenAI ; Google DeepMind \"\n",
					"w3,2025-01-01,h,,\n");

			assertThat(read.wire(0).codes()).containsExactly("M1", "F10");
			assertThat(read.wire(0).providers()).containsExactly("OpenAI");
			assertThat(read.wire(1).codes()).containsExactly("M1", "F10");
			assertThat(read.wire(1).providers()).containsExactly("OpenAI", "Google DeepMind");
			assertThat(read.wire(2).codes()).isEmpty();
			assertThat(read.wire(2).providers()).isEmpty();
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 4L));
		}

	}

	@Nested
	@DisplayName("rejects a malformed record with a reason, and goes on")
	class Rejections {

		static final String HEADER = "wire_id,published,headline,severity,source_count,rationale_origin\n";

		static Stream<Arguments> malformedRecords() {
			return Stream.of(
					Arguments.of("w1,2025-01-01,h,,,,extra", "has 7 fields, the header row has 6", "w1"),
					Arguments.of("w1,2025-01-01,h", "has 3 fields, the header row has 6", "w1"),
					Arguments.of("w1,2025-01-01,say \"hi\",,,", "quote inside unquoted field 3", null),
					Arguments.of("w1,2025-01-01,\"hi\"x,,,",
							"unexpected character after the closing quote of field 3", null),
					Arguments.of(",2025-01-01,h,,,", "missing wire_id", null),
					Arguments.of("w1,,h,,,", "missing published", "w1"),
					Arguments.of("w1,2025-01-01,,,,", "missing headline", "w1"),
					Arguments.of("w1,2025-01-01,\"\",,,", "missing headline", "w1"),
					Arguments.of("w1,2025-02-30,h,,,", "published: \"2025-02-30\" is not a date (YYYY-MM-DD)", "w1"),
					Arguments.of("w1,2025/01/01,h,,,", "published: \"2025/01/01\" is not a date (YYYY-MM-DD)", "w1"),
					Arguments.of("w1,2025-01-01,h,,two,", "source_count: \"two\" is not a whole number >= 0", "w1"),
					Arguments.of("w1,2025-01-01,h,,-1,", "source_count: \"-1\" is not a whole number >= 0", "w1"),
					Arguments.of("w1,2025-01-01,h,SEV-9,,", "severity: \"SEV-9\" is not SEV-1 to SEV-5 or empty",
							"w1"),
					Arguments.of("w1,2025-01-01,h,,,robot",
							"rationale_origin: \"robot\" is not bulk, editor or empty", "w1"));
		}

		@ParameterizedTest(name = "{1}: {0}")
		@MethodSource("malformedRecords")
		void malformedRecord(String record, String reason, String wireId) {
			ArchiveTestFiles.FileRead read = records(HEADER, "ok1,2025-01-01,first,SEV-1,1,bulk\n", record + "\n",
					"ok3,2025-01-03,third,,,\n");

			ArchiveItem.Rejected rejected = read.rejected(1);
			assertThat(rejected.reason()).isEqualTo(reason);
			assertThat(rejected.wireId()).isEqualTo(wireId);
			assertThat(rejected.shownText()).isEqualTo(record);
			assertThat(read.wire(0).wireId()).isEqualTo("ok1");
			assertThat(read.wire(2).wireId()).isEqualTo("ok3");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 4L));
		}

		@Test
		@DisplayName("an unterminated quote: only the broken record's first line is rejected")
		void unterminatedQuote() {
			ArchiveTestFiles.FileRead read = records("wire_id,published,headline\n", "w0,2025-01-01,fine\n",
					"w1,2025-01-01,\"broken\n", "w2,2025-01-02,also fine\n", "\nw3,2025-01-03,last\n");

			ArchiveItem.Rejected rejected = read.rejected(1);
			assertThat(rejected.reason()).isEqualTo("unterminated quoted field 3 (starts on line 3); its first line "
					+ "is rejected and reading resumes on line 4");
			assertThat(rejected.wireId()).isNull();
			assertThat(rejected.source().layout()).isEqualTo(RecordLayout.NONE);
			assertThat(read.wires()).extracting(Wire::wireId, Wire::headline)
				.containsExactly(tuple("w0", "fine"), tuple("w2", "also fine"), tuple("w3", "last"));
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 4L), tuple(4L, 6L));
			assertThat(read.end().trailerStart()).isEqualTo(read.end().trailerEnd());
		}

		@Test
		@DisplayName("a record cut to its first line shows only its own text, without blank lines or line break")
		void resynchronisedRecordText() {
			ArchiveTestFiles.FileRead read = records("wire_id,published,headline\n", "\nw1,2025-01-01,\"broken\r\n",
					"w2,2025-01-02,fine\r\n");

			ArchiveItem.Rejected rejected = read.rejected(0);
			assertThat(rejected.source().raw()).isEqualTo(utf8("\nw1,2025-01-01,\"broken\r\n"));
			assertThat(rejected.shownText()).isEqualTo("w1,2025-01-01,\"broken");
			assertThat(read.wires()).extracting(Wire::wireId).containsExactly("w2");
		}

		@Test
		@DisplayName("a stray quote that pairs with a later one: only the broken record's first line is rejected")
		void strayQuote() {
			ArchiveTestFiles.FileRead read = records("wire_id,published,headline,body\r\n", "w1,2025-01-01,\"stray,b\r\n",
					"w2,2025-01-02,h2,\"Body two\r\nmore\"\r\n", "w3,2025-01-03,h3,\"plain\"\r\n");

			assertThat(read.rejected(0).reason()).isEqualTo("unexpected character after the closing quote of field 3; "
					+ "its first line is rejected and reading resumes on line 3");
			assertThat(read.wires()).extracting(Wire::wireId, Wire::body)
				.containsExactly(tuple("w2", "Body two\r\nmore"), tuple("w3", "plain"));
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 5L));
		}

		@Test
		@DisplayName("an unterminated quote on the last line: the rest of the file is the broken record")
		void unterminatedQuoteOnTheLastLine() {
			ArchiveTestFiles.FileRead read = records("wire_id,published,headline\n", "w0,2025-01-01,fine\n",
					"w1,2025-01-01,\"never closed");

			assertThat(read.rejected(1).reason()).isEqualTo("unterminated quoted field 3 (starts on line 3)");
			assertThat(places(read)).containsExactly(tuple(1L, 2L), tuple(2L, 3L));
			assertThat(read.end().trailerStart()).isEqualTo(read.end().trailerEnd());
		}

		@Test
		@DisplayName("invalid UTF-8 (a bad continuation byte, an overlong encoding) is rejected at its byte")
		void invalidUtf8() {
			byte[] badContinuation = concat(utf8("\nw1,2025-01-01,caf"), bytes(0xC3, 0x28), utf8("\n"));
			byte[] overlong = concat(utf8("w2,2025-01-01,x"), bytes(0xC0, 0xAF), utf8("y\n"));
			byte[] good = utf8("w3,2025-01-01,café\n");
			ArchiveTestFiles.FileRead read = readAll(file(concat(utf8("wire_id,published,headline\n"),
					badContinuation, overlong, good)));

			assertThat(read.items()).hasSize(3);
			assertThat(read.source(0).raw()).isEqualTo(badContinuation);
			assertThat(read.source(1).raw()).isEqualTo(overlong);
			// the byte is counted from the start of the record itself, after the blank line before it
			assertThat(read.rejected(0).reason()).isEqualTo("invalid UTF-8 at byte 18 of the record");
			assertThat(read.rejected(0).shownText()).isEqualTo("w1,2025-01-01,caf\uFFFD(");
			assertThat(read.rejected(0).wireId()).isNull();
			assertThat(read.rejected(1).reason()).isEqualTo("invalid UTF-8 at byte 16 of the record");
			assertThat(read.rejected(1).wireId()).isNull();
			assertThat(read.wire(2).headline()).isEqualTo("café");
			assertThat(places(read)).containsExactly(tuple(1L, 3L), tuple(2L, 4L), tuple(3L, 5L));
		}

	}

	@Nested
	@DisplayName("refuses a file that is not a wire archive")
	class FileErrors {

		@Test
		void emptyFile() {
			Path path = file(new byte[0]);

			assertThatExceptionOfType(ArchiveFileException.class)
				.isThrownBy(() -> ArchiveFileReader.open(ArchiveTestFiles.archiveFile(path)))
				.withMessage(path + ": empty file, expected a CSV header row");
		}

		@Test
		void onlyBlankLines() {
			Path path = file(utf8("\n\r\n\n"));

			assertThatExceptionOfType(ArchiveFileException.class)
				.isThrownBy(() -> ArchiveFileReader.open(ArchiveTestFiles.archiveFile(path)))
				.withMessage(path + ": empty file, expected a CSV header row");
		}

		@Test
		void headerWithoutWireId() {
			Path path = file(utf8("id,published,headline\nx,2025-01-01,h\n"));

			assertThatExceptionOfType(ArchiveFileException.class)
				.isThrownBy(() -> ArchiveFileReader.open(ArchiveTestFiles.archiveFile(path)))
				.withMessage(path + ": no wire_id column in the header row (is this a wire archive? columns: "
						+ "id,published,headline)");
		}

		@Test
		void duplicateColumns() {
			Path path = file(utf8("wire_id,published,headline,body,body\nw1,2025-01-01,h,a,b\n"));

			assertThatExceptionOfType(ArchiveFileException.class)
				.isThrownBy(() -> ArchiveFileReader.open(ArchiveTestFiles.archiveFile(path)))
				.withMessage(path + ": column \"body\" appears twice");
		}

	}

	@Nested
	@DisplayName("agrees with independent parsers")
	class CrossChecks {

		@Test
		@DisplayName("every value equals what opencsv's RFC 4180 parser reads (multi-line cells, no CR)")
		void agreesWithOpencsv() throws Exception {
			String text = "wire_id,published,headline,body,severity,providers,source_count,extra,codes,rationale,"
					+ "rationale_origin,counterfactual,taxonomy_version\n"
					+ "w1,2025-01-01,\"Comma, inside\",\"Line one\nline two\n\nline four\",SEV-1,OpenAI;Anthropic,"
					+ "2,x,M1;F10,\"He said \"\"why\"\"\",bulk,\"But-for, per the guide\",2026.05\n"
					+ "w2,2025-02-28,東京 🚀 “curly”,\"\",,,,\"a\nb\",,,,,\n"
					+ "w3,2024-02-29,\"\"\"quoted\"\" headline\",\"C:\\path\\\"\"x\"\"\",SEV-5,Google,0,,F3,"
					+ "\"multi\nline rationale, with comma\",editor,,v1\n"
					+ "w4,2025-03-01,plain,\"ends\n\",,,,,,,,\"\n\",\n";
			Path path = file(utf8(text));
			ArchiveTestFiles.FileRead read = readAll(path);
			List<String[]> rows;
			try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
				.withCSVParser(new RFC4180ParserBuilder().build())
				.build()) {
				rows = reader.readAll();
			}

			String[] header = rows.get(0);
			assertThat(read.wires()).hasSize(rows.size() - 1).hasSize(4);
			int compared = 0;
			for (int r = 1; r < rows.size(); r++) {
				Wire wire = read.wire(r - 1);
				for (int c = 0; c < header.length; c++) {
					WireField field = WireField.byName(header[c]).orElse(null);
					if (field != null) {
						assertThat(wire.text(field)).as("record %d, %s", r, field).isEqualTo(rows.get(r)[c]);
						compared++;
					}
				}
			}
			assertThat(compared).isEqualTo(4 * 12);
			assertThat(read.wire(0).body()).isEqualTo("Line one\nline two\n\nline four");
		}

		@Test
		@DisplayName("the AIID GMF export (CRLF records, 1,215 multi-line cells) splits as Python's csv module does")
		void aiidClassifications() throws Exception {
			Path path = Path.of("src/test/resources/aiid/classifications_GMF.csv");
			byte[] file = Files.readAllBytes(path);
			ByteArrayOutputStream raws = new ByteArrayOutputStream();
			MessageDigest values = MessageDigest.getInstance("SHA-256");
			int records = 0;
			int multiLineValues = 0;
			int valuesWithCr = 0;
			long startLines = 0;
			long lastStartLine;
			try (ByteSource in = new ByteSource(path, 1 << 16, 8 << 20)) {
				CsvScanner scanner = new CsvScanner(in);
				assertThat(scanner.scan()).isTrue();
				assertThat(scanner.fieldCount()).isEqualTo(21);
				assertThat(scanner.field(0)).isEqualTo("Namespace");
				assertThat(scanner.error()).isNull();
				raws.writeBytes(scanner.raw());
				List<String> rows = new ArrayList<>();
				while (scanner.scan()) {
					records++;
					assertThat(scanner.error()).as("record %d", records).isNull();
					assertThat(scanner.fieldCount()).as("record %d", records).isEqualTo(21);
					raws.writeBytes(scanner.raw());
					startLines += scanner.recordLine();
					List<String> row = new ArrayList<>();
					for (int i = 0; i < 21; i++) {
						String value = scanner.field(i);
						multiLineValues += value.contains("\n") ? 1 : 0;
						valuesWithCr += value.contains("\r") ? 1 : 0;
						row.add(value);
					}
					rows.add(String.join("\u001f", row));
				}
				lastStartLine = scanner.recordLine();
				values.update(String.join("\u001e", rows).getBytes(StandardCharsets.UTF_8));
				assertThat(scanner.line()).isEqualTo(4569);
			}

			// Expected numbers computed once with Python 3.11's csv module:
			// python3 -c "import csv,hashlib; f=open('src/test/resources/aiid/classifications_GMF.csv',newline='',
			// encoding='utf-8'); r=csv.reader(f); rows=[]; starts=[]; prev=0
			// for row in r: starts.append(prev+1); rows.append(row); prev=r.line_num
			// print(len(rows)-1, prev, sum(starts[1:]), starts[-1],
			// sum('\n' in v for x in rows[1:] for v in x), sum('\r' in v for x in rows[1:] for v in x),
			// hashlib.sha256('\x1e'.join('\x1f'.join(x) for x in rows[1:]).encode()).hexdigest())"
			// -> 326 4568 822275 4560 1215 0 d4c3d1c2...a365e0
			assertThat(records).isEqualTo(326);
			assertThat(startLines).isEqualTo(822275);
			assertThat(lastStartLine).isEqualTo(4560);
			// The records end with CRLF, but the line breaks inside the cells are LF: no value holds a CR.
			assertThat(multiLineValues).isEqualTo(1215);
			assertThat(valuesWithCr).isZero();
			assertThat(HexFormat.of().formatHex(values.digest()))
				.isEqualTo("d4c3d1c2cca3f6aa06c9d83722d7690db5002262059c6e5c95cd92fbb4a365e0");
			assertThat(raws.toByteArray()).isEqualTo(file);
		}

	}

}
