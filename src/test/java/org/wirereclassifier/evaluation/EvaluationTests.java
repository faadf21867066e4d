package org.wirereclassifier.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The figures of an evaluation, worked out by hand for a small labelled set. */
class EvaluationTests {

	@Test
	@DisplayName("precision, recall, F1 per code, micro and macro, and the confusions, as worked out by hand")
	void figuresOfASmallHandLabelledSet() {
		Evaluation evaluation = new Evaluation(Set.of("M"));
		evaluation.add(Set.of("M1"), List.of("M1"));             // M1 found
		evaluation.add(Set.of("M3"), List.of("M3", "F10"));      // M3 found; F10 is not scored (family F)
		evaluation.add(Set.of("M1"), List.of("M1", "M3"));       // M1 found, M3 given wrongly
		evaluation.add(Set.of("M3"), List.of());                 // M3 missed

		assertThat(evaluation.wires()).isEqualTo(4);
		assertThat(evaluation.scores()).containsExactly(new Evaluation.CodeScore("M1", 2, 0, 0),
				new Evaluation.CodeScore("M3", 1, 1, 1));
		Evaluation.CodeScore m3 = evaluation.scores().get(1);
		assertThat(m3.precision()).isEqualTo(0.5);
		assertThat(m3.recall()).isEqualTo(0.5);
		assertThat(m3.f1()).isEqualTo(0.5);
		assertThat(evaluation.micro().precision()).isEqualTo(0.75);
		assertThat(evaluation.micro().recall()).isEqualTo(0.75);
		assertThat(evaluation.micro().f1()).isEqualTo(0.75);
		assertThat(evaluation.macroF1()).isEqualTo(0.75);
		assertThat(evaluation.confusedWith("M1")).containsExactly(entry("M3", 1L));
		assertThat(evaluation.confusedWith("M3")).containsExactly(entry("(none)", 1L));
	}

	@Test
	@DisplayName("the families scored are those of the labels; codes sort by family, then number (M2 before M10)")
	void familiesAndOrder() {
		assertThat(Evaluation.familiesOf(Map.of("a", Set.of("M10"), "b", Set.of("F2", "M2")))).containsExactly("F", "M");
		Evaluation evaluation = new Evaluation(Set.of("M"));
		evaluation.add(Set.of("M10"), List.of("M2"));

		assertThat(evaluation.scores()).extracting(Evaluation.CodeScore::code).containsExactly("M2", "M10");
		assertThat(evaluation.micro().f1()).isZero();
	}

}
