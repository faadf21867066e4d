package org.wirereclassifier.pass;

import java.nio.file.Path;
import java.util.List;

import static org.wirereclassifier.TestArchives.copy;
import static org.wirereclassifier.TestArchives.write;

/**
 * The archive the functional tests of runs share: four files in three formats, with a record of each kind of
 * trouble (a bad date, an unterminated quote, a duplicate id of an earlier file's wire).
 */
final class MessyArchive {

	private MessyArchive() {
	}

	static List<Path> in(Path dir) {
		return List.of(copy("examples/wires.json", dir.resolve("in"), "a-examples.json"),
				Path.of("input/wires.csv").toAbsolutePath(), Path.of("input/reports.jsonl").toAbsolutePath(),
				write(dir.resolve("in/z-bad.csv"), "wire_id,published,headline\nz1,2025-01-01,Fine\n"
						+ "z2,someday,Bad date\nz3,2025-01-03,\"Unterminated\nz4,2025-01-04,After\n"
						+ "2025-12-09-openai-certification-courses,2025-12-09,Duplicate\n"));
	}

}
