package org.liandong.operations.internal;

import java.time.LocalDate;
import java.util.List;

import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.cases.HostProposal;
import org.liandong.cases.NewCase;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.operations.JointOperationEvent;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A hazard that needs a case becomes one at the competent bureau (issue 22, R2.2): territorial hosting
 * names the county bureau of the target's division; only that bureau's case officers register it,
 * through the case register, and the case is linked to the hazard and its operation (the case's
 * timeline says where it came from). One case per hazard.
 */
@Component
record HazardCases(OperationRecords records, Cases cases, JdbcClient jdbc, ApplicationEventPublisher events) {

	CaseView open(long id, long hazardId, String violationType, SignedInUser officer) {
		JointOperation operation = records.lock(id, officer, "立案");
		Hazard hazard = jdbc.sql("""
				select h.description, h.location, h.case_number, t.name, t.uscc, t.division_code, r.inspected_at
				from joint_hazard h join joint_inspection_record r on r.id = h.record_id
				join joint_operation_target t on t.id = r.target_id
				where h.id = ? and h.operation_id = ?""")
			.params(hazardId, id)
			.query((rs, n) -> new Hazard(rs.getString("description"), rs.getString("location"),
					rs.getString("case_number"), rs.getString("name"), rs.getString("uscc"), rs.getString("division_code"),
					OperationRecords.instant(rs, "inspected_at").atZone(ChineseTime.ZONE).toLocalDate()))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-hazard", "隐患 %d 不存在".formatted(hazardId)));
		if (hazard.caseNumber() != null) {
			throw DomainException.conflict("hazard-case-opened", "该隐患已立案，案号 %s".formatted(hazard.caseNumber()));
		}
		HostProposal competent = cases.proposeHost(hazard.divisionCode(), SupervisionLevel.COUNTY);
		if (!competent.found() || !competent.agencyCode().equals(officer.agencyCode())) {
			throw DomainException.forbidden("not-competent", "该隐患应由有管辖权的%s立案".formatted(
					competent.found() ? competent.agencyName() : "单位"));
		}
		CaseView kase = cases.register(new NewCase(PartyKind.ENTERPRISE, hazard.targetName(), hazard.uscc(), null,
				SupervisionLevel.COUNTY, hazard.divisionCode(), violationType.trim(), Severity.GENERAL,
				"联合执法行动“%s”现场检查发现：%s（位置：%s）。".formatted(operation.theme(), hazard.description(),
						hazard.location()),
				occurredOn(hazard.inspectedOn()), null, null, List.of()), officer);
		cases.record(kase.id(), officer, "JOINT_OPERATION", "由联合执法行动“%s”（编号 %d）现场检查发现的隐患立案"
			.formatted(operation.theme(), id));
		jdbc.sql("update joint_hazard set case_id = ?, case_number = ? where id = ?")
			.params(kase.id(), kase.number(), hazardId).update();
		events.publishEvent(new JointOperationEvent(id, "OPERATION_CASE_OPENED", "联合执法行动“%s”隐患 %d 立案，案号 %s"
			.formatted(operation.theme(), hazardId, kase.number())));
		return kase;
	}

	/**
	 * The day of the inspection in Beijing; the register checks "not after today" by the server's own
	 * calendar, which between 0:00 and 8:00 Beijing time is still yesterday in UTC.
	 */
	private static LocalDate occurredOn(LocalDate inspectedOn) {
		LocalDate serverToday = LocalDate.now();
		return inspectedOn.isAfter(serverToday) ? serverToday : inspectedOn;
	}

	private record Hazard(String description, String location, String caseNumber, String targetName, String uscc,
			String divisionCode, LocalDate inspectedOn) {
	}
}
