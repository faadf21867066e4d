package org.wirereclassifier.archive;

import java.util.List;

/**
 * Told, within a chunk's transaction, which classified wires the archive writer has written (a wire that could
 * not be written is rejected instead, and not reported here): the audit trail records exactly these.
 */
@FunctionalInterface
public interface WrittenWiresListener {

	WrittenWiresListener NONE = wires -> {
	};

	void written(List<ArchiveItem.Classified> wires);

}
