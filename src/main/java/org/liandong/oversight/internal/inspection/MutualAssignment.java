package org.liandong.oversight.internal.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.liandong.platform.DomainException;

/**
 * Who inspects whom in a mutual inspection campaign (R2.6): the bureaus in a shuffled order, each
 * inspecting the next and the last the first. A single cycle through everyone means no bureau
 * inspects itself, each inspects exactly once and is inspected exactly once, and from three bureaus
 * on no two inspect each other (that would be a cycle of two). With exactly two bureaus the only
 * possible assignment has them inspect each other.
 */
final class MutualAssignment {

	private MutualAssignment() {
	}

	/**
	 * @param bureaus distinct agency codes, at least two
	 * @return inspecting bureau → inspected bureau, in the shuffled order
	 */
	static Map<String, String> propose(List<String> bureaus, RandomGenerator random) {
		if (bureaus.size() < 2) {
			throw DomainException.invalid("too-few-bureaus", "互查至少需要两个县（市、区）应急管理局参加，不能自己检查自己");
		}
		if (bureaus.stream().distinct().count() != bureaus.size()) {
			throw new IllegalArgumentException("bureaus must be distinct: " + bureaus);
		}
		List<String> order = new ArrayList<>(bureaus);
		shuffle(order, random);
		Map<String, String> assignment = new LinkedHashMap<>();
		for (int i = 0; i < order.size(); i++) {
			assignment.put(order.get(i), order.get((i + 1) % order.size()));
		}
		return assignment;
	}

	/** Whether two bureaus of the assignment inspect each other: unavoidable with two, excluded from three on. */
	static boolean hasMutualPair(Map<String, String> assignment) {
		return assignment.entrySet().stream()
			.anyMatch(e -> e.getKey().equals(assignment.get(e.getValue())));
	}

	/**
	 * Fisher-Yates from the end, with the generator given: the campaigns' {@link org.liandong.platform.SeededDraw}
	 * (so anyone can repeat the draw from its seed), or a seeded one in tests.
	 */
	private static void shuffle(List<String> order, RandomGenerator random) {
		for (int i = order.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			String swapped = order.get(i);
			order.set(i, order.get(j));
			order.set(j, swapped);
		}
	}
}
