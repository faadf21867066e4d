package org.wirereclassifier.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.archive.FieldChange;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.archive.WireField;
import org.wirereclassifier.pass.Pass;
import org.wirereclassifier.pass.PassDefinitionLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wirereclassifier.TestArchives.COUNTERFACTUAL;
import static org.wirereclassifier.TestArchives.LAUNCH_RATIONALE;
import static org.wirereclassifier.rules.TestWire.wire;

@DisplayName("Classifier")
class ClassifierTests {

	@TempDir
	private Path dir;

	/** The classifier of a pass named "rules-test" with these rules (YAML list items) and the launch taxonomy. */
	private Classifier classifier(String... rules) {
		return pass(rules).classifier();
	}

	private Pass pass(String... rules) {
		// an array, so that a single rule is not taken for a whole job file by jobFile's other overload
		return PassDefinitionLoader.load(TestArchives.jobFile(this.dir, "rules-test", rules));
	}

	/** Whether a rule with this condition (YAML) holds for the wire: it adds M1 when it does. */
	private boolean holds(String when, Wire wire) {
		Classification result = classifier("""
				- id: probe
				  description: Adds M1 when the condition holds.
				  when: %s
				  then:
				    add_codes: [M1]
				""".formatted(when)).classify(wire);
		List<String> added = new ArrayList<>(result.amended().codes());
		added.removeAll(wire.codes());
		assertThat(added).isSubsetOf("M1");
		return added.contains("M1");
	}

	private static FieldChange change(WireField field, String before, String after, String... ruleIds) {
		return new FieldChange(field, before, after, List.of(ruleIds));
	}

	/** A wire as the launch pass leaves it: bulk rationale, counterfactual and the taxonomy version. */
	private static TestWire classified() {
		return wire().rationale(LAUNCH_RATIONALE, "bulk", COUNTERFACTUAL).taxonomyVersion("2026.05");
	}

	@Nested
	@DisplayName("conditions")
	class Conditions {

		@Test
		@DisplayName("keywords search the headline and body, or only the fields named by 'in'")
		void keywordsIn() {
			String headlineOnly = "{keywords: [drift], in: [headline]}";
			String bodyOnly = "{keywords: [drift], in: [body]}";
			String both = "{keywords: [drift]}";
			Wire inHeadline = wire("Model drift reported", "Users noticed changes.");
			Wire inBody = wire("Users noticed changes", "The model showed drift after an update.");

			assertThat(holds(headlineOnly, inHeadline)).isTrue();
			assertThat(holds(headlineOnly, inBody)).isFalse();
			assertThat(holds(bodyOnly, inHeadline)).isFalse();
			assertThat(holds(bodyOnly, inBody)).isTrue();
			assertThat(holds(both, inHeadline)).isTrue();
			assertThat(holds(both, inBody)).isTrue();
			assertThat(holds(both, wire("Drifting apart", "Nothing drifted."))).isFalse();
		}

		@Test
		@DisplayName("regex is found case-insensitively, in the fields named by 'in'")
		void regex() {
			String when = "{regex: 'gpt-[0-9]+o?\\b', in: [body]}";

			assertThat(holds(when, wire("A wire", "Users of GPT-4o saw changes."))).isTrue();
			assertThat(holds(when, wire("A wire", "users of gpt-5 saw changes."))).isTrue();
			assertThat(holds(when, wire("GPT-4o changed", "Users saw changes."))).isFalse();
			assertThat(holds(when, wire("A wire", "Users of GPT-4oo saw changes."))).isFalse();
			assertThat(holds("{regex: 'Straße'}", wire("STRASSE", "die straße"))).isTrue();
		}

		@Test
		@DisplayName("provider holds for any listed provider, in any case")
		void provider() {
			String when = "{provider: [openai, ANTHROPIC]}";

			assertThat(holds(when, wire().providers("OpenAI").build())).isTrue();
			assertThat(holds(when, wire().providers("anthropic").build())).isTrue();
			assertThat(holds(when, wire().providers("Google", "OPENAI").build())).isTrue();
			assertThat(holds(when, wire().providers("Google").build())).isFalse();
			assertThat(holds(when, wire().providers("OpenAI Foundation").build())).isFalse();
			assertThat(holds(when, wire().build())).isFalse();
		}

		@ParameterizedTest(name = "source_count {0} in [2, 3]: {1}")
		@CsvSource({ "0, false", "1, false", "2, true", "3, true", "4, false", ", false" })
		void sourceCountRange(Integer count, boolean expected) {
			assertThat(holds("{source_count: {min: 2, max: 3}}", wire().sourceCount(count).build()))
				.isEqualTo(expected);
		}

		@ParameterizedTest(name = "source_count {0}: at least 2 {1}, at most 1 {2}")
		@CsvSource({ "0, false, true", "1, false, true", "2, true, false", "100, true, false", ", false, false" })
		void sourceCountOpenEnded(Integer count, boolean atLeastTwo, boolean atMostOne) {
			assertThat(holds("{source_count: {min: 2}}", wire().sourceCount(count).build())).isEqualTo(atLeastTwo);
			assertThat(holds("{source_count: {max: 1}}", wire().sourceCount(count).build())).isEqualTo(atMostOne);
		}

		@ParameterizedTest(name = "source_tier \"{0}\" in [primary, wire-service]: {1}")
		@CsvSource({ "primary, true", "Primary, true", "WIRE-SERVICE, true", "standard, false", "'', false" })
		void sourceTier(String tier, boolean expected) {
			assertThat(holds("{source_tier: [primary, wire-service]}", wire().sourceTier(tier).build()))
				.isEqualTo(expected);
		}

		@ParameterizedTest(name = "severity \"{0}\": at_least SEV-2 {1}, at_most SEV-4 {2}, SEV-2..SEV-3 {3}, is [unrated, SEV-3] {4}")
		@CsvSource({ "SEV-1, true,  false, false, false", "SEV-2, true,  false, true,  false",
				"SEV-3, false, false, true,  true", "SEV-4, false, true,  false, false",
				"SEV-5, false, true,  false, false", "'',    false, false, false, true" })
		void severity(String severity, boolean atLeast2, boolean atMost4, boolean between, boolean isUnratedOr3) {
			Wire wire = wire().severity(severity).build();

			assertThat(holds("{severity: {at_least: SEV-2}}", wire)).as("at_least SEV-2").isEqualTo(atLeast2);
			assertThat(holds("{severity: {at_most: SEV-4}}", wire)).as("at_most SEV-4").isEqualTo(atMost4);
			assertThat(holds("{severity: {at_least: SEV-3, at_most: SEV-2}}", wire)).as("SEV-2 to SEV-3")
				.isEqualTo(between);
			assertThat(holds("{severity: {is: [unrated, SEV-3]}}", wire)).as("is unrated or SEV-3")
				.isEqualTo(isUnratedOr3);
		}

		@ParameterizedTest(name = "published {0} in January 2025: {1}")
		@CsvSource({ "2024-12-31, false", "2025-01-01, true", "2025-01-15, true", "2025-01-31, true",
				"2025-02-01, false" })
		void published(LocalDate date, boolean expected) {
			Wire wire = wire().published(date).build();

			assertThat(holds("{published: {from: 2025-01-01, to: 2025-01-31}}", wire)).isEqualTo(expected);
			assertThat(holds("{published: {from: 2025-01-01}}", wire)).isEqualTo(!date.isBefore(LocalDate.of(2025, 1, 1)));
			assertThat(holds("{published: {to: 2025-01-31}}", wire)).isEqualTo(!date.isAfter(LocalDate.of(2025, 1, 31)));
		}

		@Test
		@DisplayName("has_code holds when the wire has any of the codes; lacks_code when it has none of them")
		void codes() {
			assertThat(holds("{has_code: [F1, F11]}", wire().codes("F11").build())).isTrue();
			assertThat(holds("{has_code: [F1, F11]}", wire().codes("F2", "F1").build())).isTrue();
			assertThat(holds("{has_code: [F1, F11]}", wire().codes("F2").build())).isFalse();
			assertThat(holds("{has_code: [F1, F11]}", wire().build())).isFalse();
			assertThat(holds("{lacks_code: [F1, F11]}", wire().codes("F2").build())).isTrue();
			assertThat(holds("{lacks_code: [F1, F11]}", wire().build())).isTrue();
			assertThat(holds("{lacks_code: [F1, F11]}", wire().codes("F2", "F11").build())).isFalse();
		}

		@Test
		@DisplayName("all holds when every condition does, any when one does, not when its condition does not")
		void combinators() {
			String all = "{all: [{provider: [OpenAI]}, {keywords: [drift]}]}";
			String any = "{any: [{provider: [OpenAI]}, {keywords: [drift]}]}";
			String not = "{not: {keywords: [drift]}}";
			Wire both = wire().providers("OpenAI").body("model drift").build();
			Wire providerOnly = wire().providers("OpenAI").body("a launch").build();
			Wire keywordOnly = wire().providers("Google").body("model drift").build();
			Wire neither = wire().providers("Google").body("a launch").build();

			assertThat(List.of(holds(all, both), holds(all, providerOnly), holds(all, keywordOnly), holds(all, neither)))
				.containsExactly(true, false, false, false);
			assertThat(List.of(holds(any, both), holds(any, providerOnly), holds(any, keywordOnly), holds(any, neither)))
				.containsExactly(true, true, true, false);
			assertThat(List.of(holds(not, both), holds(not, providerOnly), holds(not, keywordOnly), holds(not, neither)))
				.containsExactly(false, true, false, true);
		}

		@Test
		@DisplayName("combinators nest: all of (OpenAI, any of (drift, not unrated)), and a double negation")
		void nested() {
			String when = """
					
					    all:
					      - provider: [OpenAI]
					      - any:
					          - keywords: [drift]
					          - not:
					              severity: {is: [unrated]}
					""";

			assertThat(holds(when, wire().providers("OpenAI").body("drift").build())).isTrue();
			assertThat(holds(when, wire().providers("OpenAI").severity("SEV-4").build())).isTrue();
			assertThat(holds(when, wire().providers("OpenAI").build())).isFalse();
			assertThat(holds(when, wire().providers("Google").body("drift").severity("SEV-1").build())).isFalse();
			assertThat(holds("{not: {not: {has_code: [M7]}}}", wire().codes("M7").build())).isTrue();
			assertThat(holds("{not: {not: {has_code: [M7]}}}", wire().build())).isFalse();
		}

	}

	@Nested
	@DisplayName("actions")
	class Actions {

		@Test
		@DisplayName("add_codes adds codes, recorded with the rule's id")
		void addCodes() {
			Classification result = classifier("""
					- id: bias
					  description: Bias.
					  when:
					    keywords: [bias]
					  then:
					    add_codes: [F2, M1]
					""").classify(classified().body("Racial bias in hiring.").codes("M7").build());

			assertThat(result.amended().codes()).containsExactly("M1", "M7", "F2");
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "M7", "M1;M7;F2", "bias"));
		}

		@Test
		@DisplayName("remove_codes removes the codes the wire has and ignores the others")
		void removeCodes() {
			Classification result = classifier("""
					- id: not-privacy
					  description: Not a privacy matter.
					  when:
					    keywords: [launch]
					  then:
					    remove_codes: [F2, F4, M7]
					""").classify(classified().body("A product launch.").codes("M1", "F2", "F4").build());

			assertThat(result.amended().codes()).containsExactly("M1");
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "M1;F2;F4", "M1", "not-privacy"));
		}

		@Test
		@DisplayName("set_severity sets the severity, rated or not")
		void setSeverity() {
			Classifier classifier = classifier("""
					- id: deaths
					  description: Deaths are SEV-1.
					  when:
					    keywords: [killed]
					  then:
					    set_severity: SEV-1
					""");

			Classification unrated = classifier.classify(classified().body("A robot killed a worker.").build());
			Classification rated = classifier
				.classify(classified().body("A robot killed a worker.").severity("SEV-4").build());

			assertThat(unrated.amended().severity()).isEqualTo("SEV-1");
			assertThat(unrated.changes()).containsExactly(change(WireField.SEVERITY, "", "SEV-1", "deaths"));
			assertThat(rated.changes()).containsExactly(change(WireField.SEVERITY, "SEV-4", "SEV-1", "deaths"));
		}

		@Test
		@DisplayName("a rule's rationale and counterfactual replace the bulk ones, with the variables filled in")
		void templates() {
			Classification result = classifier("""
					- id: drift-note
					  description: Drift wires get their own rationale.
					  when:
					    keywords: [drift]
					  then:
					    rationale: Reclassified by {pass_name} on {pass_date} under taxonomy {taxonomy_version}.
					    counterfactual: But for {pass_name} ({pass_date}), no {taxonomy_version} code.
					""").classify(wire("Model drift", ""));

			String rationale = "Reclassified by rules-test on 10 May 2026 under taxonomy 2026.05.";
			String counterfactual = "But for rules-test (10 May 2026), no 2026.05 code.";
			assertThat(result.amended().rationale()).isEqualTo(rationale);
			assertThat(result.amended().counterfactual()).isEqualTo(counterfactual);
			assertThat(result.amended().rationaleOrigin()).isEqualTo("bulk");
			assertThat(result.changes()).containsExactly(change(WireField.RATIONALE, "", rationale, "drift-note"),
					change(WireField.RATIONALE_ORIGIN, "", "bulk", "drift-note"),
					change(WireField.COUNTERFACTUAL, "", counterfactual, "drift-note"),
					change(WireField.TAXONOMY_VERSION, "", "2026.05", "taxonomy-version"));
		}

		@Test
		@DisplayName("a rule with only a rationale leaves the bulk counterfactual; a wire no rule matches gets the bulk text")
		void rationaleOnly() {
			Classifier classifier = classifier("""
					- id: drift-note
					  description: Drift wires get their own rationale.
					  when:
					    keywords: [drift]
					  then:
					    rationale: Drift, per {pass_name}.
					""");

			Classification drift = classifier.classify(wire("Model drift", ""));
			Classification other = classifier.classify(wire("A launch", ""));

			assertThat(drift.changes()).containsExactly(change(WireField.RATIONALE, "", "Drift, per rules-test.", "drift-note"),
					change(WireField.RATIONALE_ORIGIN, "", "bulk", "drift-note"),
					change(WireField.COUNTERFACTUAL, "", COUNTERFACTUAL, "bulk-rationale"),
					change(WireField.TAXONOMY_VERSION, "", "2026.05", "taxonomy-version"));
			assertThat(other.changes()).containsExactly(change(WireField.RATIONALE, "", LAUNCH_RATIONALE, "bulk-rationale"),
					change(WireField.RATIONALE_ORIGIN, "", "bulk", "bulk-rationale"),
					change(WireField.COUNTERFACTUAL, "", COUNTERFACTUAL, "bulk-rationale"),
					change(WireField.TAXONOMY_VERSION, "", "2026.05", "taxonomy-version"));
		}

	}

	@Nested
	@DisplayName("rule order")
	class Order {

		@Test
		@DisplayName("a rule's rationale counts only if the rule holds in the settled round: a second pass agrees")
		void rationaleFromTheSettledRound() {
			Classifier classifier = classifier("""
					- id: not-yet-m1
					  description: Says so while the wire lacks M1.
					  when:
					    lacks_code: [M1]
					  then:
					    rationale: Not classified M1 by {pass_name}.
					""", """
					- id: bias
					  description: Bias is M1.
					  when:
					    keywords: [bias]
					  then:
					    add_codes: [M1]
					""");

			Classification first = classifier.classify(wire("Bias in hiring", ""));

			assertThat(first.amended().codes()).containsExactly("M1");
			assertThat(first.amended().rationale()).isEqualTo(LAUNCH_RATIONALE);
			assertThat(classifier.classify(first.amended()).changes()).isEmpty();
		}

		@Test
		@DisplayName("rules apply in order: a later set_severity wins, and is the one recorded")
		void laterSeverityWins() {
			Classification result = classifier("""
					- id: injury
					  description: Injuries are SEV-3.
					  when:
					    keywords: [injured]
					  then:
					    set_severity: SEV-3
					- id: deaths
					  description: Deaths are SEV-1.
					  when:
					    keywords: [killed]
					  then:
					    set_severity: SEV-1
					- id: stays
					  description: Does not apply.
					  when:
					    keywords: [bias]
					  then:
					    set_severity: SEV-5
					""").classify(classified().body("Two injured, one killed.").build());

			assertThat(result.amended().severity()).isEqualTo("SEV-1");
			assertThat(result.changes()).containsExactly(change(WireField.SEVERITY, "", "SEV-1", "deaths"));
		}

		@Test
		@DisplayName("a rule sees the codes an earlier rule added")
		void seesEarlierCodes() {
			Classification result = classifier("""
					- id: vehicles
					  description: Vehicles.
					  when:
					    keywords: [robotaxi]
					  then:
					    add_codes: [M7]
					- id: vehicle-harm
					  description: Harm by an M7 system.
					  when:
					    all:
					      - has_code: [M7]
					      - keywords: [injured]
					  then:
					    add_codes: [F1]
					""").classify(classified().body("A robotaxi injured a cyclist.").build());

			assertThat(result.amended().codes()).containsExactly("M7", "F1");
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "", "M7;F1", "vehicles", "vehicle-harm"));
		}

		@Test
		@DisplayName("a rule that reads a code a later rule adds still applies: the rules run to a fixpoint")
		void fixpoint() {
			Classifier classifier = classifier("""
					- id: b-needs-m1
					  description: Bias wires are also biased outcomes.
					  when:
					    has_code: [M1]
					  then:
					    add_codes: [F2]
					- id: a-adds-m1
					  description: Bias.
					  when:
					    keywords: [bias]
					  then:
					    add_codes: [M1]
					""");

			Classification result = classifier.classify(classified().body("Bias in hiring.").build());

			assertThat(result.amended().codes()).containsExactly("M1", "F2");
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "", "M1;F2", "a-adds-m1", "b-needs-m1"));
			Classification again = classifier.classify(result.amended());
			assertThat(again.changes()).isEmpty();
			assertThat(again.amended()).isEqualTo(result.amended());
		}

		@Test
		@DisplayName("a severity set by a later rule is seen by an earlier rule in the next round")
		void severityFixpoint() {
			Classification result = classifier("""
					- id: severe-is-m7
					  description: SEV-1 wires are safety failures.
					  when:
					    severity: {at_least: SEV-1}
					  then:
					    add_codes: [M7]
					- id: deaths
					  description: Deaths are SEV-1.
					  when:
					    keywords: [killed]
					  then:
					    set_severity: SEV-1
					""").classify(classified().body("A robot killed a worker.").build());

			assertThat(result.amended().severity()).isEqualTo("SEV-1");
			assertThat(result.amended().codes()).containsExactly("M7");
			assertThat(result.changes()).containsExactly(change(WireField.SEVERITY, "", "SEV-1", "deaths"),
					change(WireField.CODES, "", "M7", "severe-is-m7"));
		}

		@Test
		@DisplayName("classifying a classified wire changes nothing: every wire of the sample archive, starter pass")
		void idempotentOverSampleArchive() {
			Classifier classifier = PassDefinitionLoader.load(TestArchives.launchArchiveJob()).classifier();
			List<Wire> wires = new ArrayList<>();
			for (String file : List.of("wires.csv", "wires.json", "reports.jsonl")) {
				wires.addAll(TestArchives.wires(Path.of("input", file).toAbsolutePath()));
			}
			assertThat(wires).hasSize(111);

			int amended = 0;
			int editorKept = 0;
			for (Wire wire : wires) {
				Classification first = classifier.classify(wire);
				Classification second = classifier.classify(first.amended());
				assertThat(second.changes()).as(wire.wireId()).isEmpty();
				assertThat(second.amended()).as(wire.wireId()).isEqualTo(first.amended());
				assertThat(second.editorKept()).as(wire.wireId()).isEqualTo(first.editorKept());
				amended += first.changes().isEmpty() ? 0 : 1;
				editorKept += first.editorKept() ? 1 : 0;
			}
			// as the README's run reports: 109 amended, 2 unchanged; 3 editor rationales kept
			assertThat(amended).isEqualTo(109);
			assertThat(editorKept).isEqualTo(3);
		}

	}

	@Nested
	@DisplayName("rules that undo each other")
	class Oscillation {

		@Test
		@DisplayName("A adds M1 when M2 is lacking, B swaps M1 for M2: settles on M2 in two rounds")
		void swapSettles() {
			Classifier classifier = classifier("""
					- id: a
					  description: Add M1 unless M2.
					  when:
					    lacks_code: [M2]
					  then:
					    add_codes: [M1]
					- id: b
					  description: Swap M1 for M2.
					  when:
					    has_code: [M1]
					  then:
					    add_codes: [M2]
					    remove_codes: [M1]
					""");

			Classification result = classifier.classify(classified().build());

			assertThat(result.amended().codes()).containsExactly("M2");
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "", "M2", "b"));
			assertThat(classifier.classify(result.amended()).changes()).isEmpty();
		}

		@Test
		@DisplayName("a rule adding a code and a later one removing it in the same round settle on no change")
		void addThenRemoveInOneRound() {
			Classification result = classifier("""
					- id: add
					  description: Add M1 unless present.
					  when:
					    lacks_code: [M1]
					  then:
					    add_codes: [M1]
					- id: remove
					  description: Remove M1.
					  when:
					    has_code: [M1]
					  then:
					    remove_codes: [M1]
					""").classify(classified().build());

			assertThat(result.amended().codes()).isEmpty();
			assertThat(result.changes()).isEmpty();
		}

		@Test
		@DisplayName("rules that flip a code every round are given up on after 10 rounds")
		void flipFlopThrows() {
			// round from {}: 'on' adds M1; round from {M1}: 'off' swaps it for M2, 'clear' removes M2: {} again
			Classifier classifier = classifier("""
					- id: off
					  description: M1 becomes M2.
					  when:
					    has_code: [M1]
					  then:
					    remove_codes: [M1]
					    add_codes: [M2]
					- id: on
					  description: Neither becomes M1.
					  when:
					    lacks_code: [M1, M2]
					  then:
					    add_codes: [M1]
					- id: clear
					  description: M2 goes.
					  when:
					    has_code: [M2]
					  then:
					    remove_codes: [M2]
					""");

			for (Wire wire : List.of(classified().build(), classified().codes("M1").build())) {
				assertThatThrownBy(() -> classifier.classify(wire)).isInstanceOf(IllegalStateException.class)
					.hasMessageStartingWith("the rules do not settle on this wire: after 10 rounds they still change its "
							+ "codes or severity (rules applied in the last round: ");
			}
			assertThat(Classifier.MAX_ROUNDS).isEqualTo(10);
		}

		@Test
		@DisplayName("severities that chase each other are given up on too")
		void severityFlipFlopThrows() {
			Classifier classifier = classifier("""
					- id: down
					  description: SEV-1 becomes SEV-2, and marks M1.
					  when:
					    severity: {is: [SEV-1]}
					  then:
					    set_severity: SEV-2
					    add_codes: [M1]
					- id: up
					  description: An unmarked wire becomes SEV-1.
					  when:
					    lacks_code: [M1]
					  then:
					    set_severity: SEV-1
					- id: unmark
					  description: The mark goes.
					  when:
					    has_code: [M1]
					  then:
					    remove_codes: [M1]
					""");

			assertThatThrownBy(() -> classifier.classify(classified().severity("SEV-3").build()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("the rules do not settle on this wire");
		}

	}

	@Nested
	@DisplayName("codes")
	class Codes {

		@Test
		@DisplayName("come out in taxonomy order, whatever order the rules add them in")
		void taxonomyOrder() {
			Classification result = classifier("""
					- id: f-codes
					  description: F codes first.
					  when:
					    keywords: [robotaxi]
					  then:
					    add_codes: [F13, F1]
					- id: m-codes
					  description: Then M codes.
					  when:
					    keywords: [robotaxi]
					  then:
					    add_codes: [M7, M2]
					""").classify(classified().body("A robotaxi.").codes("F10").build());

			assertThat(result.amended().codes()).containsExactly("M2", "M7", "F1", "F10", "F13");
			assertThat(result.changes())
				.containsExactly(change(WireField.CODES, "F10", "M2;M7;F1;F10;F13", "m-codes", "f-codes"));
		}

		@Test
		@DisplayName("a wire's codes out of order are put in order, recorded as taxonomy-order")
		void pureReordering() {
			Classification result = classifier("""
					- id: unused
					  description: Does not apply.
					  when:
					    keywords: [zeppelin]
					  then:
					    add_codes: [M1]
					""").classify(classified().codes("F10", "M3", "F2").build());

			assertThat(result.amended().codes()).containsExactly("M3", "F2", "F10");
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "F10;M3;F2", "M3;F2;F10", "taxonomy-order"));
		}

		@Test
		@DisplayName("codes the taxonomy does not know are kept after the known ones, in their order, and reported")
		void unknownCodes() {
			Classification result = classifier("""
					- id: bias
					  description: Bias.
					  when:
					    keywords: [bias]
					  then:
					    add_codes: [M1]
					""").classify(classified().body("bias").codes("X9", "F2", "Q1").build());

			assertThat(result.amended().codes()).containsExactly("M1", "F2", "X9", "Q1");
			assertThat(result.unknownCodes()).containsExactly("X9", "Q1");
			assertThat(result.retiredCodes()).isEmpty();
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "X9;F2;Q1", "M1;F2;X9;Q1", "bias"));
		}

		@Test
		@DisplayName("retired codes stay on the wire, in taxonomy order, and are reported; a rule may test and remove them")
		void retiredCodes() {
			Classifier classifier = retiringPass("""
					  - id: replace-m2
					    description: M2 is retired; M3 replaces it.
					    when:
					      has_code: [M2]
					    then:
					      add_codes: [M3]
					""").classifier();

			Classification result = classifier.classify(wire().codes("X7", "M2", "M1").build());

			assertThat(result.amended().codes()).containsExactly("M1", "M2", "M3", "X7");
			assertThat(result.retiredCodes()).containsExactly("M2");
			assertThat(result.unknownCodes()).containsExactly("X7");
			assertThat(result.amended().taxonomyVersion()).isEqualTo("2026.06-test");
			assertThat(result.changes()).contains(change(WireField.CODES, "X7;M2;M1", "M1;M2;M3;X7", "replace-m2"),
					change(WireField.TAXONOMY_VERSION, "", "2026.06-test", "taxonomy-version"));
		}

		@Test
		@DisplayName("remove_codes may remove a retired code")
		void removeRetired() {
			Classification result = retiringPass("""
					  - id: drop-m2
					    description: M2 is retired.
					    then:
					      remove_codes: [M2]
					""").classifier().classify(wire().codes("M2", "M1").build());

			assertThat(result.amended().codes()).containsExactly("M1");
			assertThat(result.retiredCodes()).isEmpty();
			assertThat(result.changes()).first().isEqualTo(change(WireField.CODES, "M2;M1", "M1", "drop-m2"));
		}

		/** A pass over a taxonomy of M1, M2 (retired) and M3. */
		private Pass retiringPass(String rules) {
			TestArchives.write(ClassifierTests.this.dir.resolve("taxonomy/retiring.yaml"), """
					version: "2026.06-test"
					families:
					  - id: M
					    label: Risk domain
					    codes:
					      - code: M1
					        label: One
					      - code: M2
					        label: Two
					        retired: true
					      - code: M3
					        label: Three
					""");
			return PassDefinitionLoader.load(TestArchives.jobFile(ClassifierTests.this.dir, "retiring.yaml", """
					pass:
					  name: retiring
					  date: 2026-06-01
					taxonomy: taxonomy/retiring.yaml
					rationale:
					  text: Retiring pass ({pass_date}).
					  counterfactual: But for {pass_name}.
					rules:
					""" + rules));
		}

	}

	@Nested
	@DisplayName("an editor's rationale")
	class EditorRationale {

		private static final String EDITOR = "Checked by hand: the chatbot's drift harmed users.";

		@Test
		@DisplayName("codes an editor set (code_locks) stand: no rule adds to or removes from them")
		void editorCodesStand() {
			Classifier classifier = classifier("""
					- id: drop-m1
					  description: Removes M1 from every wire.
					  then:
					    remove_codes: [M1]
					""", """
					- id: add-f1
					  description: Adds F1 on crashes.
					  when:
					    keywords: [crash]
					  then:
					    add_codes: [F1]
					""");
			Wire locked = wire().headline("A crash").codes("M1").build().withEditorCodes(List.of("M1"));
			Wire free = wire().headline("A crash").codes("M1").build();

			assertThat(classifier.classify(locked).amended().codes()).containsExactly("M1");
			assertThat(classifier.classify(free).amended().codes()).containsExactly("F1");
		}

		private static final String EDITOR_COUNTERFACTUAL = "But for the update, no harm.";

		private final String rules = """
				- id: drift
				  description: Drift.
				  when:
				    keywords: [drift]
				  then:
				    add_codes: [F10]
				""";

		@Test
		@DisplayName("is never overwritten, while codes still change; the rationale the pass would have written is kept aside")
		void stands() {
			Wire wire = wire().body("Model drift.").rationale(EDITOR, "editor", EDITOR_COUNTERFACTUAL).build();

			Classification result = classifier(this.rules).classify(wire);

			assertThat(result.amended().rationale()).isEqualTo(EDITOR);
			assertThat(result.amended().counterfactual()).isEqualTo(EDITOR_COUNTERFACTUAL);
			assertThat(result.amended().rationaleOrigin()).isEqualTo("editor");
			assertThat(result.amended().codes()).containsExactly("F10");
			assertThat(result.editorKept()).isTrue();
			assertThat(result.keptRationale()).isEqualTo(LAUNCH_RATIONALE);
			assertThat(result.changes()).containsExactly(change(WireField.CODES, "", "F10", "drift"),
					change(WireField.TAXONOMY_VERSION, "", "2026.05", "taxonomy-version"));
		}

		@Test
		@DisplayName("is not overwritten by a rule's rationale either, which is the one kept aside")
		void standsAgainstARule() {
			Wire wire = wire().body("Model drift.").rationale(EDITOR, "editor", EDITOR_COUNTERFACTUAL).build();

			Classification result = classifier("""
					- id: drift-note
					  description: Drift.
					  when:
					    keywords: [drift]
					  then:
					    rationale: Drift noted by {pass_name}.
					    counterfactual: But for drift.
					""").classify(wire);

			assertThat(result.amended().rationale()).isEqualTo(EDITOR);
			assertThat(result.amended().counterfactual()).isEqualTo(EDITOR_COUNTERFACTUAL);
			assertThat(result.editorKept()).isTrue();
			assertThat(result.keptRationale()).isEqualTo("Drift noted by rules-test.");
			assertThat(result.changes()).containsExactly(change(WireField.TAXONOMY_VERSION, "", "2026.05", "taxonomy-version"));
		}

		@Test
		@DisplayName("equal to what the pass would write is not counted as kept")
		void sameAsThePass() {
			Wire wire = wire().body("Model drift.").rationale(LAUNCH_RATIONALE, "editor", COUNTERFACTUAL)
				.taxonomyVersion("2026.05").codes("F10").build();

			Classification result = classifier(this.rules).classify(wire);

			assertThat(result.editorKept()).isFalse();
			assertThat(result.keptRationale()).isNull();
			assertThat(result.changes()).isEmpty();
			assertThat(result.amended()).isEqualTo(wire);
		}

		@Test
		@DisplayName("with the pass's rationale but another counterfactual, is counted as kept")
		void counterfactualDiffers() {
			Wire wire = wire().rationale(LAUNCH_RATIONALE, "editor", EDITOR_COUNTERFACTUAL).build();

			Classification result = classifier(this.rules).classify(wire);

			assertThat(result.editorKept()).isTrue();
			assertThat(result.keptRationale()).isEqualTo(LAUNCH_RATIONALE);
			assertThat(result.amended().counterfactual()).isEqualTo(EDITOR_COUNTERFACTUAL);
		}

	}

	@Nested
	@DisplayName("changes")
	class Changes {

		private final String rules = """
				- id: bias
				  description: Bias.
				  when:
				    keywords: [bias]
				  then:
				    add_codes: [M1]
				""";

		@Test
		@DisplayName("a wire already classified as the pass would has none, and is returned as it was")
		void none() {
			Wire wire = classified().body("Bias.").codes("M1").build();

			Classification result = classifier(this.rules).classify(wire);

			assertThat(result.changes()).isEmpty();
			assertThat(result.amended()).isEqualTo(wire);
			assertThat(result.editorKept()).isFalse();
			assertThat(result.unknownCodes()).isEmpty();
		}

		@Test
		@DisplayName("an unclassified wire: codes, rationale, origin, counterfactual and version, each with its rule")
		void unclassified() {
			Classification result = classifier(this.rules).classify(wire("Bias", ""));

			assertThat(result.changes()).containsExactly(change(WireField.CODES, "", "M1", "bias"),
					change(WireField.RATIONALE, "", LAUNCH_RATIONALE, "bulk-rationale"),
					change(WireField.RATIONALE_ORIGIN, "", "bulk", "bulk-rationale"),
					change(WireField.COUNTERFACTUAL, "", COUNTERFACTUAL, "bulk-rationale"),
					change(WireField.TAXONOMY_VERSION, "", "2026.05", "taxonomy-version"));
		}

		@Test
		@DisplayName("an older taxonomy version only: a wire the pass does not otherwise change keeps it, and its bytes")
		void versionOnly() {
			Classification result = classifier(this.rules).classify(classified().taxonomyVersion("2025.01").build());

			assertThat(result.changes()).isEmpty();
		}

		@Test
		@DisplayName("an unclassified wire gets the version, as taxonomy-version")
		void versionOfAnUnclassifiedWire() {
			Classification result = classifier(this.rules).classify(classified().taxonomyVersion("").build());

			assertThat(result.changes()).containsExactly(change(WireField.TAXONOMY_VERSION, "", "2026.05",
					"taxonomy-version"));
		}

		@Test
		@DisplayName("an older bulk rationale only: the rationale, as bulk-rationale (origin and counterfactual unchanged)")
		void olderBulkRationale() {
			Wire wire = classified().rationale("Old bulk text.", "bulk", COUNTERFACTUAL).build();

			Classification result = classifier(this.rules).classify(wire);

			assertThat(result.changes())
				.containsExactly(change(WireField.RATIONALE, "Old bulk text.", LAUNCH_RATIONALE, "bulk-rationale"));
		}

		@Test
		@DisplayName("a code added and another removed: both rules, added first")
		void addedAndRemoved() {
			Classification result = classifier(this.rules, """
					- id: not-f2
					  description: Remove F2.
					  when:
					    keywords: [bias]
					  then:
					    remove_codes: [F2]
					""").classify(classified().body("bias").codes("F2").build());

			assertThat(result.changes()).containsExactly(change(WireField.CODES, "F2", "M1", "bias", "not-f2"));
		}

	}

	@Nested
	@DisplayName("regular expressions, matched in linear time")
	class LinearTime {

		@Test
		@DisplayName("(a+)+ is accepted and decides on a long text without a match")
		void nestedQuantifier() {
			Classifier classifier = classifier("""
					- id: nested
					  description: Exponential for a backtracking engine.
					  when:
					    regex: '(a+)+b'
					  then:
					    add_codes: [M1]
					""");

			assertThat(classifier.classify(wire("A wire", "a".repeat(50_000))).amended().codes()).isEmpty();
			assertThat(classifier.classify(wire("A wire", "aaab")).amended().codes()).containsExactly("M1");
		}

		@Test
		@DisplayName("a polynomial pattern, a.*a.*a.*a.*a.*a.*c, finishes on long texts")
		void polynomial() {
			Classifier classifier = classifier("""
					- id: polynomial
					  description: n^6 for a backtracking engine on a's without a c.
					  when:
					    regex: 'a.*a.*a.*a.*a.*a.*c'
					    in: [body]
					  then:
					    add_codes: [M1]
					""");

			assertThat(classifier.classify(wire("A wire", "a".repeat(20_000))).amended().codes()).isEmpty();
			assertThat(classifier.classify(wire("A wire", "aaaaaac")).amended().codes()).containsExactly("M1");
		}

		@Test
		@DisplayName("an alternation repeated over a long text, (\\w|\\s)*zzz, no longer overflows the stack")
		void alternationRepeated() {
			Classifier classifier = classifier("""
					- id: words
					  description: Recursed once per repetition in java.util.regex.
					  when:
					    regex: '(\\w|\\s)*zzz'
					  then:
					    add_codes: [M1]
					""");

			assertThat(classifier.classify(wire("A wire", "word ".repeat(20_000))).amended().codes()).isEmpty();
			assertThat(classifier.classify(wire("A wire", "word ".repeat(20_000) + "zzz")).amended().codes())
				.containsExactly("M1");
		}

		@Test
		@DisplayName("60 rules like .*zq0 over 20 bodies of 1,500 characters: no match, no failure")
		void manyRulesManyBodies() {
			StringBuilder rules = new StringBuilder();
			for (int i = 0; i < 60; i++) {
				rules.append("- id: zq" + i + "\n  description: Never found.\n  when:\n    regex: '.*zq" + i
						+ "'\n  then:\n    add_codes: [M1]\n");
			}
			Classifier classifier = classifier(rules.toString());
			String body = "lorem ipsum dolor sit amet ".repeat(56).substring(0, 1_500);

			for (int i = 0; i < 20; i++) {
				Classification result = classifier.classify(wire("Wire " + i, body));
				assertThat(result.amended().codes()).isEmpty();
				// only the pass's own bulk fields change; no zq rule matched
				assertThat(result.changes())
					.noneMatch(change -> change.ruleIds().stream().anyMatch(id -> id.startsWith("zq")));
			}
		}

		@Test
		@DisplayName("fake (court )?cases over a 6 MB body matches")
		void largeBody() {
			Classifier classifier = classifier("""
					- id: fake-cases
					  description: Made-up citations.
					  when:
					    regex: 'fake (court )?cases'
					  then:
					    add_codes: [M1]
					""");
			String body = "x".repeat(6_000_000) + " Fake Court Cases";

			assertThat(classifier.classify(wire("A wire", body)).amended().codes()).containsExactly("M1");
		}

		@Test
		@DisplayName("case-insensitive matching folds Unicode case: /élan/ matches ÉLAN")
		void unicodeCase() {
			Classifier classifier = classifier("""
					- id: elan
					  description: Accented.
					  when:
					    regex: 'élan'
					  then:
					    add_codes: [M1]
					""");

			assertThat(classifier.classify(wire("A wire", "ÉLAN")).amended().codes()).containsExactly("M1");
		}

		@Test
		@DisplayName("alternations in a loop, (a|aa)*c and (x|xy)*z, pass validation and decide quickly on short texts")
		void alternationsInALoop() {
			Classifier classifier = classifier("""
					- id: a-or-aa
					  description: Exponential in theory.
					  when:
					    regex: '(a|aa)*c'
					  then:
					    add_codes: [M1]
					- id: x-or-xy
					  description: Exponential in theory.
					  when:
					    regex: '(x|xy)*z'
					  then:
					    add_codes: [M2]
					""");

			long start = System.nanoTime();
			Classification result = classifier.classify(wire("A wire", "a".repeat(500) + " " + "x".repeat(500)));

			assertThat(result.amended().codes()).isEmpty();
			assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(10);
			assertThat(classifier.classify(wire("A wire", "aaaac xxyz")).amended().codes()).containsExactly("M1", "M2");
		}

	}

}
