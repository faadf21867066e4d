package org.wirereclassifier.rules;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.pass.PassDefinitionException;
import org.wirereclassifier.pass.PassDefinitionLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wirereclassifier.rules.TestWire.wire;

/**
 * A new taxonomy version brings wires classified under older ones to it: renamed, merged, split (rules decide),
 * retired codes, along a chain of versions; editors' locked codes migrate but no rule removes them.
 * The taxonomies: 2026.05 (M1-M4, F1-F3) -> 2026.08 (M1 renamed M10, M3+M4 merged into M20, M2 split into
 * M21/M22, F3 retired, F2 replaced by F1) -> 2026.11 (M10 renamed M11).
 */
class TaxonomyMigrationTests {

	@TempDir
	private Path dir;

	@BeforeEach
	void taxonomies() {
		for (String version : List.of("2026.05", "2026.08", "2026.11")) {
			TestArchives.copy("taxonomies/" + version + ".yaml", this.dir.resolve("taxonomy"));
		}
	}

	/** The classifier of a reclassification pass under {@code version}, with these rules. */
	private Classifier pass(String version, String... rules) {
		StringBuilder yaml = new StringBuilder("""
				pass:
				  name: reclassify
				  date: 2026-08-01
				taxonomy: taxonomy/%s.yaml
				rationale:
				  text: Reclassified under {taxonomy_version}.
				  counterfactual: But for the AI system.
				  apply: changed
				rules:
				""".formatted(version));
		for (String rule : rules) {
			yaml.append(rule.stripIndent().indent(2));
		}
		if (rules.length == 0) {
			yaml.append("  []\n");
		}
		Path job = TestArchives.write(this.dir.resolve("job-" + version + ".yaml"), yaml.toString());
		return PassDefinitionLoader.load(job).classifier();
	}

	private static Wire at(String version, String... codes) {
		return wire().codes(codes).rationale("Launch text.", "bulk", "But for.").taxonomyVersion(version).build();
	}

	@Nested
	@DisplayName("one step, 2026.05 -> 2026.08")
	class OneStep {

		@Test
		void renamedCodesAreRenamedAndTheChangeNamesTheMigration() {
			Classification result = pass("2026.08").classify(at("2026.05", "M1", "F1"));

			assertThat(result.amended().codes()).containsExactly("M10", "F1");
			assertThat(result.amended().taxonomyVersion()).isEqualTo("2026.08");
			assertThat(result.changes()).contains(new FieldChange(WireField.CODES, "M1;F1", "M10;F1",
					List.of("migration:2026.05->2026.08")));
		}

		@Test
		void mergedCodesBecomeOne() {
			assertThat(pass("2026.08").classify(at("2026.05", "M3", "M4")).amended().codes()).containsExactly("M20");
		}

		@Test
		void aSplitCodeGoesWhereTheRulesSayOrToItsDefault() {
			Classifier classifier = pass("2026.08", """
					- id: security
					  description: Hacks are security.
					  when:
					    keywords: [hacked]
					  then:
					    add_codes: [M22]
					""");

			Wire hacked = wire().headline("Accounts hacked").codes("M2").taxonomyVersion("2026.05").build();
			Wire other = wire().headline("Data shared").codes("M2").taxonomyVersion("2026.05").build();

			assertThat(classifier.classify(hacked).amended().codes()).containsExactly("M22");
			assertThat(classifier.classify(other).amended().codes()).containsExactly("M21");
		}

		@Test
		void retiredCodesAreRemovedOrReplaced() {
			assertThat(pass("2026.08").classify(at("2026.05", "F3")).amended().codes()).isEmpty();
			assertThat(pass("2026.08").classify(at("2026.05", "F2", "F3")).amended().codes()).containsExactly("F1");
		}

		@Test
		void aWireTheUpdateDoesNotTouchIsLeftAsItIs() {
			Wire untouched = at("2026.05", "F1");

			Classification result = pass("2026.08").classify(untouched);

			assertThat(result.changes()).isEmpty();
			assertThat(result.amended()).isEqualTo(untouched);
		}

		@Test
		void anEditorsWireTheUpdateDoesNotTouchIsNotCountedAsKept() {
			Wire editors = wire().codes("F1").rationale("Editor note.", "editor", "But for.").taxonomyVersion("2026.05")
				.build();

			Classification result = pass("2026.08").classify(editors);

			assertThat(result.changes()).isEmpty();
			assertThat(result.editorKept()).isFalse();
			assertThat(pass("2026.08").classify(at("2026.05", "M1").withRationale("Editor note.", "editor", "But for."))
				.editorKept()).isTrue();
		}

		@Test
		void aTouchedWireGetsTheReclassificationsRationale() {
			Classification result = pass("2026.08").classify(at("2026.05", "M1"));

			assertThat(result.amended().rationale()).isEqualTo("Reclassified under 2026.08.");
		}

	}

	@Test
	@DisplayName("a chain of three versions: a wire at any older version comes to the newest")
	void chainOfThreeVersions() {
		Classifier classifier = pass("2026.11");

		assertThat(classifier.classify(at("2026.05", "M1", "M3")).amended().codes()).containsExactly("M11", "M20");
		assertThat(classifier.classify(at("2026.08", "M10")).amended().codes()).containsExactly("M11");
		Classification fromOldest = classifier.classify(at("2026.05", "M1"));
		assertThat(fromOldest.amended().taxonomyVersion()).isEqualTo("2026.11");
		assertThat(fromOldest.changes().get(0).ruleIds()).containsExactly("migration:2026.05->2026.11");
	}

	@Test
	@DisplayName("an editor's locked codes are migrated by rename and merge, and no rule removes them")
	void editorLocksRespected() {
		Classifier classifier = pass("2026.08", """
				- id: drop
				  description: Removes M10 and M20 from every wire.
				  then:
				    remove_codes: [M10, M20]
				""");
		Wire locked = at("2026.05", "M1", "M4").withEditorCodes(List.of("M1", "M4"));

		Classification result = classifier.classify(locked);

		assertThat(result.amended().codes()).containsExactly("M10", "M20");
		assertThat(result.amended().codeLocks()).containsExactly("M10", "M20");
		assertThat(classifier.classify(at("2026.05", "M1", "M4")).amended().codes()).isEmpty();
	}

	@Nested
	@DisplayName("refused at validation")
	class Validation {

		private void assertRefused(String taxonomy, String message) {
			TestArchives.write(dir.resolve("taxonomy/bad.yaml"), taxonomy);
			Path job = TestArchives.write(dir.resolve("bad-job.yaml"), """
					pass: {name: bad, date: 2026-08-01}
					taxonomy: taxonomy/bad.yaml
					rationale: {text: R., counterfactual: C.}
					""");

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isInstanceOf(PassDefinitionException.class)
				.hasMessageContaining(message);
		}

		@Test
		void aCodeLeftWithoutATarget() {
			assertRefused("""
					version: "2026.08"
					previous: 2026.05.yaml
					migration: {rename: {M1: M10}}
					families:
					  - {id: M, label: M, codes: [{code: M10, label: a}, {code: M2, label: b}]}
					  - {id: F, label: F, codes: [{code: F1, label: c}, {code: F2, label: d}, {code: F3, label: e}]}
					""", "migration 2026.05 -> 2026.08: M3 is not in 2026.08 and has no target (rename, merge, split "
					+ "or retire it)");
		}

		@Test
		void aTargetThatIsRetired() {
			assertRefused("""
					version: "2026.08"
					previous: 2026.05.yaml
					migration: {rename: {M1: M10}, merge: {M2: [M3, M4]}}
					families:
					  - {id: M, label: M, codes: [{code: M10, label: a, retired: true}, {code: M2, label: b}]}
					  - {id: F, label: F, codes: [{code: F1, label: c}, {code: F2, label: d}, {code: F3, label: e}]}
					""", "migration 2026.05 -> 2026.08: maps into M10, which 2026.08 retires");
		}

		@Test
		void renamesThatFormACycle() {
			assertRefused("""
					version: "2026.08"
					previous: 2026.05.yaml
					migration: {rename: {M1: M2, M2: M1}}
					families:
					  - {id: M, label: M, codes: [{code: M1, label: a}, {code: M2, label: b}, {code: M3, label: c},
					      {code: M4, label: d}]}
					  - {id: F, label: F, codes: [{code: F1, label: c}, {code: F2, label: d}, {code: F3, label: e}]}
					""", "renames and merges form a cycle: M1 -> M2 -> M1");
		}

		@Test
		void aChainThatComesBackToItself() {
			assertRefused("""
					version: "2026.05"
					previous: 2026.08.yaml
					families:
					  - {id: M, label: M, codes: [{code: M10, label: a}]}
					""", "comes back in its own chain (2026.05 -> 2026.08 -> 2026.05): a cycle");
		}

	}

}
