package org.wirereclassifier.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirereclassifier.TestArchives;
import org.wirereclassifier.TestCsv;
import org.wirereclassifier.pass.PassDefinitionLoader;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("KeywordMatcher")
class KeywordMatcherTests {

	/** The keywords (as given) that {@code text} holds, in the order they were given. */
	private static List<String> found(String text, String... keywords) {
		return found(text, List.of(keywords));
	}

	private static List<String> found(String text, List<String> keywords) {
		BitSet bits = new BitSet();
		KeywordMatcher.of(keywords).scan(text, bits);
		return bits.stream().mapToObj(keywords::get).toList();
	}

	@Test
	@DisplayName("a no-break space (U+00A0) between words matches a space in a phrase, as AIID texts have it")
	void noBreakSpace() {
		assertThat(found("hate\u00A0speech online", "hate speech")).containsExactly("hate speech");
	}

	@Nested
	@DisplayName("matches case-insensitively")
	class CaseInsensitive {

		@ParameterizedTest(name = "\"bias\" is found in \"{0}\"")
		@ValueSource(strings = { "bias", "Bias", "BIAS", "bIaS" })
		void textInAnyCase(String text) {
			assertThat(found("Evidence of " + text + " in hiring", "bias")).containsExactly("bias");
		}

		@Test
		@DisplayName("a keyword written in capitals finds the word in lower case, and phrases too")
		void keywordInAnyCase() {
			assertThat(found("signs of racial bias and hate speech", "BIAS", "Hate Speech"))
				.containsExactly("BIAS", "Hate Speech");
		}

	}

	@Nested
	@DisplayName("matches whole words only")
	class WordBoundaries {

		@ParameterizedTest(name = "\"bias\" is not in \"{0}\"")
		@ValueSource(strings = { "biased", "unbiased", "biases", "antibias", "bias2", "2bias", "Biasing" })
		void notInsideWords(String text) {
			assertThat(found("the model was " + text + " here", "bias")).isEmpty();
		}

		@ParameterizedTest(name = "\"bias\" is found in \"{0}\"")
		@ValueSource(strings = { "bias", "bias,", "(bias)", "bias.", "\"bias\"", "anti-bias", "bias's", "[bias]",
				"bias;", "bias!" })
		void betweenPunctuation(String text) {
			assertThat(found("the model showed " + text + " today", "bias")).containsExactly("bias");
		}

		@Test
		@DisplayName("a keyword at the very start or end of the text is found")
		void atTextEdges() {
			assertThat(found("bias", "bias")).containsExactly("bias");
			assertThat(found("Bias in hiring tools", "bias")).containsExactly("bias");
			assertThat(found("hiring tools show bias", "bias")).containsExactly("bias");
			assertThat(found("  \n bias \n ", "bias")).containsExactly("bias");
		}

		@Test
		@DisplayName("nothing is found in an empty text, and an empty matcher finds nothing")
		void emptyInputs() {
			assertThat(found("", "bias")).isEmpty();
			assertThat(found("   ", "bias")).isEmpty();
			BitSet bits = new BitSet();
			KeywordMatcher.of(List.of()).scan("bias", bits);
			assertThat(bits.isEmpty()).isTrue();
			assertThat(KeywordMatcher.of(List.of()).size()).isZero();
		}

	}

	@Nested
	@DisplayName("matches phrases across any run of white space")
	class Phrases {

		@ParameterizedTest(name = "\"hate speech\" is found in {0}")
		@ValueSource(strings = { "hate speech", "hate  speech", "hate\nspeech", "hate\n  speech", "hate\r\n\tspeech",
				"Hate\u2003Speech" })
		void acrossWhiteSpace(String text) {
			assertThat(found("it produced " + text + " at scale", "hate speech")).containsExactly("hate speech");
		}

		@ParameterizedTest(name = "\"hate speech\" is not in \"{0}\"")
		@ValueSource(strings = { "hatespeech", "hate-speech", "hate speeches", "whate speech", "hate, speech" })
		void notWithoutTheSpaceOrAcrossWords(String text) {
			assertThat(found("it produced " + text + " at scale", "hate speech")).isEmpty();
		}

		@Test
		@DisplayName("white space inside a keyword is normalised too: \"hate \\n speech\" is \"hate speech\"")
		void keywordWhiteSpace() {
			assertThat(found("some hate speech", "  hate \n  speech  ")).containsExactly("  hate \n  speech  ");
			assertThat(KeywordMatcher.normalise("  Hate \n\t Speech ")).isEqualTo("hate speech");
			assertThat(KeywordMatcher.normalise("Discriminat*")).isEqualTo("discriminat");
			assertThat(KeywordMatcher.normalise("wrong answer *")).isEqualTo("wrong answer");
		}

	}

	@Nested
	@DisplayName("matches any word ending after a trailing *")
	class Prefixes {

		@ParameterizedTest(name = "\"discriminat*\" is found in \"{0}\"")
		@ValueSource(strings = { "discrimination", "discriminatory", "Discriminated", "DISCRIMINATES", "discriminat",
				"discriminat-ish" })
		void anyEnding(String word) {
			assertThat(found("a " + word + " outcome", "discriminat*")).containsExactly("discriminat*");
		}

		@ParameterizedTest(name = "\"discriminat*\" is not in \"{0}\"")
		@ValueSource(strings = { "undiscriminating", "nondiscrimination", "discriminant", "discrimina" })
		void onlyAtTheStartOfAWord(String word) {
			assertThat(found("a " + word + " outcome", "discriminat*")).isEmpty();
		}

		@Test
		@DisplayName("the * applies to the last word of a phrase; the words before it must be whole")
		void inPhrases() {
			assertThat(found("it gave wrong answers twice", "wrong answer*")).containsExactly("wrong answer*");
			assertThat(found("it gave wrong answer", "wrong answer*")).containsExactly("wrong answer*");
			assertThat(found("it gave wronger answers", "wrong answer*")).isEmpty();
			assertThat(found("it gave the wrong\n  answering", "wrong answer*")).containsExactly("wrong answer*");
		}

		@Test
		@DisplayName("a prefix keyword and the same word without * are distinct keywords")
		void prefixAndExactWord() {
			assertThat(found("bias", "bias", "bias*")).containsExactly("bias", "bias*");
			assertThat(found("biases", "bias", "bias*")).containsExactly("bias*");
		}

	}

	@Nested
	@DisplayName("handles non-ASCII text")
	class NonAscii {

		@Test
		@DisplayName("accented keywords match in any case, and accented letters are word characters")
		void accents() {
			assertThat(found("Le CAFÉ de Paris", "café")).containsExactly("café");
			assertThat(found("Le Café, de Paris", "café")).containsExactly("café");
			assertThat(found("Les cafés de Paris", "café")).isEmpty();
			assertThat(found("Le cafe de Paris", "café")).isEmpty();
			assertThat(found("un écafé", "café")).isEmpty();
			assertThat(found("a naïve model", "na")).isEmpty();
			assertThat(found("MÜNCHEN police", "München")).containsExactly("München");
		}

		@Test
		@DisplayName("\"Straße\" is matched in lower case, in mixed case and with a capital sharp s")
		void sharpS() {
			assertThat(found("die straße war nass", "Straße")).containsExactly("Straße");
			assertThat(found("Die Straße war nass", "straße")).containsExactly("straße");
			assertThat(found("DIE STRAẞE WAR NASS", "straße")).containsExactly("straße");
			assertThat(found("die Straßenbahn", "straße")).isEmpty();
			assertThat(found("die Straßenbahn", "straße*")).containsExactly("straße*");
		}

		@Test
		@DisplayName("Greek, Cyrillic and CJK keywords are found")
		void otherScripts() {
			assertThat(found("Η ΤΕΧΝΗΤΗ νοημοσύνη", "τεχνητη")).containsExactly("τεχνητη");
			assertThat(found("Дипфейк видео", "дипфейк")).containsExactly("дипфейк");
			assertThat(found("报道: 小济 南 事件", "小济")).containsExactly("小济");
		}

	}

	@Nested
	@DisplayName("finds overlapping keywords")
	class Overlapping {

		private final List<String> keywords = List.of("self-driving", "driving", "self-driving car");

		@Test
		@DisplayName("\"a self-driving car crashed\" holds all three of self-driving, driving, self-driving car")
		void allThree() {
			assertThat(found("a self-driving car crashed", this.keywords)).containsExactly("self-driving", "driving",
					"self-driving car");
		}

		@Test
		@DisplayName("\"self-driving cars\" holds self-driving and driving but not the whole phrase")
		void longestNotWhole() {
			assertThat(found("self-driving cars", this.keywords)).containsExactly("self-driving", "driving");
		}

		@Test
		@DisplayName("\"driving\" alone, and \"self-driving\" without a car")
		void shorter() {
			assertThat(found("careless driving", this.keywords)).containsExactly("driving");
			assertThat(found("Self-Driving", this.keywords)).containsExactly("self-driving", "driving");
			assertThat(found("self-drivingcar", this.keywords)).isEmpty();
		}

		@Test
		@DisplayName("keywords that are prefixes and suffixes of one another are each found where they are whole")
		void sharedPrefixes() {
			List<String> keywords = List.of("a", "ab", "abc", "abcd", "b", "bc", "bcd", "c");
			assertThat(found("ab abc bcd c abcd x", keywords)).containsExactly("ab", "abc", "abcd", "bcd", "c");
			assertThat(found("abcd", keywords)).containsExactly("abcd");
			assertThat(found("a-b-c", keywords)).containsExactly("a", "b", "c");
		}

		@Test
		@DisplayName("the classic Aho-Corasick set he, she, his, hers")
		void classicSet() {
			List<String> keywords = List.of("he", "she", "his", "hers");
			assertThat(found("ushers", keywords)).isEmpty();
			assertThat(found("she said his and hers, he said", keywords)).containsExactly("he", "she", "his", "hers");
			assertThat(found("ushers she", keywords)).containsExactly("she");
		}

		@Test
		@DisplayName("a match is found after a longer partial match fails (failure links)")
		void failureLinks() {
			List<String> keywords = List.of("ab ab c", "ab c", "ab abx");
			assertThat(found("ab ab ab c", keywords)).containsExactly("ab ab c", "ab c");
			assertThat(found("ab ab abx", keywords)).containsExactly("ab abx");
			assertThat(found("xab ab c", keywords)).containsExactly("ab c");
		}

	}

	@Nested
	@DisplayName("scales to many keywords")
	class Many {

		@Test
		@DisplayName("500 keywords sharing prefixes: each one in the text is found, and no other")
		void fiveHundredKeywords() {
			List<String> keywords = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				// many keywords share long prefixes, some are phrases and some prefixes
				keywords.add(switch (i % 4) {
					case 0 -> "incident" + i;
					case 1 -> "incident " + i;
					case 2 -> "model-" + i + "-failure";
					default -> "harm" + i + "x*";
				});
			}
			List<Integer> present = IntStream.range(0, 500).filter(i -> i % 7 == 3 || i % 11 == 0).boxed().toList();
			StringBuilder text = new StringBuilder("Report:");
			for (int i : present) {
				text.append(i % 2 == 0 ? " " : "\n  ").append(switch (i % 4) {
					case 0 -> "INCIDENT" + i + ",";
					case 1 -> "Incident\t" + i + ".";
					case 2 -> "(model-" + i + "-failure)";
					default -> "harm" + i + "xyz";
				});
			}
			// near misses: glued to letters, or missing their ending
			text.append(" xincident4 incident8y model-6-failures harm3");

			List<String> found = found(text.toString(), keywords);

			assertThat(found).hasSize(present.size())
				.containsExactlyElementsOf(present.stream().map(keywords::get).toList());
			assertThat(KeywordMatcher.of(keywords).size()).isEqualTo(500);
		}

	}

	@Nested
	@DisplayName("agrees with a naive regular-expression reference")
	class Reference {

		@Test
		@DisplayName("on every AIID incident description, for every keyword of the starter rules")
		void aiidDescriptions() throws IOException {
			List<String> keywords = List.copyOf(starterKeywords());
			assertThat(keywords).hasSizeGreaterThan(200).contains("discriminat*", "hate speech", "self-driving");
			List<List<String>> rows = TestCsv
				.parse(Files.readString(TestArchives.resource("aiid/incidents.csv"), StandardCharsets.UTF_8));
			int description = rows.get(0).indexOf("description");
			int title = rows.get(0).indexOf("title");
			assertThat(description).isNotNegative();
			assertThat(rows).hasSizeGreaterThan(900);

			KeywordMatcher matcher = KeywordMatcher.of(keywords);
			List<Pattern> patterns = keywords.stream().map(KeywordMatcherTests::reference).toList();
			Map<String, Integer> hits = new TreeMap<>();
			int texts = 0;
			for (List<String> row : rows.subList(1, rows.size())) {
				for (String text : List.of(row.get(description), row.get(title))) {
					BitSet bits = new BitSet();
					matcher.scan(text, bits);
					Set<String> actual = new LinkedHashSet<>(bits.stream().mapToObj(keywords::get).toList());
					String collapsed = text.replaceAll("\\s+", " ");
					Set<String> expected = new LinkedHashSet<>();
					for (int k = 0; k < keywords.size(); k++) {
						if (patterns.get(k).matcher(collapsed).find()) {
							expected.add(keywords.get(k));
						}
					}
					assertThat(actual).as("keywords in %s", text).isEqualTo(expected);
					expected.forEach(keyword -> hits.merge(keyword, 1, Integer::sum));
					texts++;
				}
			}
			// the comparison is not vacuous: many texts, many different keywords found, many times
			assertThat(texts).isEqualTo(2 * (rows.size() - 1));
			assertThat(hits.size()).isGreaterThan(100);
			assertThat(hits.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(1000);
			assertThat(hits).containsKeys("bias", "discriminat*", "deepfake*", "self-driving", "facial recognition");
		}

	}

	/** {@code (?<![\p{L}\p{N}])kw(?![\p{L}\p{N}])}, without the look-ahead for a prefix keyword. */
	private static Pattern reference(String keyword) {
		boolean prefix = keyword.endsWith("*");
		String word = prefix ? keyword.substring(0, keyword.length() - 1).strip() : keyword;
		return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + (prefix ? "" : "(?![\\p{L}\\p{N}])"),
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** The distinct keywords of the launch-archive rules, as written (a trailing * kept). */
	private static Set<String> starterKeywords() {
		Set<String> keywords = new LinkedHashSet<>();
		for (RuleDefinition rule : PassDefinitionLoader.load(TestArchives.launchArchiveJob()).definition().rules()) {
			collectKeywords(rule.when(), keywords);
		}
		return keywords;
	}

	private static void collectKeywords(RuleDefinition.ConditionDefinition condition, Set<String> keywords) {
		if (condition == null) {
			return;
		}
		if (condition.keywords() != null) {
			keywords.addAll(condition.keywords());
		}
		for (List<RuleDefinition.ConditionDefinition> list : Arrays.asList(condition.all(), condition.any())) {
			if (list != null) {
				list.forEach(c -> collectKeywords(c, keywords));
			}
		}
		collectKeywords(condition.not(), keywords);
	}

}
