package org.liandong.operations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.agency.AgencyKind;
import org.liandong.operations.DrawView;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.NewDraw;
import org.liandong.operations.NewTeam;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SeededDraw;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 双随机 (issue 22): the organiser draws a team at random, the targets from those without a team and
 * the inspectors from the units' confirmed people, never a county bureau for a target in its own
 * jurisdiction and always people of two units or more. The seed and the pools are kept and shown to
 * the units so that the draw can be made again by anyone ({@link DrawView#ALGORITHM}); the team is
 * then formed as one the organiser names by hand is ({@link Teams}).
 */
@Component
record Draws(OperationRecords records, Units units, Teams teams, JdbcClient jdbc, ApplicationEventPublisher events,
		Clock clock) {

	long draw(long id, NewDraw draw, SignedInUser organiser) {
		JointOperation operation = records.lock(id, organiser, "随机抽取");
		operation.requireOrganiser(organiser, "随机抽取检查组");
		String seed = draw.seed() == null || draw.seed().isBlank() ? SeededDraw.newSeed() : draw.seed().trim().toLowerCase();
		record Target(long id, String division) {
		}
		List<Target> pool = jdbc.sql("""
				select id, division_code from joint_operation_target where operation_id = ? and team_id is null and referred_to is null
				order by id""")
			.param(id)
			.query((rs, n) -> new Target(rs.getLong(1), rs.getString(2)))
			.list();
		if (pool.size() < draw.targets()) {
			throw DomainException.invalid("draw-too-many-targets",
					"尚未分组的检查对象只有 %d 个，不能抽取 %d 个".formatted(pool.size(), draw.targets()));
		}
		SeededDraw random = new SeededDraw(seed);
		List<Target> drawnTargets = random.shuffled(pool).subList(0, draw.targets());
		// a county bureau does not inspect the enterprises of its own county
		Set<String> excluded = new LinkedHashSet<>();
		for (Target target : drawnTargets) {
			List<String> path = units.path(target.division());
			operation.units().stream()
				.map(unit -> units.agency(unit.agencyCode()))
				.filter(agency -> agency.kind() == AgencyKind.COUNTY_BUREAU && path.contains(agency.divisionCode()))
				.forEach(agency -> excluded.add(agency.code()));
		}
		List<NewTeam.Member> people = operation.units().stream()
			.filter(unit -> unit.confirmed() && !excluded.contains(unit.agencyCode()))
			.flatMap(unit -> unit.people().stream().map(name -> new NewTeam.Member(unit.agencyCode(), name)))
			.toList();
		List<NewTeam.Member> drawnPeople = new ArrayList<>();
		for (NewTeam.Member candidate : random.shuffled(people)) {
			if (drawnPeople.size() == draw.inspectors()) {
				break;
			}
			boolean oneUnitSoFar = drawnPeople.stream().allMatch(p -> p.agencyCode().equals(candidate.agencyCode()));
			if (drawnPeople.size() == draw.inspectors() - 1 && oneUnitSoFar) {
				// the last place goes to another unit: a joint team
				continue;
			}
			drawnPeople.add(candidate);
		}
		if (drawnPeople.size() < draw.inspectors()) {
			throw DomainException.invalid("draw-too-few-people", ("可抽取的人员不足：需要 %d 人且来自两个及以上单位，"
					+ "排除检查对象所在辖区的单位后，已确认的人员不够").formatted(draw.inspectors()));
		}
		String name = draw.teamName().trim();
		teams.form(id, new NewTeam(name, drawnPeople.get(0).agencyCode(), draw.inspectFrom(), draw.inspectTo(),
				drawnPeople, drawnTargets.stream().map(Target::id).toList()), organiser);
		long teamId = jdbc.sql("select id from joint_operation_team where operation_id = ? and name = ?")
			.params(id, name)
			.query(Long.class)
			.single();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into joint_operation_draw (operation_id, team_id, seed, target_pool, excluded_units, people_pool,
				    drawn_targets, drawn_people, drawn_at, drawn_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, teamId, seed, ids(pool.stream().map(Target::id).toList()), String.join(",", excluded),
					members(people), ids(drawnTargets.stream().map(Target::id).toList()), members(drawnPeople),
					ChineseTime.utc(now), organiser.describe())
			.update();
		events.publishEvent(new JointOperationEvent(id, "OPERATION_DRAWN", "联合执法行动“%s”随机抽取检查组“%s”：种子 %s，从 %d 个对象中抽取 %d 个，从 %d 人中抽取 %d 人"
			.formatted(operation.theme(), name, seed, pool.size(), drawnTargets.size(), people.size(), drawnPeople.size())));
		return teamId;
	}

	List<DrawView> of(long id, SignedInUser reader) {
		records.find(id, reader);
		return jdbc.sql("""
				select d.*, t.name as team_name from joint_operation_draw d join joint_operation_team t on t.id = d.team_id
				where d.operation_id = ? order by d.id""")
			.param(id)
			.query((rs, n) -> new DrawView(rs.getLong("id"), rs.getLong("team_id"), rs.getString("team_name"),
					rs.getString("seed"), longs(rs.getString("target_pool")), strings(rs.getString("excluded_units"), ","),
					strings(rs.getString("people_pool"), "\n"), longs(rs.getString("drawn_targets")),
					strings(rs.getString("drawn_people"), "\n"),
					rs.getObject("drawn_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("drawn_by_name"),
					DrawView.ALGORITHM))
			.list();
	}

	private static String ids(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static String members(List<NewTeam.Member> people) {
		return people.stream().map(p -> p.agencyCode() + "/" + p.name()).collect(Collectors.joining("\n"));
	}

	private static List<Long> longs(String joined) {
		return strings(joined, ",").stream().map(Long::valueOf).toList();
	}

	private static List<String> strings(String joined, String separator) {
		return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
	}
}
