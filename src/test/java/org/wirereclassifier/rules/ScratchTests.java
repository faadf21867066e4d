package org.wirereclassifier.rules;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.pass.PassDefinitionLoader;

class ScratchTests {
	@Test void sample() {
		var c = PassDefinitionLoader.load(TestArchives.launchArchiveJob()).classifier();
		for (String f : new String[] {"wires.csv", "wires.json", "reports.jsonl"}) {
			for (var w : TestArchives.wires(Path.of("input", f).toAbsolutePath())) {
				var r = c.classify(w);
				System.out.println("SAMPLE " + f + " " + w.wireId() + " origin=" + w.rationaleOrigin() + " kept=" + r.editorKept() + " " + r.changes().stream().map(x -> x.field() + x.ruleIds().toString()).toList());
			}
		}
	}
}
