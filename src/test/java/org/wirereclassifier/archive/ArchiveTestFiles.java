package org.wirereclassifier.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers shared by the archive tests: writing small archive files byte for byte, reading them through
 * {@link ArchiveFileReader}, and looking at what came out.
 */
final class ArchiveTestFiles {

	static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private ArchiveTestFiles() {
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** Bytes given as ints (0-255), for invalid UTF-8 and BOMs. */
	static byte[] bytes(int... values) {
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) values[i];
		}
		return result;
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static byte[] concat(List<byte[]> parts) {
		return concat(parts.toArray(byte[][]::new));
	}

	/** Writes the UTF-8 bytes of the chunks, one after the other, exactly as given (no line ending added). */
	static Path write(Path directory, String name, String... chunks) {
		return write(directory, name, concat(Arrays.stream(chunks).map(ArchiveTestFiles::utf8).toList()));
	}

	static Path write(Path directory, String name, byte[] content) {
		try {
			Path path = directory.resolve(name);
			Files.write(path, content);
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ArchiveFile archiveFile(Path path) {
		return archiveFile(0, path);
	}

	static ArchiveFile archiveFile(int index, Path path) {
		return new ArchiveFile(index, path, ArchiveFormat.of(path).orElseThrow());
	}

	/** Everything one file reader gives: its header, its records in order, and its end. */
	record FileRead(byte[] header, List<ArchiveItem> items, ArchiveItem.FileEnd end) {

		ArchiveItem item(int index) {
			return this.items.get(index);
		}

		Wire wire(int index) {
			return read(item(index)).wire();
		}

		SourceRecord source(int index) {
			return ArchiveTestFiles.source(item(index));
		}

		ArchiveItem.Rejected rejected(int index) {
			ArchiveItem item = item(index);
			if (item instanceof ArchiveItem.Rejected rejected) {
				return rejected;
			}
			throw new AssertionError("expected a rejection, got " + describe(item));
		}

		List<Wire> wires() {
			return this.items.stream()
				.filter(ArchiveItem.WireRead.class::isInstance)
				.map(item -> ((ArchiveItem.WireRead) item).wire())
				.toList();
		}

		/** The raw bytes of every record, as text, in order. */
		List<String> raws() {
			return this.items.stream().map(item -> utf8(ArchiveTestFiles.source(item).raw())).toList();
		}

		/** Header, every record's raw bytes, and the trailer read back from the file: the file, if nothing is lost. */
		byte[] reassembled() {
			List<byte[]> parts = new ArrayList<>();
			parts.add(this.header);
			this.items.forEach(item -> parts.add(ArchiveTestFiles.source(item).raw()));
			parts.add(trailer(this.end));
			return concat(parts);
		}

	}

	/** Opens a file as the pass does and reads it to the end. */
	static FileRead readAll(ArchiveFile file) {
		try (ArchiveFileReader reader = ArchiveFileReader.open(file)) {
			List<ArchiveItem> items = new ArrayList<>();
			ArchiveItem item;
			while ((item = reader.next()) != null) {
				items.add(item);
			}
			return new FileRead(reader.header(), items, reader.end());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static FileRead readAll(Path path) {
		return readAll(archiveFile(path));
	}

	static byte[] trailer(ArchiveItem.FileEnd end) {
		try {
			byte[] all = Files.readAllBytes(end.file().path());
			return Arrays.copyOfRange(all, (int) end.trailerStart(), (int) end.trailerEnd());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ArchiveItem.WireRead read(ArchiveItem item) {
		if (item instanceof ArchiveItem.WireRead read) {
			return read;
		}
		throw new AssertionError("expected a wire, got " + describe(item));
	}

	static SourceRecord source(ArchiveItem item) {
		if (item instanceof ArchiveItem.WireRead read) {
			return read.source();
		}
		if (item instanceof ArchiveItem.Rejected rejected) {
			return rejected.source();
		}
		throw new AssertionError("not a record: " + describe(item));
	}

	/** The properties of a JSON record's layout, each with its raw value bytes as text, in order. */
	static Map<String, String> jsonProperties(SourceRecord source) {
		RecordLayout.Json layout = (RecordLayout.Json) source.layout();
		Map<String, String> properties = new LinkedHashMap<>();
		for (RecordLayout.JsonProperty property : layout.properties()) {
			properties.put(property.name(), new String(source.raw(), property.valueStart(),
					property.valueEnd() - property.valueStart(), StandardCharsets.UTF_8));
		}
		return properties;
	}

	/** A one-line summary of an item, for comparing item sequences (records have no value equality). */
	static String describe(ArchiveItem item) {
		if (item instanceof ArchiveItem.FileStart start) {
			return "start " + start.file().name() + " header=" + utf8(start.header());
		}
		if (item instanceof ArchiveItem.FileEnd end) {
			return "end " + end.file().name() + " [" + end.trailerStart() + "," + end.trailerEnd() + ")";
		}
		if (item instanceof ArchiveItem.WireRead read) {
			return "wire " + place(read.source()) + " id=" + read.wire().wireId();
		}
		if (item instanceof ArchiveItem.Rejected rejected) {
			return "rejected " + place(rejected.source()) + " id=" + rejected.wireId() + " reason=" + rejected.reason();
		}
		return String.valueOf(item);
	}

	private static String place(SourceRecord source) {
		return source.place() + " [" + source.start() + "," + source.end() + ") raw="
				+ (source.raw() == null ? "null" : utf8(source.raw()));
	}

}
