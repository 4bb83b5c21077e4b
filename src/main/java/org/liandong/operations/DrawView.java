package org.liandong.operations;

import java.time.Instant;
import java.util.List;

import org.liandong.platform.SeededDraw;

/**
 * A random draw as published to the operation's units (issue 22): its seed and the pools it drew from,
 * in order, so that anyone can draw again by {@link #ALGORITHM} and get the same team.
 *
 * @param targetPool the ids of the targets without a team at the draw, in ascending order
 * @param excludedUnits the county bureaus left out because a drawn target lies in their jurisdiction
 * @param peoplePool the confirmed people of the other units, as {@code unit code/name}, units in the
 *     order the organiser named them, people in the order their unit confirmed them
 */
public record DrawView(long id, long teamId, String teamName, String seed, List<Long> targetPool,
		List<String> excludedUnits, List<String> peoplePool, List<Long> drawnTargets, List<String> drawnPeople,
		Instant drawnAt, String drawnByName, String algorithm) {

	/** How the draw was made, from {@link SeededDraw#ALGORITHM}: published with every draw. */
	public static final String ALGORITHM = SeededDraw.ALGORITHM + """
			先洗检查对象池，取前 N 个；排除所抽对象所在辖区的县（市、区）应急管理局后，洗人员池，依次取人，\
			若已取的人同属一个单位且只差一人，则跳过同单位的人，直到取满 K 人；第一人的单位为负责单位。""";
}
