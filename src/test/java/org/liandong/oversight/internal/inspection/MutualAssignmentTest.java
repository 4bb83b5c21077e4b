package org.liandong.oversight.internal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liandong.platform.DomainException;

/**
 * R2.6: in a mutual inspection campaign no bureau inspects itself, every bureau inspects exactly
 * once and is inspected exactly once, and from three bureaus on no two bureaus inspect each other.
 */
class MutualAssignmentTest {

	@ParameterizedTest(name = "{0} bureaus")
	@ValueSource(ints = { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
	void every_bureau_inspects_once_and_is_inspected_once_never_itself(int n) {
		List<String> bureaus = bureaus(n);
		for (long seed = 0; seed < 200; seed++) {
			Map<String, String> assignment = MutualAssignment.propose(bureaus, new Random(seed));

			assertThat(assignment.keySet()).as("each inspects").containsExactlyInAnyOrderElementsOf(bureaus);
			assertThat(assignment.values()).as("each is inspected once").containsExactlyInAnyOrderElementsOf(bureaus);
			assignment.forEach((inspecting, inspected) -> assertThat(inspected).as("no self-inspection")
				.isNotEqualTo(inspecting));
		}
	}

	@ParameterizedTest(name = "{0} bureaus")
	@ValueSource(ints = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
	void from_three_bureaus_on_no_two_inspect_each_other(int n) {
		List<String> bureaus = bureaus(n);
		for (long seed = 0; seed < 200; seed++) {
			Map<String, String> assignment = MutualAssignment.propose(bureaus, new Random(seed));

			assignment.forEach((inspecting, inspected) -> assertThat(assignment.get(inspected))
				.as("%s inspects %s, who must not inspect it back", inspecting, inspected)
				.isNotEqualTo(inspecting));
			assertThat(MutualAssignment.hasMutualPair(assignment)).isFalse();
		}
	}

	@Test
	void two_bureaus_can_only_inspect_each_other() {
		Map<String, String> assignment = MutualAssignment.propose(List.of("410402", "410403"), new Random(1));

		assertThat(assignment).containsEntry("410402", "410403").containsEntry("410403", "410402");
		assertThat(MutualAssignment.hasMutualPair(assignment)).isTrue();
	}

	@Test
	void fewer_than_two_bureaus_are_refused_with_a_reason() {
		assertThatThrownBy(() -> MutualAssignment.propose(List.of("410402"), new Random(1)))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("至少需要两个");
		assertThatThrownBy(() -> MutualAssignment.propose(List.of(), new Random(1))).isInstanceOf(DomainException.class);
	}

	@Test
	void the_shuffle_reaches_different_assignments() {
		List<String> bureaus = bureaus(5);
		Set<Map<String, String>> seen = new HashSet<>();
		for (long seed = 0; seed < 200; seed++) {
			seen.add(MutualAssignment.propose(bureaus, new Random(seed)));
		}
		assertThat(seen).as("(5-1)! = 24 cycles exist").hasSizeGreaterThan(10);
	}

	private static List<String> bureaus(int n) {
		return IntStream.rangeClosed(1, n).mapToObj(i -> "4104%02d".formatted(i)).toList();
	}
}
