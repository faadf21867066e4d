package org.wirereclassifier.audit;

import java.util.List;

import org.wirereclassifier.archive.ArchiveItem;
import org.wirereclassifier.archive.WrittenWiresListener;

/** Records the audit entries of the wires each chunk wrote, in the chunk's transaction. */
public class AuditRecorder implements WrittenWiresListener {

	private final AuditTrail trail;

	private final long instanceId;

	private final long executionId;

	private final String pass;

	public AuditRecorder(AuditTrail trail, long instanceId, long executionId, String pass) {
		this.trail = trail;
		this.instanceId = instanceId;
		this.executionId = executionId;
		this.pass = pass;
	}

	@Override
	public void written(List<ArchiveItem.Classified> wires) {
		this.trail.record(this.instanceId, this.executionId, this.pass, wires);
	}

}
