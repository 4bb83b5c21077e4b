package org.liandong.operations.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.liandong.inbox.InboxDelivery;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.NewTeam;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The organiser forms a team (issue 22): people the units confirmed, from at least two units (a joint
 * team), one of which answers for it; its dates within the operation; targets no other team has. The
 * answering unit owes the inspection of the team's targets by the team's last day.
 */
@Component
record Teams(OperationRecords records, Units units, JdbcClient jdbc, ApplicationEventPublisher events) {

	void form(long id, NewTeam team, SignedInUser organiser) {
		JointOperation operation = records.lock(id, organiser, "编组");
		operation.requireOrganiser(organiser, "编排检查组");
		String name = team.name().trim();
		if (team.inspectTo().isBefore(team.inspectFrom())) {
			throw DomainException.invalid("team-period-reversed", "检查组的结束日期不能早于开始日期");
		}
		if (!operation.within(team.inspectFrom()) || !operation.within(team.inspectTo())) {
			throw DomainException.invalid("team-outside-period",
					"检查组的检查日期应在行动期间（%s至%s）内".formatted(operation.startsOn(), operation.endsOn()));
		}
		if (jdbc.sql("select count(*) from joint_operation_team where operation_id = ? and name = ?").params(id, name)
			.query(Integer.class).single() > 0) {
			throw DomainException.conflict("team-name-taken", "本次行动已有名为“%s”的检查组".formatted(name));
		}
		Set<String> memberUnits = new LinkedHashSet<>();
		Set<String> seen = new HashSet<>();
		for (NewTeam.Member member : team.members()) {
			String unitCode = member.agencyCode().trim();
			JointOperation.UnitRow unit = operation.unit(unitCode)
				.orElseThrow(() -> DomainException.invalid("member-not-of-a-unit",
						"成员“%s”所在单位 %s 不是本次行动的参加单位".formatted(member.name().trim(), unitCode)));
			if (!unit.confirmed()) {
				throw DomainException.invalid("unit-not-confirmed",
						"%s尚未确认参加，不能编入其人员".formatted(units.agency(unitCode).name()));
			}
			if (!unit.people().contains(member.name().trim())) {
				throw DomainException.invalid("not-a-confirmed-person", "“%s”不在%s确认的参加人员中"
					.formatted(member.name().trim(), units.agency(unitCode).name()));
			}
			if (!seen.add(unitCode + "/" + member.name().trim())) {
				throw DomainException.invalid("member-twice", "成员“%s”重复".formatted(member.name().trim()));
			}
			memberUnits.add(unitCode);
		}
		if (memberUnits.size() < 2) {
			throw DomainException.invalid("team-of-one-unit", "联合检查组应由两个及以上单位的人员组成");
		}
		String lead = team.leadAgencyCode().trim();
		if (!memberUnits.contains(lead)) {
			throw DomainException.invalid("lead-without-member", "检查组的负责单位应有人员在组内");
		}
		List<Long> targetIds = team.targetIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(team.targetIds()));
		for (Long targetId : targetIds) {
			// the team of the target (empty, not null, while it has none) and whether it was referred
			Object[] target = jdbc.sql("select team_id, referred_to from joint_operation_target where id = ? and operation_id = ?")
				.params(targetId, id)
				.query((rs, n) -> new Object[] { rs.getObject("team_id", Long.class), rs.getString("referred_to") })
				.optional()
				.orElseThrow(() -> DomainException.invalid("unknown-target", "检查对象 %d 不是本次行动的检查对象".formatted(targetId)));
			if (target[0] != null) {
				throw DomainException.conflict("target-assigned", "检查对象 %d 已分给其他检查组".formatted(targetId));
			}
			if (target[1] != null) {
				throw DomainException.conflict("target-referred", "检查对象 %d 已移送有管辖权的单位，不再编组检查".formatted(targetId));
			}
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into joint_operation_team (operation_id, name, lead_agency, inspect_from, inspect_to)
				values (?, ?, ?, ?, ?)""")
			.params(id, name, lead, team.inspectFrom(), team.inspectTo())
			.update(key, "id");
		long teamId = key.getKeyAs(Long.class);
		for (int i = 0; i < team.members().size(); i++) {
			NewTeam.Member member = team.members().get(i);
			jdbc.sql("insert into joint_operation_team_member (team_id, line_no, agency_code, person_name) values (?, ?, ?, ?)")
				.params(teamId, i + 1, member.agencyCode().trim(), member.name().trim()).update();
		}
		targetIds.forEach(targetId -> jdbc.sql("update joint_operation_target set team_id = ? where id = ?")
			.params(teamId, targetId).update());
		if (!targetIds.isEmpty()) {
			events.publishEvent(OperationObligation.INSPECT.due(teamId, "%s（%s）".formatted(operation.theme(), name), lead,
					OperationObligation.endOf(team.inspectTo()), id));
		}
		for (String unit : memberUnits) {
			events.publishEvent(new InboxDelivery(unit, null, "JOINT_OPERATION",
					"【联合执法】本单位人员编入“%s”".formatted(name),
					"联合执法行动“%s”的检查组“%s”于 %s 至 %s 检查 %d 个对象。".formatted(operation.theme(), name,
							team.inspectFrom(), team.inspectTo(), targetIds.size()),
					"/joint-operations/" + id, "joint-operation-team", teamId + ":" + unit));
		}
		events.publishEvent(new JointOperationEvent(id, "OPERATION_TEAM_FORMED", "联合执法行动“%s”编组“%s”，%d 人，检查对象 %d 个"
			.formatted(operation.theme(), name, team.members().size(), targetIds.size())));
	}
}
