package org.wirereclassifier.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.archive.Wire;
import org.wirereclassifier.pass.Pass;
import org.wirereclassifier.pass.PassDefinitionException;
import org.wirereclassifier.pass.PassDefinitionLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wirereclassifier.rules.TestWire.wire;

/**
 * A job file is data: expression syntax stays text, unknown keys are refused, YAML tags construct nothing, and
 * whatever a job file names, nothing in it is run. Each payload would create {@code /tmp/pwned-<random>} if it ran.
 */
@DisplayName("Rules are data")
class RulesAreDataTests {

	private static final String CONDITION_KEYS = "all, any, has_code, in, keywords, lacks_code, not, provider, "
			+ "published, regex, severity, source_count, source_tier";

	@TempDir
	private Path dir;

	/** The file a payload would create if anything executed it. */
	private final Path pwned = Path.of("/tmp", "pwned-" + UUID.randomUUID());

	/** {@code T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned-…')}: SpEL that would create the file. */
	private final String spel = "T(java.lang.Runtime).getRuntime().exec('touch " + this.pwned + "')";

	@AfterEach
	void nothingRan() throws Exception {
		assertThat(this.pwned).doesNotExist();
		Files.deleteIfExists(this.pwned);
	}

	/** A job file (its pass named after the file) with these rules; the first rule is at line 13. */
	private Path job(String name, String... rules) {
		return TestArchives.jobFile(this.dir, name, rules);
	}

	/** YAML single-quoted: quotes doubled. */
	private static String quoted(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	@Nested
	@DisplayName("expression syntax in keywords, regex and templates")
	class ExpressionSyntax {

		private Pass pass() {
			return PassDefinitionLoader.load(job("data", """
					- id: spel-keyword
					  description: SpEL as a keyword.
					  when:
					    keywords: [%s]
					  then:
					    add_codes: [M4]
					- id: spel-template-keyword
					  description: A SpEL template as a keyword.
					  when:
					    keywords: [%s]
					  then:
					    add_codes: [F9]
					- id: placeholder-keyword
					  description: A property placeholder as a keyword.
					  when:
					    keywords: ['${java.home}', '${user.home}']
					  then:
					    add_codes: [M2]
					- id: spel-regex
					  description: SpEL as a regular expression, quoted.
					  when:
					    regex: %s
					  then:
					    add_codes: [F4]
					    rationale: 'Matched #{T(java.lang.Runtime).getRuntime().exec(''touch %s'')} in {pass_name}.'
					""".formatted(quoted(spel), quoted("#{" + spel + "}"), quoted("\\Q#{" + spel + "}\\E"), pwned)));
		}

		@Test
		@DisplayName("load as text, and match a wire whose body holds that very text")
		void matchLiterally() {
			Wire wire = wire("Payloads", "The report quoted #{" + spel + "} and ${java.home} verbatim.");

			Classification result = pass().classifier().classify(wire);

			assertThat(result.amended().codes()).containsExactly("M2", "M4", "F4", "F9");
			assertThat(result.amended().rationale())
				.isEqualTo("Matched #{T(java.lang.Runtime).getRuntime().exec('touch " + pwned + "')} in data.");
			assertThat(result.changes()).first()
				.satisfies(change -> assertThat(change.ruleIds()).containsExactly("placeholder-keyword", "spel-keyword",
						"spel-regex", "spel-template-keyword"));
		}

		@Test
		@DisplayName("match nothing else: not the values the expressions would have, nor parts of them")
		void matchNothingElse() {
			Classifier classifier = pass().classifier();

			for (String body : List.of(System.getProperty("java.home"), System.getProperty("user.home"),
					"java.lang.Runtime getRuntime exec touch " + pwned, "T(java.lang.Runtime)", "#{}", "${}",
					"Process[pid=1, exitValue=0]")) {
				assertThat(classifier.classify(wire("A wire", body)).amended().codes()).as(body).isEmpty();
			}
		}

		@Test
		@DisplayName("a placeholder in a rule's rationale is refused as an unknown template variable, not resolved")
		void placeholderInTemplate() {
			Path job = job("placeholder", """
					- id: placeholder-template
					  description: A placeholder in a template.
					  then:
					    rationale: 'Home is ${user.home}.'
					""");

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
				.hasMessage(job + ": rule placeholder-template (line 15): then.rationale: unknown template variable "
						+ "{user.home} (known: {pass_name}, {pass_date}, {taxonomy_version})");
		}

	}

	@Nested
	@DisplayName("keys that would name code")
	class UnknownKeys {

		@ParameterizedTest(name = "{0}:")
		@ValueSource(strings = { "spel", "expression", "script", "eval", "class", "type", "javascript" })
		@DisplayName("under when, are refused as unknown keys")
		void underWhen(String key) {
			Path job = job("scripted", """
					- id: scripted
					  description: Tries to run code.
					  when:
					    %s: %s
					  then:
					    add_codes: [M1]
					""".formatted(key, quoted(spel)));

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
				.hasMessage(job + " line 16: unknown key \"" + key + "\" in rules[0].when (known: " + CONDITION_KEYS
						+ ")");
		}

		@Test
		@DisplayName("under then, in a rule and at the top of the file, are refused as unknown keys")
		void elsewhere() {
			Path then = job("exec", """
					- id: exec
					  description: Tries to run code.
					  then:
					    exec: %s
					""".formatted(quoted(spel)));
			Path rule = job("script", """
					- id: script
					  description: Tries to run code.
					  script: %s
					  then:
					    add_codes: [M1]
					""".formatted(quoted(spel)));
			Path top = TestArchives.jobFile(dir, "top.yaml", """
					pass:
					  name: top
					  date: 2026-05-10
					taxonomy: taxonomy/2026.05.yaml
					rationale:
					  text: Bulk.
					  counterfactual: But for.
					script: %s
					""".formatted(quoted(spel)));

			assertThatThrownBy(() -> PassDefinitionLoader.load(then)).hasMessage(then + " line 16: unknown key \"exec\" "
					+ "in rules[0].then (known: add_codes, counterfactual, rationale, remove_codes, set_severity)");
			assertThatThrownBy(() -> PassDefinitionLoader.load(rule)).hasMessage(rule + " line 15: unknown key "
					+ "\"script\" in rules[0] (known: description, id, then, when)");
			assertThatThrownBy(() -> PassDefinitionLoader.load(top))
				.hasMessage(top + " line 8: unknown key \"script\" (known: pass, rationale, rules, taxonomy)");
		}

	}

	@Nested
	@DisplayName("YAML tags naming Java classes")
	class YamlTags {

		@Test
		@DisplayName("!!java.lang.ProcessBuilder on a keyword list is refused, with its line")
		void processBuilderOnAList() {
			Path job = job("tagged", """
					- id: tagged
					  description: A tagged list.
					  when:
					    keywords: !!java.lang.ProcessBuilder [touch, %s]
					  then:
					    add_codes: [M1]
					""".formatted(pwned));

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
				.hasMessage(job + " line 16: YAML type tags are not allowed in a job file "
						+ "(found tag:yaml.org,2002:java.lang.ProcessBuilder)");
		}

		@Test
		@DisplayName("tags on text are refused too: !!java.io.File, a verbatim tag, a local !spel tag")
		void tagsOnScalars() {
			for (String tagged : List.of("description: !!java.io.File /etc/passwd",
					"description: !<tag:yaml.org,2002:javax.script.ScriptEngineManager> 'engine'",
					"description: !spel " + quoted(spel))) {
				Path job = job("tagged-scalar", """
						- id: tagged-scalar
						  %s
						  then:
						    add_codes: [M1]
						""".formatted(tagged));

				assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
					.hasMessageStartingWith(job + " line 14: YAML type tags are not allowed in a job file (found ");
			}
		}

		@Test
		@DisplayName("a whole document tagged !!javax.script.ScriptEngineManager is refused")
		void scriptEngineManagerDocument() {
			Path job = TestArchives.jobFile(dir, "engine.yaml", """
					!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]]
					""");

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
				.hasMessage(job + " line 1: YAML type tags are not allowed in a job file "
						+ "(found tag:yaml.org,2002:javax.script.ScriptEngineManager)");
		}

		@Test
		@DisplayName("a tagged constructor where a text is expected is refused")
		void constructorWhereTextExpected() {
			Path job = TestArchives.jobFile(dir, "builder.yaml", """
					pass:
					  name: !!java.lang.ProcessBuilder [touch, %s]
					  date: 2026-05-10
					taxonomy: taxonomy/2026.05.yaml
					rationale:
					  text: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]]
					  counterfactual: But for.
					""".formatted(pwned));

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
				.hasMessage(job + " line 2: YAML type tags are not allowed in a job file "
						+ "(found tag:yaml.org,2002:java.lang.ProcessBuilder)");
		}

	}

	@Nested
	@DisplayName("a taxonomy path outside the jobs folder")
	class TaxonomyOutside {

		private Path jobNaming(String taxonomy) {
			return TestArchives.jobFile(dir.resolve("jobs"), "outside.yaml", """
					pass:
					  name: outside
					  date: 2026-05-10
					taxonomy: %s
					rationale:
					  text: Bulk.
					  counterfactual: But for.
					""".formatted(taxonomy));
		}

		@Test
		@DisplayName("taxonomy: /etc/passwd is read, fails to bind as a taxonomy, and is refused naming the file")
		void etcPasswd() {
			Path job = jobNaming("/etc/passwd");

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
				.hasMessage("/etc/passwd line 1: not a taxonomy (expected a mapping of keys)");
		}

		@Test
		@DisplayName("a relative path climbing out of the folder is followed, and refused only if it is no taxonomy")
		void climbingOut() {
			TestArchives.write(dir.resolve("elsewhere/secret.txt"), "token=hunter2\n");
			Path job = jobNaming("../elsewhere/secret.txt");

			assertThatThrownBy(() -> PassDefinitionLoader.load(job)).isExactlyInstanceOf(PassDefinitionException.class)
				.hasMessage(dir.resolve("elsewhere/secret.txt") + " line 1: not a taxonomy (expected a mapping of keys)");
		}

		@Test
		@DisplayName("a real taxonomy outside the folder loads: taxonomy paths are not confined to the jobs folder")
		void notConfined() {
			TestArchives.write(dir.resolve("shared/tax.yaml"), """
					version: "shared-1"
					families:
					  - id: M
					    codes:
					      - code: M1
					        label: One
					""");

			assertThat(PassDefinitionLoader.load(jobNaming("../shared/tax.yaml")).taxonomyVersion()).isEqualTo("shared-1");
			assertThat(PassDefinitionLoader.load(jobNaming(dir.resolve("shared/tax.yaml").toString())).taxonomyVersion())
				.isEqualTo("shared-1");
		}

	}

}
