package org.liandong.oversight.internal.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The points of each indicator out of 100 ({@code liandong.evaluation.weights.<indicator>}). Checked
 * when the application starts: every indicator weighted, none unknown, none negative, and the sum
 * exactly 100; otherwise the application does not start and says which.
 */
@ConfigurationProperties("liandong.evaluation")
record EvaluationWeights(Map<String, Integer> weights) {

	EvaluationWeights {
		if (weights == null || weights.isEmpty()) {
			throw new IllegalArgumentException("未配置考评权重 liandong.evaluation.weights（各指标分值之和应为 100）");
		}
		for (String key : weights.keySet()) {
			if (Indicator.byKey(key).isEmpty()) {
				throw new IllegalArgumentException("未知的考评指标“%s”；可用的指标：%s".formatted(key,
						Arrays.stream(Indicator.values()).map(Indicator::key).collect(Collectors.joining("、"))));
			}
		}
		for (Indicator indicator : Indicator.values()) {
			Integer points = weights.get(indicator.key());
			if (points == null) {
				throw new IllegalArgumentException("缺少考评指标“%s”（%s）的分值".formatted(indicator.key(), indicator.label()));
			}
			if (points < 0) {
				throw new IllegalArgumentException("考评指标“%s”的分值不能为负数".formatted(indicator.key()));
			}
		}
		int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
		if (sum != 100) {
			throw new IllegalArgumentException("考评各指标分值之和应为 100，现为 %d（liandong.evaluation.weights）".formatted(sum));
		}
		weights = new LinkedHashMap<>(weights);
	}

	int of(Indicator indicator) {
		return weights.get(indicator.key());
	}
}
