package org.wirereclassifier.pass;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.wirereclassifier.archive.AmendedArchiveWriter;
import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.audit.AuditEntry;
import org.wirereclassifier.audit.AuditLines;
import org.wirereclassifier.report.ChangeReportRows;

/**
 * The classification step's processor: classifies each wire, then renders everything the writer will append for
 * it (the amended record, its {@code audit.jsonl} lines, its {@code report.csv} rows). This is the work that runs
 * on several threads when the step processes concurrently; the writer, on one thread, only appends bytes in order.
 */
public class PreparedWireProcessor implements ItemProcessor<ArchiveItem, ArchiveItem> {

	/** The side files each prepared wire has lines for, in this order. */
	static final List<AmendedArchiveWriter.SideFile> SIDE_FILES = List.of(
			new AmendedArchiveWriter.SideFile(PublishOutputsTasklet.AUDIT, new byte[0]),
			new AmendedArchiveWriter.SideFile(PublishOutputsTasklet.REPORT_CSV, ChangeReportRows.header()));

	private final ItemProcessor<ArchiveItem, ArchiveItem> classification;

	private final long executionId;

	private final String pass;

	private final Clock clock;

	public PreparedWireProcessor(ItemProcessor<ArchiveItem, ArchiveItem> classification, long executionId,
			String pass, Clock clock) {
		this.classification = classification;
		this.executionId = executionId;
		this.pass = pass;
		this.clock = clock;
	}

	@Override
	public ArchiveItem process(ArchiveItem item) throws Exception {
		ArchiveItem processed = this.classification.process(item);
		if (!(processed instanceof ArchiveItem.Classified wire)) {
			return processed;
		}
		byte[] record;
		try {
			record = AmendedArchiveWriter.recordBytes(wire);
		}
		catch (RuntimeException ex) {
			return new ArchiveItem.Rejected(wire.source(), wire.original().wireId(),
					"could not be written: " + ex.getMessage(), wire.source().text());
		}
		if (!wire.audited()) {
			return new ArchiveItem.Prepared(wire, record, List.of()); // no audit lines: most wires of a taxonomy update
		}
		String at = this.clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
		List<AuditEntry> entries = AuditEntry.of(wire, this.executionId, this.pass, at);
		return new ArchiveItem.Prepared(wire, record,
				List.of(AuditLines.render(entries), ChangeReportRows.render(entries)));
	}

}
