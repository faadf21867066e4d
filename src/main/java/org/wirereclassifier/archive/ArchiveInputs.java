package org.wirereclassifier.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * {@code .jsonl}/{@code .ndjson} files (not recursive; hidden files read too). They are read in one stable order,
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
					// every entry with an archive file's name is read (hidden ones too): one that cannot be is an error,
					// never skipped without a word
					for (Path entry : listing.filter(p -> ArchiveFormat.of(p).isPresent()).sorted().toList()) {
						if (!Files.isDirectory(entry)) {
							paths.add(checkFile(entry, entry));
						}
					}
				}
				catch (IOException ex) {
					throw new ArchiveFileException(argument + ": cannot list the folder (" + ex.getMessage() + ")", ex);
				}
			}
			else if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
				throw new ArchiveFileException(argument + ": no such file or folder");
			}
			else if (ArchiveFormat.of(path).isEmpty()) {
				throw new ArchiveFileException(argument
						+ ": not an archive file (expected .csv, .json, .jsonl or .ndjson)");
			}
			else {
				paths.add(checkFile(argument, path));
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

	/** The longest input file name, in bytes: its working copy's name adds {@code .part} within the usual 255. */
	public static final int MAX_NAME_BYTES = 255 - AmendedArchiveWriter.PART.length();

	/**
	 * An archive file must be a regular file (a symlink to one is read as it), readable, and named so that its
	 * amended copy gets the very same name: a FIFO or a device would hang the run, and a name that is not UTF-8
	 * would come out with U+FFFD in place of its bytes and no longer replace its input.
	 */
	private static Path checkFile(Path shown, Path path) {
		String name = path.getFileName().toString();
		if (name.indexOf('\uFFFD') >= 0) {
			throw new ArchiveFileException(shown + ": the file name is not valid UTF-8 (its amended copy could not "
					+ "have the same name); rename the file");
		}
		if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
			throw new ArchiveFileException(shown + ": the file name is longer than " + MAX_NAME_BYTES
					+ " bytes, which leaves no room for the name of its working copy; rename the file");
		}
		if (!Files.exists(path)) {
			throw new ArchiveFileException(shown + ": a symbolic link to nothing (or a loop of links)");
		}
		if (!Files.isRegularFile(path)) {
			throw new ArchiveFileException(shown + ": not a regular file (an archive file cannot be a FIFO, a device "
					+ "or a folder)");
		}
		if (!Files.isReadable(path)) {
			throw new ArchiveFileException(shown + ": cannot be read (permission denied)");
		}
		return path;
	}

	/**
	 * Checks that every file can be opened as what its name says and that their amended copies will not collide
	 * in {@code outputDirectory}: nothing of a pass is written before this passes.
	 */
	public static void check(List<ArchiveFile> files, Path outputDirectory, Set<String> reservedNames) {
		Map<String, Path> names = new HashMap<>();
		Path output = realPath(outputDirectory);
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
			Path folder = realPath(file.path().getParent());
			if (folder.startsWith(output)) {
				// compared as real paths: a symbolic link must not make the output directory the input's folder
				throw new ArchiveFileException(file.path() + ": the input is " + (folder.equals(output)
						? "in the output directory and would be overwritten by its amended copy"
						: "inside the output directory") + " (" + outputDirectory + (output.equals(outputDirectory)
								? "" : ", which is " + output) + "); choose another --output");
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
	 * The real path of {@code path} (symbolic links resolved), also for a path that does not exist yet: its deepest
	 * existing ancestor's real path and the rest.
	 */
	static Path realPath(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path existing = absolute;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return absolute;
		}
		try {
			return existing.toRealPath().resolve(existing.relativize(absolute));
		}
		catch (IOException ex) {
			return absolute;
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
