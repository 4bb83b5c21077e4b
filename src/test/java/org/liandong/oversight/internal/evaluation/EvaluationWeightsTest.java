package org.liandong.oversight.internal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** R8.2: the weights of the evaluation are configuration, checked to add up to 100 when the application starts. */
class EvaluationWeightsTest {

	@Test
	void weights_adding_up_to_100_are_taken() {
		assertThat(new EvaluationWeights(valid()).of(Indicator.REPORTS)).isEqualTo(10);
	}

	@Test
	void weights_that_do_not_add_up_to_100_are_refused_saying_the_sum() {
		Map<String, Integer> weights = valid();
		weights.put("reports", 5);
		assertThatThrownBy(() -> new EvaluationWeights(weights)).hasMessageContaining("之和应为 100，现为 95");
	}

	@Test
	void an_unknown_or_missing_indicator_is_named() {
		Map<String, Integer> unknown = valid();
		unknown.put("punctuality", 0);
		assertThatThrownBy(() -> new EvaluationWeights(unknown)).hasMessageContaining("未知的考评指标“punctuality”");
		Map<String, Integer> missing = valid();
		missing.remove("bulletins");
		assertThatThrownBy(() -> new EvaluationWeights(missing)).hasMessageContaining("缺少考评指标“bulletins”");
	}

	static Map<String, Integer> valid() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("assistance-timeliness", 20);
		weights.put("assistance-completion", 10);
		weights.put("designation", 10);
		weights.put("reports", 10);
		weights.put("meetings", 5);
		weights.put("attendance", 5);
		weights.put("bulletins", 10);
		weights.put("rectification", 10);
		weights.put("joint-operations", 5);
		weights.put("inspections", 15);
		return weights;
	}
}
