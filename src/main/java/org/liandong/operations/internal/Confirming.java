package org.liandong.operations.internal;

import java.time.Instant;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.Participation;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A unit confirms its participation (issue 22) by naming the people it sends; only they can be put
 * into teams and sign records. A unit may name more people later: the list is replaced, never
 * emptied of someone already in a team.
 */
@Component
record Confirming(OperationRecords records, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	void confirm(long id, Participation participation, SignedInUser confirmer) {
		JointOperation operation = records.lock(id, confirmer, "确认参加");
		JointOperation.UnitRow unit = operation.unit(confirmer.agencyCode())
			.orElseThrow(() -> DomainException.forbidden("not-a-unit", "只有参加行动的单位可以确认参加"));
		Set<String> people = new LinkedHashSet<>();
		participation.people().forEach(name -> people.add(name.trim()));
		String joined = String.join("、", people);
		if (joined.length() > 1000) {
			throw DomainException.invalid("too-many-people", "参加人员名单过长（合计不能超过 1000 字）");
		}
		if (people.stream().anyMatch(name -> name.contains("、"))) {
			throw DomainException.invalid("bad-person-name", "人员姓名中不能含有“、”，请每行填写一人");
		}
		for (String inTeam : jdbc.sql("""
				select m.person_name from joint_operation_team_member m join joint_operation_team t on t.id = m.team_id
				where t.operation_id = ? and m.agency_code = ?""")
			.params(id, unit.agencyCode()).query(String.class).list()) {
			if (!people.contains(inTeam)) {
				throw DomainException.conflict("person-in-team", "%s已编入检查组，不能从参加人员中去掉".formatted(inTeam));
			}
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update joint_operation_unit set people = ?, confirmed_at = ?, confirmed_by_name = ?
				where operation_id = ? and agency_code = ?""")
			.params(joined, ChineseTime.utc(now), confirmer.describe(), id, unit.agencyCode()).update();
		if (!unit.confirmed() && "PARTICIPANT".equals(unit.role())) {
			events.publishEvent(OperationObligation.CONFIRM.settled(id, unit.agencyCode(), now, true));
		}
		events.publishEvent(new JointOperationEvent(id, "OPERATION_CONFIRMED",
				"%s确认参加联合执法行动“%s”，参加人员：%s".formatted(confirmer.agencyName(), operation.theme(), joined)));
	}
}
