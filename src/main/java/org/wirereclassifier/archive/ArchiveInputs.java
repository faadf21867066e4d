package org.wirereclassifier.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The input files of a pass: each {@code --input} is a file or a folder of {@code .csv}, {@code .json},
 * {@code .jsonl}/{@code .ndjson} files (not recursive; hidden files skipped). They are read in one stable order,
 * by file name, whatever order they were given in, so that the same archive always gives the same run.
 */
public final class ArchiveInputs {

	/** The most files one pass reads (the duplicate index keeps a file's number in 16 bits). */
	public static final int MAX_FILES = 65_535;

	private ArchiveInputs() {
	}

	/** Expands the {@code --input} arguments into the pass's files, in their stable order. */
	public static List<ArchiveFile> expand(List<Path> arguments) {
		Set<Path> paths = new LinkedHashSet<>();
		for (Path argument : arguments) {
			Path path = argument.toAbsolutePath().normalize();
			if (Files.isDirectory(path)) {
				try (Stream<Path> listing = Files.list(path)) {
					listing.filter(Files::isRegularFile)
						.filter(p -> !p.getFileName().toString().startsWith("."))
						.filter(p -> ArchiveFormat.of(p).isPresent())
						.forEach(paths::add);
				}
				catch (IOException ex) {
					throw new ArchiveFileException(argument + ": cannot list the folder (" + ex.getMessage() + ")", ex);
				}
			}
			else if (!Files.exists(path)) {
				throw new ArchiveFileException(argument + ": no such file or folder");
			}
			else if (ArchiveFormat.of(path).isEmpty()) {
				throw new ArchiveFileException(argument
						+ ": not an archive file (expected .csv, .json, .jsonl or .ndjson)");
			}
			else if (!Files.isReadable(path)) {
				throw new ArchiveFileException(argument + ": cannot be read (permission denied)");
			}
			else {
				paths.add(path);
			}
		}
		if (paths.isEmpty()) {
			throw new ArchiveFileException("no archive files (.csv, .json, .jsonl, .ndjson) in " + arguments);
		}
		if (paths.size() > MAX_FILES) {
			throw new ArchiveFileException(paths.size() + " input files; a pass reads at most " + MAX_FILES
					+ " (merge small files, or split the archive into several passes)");
		}
		List<Path> ordered = new ArrayList<>(paths);
		ordered.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString));
		List<ArchiveFile> files = new ArrayList<>();
		for (Path path : ordered) {
			files.add(new ArchiveFile(files.size(), path, ArchiveFormat.of(path).orElseThrow()));
		}
		return files;
	}

	/**
	 * Checks that every file can be opened as what its name says and that their amended copies will not collide
	 * in {@code outputDirectory}: nothing of a pass is written before this passes.
	 */
	public static void check(List<ArchiveFile> files, Path outputDirectory, Set<String> reservedNames) {
		Map<String, Path> names = new HashMap<>();
		for (ArchiveFile file : files) {
			Path earlier = names.putIfAbsent(file.name(), file.path());
			if (earlier != null) {
				throw new ArchiveFileException("two inputs are named " + file.name() + " (" + earlier + " and "
						+ file.path() + "); their amended copies would overwrite each other in " + outputDirectory);
			}
			if (reservedNames.contains(file.name())) {
				throw new ArchiveFileException(file.path() + ": an input may not be named " + file.name()
						+ ", which the pass writes itself");
			}
			if (file.path().equals(outputDirectory.resolve(file.name()).toAbsolutePath().normalize())) {
				throw new ArchiveFileException(file.path() + ": the input is in the output directory and would be "
						+ "overwritten by its amended copy; choose another --output");
			}
			try (ArchiveFileReader reader = ArchiveFileReader.open(file)) {
				reader.header();
			}
			catch (IOException ex) {
				throw new ArchiveFileException(file.path() + ": cannot be read (" + ex.getMessage() + ")", ex);
			}
		}
	}

	/**
	 * A fingerprint of the files' names, sizes and contents (CRC-32C): the same archive gives the same
	 * fingerprint, and any change to an input gives another, so that a changed archive is a new run.
	 */
	public static String fingerprint(List<ArchiveFile> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (ArchiveFile file : files) {
				CRC32C crc = new CRC32C();
				long size = 0;
				try (InputStream in = Files.newInputStream(file.path())) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						crc.update(buffer, 0, n);
						size += n;
					}
				}
				digest.update((file.path() + "\t" + size + "\t" + Long.toHexString(crc.getValue()) + "\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new ArchiveFileException("cannot read the inputs to fingerprint them (" + ex.getMessage() + ")", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Which of {@code wanted} the archive has: read before an amendment is applied, so unknown ids stop it. */
	public static Set<String> findWireIds(List<ArchiveFile> files, Set<String> wanted) {
		Set<String> found = new java.util.HashSet<>();
		forEachWire(files, (wire, source) -> {
			if (wanted.contains(wire.wireId())) {
				found.add(wire.wireId());
			}
		});
		return found;
	}

	/** Reads every wire of the files, in order, with its place: for checks made before a run starts. */
	public static void forEachWire(List<ArchiveFile> files, java.util.function.BiConsumer<Wire, SourceRecord> consumer) {
		for (ArchiveFile file : files) {
			try (ArchiveFileReader reader = ArchiveFileReader.open(file)) {
				ArchiveItem item;
				while ((item = reader.next()) != null) {
					if (item instanceof ArchiveItem.WireRead read) {
						consumer.accept(read.wire(), read.source());
					}
				}
			}
			catch (IOException ex) {
				throw new ArchiveFileException(file.path() + ": cannot be read (" + ex.getMessage() + ")", ex);
			}
		}
	}

}
