package org.wirereclassifier.archive;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("WireIdIndex")
class WireIdIndexTests {

	private final WireIdIndex index = new WireIdIndex();

	@Nested
	@DisplayName("finds duplicates")
	class Duplicates {

		@Test
		@DisplayName("a new id is added; the same id again gives the place where it was first seen")
		void duplicateGivesFirstPlace() {
			assertThat(index.addIfAbsent("2025-12-09-openai", 0, 1)).isNull();
			assertThat(index.addIfAbsent("2025-12-11-openai", 0, 2)).isNull();

			assertThat(index.addIfAbsent("2025-12-09-openai", 3, 17)).isEqualTo(new WireIdIndex.Place(0, 1));
			assertThat(index.addIfAbsent("2025-12-09-openai", 4, 99)).isEqualTo(new WireIdIndex.Place(0, 1));
			assertThat(index.addIfAbsent("2025-12-11-openai", 1, 5)).isEqualTo(new WireIdIndex.Place(0, 2));
			assertThat(index.size()).isEqualTo(2);
		}

		@Test
		@DisplayName("ids that differ only slightly are distinct: case, order, length, Unicode")
		void similarIdsAreDistinct() {
			String[] ids = { "", "a", "A", "aa", "ab", "ba", "a ", " a", "w1", "w10", "w01", "東京", "京東", "🚀",
					"\uFFFD", "café", "cafe\u0301" };
			for (int i = 0; i < ids.length; i++) {
				assertThat(index.addIfAbsent(ids[i], 0, i + 1)).as(ids[i]).isNull();
			}

			assertThat(index.size()).isEqualTo(ids.length);
			for (int i = 0; i < ids.length; i++) {
				assertThat(index.addIfAbsent(ids[i], 9, 1000)).as(ids[i]).isEqualTo(new WireIdIndex.Place(0, i + 1));
			}
			assertThat(index.size()).isEqualTo(ids.length);
		}

		@Test
		@DisplayName("large file indexes and record numbers are kept exactly")
		void largePlaces() {
			index.addIfAbsent("x", 65_534, 123_456_789_012L);
			index.addIfAbsent("y", 1, (1L << 47) + 3);

			assertThat(index.addIfAbsent("x", 0, 1)).isEqualTo(new WireIdIndex.Place(65_534, 123_456_789_012L));
			assertThat(index.addIfAbsent("y", 0, 1)).isEqualTo(new WireIdIndex.Place(1, (1L << 47) + 3));
		}

	}

	@Nested
	@DisplayName("scales")
	class Scale {

		@Test
		@DisplayName("200,000 distinct ids are all new, and each is then found at its own place")
		void manyDistinctIds() {
			int count = 200_000;
			for (int i = 0; i < count; i++) {
				assertThat(index.addIfAbsent(id(i), i % 7, i + 1L)).isNull();
			}

			assertThat(index.size()).isEqualTo(count);
			for (int i = 0; i < count; i++) {
				WireIdIndex.Place place = index.addIfAbsent(id(i), 99, 1);
				assertThat(place).isEqualTo(new WireIdIndex.Place(i % 7, i + 1L));
			}
			assertThat(index.size()).isEqualTo(count);
		}

		@Test
		@DisplayName("growing keeps every id: checked after each growth step around the load limit")
		void growth() {
			// the table starts with 4,096 slots and doubles past 60% load: 2,458 ids, then 4,916, then 9,831
			int[] checkpoints = { 2_457, 2_458, 2_459, 4_915, 4_916, 4_917, 9_831, 9_832 };
			int added = 0;
			for (int checkpoint : checkpoints) {
				while (added < checkpoint) {
					assertThat(index.addIfAbsent(id(added), 2, added + 1L)).isNull();
					added++;
				}
				assertThat(index.size()).isEqualTo(checkpoint);
				for (int i = 0; i < added; i++) {
					assertThat(index.addIfAbsent(id(i), 0, 0)).as("id %d after %d ids", i, added)
						.isEqualTo(new WireIdIndex.Place(2, i + 1L));
				}
				assertThat(index.size()).isEqualTo(checkpoint);
			}
		}

		private static String id(int i) {
			return "2025-" + (i % 12 + 1) + "-wire-" + i;
		}

	}

}
