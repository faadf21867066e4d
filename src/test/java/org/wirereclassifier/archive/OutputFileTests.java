package org.wirereclassifier.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A working file is resumed, or published, only as it was committed: its length and CRC-32C. */
class OutputFileTests {

	private static final String ABANDON = ": the run cannot be resumed. `recover RUN --abandon` gives it up so that "
			+ "the same command starts it over";

	@TempDir
	private Path dir;

	private Path file;

	private long length;

	private Long crc;

	@BeforeEach
	void committed() throws Exception {
		this.file = dir.resolve("a.csv.part");
		try (OutputFile out = OutputFile.create(this.file)) {
			out.write("wire_id,headline\nw-1,first\nw-2,second\n".getBytes(StandardCharsets.UTF_8));
			out.flush(false);
			this.length = out.length();
			this.crc = out.crc();
		}
	}

	@Test
	void bytesAfterTheCommitAreCutAndTheFileGoesOn() throws Exception {
		Files.write(this.file, "w-3,half a rec".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
		try (OutputFile out = OutputFile.resume(this.file, this.length, this.crc)) {
			out.write("w-3,third\n".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(Files.readString(this.file)).isEqualTo("wire_id,headline\nw-1,first\nw-2,second\nw-3,third\n");
	}

	@Test
	void aChangedCommittedByteStopsTheResume() throws Exception {
		byte[] bytes = Files.readAllBytes(this.file);
		bytes[20] = 'X';
		Files.write(this.file, bytes);
		assertThatThrownBy(() -> OutputFile.resume(this.file, this.length, this.crc))
			.isInstanceOf(DamagedWorkingFileException.class)
			.hasMessage("a.csv.part of this run's working files changed since it was committed" + ABANDON);
	}

	@Test
	void aShorterOrMissingFileStopsTheResume() throws Exception {
		Files.write(this.file, "wire_id".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> OutputFile.resume(this.file, this.length, this.crc))
			.hasMessage("a.csv.part of this run's working files is shorter than what was committed" + ABANDON);
		Files.delete(this.file);
		assertThatThrownBy(() -> OutputFile.resume(this.file, this.length, this.crc))
			.hasMessage("a.csv.part of this run's working files is missing" + ABANDON);
		assertThat(this.file).doesNotExist();
	}

	@Test
	void aFinishedFileWithBytesAppendedOrCutFailsItsCheck() throws Exception {
		OutputFile.check(this.file, this.length, this.crc);
		Files.write(this.file, "garbage".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
		assertThatThrownBy(() -> OutputFile.check(this.file, this.length, this.crc))
			.hasMessage("a.csv.part of this run's working files changed since it was committed" + ABANDON);
		Files.write(this.file, "wire_id,headline\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> OutputFile.check(this.file, this.length, this.crc))
			.hasMessage("a.csv.part of this run's working files is shorter than what was committed" + ABANDON);
	}

}
