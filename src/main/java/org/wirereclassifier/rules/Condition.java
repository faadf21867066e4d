package org.wirereclassifier.rules;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.wirereclassifier.archive.Severity;

/**
 * A compiled rule condition. Conditions are data from the job file turned into these few fixed kinds: nothing in
 * a job file can run code, read files or reach the network.
 */
interface Condition {

	boolean test(WireFacts facts);

	/** Whether the condition looks at codes or severity, which rules change (and so must be evaluated again). */
	default boolean readsChangeableFacts() {
		return false;
	}

	/** Always holds: a rule without {@code when}. */
	Condition ALWAYS = facts -> true;

	/** Any of the keywords with bits {@code keywords} is in any of {@code fields}. */
	record Keywords(BitSet keywords, List<WireFacts.TextField> fields) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			for (WireFacts.TextField field : this.fields) {
				if (facts.keywords(field).intersects(this.keywords)) {
					return true;
				}
			}
			return false;
		}

	}

	/** The pattern is found in any of {@code fields}; RE2/J matches in time linear in the text, so no bound is needed. */
	record Regex(com.google.re2j.Pattern pattern, List<WireFacts.TextField> fields) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			for (WireFacts.TextField field : this.fields) {
				if (this.pattern.matcher(facts.text(field)).find()) {
					return true;
				}
			}
			return false;
		}

	}

	/** Any of the wire's providers is one of these (compared in lower case). */
	record Provider(Set<String> providers) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			for (String provider : facts.wire.providers()) {
				if (this.providers.contains(provider.toLowerCase(java.util.Locale.ROOT))) {
					return true;
				}
			}
			return false;
		}

	}

	record SourceCount(Integer min, Integer max) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			Integer count = facts.wire.sourceCount();
			return count != null && (this.min == null || count >= this.min) && (this.max == null || count <= this.max);
		}

	}

	record SourceTier(Set<String> tiers) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			return this.tiers.contains(facts.wire.sourceTier().toLowerCase(java.util.Locale.ROOT));
		}

	}

	/**
	 * Severity levels 1 (most severe) to 5, 0 for unrated: {@code atLeast}/{@code atMost} are levels (0 = no bound),
	 * {@code is} a set of levels.
	 */
	record SeverityLevel(int atLeast, int atMost, Set<Integer> is) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			int level = Severity.level(facts.severity);
			if (this.is != null) {
				return this.is.contains(level);
			}
			return level > 0 && (this.atLeast == 0 || level <= this.atLeast) && (this.atMost == 0 || level >= this.atMost);
		}

		@Override
		public boolean readsChangeableFacts() {
			return true;
		}

	}

	record Published(LocalDate from, LocalDate to) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			LocalDate date = facts.wire.published();
			return (this.from == null || !date.isBefore(this.from)) && (this.to == null || !date.isAfter(this.to));
		}

	}

	/** The wire has any of the codes ({@code present}), or none of them. */
	record Codes(Set<String> codes, boolean present) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			for (String code : this.codes) {
				if (facts.codes.contains(code)) {
					return this.present;
				}
			}
			return !this.present;
		}

		@Override
		public boolean readsChangeableFacts() {
			return true;
		}

	}

	record All(List<Condition> conditions) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			for (Condition condition : this.conditions) {
				if (!condition.test(facts)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public boolean readsChangeableFacts() {
			return this.conditions.stream().anyMatch(Condition::readsChangeableFacts);
		}

	}

	record Any(List<Condition> conditions) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			for (Condition condition : this.conditions) {
				if (condition.test(facts)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public boolean readsChangeableFacts() {
			return this.conditions.stream().anyMatch(Condition::readsChangeableFacts);
		}

	}

	record Not(Condition condition) implements Condition {

		@Override
		public boolean test(WireFacts facts) {
			return !this.condition.test(facts);
		}

		@Override
		public boolean readsChangeableFacts() {
			return this.condition.readsChangeableFacts();
		}

	}

}
