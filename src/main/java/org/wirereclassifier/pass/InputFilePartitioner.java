package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.wirereclassifier.archive.ArchiveFile;

/**
 * One partition an input file, named by the file's place in the run's order ({@code file-0000}, ...): the same
 * inputs always give the same names, which is how a restart finds each partition's last execution.
 */
class InputFilePartitioner implements Partitioner {

	/** The partition's file, as its index in the run's order of input files. */
	static final String FILE_INDEX = "partition.file.index";

	private final List<ArchiveFile> files;

	InputFilePartitioner(List<ArchiveFile> files) {
		this.files = List.copyOf(files);
	}

	static String name(ArchiveFile file) {
		return "file-%04d".formatted(file.index());
	}

	/** A partition's working directory within the run's. */
	static Path directory(Path work, String partition) {
		return work.resolve("partitions").resolve(partition);
	}

	/** The journal of the wire ids first seen in a file, which the pre-pass writes for the later partitions. */
	static Path idsBefore(Path work, ArchiveFile file) {
		return work.resolve("partitions").resolve(name(file) + ".ids");
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (ArchiveFile file : this.files) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(FILE_INDEX, file.index());
			partitions.put(name(file), context);
		}
		return partitions;
	}

}
