package org.wirereclassifier.rules;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.wirereclassifier.archive.ArchiveItem;

/**
 * The classification step's processor: classifies each wire read, and passes file markers and rejected records
 * through. A wire whose classification fails is rejected with the reason, and the rest of its chunk goes on.
 */
public class ClassificationProcessor implements ItemProcessor<ArchiveItem, ArchiveItem> {

	private final WireClassifier classifier;

	public ClassificationProcessor(WireClassifier classifier) {
		this.classifier = classifier;
	}

	@Override
	public ArchiveItem process(ArchiveItem item) {
		if (!(item instanceof ArchiveItem.WireRead read)) {
			return item;
		}
		try {
			Classification result = this.classifier.classify(read.wire(), read.source());
			return new ArchiveItem.Classified(read.source(), read.wire(), result.amended(), result.changes(),
					result.editorKept(), result.keptRationale(), result.unknownCodes(), result.retiredCodes());
		}
		catch (RuntimeException ex) {
			return new ArchiveItem.Rejected(read.source(), read.wire().wireId(),
					"classification failed: " + ex, read.source().text());
		}
	}

}
