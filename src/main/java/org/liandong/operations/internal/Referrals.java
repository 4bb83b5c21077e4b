package org.liandong.operations.internal;

import java.time.Clock;
import java.util.List;

import org.liandong.cases.Cases;
import org.liandong.cases.HostProposal;
import org.liandong.cases.SupervisionLevel;
import org.liandong.inbox.InboxDelivery;
import org.liandong.operations.JointOperationEvent;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A target in a division no emergency-management unit of the operation supervises is not the
 * operation's to inspect (issue 22, R2.2): its organiser refers it to the competent bureau, which
 * territorial hosting names, and that bureau is told in its inbox what the enterprise is, where and why,
 * and who referred it. A referred target takes no team and is drawn for none; a target in a team is
 * inspected, not referred.
 */
@Component
record Referrals(OperationRecords records, Units units, Cases cases, JdbcClient jdbc, ApplicationEventPublisher events,
		Clock clock) {

	void refer(long id, long targetId, SignedInUser organiser) {
		JointOperation operation = records.lock(id, organiser, "移送检查对象");
		operation.requireOrganiser(organiser, "移送检查对象");
		Target target = jdbc.sql("""
				select uscc, name, division_code, team_id, referred_to from joint_operation_target
				where id = ? and operation_id = ?""")
			.params(targetId, id)
			.query((rs, n) -> new Target(rs.getString("uscc"), rs.getString("name"), rs.getString("division_code"),
					rs.getObject("team_id", Long.class), rs.getString("referred_to")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-target", "检查对象 %d 不是本次行动的检查对象".formatted(targetId)));
		if (target.referredTo() != null) {
			throw DomainException.conflict("target-referred", "该检查对象已移送%s".formatted(units.agency(target.referredTo()).name()));
		}
		if (target.teamId() != null) {
			throw DomainException.conflict("target-assigned", "该检查对象已编入检查组，由检查组检查，不再移送");
		}
		List<String> unitCodes = operation.units().stream().map(JointOperation.UnitRow::agencyCode).toList();
		if (units.covered(target.divisionCode(), unitCodes)) {
			throw DomainException.invalid("target-in-jurisdiction", "参加单位对该企业所在区划有管辖权，由本次行动检查，无需移送");
		}
		HostProposal competent = cases.proposeHost(target.divisionCode(), SupervisionLevel.COUNTY);
		if (!competent.found()) {
			throw DomainException.invalid("no-competent-bureau", "未找到对区划 %s 有管辖权的应急管理局，不能移送"
				.formatted(target.divisionCode()));
		}
		String organiserName = units.agency(operation.organiserAgencyCode()).name();
		jdbc.sql("update joint_operation_target set referred_to = ?, referred_at = ?, referred_by = ? where id = ?")
			.params(competent.agencyCode(), ChineseTime.utc(clock.instant()), organiser.getUsername(), targetId)
			.update();
		events.publishEvent(new InboxDelivery(competent.agencyCode(), null, "OPERATION_REFERRAL",
				"【联合执法移送】%s".formatted(target.name()),
				("%s在联合执法行动“%s”中将企业“%s”（统一社会信用代码 %s）移送贵局：该企业所在区划不在参加单位的管辖范围内，"
						+ "请依职责处理。联系人：%s（%s）。").formatted(organiserName, operation.theme(), target.name(),
								target.uscc(), organiser.displayName(), organiserName),
				null, "joint-operation-target", String.valueOf(targetId), operation.organiserAgencyCode()));
		events.publishEvent(new JointOperationEvent(id, "OPERATION_TARGET_REFERRED", "联合执法行动“%s”将检查对象“%s”（%s）移送%s"
			.formatted(operation.theme(), target.name(), target.uscc(), competent.agencyName())));
	}

	private record Target(String uscc, String name, String divisionCode, Long teamId, String referredTo) {
	}
}
