package org.liandong.operations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.OperationReport;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The summary of an operation (issue 22, X3): the figures by unit and hazard level as the records
 * give them, and, when the organiser concludes, the summary report (通报) issued as an official
 * document, numbered and signed by the organiser, to every unit. Concluding ends the operation: the
 * summary obligation is met, and teams' inspections no longer possible are no longer owed.
 */
@Component
record Concluding(OperationRecords records, Units units, Documents documents, JdbcClient jdbc,
		ApplicationEventPublisher events, Clock clock) {

	static final String DOCUMENT_SOURCE = "joint-operation";

	OperationReport report(long id, SignedInUser reader) {
		records.find(id, reader);
		return figures(id);
	}

	OperationReport figures(long id) {
		Map<String, String> names = units.names();
		JointOperation operation = records.load(id);
		List<OperationReport.UnitCount> byUnit = new ArrayList<>();
		for (JointOperation.UnitRow unit : operation.units()) {
			String code = unit.agencyCode();
			byUnit.add(new OperationReport.UnitCount(code, OperationRecords.name(names, code),
					count("""
							select count(*) from joint_operation_target t join joint_operation_team m on m.id = t.team_id
							where t.operation_id = ? and m.lead_agency = ?""", id, code),
					count("select count(*) from joint_inspection_record where operation_id = ? and recorded_by_agency = ?",
							id, code),
					count("""
							select count(*) from joint_hazard where operation_id = ? and found_by_agency = ?
							and hazard_level = 'GENERAL'""", id, code),
					count("""
							select count(*) from joint_hazard where operation_id = ? and found_by_agency = ?
							and hazard_level = 'MAJOR'""", id, code),
					count("""
							select count(*) from joint_hazard where operation_id = ? and found_by_agency = ?
							and case_id is not null""", id, code)));
		}
		var row = jdbc.sql("select summary_document_id, summary_number from joint_operation where id = ?").param(id)
			.query((rs, n) -> new Object[] { rs.getObject(1, Long.class), rs.getString(2) }).single();
		return new OperationReport(id, operation.theme(),
				count("select count(*) from joint_operation_target where operation_id = ?", id),
				count("select count(*) from joint_inspection_record where operation_id = ?", id),
				count("select count(*) from joint_hazard where operation_id = ? and hazard_level = ?", id, "GENERAL"),
				count("select count(*) from joint_hazard where operation_id = ? and hazard_level = ?", id, "MAJOR"),
				count("select count(*) from joint_hazard where operation_id = ? and case_id is not null", id),
				byUnit, (Long) row[0], (String) row[1]);
	}

	OperationReport conclude(long id, String remarks, SignedInUser organiser) {
		JointOperation operation = records.lock(id, organiser, "印发总结通报");
		operation.requireOrganiser(organiser, "印发联合执法行动总结通报");
		OperationReport figures = figures(id);
		Map<String, String> names = units.names();
		List<String> readers = operation.units().stream().map(JointOperation.UnitRow::agencyCode).toList();
		String listed = String.join("、", readers.stream().filter(code -> !code.equals(operation.organiserAgencyCode()))
			.map(code -> OperationRecords.name(names, code)).toList());
		// many participants are addressed collectively (GB/T 9704 主送 统称), so the line stays a line
		String addressee = listed.length() > 200 ? "各参与单位" : listed;
		String byUnit = String.join("\n", figures.byUnit().stream()
			.map(u -> "%s：负责检查对象 %d 个，检查 %d 个，发现一般隐患 %d 项、重大隐患 %d 项，立案 %d 件".formatted(u.agencyName(),
					u.targetsAssigned(), u.inspected(), u.generalHazards(), u.majorHazards(), u.cases()))
			.toList());
		String outcome = "共确定检查对象 %d 个，检查 %d 个，发现隐患 %d 项（一般隐患 %d 项、重大隐患 %d 项），立案查处 %d 件".formatted(
				figures.targets(), figures.inspected(), figures.generalHazards() + figures.majorHazards(),
				figures.generalHazards(), figures.majorHazards(), figures.cases());
		IssuedDocument document = documents.issue(new NewDocument(DocumentKind.OPERATION_SUMMARY,
				operation.organiserAgencyCode(), Map.of("addressee", addressee, "theme", operation.theme(), "period",
						ChineseTime.day(operation.startsOn()) + "至" + ChineseTime.day(operation.endsOn()), "outcome", outcome, "byUnit", byUnit,
						"remarks", remarks.trim()),
				readers, DOCUMENT_SOURCE, Long.toString(id), organiser.getUsername(), organiser.describe()));
		Instant now = clock.instant();
		jdbc.sql("""
				update joint_operation set state = 'CONCLUDED', summary_document_id = ?, summary_number = ?,
				    summary_remarks = ?
				where id = ?""")
			.params(document.id(), document.number(), remarks.trim(), id).update();
		events.publishEvent(OperationObligation.SUMMARISE.settled(id, operation.organiserAgencyCode(), now, true));
		jdbc.sql("select id, lead_agency from joint_operation_team where operation_id = ?").param(id)
			.query((rs, n) -> OperationObligation.INSPECT.settled(rs.getLong(1), rs.getString(2), now, false)).list()
			.forEach(events::publishEvent);
		readers.stream().filter(code -> !code.equals(operation.organiserAgencyCode()))
			.forEach(code -> events.publishEvent(new InboxDelivery(code, null, "JOINT_OPERATION",
					"【联合执法】“%s”总结通报（%s）".formatted(operation.theme(), document.number()), outcome + "。",
					"/joint-operations/" + id, "joint-operation-summary", id + ":" + code)));
		events.publishEvent(new JointOperationEvent(id, "OPERATION_CONCLUDED",
				"联合执法行动“%s”结束，印发总结通报 %s：%s".formatted(operation.theme(), document.number(), outcome)));
		return figures(id);
	}

	private int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}
}
