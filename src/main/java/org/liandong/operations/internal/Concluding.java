package org.liandong.operations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.calendar.WorkingCalendar;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.documents.SendingBack;
import org.liandong.documents.SignOffPolicies;
import org.liandong.inbox.InboxDelivery;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.OperationReport;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The summary of an operation (issue 22, X3): the figures by unit and hazard level as the records
 * give them, and, when the organiser concludes, the summary report (通报) issued as an official
 * document, numbered and signed by the organiser, to every unit. Concluding ends the operation: the
 * summary obligation is met, and teams' inspections no longer possible are no longer owed. Where the
 * organising bureau's summaries need its leader's sign-off (issue 23), the organiser's conclusion waits
 * for it and the operation stays open; the figures are those at the sign-off.
 */
@Component
record Concluding(OperationRecords records, Units units, Documents documents, SignOffPolicies policies,
		WorkingCalendar calendar, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	static final String DOCUMENT_SOURCE = "joint-operation";

	static final String SIGN_OFF = "签发联合执法行动通报";

	/** The figures; for the organising bureau, the summary on its way to the leader's sign-off (issue 23). */
	OperationReport report(long id, SignedInUser reader) {
		JointOperation operation = records.find(id, reader);
		OperationReport figures = figures(id);
		if (figures.summaryDocumentId() != null || !operation.organiserAgencyCode().equals(reader.agencyCode())) {
			return figures;
		}
		return jdbc.sql("select * from operation_summary_draft where operation_id = ?").param(id)
			.query((rs, n) -> draft(rs))
			.optional()
			.map(draft -> figures.withSummarySignOff(new OperationReport.SummarySignOff(draft.awaiting(), draft.remarks(),
					draft.draftedByName(), draft.draftedAt(), draft.sentBackText(), draft.awaiting()
							? documents.preview(summary(operation, figures, draft.remarks(), null, null)) : null)))
			.orElse(figures);
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
		var row = jdbc.sql("select summary_document_id, summary_number, summary_signed_off_by_name from joint_operation where id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getObject(1, Long.class), rs.getString(2), rs.getString(3) }).single();
		return new OperationReport(id, operation.theme(),
				count("select count(*) from joint_operation_target where operation_id = ?", id),
				count("select count(*) from joint_inspection_record where operation_id = ?", id),
				count("select count(*) from joint_hazard where operation_id = ? and hazard_level = ?", id, "GENERAL"),
				count("select count(*) from joint_hazard where operation_id = ? and hazard_level = ?", id, "MAJOR"),
				count("select count(*) from joint_hazard where operation_id = ? and case_id is not null", id),
				byUnit, (Long) row[0], (String) row[1], (String) row[2], null);
	}

	/**
	 * The organiser concludes: the summary issued and the operation ended; or, where the organising bureau's
	 * summaries need its leader's sign-off (issue 23), the summary submitted, the operation still open.
	 */
	OperationReport conclude(long id, String remarks, SignedInUser organiser) {
		JointOperation operation = records.lock(id, organiser, "印发总结通报");
		operation.requireOrganiser(organiser, "印发联合执法行动总结通报");
		if (policies.required(operation.organiserAgencyCode(), DocumentKind.OPERATION_SUMMARY)) {
			return submit(operation, remarks.trim(), organiser);
		}
		return issue(operation, remarks.trim(), organiser, false);
	}

	private OperationReport submit(JointOperation operation, String remarks, SignedInUser organiser) {
		long id = operation.id();
		Draft draft = jdbc.sql("select * from operation_summary_draft where operation_id = ?").param(id)
			.query((rs, n) -> draft(rs)).optional().orElse(null);
		if (draft != null && draft.awaiting()) {
			throw DomainException.conflict("summary-awaiting-sign-off", "总结通报已由%s送本单位领导签发，正在等待签发"
				.formatted(draft.draftedByName()));
		}
		Instant now = clock.instant();
		Object[] values = { remarks, ChineseTime.utc(now), organiser.getUsername(), organiser.describe(), id };
		if (jdbc.sql("""
				update operation_summary_draft set state = 'AWAITING', remarks = ?, drafted_at = ?, drafted_by = ?,
				    drafted_by_name = ?, sent_back_text = null
				where operation_id = ?""").params(values).update() == 0) {
			jdbc.sql("""
					insert into operation_summary_draft (state, remarks, drafted_at, drafted_by, drafted_by_name, operation_id)
					values ('AWAITING', ?, ?, ?, ?, ?)""").params(values).update();
		}
		String organiserAgency = operation.organiserAgencyCode();
		events.publishEvent(new ObligationDue(DOCUMENT_SOURCE, id, operation.theme(), SIGN_OFF, organiserAgency,
				calendar.endOfWorkingDays(now, 1), "/joint-operations/" + id));
		events.publishEvent(new InboxDelivery(organiserAgency, null, "OPERATION_SUMMARY_SIGN_OFF",
				"【待签发】联合执法行动“%s”总结通报".formatted(operation.theme()),
				"%s送签了总结通报，请本单位领导审阅后签发或退回。".formatted(organiser.describe()), "/joint-operations/" + id,
				DOCUMENT_SOURCE, id + ":sign-off:" + now.toEpochMilli(), organiserAgency));
		events.publishEvent(new JointOperationEvent(id, "OPERATION_SUMMARY_SUBMITTED",
				"%s送签联合执法行动“%s”总结通报".formatted(organiser.describe(), operation.theme())));
		return report(id, organiser);
	}

	/** A leader of the organising bureau signs the summary off: issued, the operation concluded, by this act. */
	OperationReport signOff(long id, SignedInUser leader) {
		JointOperation operation = awaiting(id, leader);
		Draft draft = jdbc.sql("select * from operation_summary_draft where operation_id = ?").param(id)
			.query((rs, n) -> draft(rs)).single();
		jdbc.sql("delete from operation_summary_draft where operation_id = ?").param(id).update();
		events.publishEvent(new ObligationSettled(DOCUMENT_SOURCE, id, SIGN_OFF, operation.organiserAgencyCode(),
				clock.instant(), true));
		return issue(operation, draft.remarks(), leader, true);
	}

	/** A leader of the organising bureau sends the summary back with comments; the operation stays open. */
	OperationReport sendBack(long id, String comments, SignedInUser leader) {
		JointOperation operation = awaiting(id, leader);
		Instant now = clock.instant();
		SendingBack back = SendingBack.of(comments, leader, now);
		String why = back.comments();
		String text = back.text();
		jdbc.sql("update operation_summary_draft set state = 'SENT_BACK', sent_back_text = ? where operation_id = ?")
			.params(text, id).update();
		events.publishEvent(new ObligationSettled(DOCUMENT_SOURCE, id, SIGN_OFF, operation.organiserAgencyCode(), now,
				true));
		events.publishEvent(new JointOperationEvent(id, "OPERATION_SUMMARY_SENT_BACK",
				"%s退回联合执法行动“%s”总结通报：%s".formatted(leader.describe(), operation.theme(), why)));
		events.publishEvent(new InboxDelivery(operation.organiserAgencyCode(), null, "OPERATION_SUMMARY_SENT_BACK",
				"【退回】联合执法行动“%s”总结通报未签发，已退回修改".formatted(operation.theme()), text,
				"/joint-operations/" + id, DOCUMENT_SOURCE, id + ":sent-back:" + now.toEpochMilli(),
				operation.organiserAgencyCode()));
		return report(id, leader);
	}

	/** An open operation whose summary waits for the sign-off, locked for a leader of the organising bureau. */
	private JointOperation awaiting(long id, SignedInUser leader) {
		if (!leader.hasRole("LEADER") || !records.find(id, leader).organiserAgencyCode().equals(leader.agencyCode())) {
			throw DomainException.forbidden("not-signatory", "只有组织单位的局领导可以签发总结通报");
		}
		JointOperation operation = records.lock(id, leader, "签发总结通报");
		if (jdbc.sql("select count(*) from operation_summary_draft where operation_id = ? and state = 'AWAITING'")
			.param(id).query(Integer.class).single() == 0) {
			throw DomainException.conflict("summary-not-awaiting-sign-off", "该行动没有待签发的总结通报");
		}
		return operation;
	}

	private OperationReport issue(JointOperation operation, String remarks, SignedInUser actor, boolean signedOff) {
		long id = operation.id();
		OperationReport figures = figures(id);
		IssuedDocument document = documents.issue(summary(operation, figures, remarks, actor, signedOff ? actor : null));
		Instant now = clock.instant();
		jdbc.sql("""
				update joint_operation set state = 'CONCLUDED', summary_document_id = ?, summary_number = ?,
				    summary_remarks = ?, summary_signed_off_by_name = ?, summary_signed_off_at = ?
				where id = ?""")
			.params(document.id(), document.number(), remarks, signedOff ? actor.describe() : null,
					signedOff ? ChineseTime.utc(now) : null, id).update();
		events.publishEvent(OperationObligation.SUMMARISE.settled(id, operation.organiserAgencyCode(), now, true));
		jdbc.sql("select id, lead_agency from joint_operation_team where operation_id = ?").param(id)
			.query((rs, n) -> OperationObligation.INSPECT.settled(rs.getLong(1), rs.getString(2), now, false)).list()
			.forEach(events::publishEvent);
		String outcome = outcome(figures);
		operation.units().stream().map(JointOperation.UnitRow::agencyCode)
			.filter(code -> !code.equals(operation.organiserAgencyCode()))
			.forEach(code -> events.publishEvent(new InboxDelivery(code, null, "JOINT_OPERATION",
					"【联合执法】“%s”总结通报（%s）".formatted(operation.theme(), document.number()), outcome + "。",
					"/joint-operations/" + id, "joint-operation-summary", id + ":" + code)));
		events.publishEvent(new JointOperationEvent(id, "OPERATION_CONCLUDED",
				"联合执法行动“%s”结束，印发总结通报 %s：%s%s".formatted(operation.theme(), document.number(), outcome,
						signedOff ? "（%s签发）".formatted(actor.describe()) : "")));
		return figures(id);
	}

	/** The summary report in the organiser's name, as issued or as it would be; a leader's sign-off names the 签发人. */
	private NewDocument summary(JointOperation operation, OperationReport figures, String remarks, SignedInUser issuer,
			SignedInUser signer) {
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
		Map<String, String> fields = new HashMap<>(Map.of("addressee", addressee, "theme", operation.theme(), "period",
				ChineseTime.day(operation.startsOn()) + "至" + ChineseTime.day(operation.endsOn()), "outcome",
				outcome(figures), "byUnit", byUnit, "remarks", remarks));
		if (signer != null) {
			fields.put("signer", signer.displayName());
		}
		return new NewDocument(DocumentKind.OPERATION_SUMMARY, operation.organiserAgencyCode(), fields, readers,
				DOCUMENT_SOURCE, Long.toString(operation.id()), issuer == null ? null : issuer.getUsername(),
				issuer == null ? null : issuer.describe());
	}

	private static String outcome(OperationReport figures) {
		return "共确定检查对象 %d 个，检查 %d 个，发现隐患 %d 项（一般隐患 %d 项、重大隐患 %d 项），立案查处 %d 件".formatted(
				figures.targets(), figures.inspected(), figures.generalHazards() + figures.majorHazards(),
				figures.generalHazards(), figures.majorHazards(), figures.cases());
	}

	private static Draft draft(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Draft("AWAITING".equals(rs.getString("state")), rs.getString("remarks"), rs.getString("drafted_by_name"),
				rs.getObject("drafted_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("sent_back_text"));
	}

	/** The organiser's summary as submitted, waiting for the sign-off or sent back. */
	private record Draft(boolean awaiting, String remarks, String draftedByName, Instant draftedAt, String sentBackText) {
	}

	private int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}
}
