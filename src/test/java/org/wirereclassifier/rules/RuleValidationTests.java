package org.wirereclassifier.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.pass.PassDefinitionException;
import org.wirereclassifier.pass.PassDefinitionLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Job files with bad rules or taxonomies are refused before anything runs, with a {@link PassDefinitionException}
 * (exit status 2) naming the file, the rule and the line of each problem.
 */
@DisplayName("Rule validation")
class RuleValidationTests {

	/** The line of the first rule in a job file written by {@link TestArchives#jobFile(Path, String, String...)}. */
	private static final int FIRST_RULE = 13;

	private static final String CONDITION_KINDS = "keywords, regex, provider, source_count, source_tier, severity, "
			+ "published, has_code, lacks_code, all, any, not";

	private static final String CONDITION_KEYS = "all, any, has_code, in, keywords, lacks_code, not, provider, "
			+ "published, regex, severity, source_count, source_tier";

	@TempDir
	private Path dir;

	/** A job file named checked.yaml with these rules, the first at line {@link #FIRST_RULE}. */
	private Path job(String... rules) {
		return TestArchives.jobFile(this.dir, "checked", rules);
	}

	private static void assertRefused(Path job, String message) {
		assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
			.hasMessage(message);
	}

	/** A rule that adds M1 when {@code when} (YAML) holds: "when:" is at line FIRST_RULE + 2. */
	private Path jobWhen(String id, String when) {
		return job("""
				- id: %s
				  description: A rule under test.
				  when:
				    %s
				  then:
				    add_codes: [M1]
				""".formatted(id, when.strip().replace("\n", "\n    ")));
	}

	/** A rule holding when "bias" is found that does {@code then} (YAML): "then:" is at line FIRST_RULE + 4. */
	private Path jobThen(String id, String then) {
		return job("""
				- id: %s
				  description: A rule under test.
				  when:
				    keywords: [bias]
				  then:
				    %s
				""".formatted(id, then.strip().replace("\n", "\n    ")));
	}

	@Test
	@DisplayName("a * inside a keyword is refused: only a trailing * matches word endings")
	void starInsideAKeyword() {
		Path job = jobWhen("inner-star", "keywords: [lawyer* cited]");
		assertRefused(job, job + ": rule inner-star (line " + (FIRST_RULE + 2) + "): when.keywords: \"lawyer* cited\": "
				+ "* is allowed only at the end of a keyword");
	}

	@Test
	@DisplayName("a severity range that no severity fits says which end is the less severe")
	void emptySeverityRange() {
		Path job = jobWhen("empty-range", "severity: {at_least: SEV-2, at_most: SEV-3}");
		assertRefused(job, job + ": rule empty-range (line " + (FIRST_RULE + 2) + "): when.severity: at_most SEV-3 is "
				+ "less severe than at_least SEV-2: no severity is both");
	}

	@Test
	@DisplayName("a valid job file loads: the starter pass and a small one")
	void validFilesLoad() {
		assertThat(PassDefinitionLoader.load(TestArchives.launchArchiveJob()).rules().rules()).hasSize(22);
		assertThat(PassDefinitionLoader.load(jobThen("ok", "add_codes: [M1, F2]")).rules().rules()).hasSize(1);
	}

	@Nested
	@DisplayName("codes")
	class Codes {

		@Test
		@DisplayName("a code the taxonomy does not have, in add_codes or remove_codes")
		void unknownCodeAdded() {
			Path job = jobThen("adds-m9", "add_codes: [M1, M9]");
			assertRefused(job, job + ": rule adds-m9 (line 17): then.add_codes: code M9 is not in taxonomy 2026.05");

			Path removes = jobThen("removes-f99", "remove_codes: [F99]");
			assertRefused(removes,
					removes + ": rule removes-f99 (line 17): then.remove_codes: code F99 is not in taxonomy 2026.05");
		}

		@Test
		@DisplayName("a code the taxonomy does not have, in has_code or lacks_code, nested or not")
		void unknownCodeTested() {
			Path job = jobWhen("tests-z1", "has_code: [F1, Z1]");
			assertRefused(job, job + ": rule tests-z1 (line 15): when.has_code: code Z1 is not in taxonomy 2026.05");

			Path nested = jobWhen("nested-z1", """
					all:
					  - keywords: [bias]
					  - not:
					      lacks_code: [m1]
					""");
			assertRefused(nested, nested
					+ ": rule nested-z1 (line 15): when.all[1].not.lacks_code: code m1 is not in taxonomy 2026.05");
		}

		@Test
		@DisplayName("a retired code may not be added, but may be tested and removed")
		void retiredCode() {
			TestArchives.write(dir.resolve("taxonomy/retiring.yaml"), """
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
					""");
			String head = """
					pass:
					  name: retiring
					  date: 2026-06-01
					taxonomy: taxonomy/retiring.yaml
					rationale:
					  text: Retiring.
					  counterfactual: But for.
					rules:
					""";
			Path adds = TestArchives.jobFile(dir, "adds.yaml", head + """
					  - id: adds-retired
					    description: Adds a retired code.
					    then:
					      add_codes: [M2]
					""");
			Path uses = TestArchives.jobFile(dir, "uses.yaml", head + """
					  - id: replaces-retired
					    description: Replaces a retired code.
					    when:
					      has_code: [M2]
					    then:
					      remove_codes: [M2]
					      add_codes: [M1]
					""");

			assertRefused(adds, adds + ": rule adds-retired (line 11): then.add_codes: code M2 is retired in taxonomy "
					+ "2026.06-test");
			assertThat(PassDefinitionLoader.load(uses).rules().rules()).hasSize(1);
		}

	}

	@Nested
	@DisplayName("regular expressions")
	class Regexes {

		@Test
		@DisplayName("one that does not compile, with the engine's reason")
		void badRegex() {
			Path job = jobWhen("unclosed", "regex: '[unclosed'");
			assertRefused(job, job + ": rule unclosed (line 15): when.regex /[unclosed/ is not a valid regular "
					+ "expression: missing closing ]");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				(a)\\1       | a backreference
				x(?=y)       | a lookahead
				x(?!y)       | a lookahead
				(?<=x)y      | a lookbehind
				(?<!x)y      | a lookbehind
				a++          | a possessive quantifier
				a{2,3}+      | a possessive quantifier
				(?>ab)c      | an atomic group
				""")
		@DisplayName("a feature the linear-time engine does not support")
		void unsupported(String regex, String feature) {
			Path job = jobWhen("unsupported", "regex: '" + regex + "'");
			assertRefused(job, job + ": rule unsupported (line 15): when.regex /" + regex + "/ uses " + feature
					+ ", which the linear-time engine does not support");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "(a+)+", "(a*)*b", "[1(?=]x", "a\\+\\+", "\\(?=" })
		@DisplayName("nested quantifiers, and the same characters escaped or in a class, are accepted")
		void accepted(String regex) {
			Path job = jobWhen("accepted", "regex: '" + regex + "'");
			assertThat(PassDefinitionLoader.load(job).rules().rules()).hasSize(1);
		}

	}

	@Nested
	@DisplayName("keys")
	class Keys {

		@Test
		@DisplayName("an unknown key in a rule (wen: for when:) names its line and the known keys")
		void unknownRuleKey() {
			Path job = job("""
					- id: typo
					  description: A typo.
					  wen:
					    keywords: [bias]
					  then:
					    add_codes: [M1]
					""");
			assertRefused(job, job + " line 15: unknown key \"wen\" in rules[0] (known: description, id, then, when)");
		}

		@Test
		@DisplayName("an unknown key inside a condition, at the top or nested, names its line and the known keys")
		void unknownConditionKey() {
			Path job = jobWhen("keyword-typo", """
					keyword: [bias]
					""");
			assertRefused(job,
					job + " line 16: unknown key \"keyword\" in rules[0].when (known: " + CONDITION_KEYS + ")");

			Path nested = job("""
					- id: first
					  description: Fine.
					  then:
					    add_codes: [M1]
					- id: second
					  description: A typo deep inside.
					  when:
					    any:
					      - keywords: [bias]
					      - all:
					          - provider: [OpenAI]
					          - regexp: 'gpt-4'
					  then:
					    add_codes: [M1]
					""");
			assertRefused(nested, nested + " line 24: unknown key \"regexp\" in rules[1].when.any[1].all[1] (known: "
					+ CONDITION_KEYS + ")");
		}

		@Test
		@DisplayName("an unknown key in then, or in a range")
		void unknownActionOrRangeKey() {
			Path job = jobThen("then-typo", "add_code: [M1]");
			assertRefused(job, job + " line 18: unknown key \"add_code\" in rules[0].then (known: add_codes, "
					+ "counterfactual, rationale, remove_codes, set_severity)");

			Path range = jobWhen("range-typo", "source_count: {minimum: 2}");
			assertRefused(range, range + " line 16: unknown key \"minimum\" in rules[0].when.source_count (known: max, "
					+ "min)");
		}

		@Test
		@DisplayName("a condition with two kinds, or with none")
		void conditionKinds() {
			Path two = jobWhen("two-kinds", """
					keywords: [bias]
					regex: 'bias'
					""");
			assertRefused(two, two + ": rule two-kinds (line 15): when: a condition needs exactly one of "
					+ CONDITION_KINDS + " (found keywords, regex)");

			Path none = jobWhen("no-kind", "{}");
			assertRefused(none, none + ": rule no-kind (line 15): when: a condition needs exactly one of "
					+ CONDITION_KINDS);

			Path nested = jobWhen("nested-none", """
					any:
					  - keywords: [bias]
					  - in: [body]
					""");
			assertRefused(nested, nested + ": rule nested-none (line 15): when.any[1]: a condition needs exactly one of "
					+ CONDITION_KINDS);
		}

		@Test
		@DisplayName("'in' with a field other than headline or body, or without keywords or regex")
		void badIn() {
			Path job = jobWhen("bad-in", """
					keywords: [bias]
					in: [title, body]
					""");
			assertRefused(job, job + ": rule bad-in (line 15): when.in: unknown field \"title\" (headline or body)");

			Path alone = jobWhen("in-alone", """
					provider: [OpenAI]
					in: [body]
					""");
			assertRefused(alone, alone + ": rule in-alone (line 15): when: 'in' goes only with keywords or regex");
		}

	}

	@Nested
	@DisplayName("ids and descriptions")
	class Ids {

		@Test
		@DisplayName("a duplicate rule id is reported at the second rule's id")
		void duplicateId() {
			String rule = """
					- id: same
					  description: Twice.
					  then:
					    add_codes: [M1]
					""";
			Path job = job(rule, rule);
			assertRefused(job, job + ": rule same (line 17): id appears twice");
		}

		@Test
		@DisplayName("a rule without a description, or with a blank one")
		void missingDescription() {
			Path job = job("""
					- id: undescribed
					  then:
					    add_codes: [M1]
					""", """
					- id: blank
					  description: "  "
					  then:
					    add_codes: [M1]
					""");
			assertRefused(job, job + ": rule undescribed (line 13): has no description\n" + job
					+ ": rule blank (line 16): has no description");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "bulk-rationale", "taxonomy-version", "taxonomy-order" })
		@DisplayName("the ids the pass uses for its own changes are reserved")
		void reservedId(String id) {
			Path job = job("""
					- id: %s
					  description: Pretends to be the pass.
					  then:
					    add_codes: [M1]
					""".formatted(id));
			assertRefused(job, job + ": rule " + id + " (line 13): id " + id + " is reserved for the pass's own changes");
		}

		@Test
		@DisplayName("a missing id, and one with characters other than letters, digits, '.', '_' or '-'")
		void badIds() {
			Path job = job("""
					- description: No id.
					  then:
					    add_codes: [M1]
					""", """
					- id: has space
					  description: Bad id.
					  then:
					    add_codes: [M1]
					""");
			assertRefused(job, job + ": rule #1 (line 13): has no id\n" + job
					+ ": rule has space (line 16): id must be letters, digits, '.', '_' or '-' (at most 64)");
		}

	}

	@Nested
	@DisplayName("actions")
	class Actions {

		@Test
		@DisplayName("a rule with an empty then, or none, has nothing to do")
		void emptyThen() {
			Path job = job("""
					- id: empty-then
					  description: Does nothing.
					  when:
					    keywords: [bias]
					  then: {}
					""", """
					- id: no-then
					  description: Does nothing either.
					""");
			String nothing = "has nothing to do: give then.add_codes, remove_codes, set_severity, rationale or "
					+ "counterfactual";
			assertRefused(job, job + ": rule empty-then (line 13): " + nothing + "\n" + job + ": rule no-then (line 18): "
					+ nothing);
		}

		@Test
		@DisplayName("an unknown template variable in a rule's rationale or counterfactual")
		void unknownTemplateVariable() {
			Path job = jobThen("bad-template", """
					rationale: Classified by {pass_name} on {date}.
					counterfactual: But for {Pass_Name} and {taxonomy.version}.
					""");
			assertRefused(job, job + ": rule bad-template (line 17): then.rationale: unknown template variable {date} "
					+ "(known: {pass_name}, {pass_date}, {taxonomy_version})\n" + job + ": rule bad-template (line 17): "
					+ "then.counterfactual: unknown template variable {Pass_Name}, {taxonomy.version} (known: "
					+ "{pass_name}, {pass_date}, {taxonomy_version})");
		}

		@Test
		@DisplayName("an unknown template variable in the bulk rationale (no line is given)")
		void unknownBulkTemplateVariable() {
			Path job = TestArchives.jobFile(dir, "bulk.yaml", """
					pass:
					  name: bulk
					  date: 2026-05-10
					taxonomy: taxonomy/2026.05.yaml
					rationale:
					  text: Bulk ({passdate}).
					  counterfactual: But for.
					""");
			assertRefused(job, job + " line 6: rationale.text: unknown template variable {passdate} (known: {pass_name}, "
					+ "{pass_date}, {taxonomy_version})");
		}

		@ParameterizedTest(name = "set_severity: \"{0}\"")
		@ValueSource(strings = { "SEV-9", "SEV-0", "sev-2", "SEV2", "unrated", "high" })
		@DisplayName("a severity other than SEV-1 to SEV-5")
		void badSeverity(String severity) {
			Path job = jobThen("bad-severity", "set_severity: \"" + severity + "\"");
			assertRefused(job, job + ": rule bad-severity (line " + (FIRST_RULE + 4) + "): then.set_severity: \""
					+ severity + "\" is not SEV-1 to SEV-5");
		}

	}

	@Nested
	@DisplayName("ranges")
	class Ranges {

		@Test
		@DisplayName("source_count with min above max, a negative min, or neither")
		void sourceCount() {
			Path job = jobWhen("min-over-max", "source_count: {min: 5, max: 2}");
			assertRefused(job, job + ": rule min-over-max (line 15): when.source_count: min must be >= 0 and <= max");

			Path negative = jobWhen("negative", "source_count: {min: -1}");
			assertRefused(negative,
					negative + ": rule negative (line 15): when.source_count: min must be >= 0 and <= max");

			Path neither = jobWhen("neither", "source_count: {}");
			assertRefused(neither, neither + ": rule neither (line 15): when.source_count needs min or max");
		}

		@Test
		@DisplayName("published with from after to, or a date that does not exist")
		void published() {
			Path job = jobWhen("backwards", "published: {from: 2025-12-31, to: 2025-01-01}");
			assertRefused(job, job + ": rule backwards (line 15): when.published: from is after to");

			Path bad = jobWhen("no-such-day", "published: {from: 2025-02-30}");
			assertRefused(bad, bad + " line 16: rules[0].when.published.from: \"2025-02-30\" is not a date (YYYY-MM-DD)");
		}

		@Test
		@DisplayName("severity: an empty range, is mixed with at_least, or a bad level")
		void severity() {
			Path both = jobWhen("mixed", "severity: {is: [SEV-1], at_least: SEV-2}");
			assertRefused(both, both + ": rule mixed (line 15): when.severity: use either is, or at_least/at_most");

			Path bad = jobWhen("bad-level", "severity: {is: [unrated, SEV-6]}");
			assertRefused(bad, bad + ": rule bad-level (line 15): when.severity.is: \"SEV-6\" is not SEV-1 to SEV-5");

			Path empty = jobWhen("empty", "severity: {}");
			assertRefused(empty, empty + ": rule empty (line 15): when.severity needs at_least, at_most or is");
		}

	}

	@Nested
	@DisplayName("YAML")
	class Yaml {

		@Test
		@DisplayName("a line indented wrongly: the line of the problem")
		void badIndentation() {
			Path job = job("""
					- id: a
					   description: Indented one space too far.
					""");
			assertRefused(job, job + " line 14: mapping values are not allowed here");
		}

		@Test
		@DisplayName("a flow list that is not closed: the line where the parser gave up")
		void unclosedList() {
			Path job = job("""
					- id: a
					  description: An unclosed list.
					  when:
					    keywords: [bias, hate
					  then:
					    add_codes: [M1]
					""");
			assertRefused(job, job + " line 17: while parsing a flow sequence; expected ',' or ']', but got :");
		}

		@Test
		@DisplayName("a list where a text is expected names the key and its line")
		void wrongShape() {
			Path job = job("""
					- id: a
					  description: [a, list]
					  then:
					    add_codes: [M1]
					""");
			assertRefused(job, job + " line 14: rules[0].description: expected text");
		}

	}

	@Nested
	@DisplayName("the file itself")
	class Files {

		@Test
		@DisplayName("a FIFO is refused without reading it")
		void fifo() throws Exception {
			Path fifo = dir.resolve("pipe.yaml");
			assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
			assertRefused(fifo, fifo + ": not a regular file");
		}

		@Test
		@DisplayName("a file over 1 MiB is refused before it is read")
		void tooLarge() {
			Path job = TestArchives.write(dir.resolve("large.yaml"), "# padding\n".repeat(110_000));
			assertRefused(job, job + ": 1100000 bytes; a job file may be at most 1 MiB");
		}

		@Test
		@DisplayName("a file that is not UTF-8 says how to save it")
		void utf16() throws Exception {
			Path job = dir.resolve("utf16.yaml");
			java.nio.file.Files.write(job, "pass:\n  name: x\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
			assertRefused(job, job + ": not UTF-8 text (save it as UTF-8)");
		}

	}

	@Nested
	@DisplayName("taxonomy files")
	class Taxonomies {

		private Path jobNaming(String taxonomy) {
			return TestArchives.jobFile(dir, "taxonomy-check.yaml", """
					pass:
					  name: taxonomy-check
					  date: 2026-05-10
					taxonomy: %s
					rationale:
					  text: Bulk.
					  counterfactual: But for.
					""".formatted(taxonomy));
		}

		@Test
		@DisplayName("a taxonomy file that does not exist")
		void missing() {
			Path job = jobNaming("taxonomy/2099.01.yaml");
			assertRefused(job, dir.resolve("taxonomy/2099.01.yaml")
					+ ": no such taxonomy file (named by taxonomy-check.yaml)");
		}

		@Test
		@DisplayName("a duplicate code, a code not of its family and a code without a label: all listed")
		void badCodes() {
			Path taxonomy = TestArchives.write(dir.resolve("taxonomy/bad.yaml"), """
					version: "bad-1"
					families:
					  - id: M
					    label: Risk domain
					    codes:
					      - code: M1
					        label: One
					      - code: M1
					        label: One again
					      - code: F1
					        label: Not an M
					      - code: M3
					""");
			assertRefused(jobNaming("taxonomy/bad.yaml"), taxonomy + ": code M1 appears twice; code \"F1\" of family M "
					+ "must be M followed by a number; code M3 has no label");
		}

		@Test
		@DisplayName("a family id that is not letters, a family twice, no version")
		void badFamilies() {
			Path taxonomy = TestArchives.write(dir.resolve("taxonomy/bad.yaml"), """
					families:
					  - id: M
					    codes:
					      - code: M1
					        label: One
					  - id: M
					    codes:
					      - code: M2
					        label: Two
					  - id: F-2
					    codes: []
					""");
			assertRefused(jobNaming("taxonomy/bad.yaml"), taxonomy + ": version is missing; family M appears twice; "
					+ "family id \"F-2\" must be letters");
		}

		@Test
		@DisplayName("an unknown key in a taxonomy file names its line")
		void unknownKey() {
			Path taxonomy = TestArchives.write(dir.resolve("taxonomy/bad.yaml"), """
					version: "bad-1"
					families:
					  - id: M
					    codes:
					      - code: M1
					        label: One
					        retire: true
					""");
			assertRefused(jobNaming("taxonomy/bad.yaml"), taxonomy + " line 7: unknown key \"retire\" in "
					+ "families[0].codes[0] (known: code, description, label, retired)");
		}

	}

	@Test
	@DisplayName("several problems in several rules are all listed, one a line, in the order of the file")
	void severalProblems() {
		Path job = job("""
				- id: unknown-code
				  description: Adds M9.
				  then:
				    add_codes: [M9]
				""", """
				- id: bad-regex
				  description: Unclosed.
				  when:
				    regex: '(unclosed'
				  then:
				    add_codes: [M1]
				""", """
				- id: many
				  when:
				    all:
				      - source_count: {min: 3, max: 1}
				      - has_code: [Q7]
				  then:
				    set_severity: SEV-0
				""", """
				- id: unknown-code
				  description: Duplicate id.
				  then:
				    remove_codes: [M1]
				""");
		List<String> lines = catchThrowableOfType(PassDefinitionException.class, () -> PassDefinitionLoader.load(job))
			.getMessage()
			.lines()
			.toList();
		assertThat(lines).hasSize(7);
		assertThat(lines.subList(0, 5)).containsExactly(
				job + ": rule unknown-code (line 15): then.add_codes: code M9 is not in taxonomy 2026.05",
				job + ": rule bad-regex (line 19): when.regex /(unclosed/ is not a valid regular expression: "
						+ "missing closing )",
				job + ": rule many (line 23): has no description",
				job + ": rule many (line 24): when.all[0].source_count: min must be >= 0 and <= max",
				job + ": rule many (line 24): when.all[1].has_code: code Q7 is not in taxonomy 2026.05");
		// the line is not asserted: it should be 28 (then:), RuleCompiler gives 24 (when:), see the report
		assertThat(lines.get(5)).matches(Pattern.quote(job + ": rule many (line ") + "\\d+"
				+ Pattern.quote("): then.set_severity: \"SEV-0\" is not SEV-1 to SEV-5"));
		assertThat(lines.get(6)).isEqualTo(job + ": rule unknown-code (line 30): id appears twice");
	}

}
