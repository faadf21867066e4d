package org.wirereclassifier.report;

import java.util.ArrayList;
import java.util.List;

import org.wirereclassifier.audit.AuditEntry;

/**
 * The first wires of a run, in archive order, with their entries: what the page shows as diffs. Bounded, so that
 * a pass over a million wires still gives a page a browser can open; the first ones rather than a random choice,
 * so that the same run always shows the same wires.
 */
final class WireSample {

	/** One wire and its audit entries, in the order the audit has them. */
	record Wire(String wireId, String headline, String file, long record, List<AuditEntry> entries) {
	}

	private final int limit;

	private final List<Wire> wires = new ArrayList<>();

	/** The entries of the wire being read, or null once the sample is full. */
	private List<AuditEntry> current;

	WireSample(int limit) {
		this.limit = limit;
	}

	void accept(AuditEntry entry, boolean firstOfWire) {
		if (firstOfWire) {
			this.current = null;
			if (this.wires.size() < this.limit) {
				this.current = new ArrayList<>();
				this.wires.add(new Wire(entry.wireId(), entry.headline(), entry.file(), entry.record(), this.current));
			}
		}
		if (this.current != null) {
			this.current.add(entry);
		}
	}

	List<Wire> wires() {
		return this.wires;
	}

	int limit() {
		return this.limit;
	}

}
