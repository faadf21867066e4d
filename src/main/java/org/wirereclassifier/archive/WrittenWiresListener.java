package org.wirereclassifier.archive;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Told, within a chunk's transaction, which classified wires the archive writer has written (a wire that could
 * not be written is rejected instead, and not reported here). The writer opens, updates and closes it with its own
 * stream: what it keeps is saved with the chunk, and a restart goes on from the last commit.
 */
public interface WrittenWiresListener extends ItemStream {

	WrittenWiresListener NONE = wires -> {
	};

	void written(List<ArchiveItem.Classified> wires);

}
