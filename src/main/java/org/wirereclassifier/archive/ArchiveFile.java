package org.wirereclassifier.archive;

import java.nio.file.Path;

/**
 * One input file of the archive. {@code index} is its place in the pass's stable file order.
 */
public record ArchiveFile(int index, Path path, ArchiveFormat format) {

	/** The file name, which is also the name of its amended copy in the output directory. */
	public String name() {
		return this.path.getFileName().toString();
	}

}
