package org.liandong.oversight.internal.evaluation;

import static org.liandong.oversight.internal.evaluation.EvaluationService.SOURCE;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.audit.AuditTrail;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.NewDocument;
import org.liandong.documents.SendingBack;
import org.liandong.documents.SignOffPolicies;
import org.liandong.inbox.InboxDelivery;
import org.liandong.oversight.Evaluation;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.platform.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issuing the year's evaluation report (年度考评结果通报, R8.2) as an official document. Where the city
 * asks for its leader's sign-off (issue 23, N2), the detachment's issuing submits the report: it waits,
 * unnumbered, with an obligation on the city, until a leader of the city bureau issues it (the sign-off:
 * numbered and sealed by that act, naming the 签发人) or sends it back with comments.
 */
@Component
class ReportIssuing {

	static final String SIGN_OFF = "签发年度考评结果通报";

	private final Documents documents;
	private final SignOffPolicies policies;
	private final Agencies agencies;
	private final WorkingCalendar calendar;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final Clock clock;
	private final int signOffWorkingDays;

	ReportIssuing(Documents documents, SignOffPolicies policies, Agencies agencies, WorkingCalendar calendar,
			JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, Clock clock,
			@Value("${liandong.evaluation.sign-off-working-days:1}") int signOffWorkingDays) {
		this.documents = documents;
		this.policies = policies;
		this.agencies = agencies;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.signOffWorkingDays = signOffWorkingDays;
	}

	/** The report of a final evaluation not yet reported on: issued, submitted for the sign-off, or signed off. */
	void issue(Evaluation evaluation, SignedInUser issuer) {
		String city = evaluation.cityAgencyCode();
		int year = evaluation.year();
		boolean signOff = policies.required(city, DocumentKind.EVALUATION_REPORT);
		Submission submission = submission(city, year);
		if (signOff && !issuer.hasRole("LEADER")) {
			submit(evaluation, submission, issuer);
			return;
		}
		if (signOff && !issuer.agencyCode().equals(city)) {
			throw DomainException.forbidden("not-signatory", "考评结果通报须经市局领导签发");
		}
		Map<String, String> fields = fields(evaluation);
		if (signOff) {
			fields.put("signer", issuer.displayName());
		}
		documents.issue(report(evaluation, fields, issuer.getUsername(), issuer.describe()));
		if (submission != null) {
			jdbc.sql("delete from evaluation_report_sign_off where city_agency = ? and evaluation_year = ?")
				.params(city, year).update();
			if (submission.awaiting()) {
				events.publishEvent(new ObligationSettled(SOURCE, year, SIGN_OFF, city, clock.instant(), true));
			}
		}
	}

	private void submit(Evaluation evaluation, Submission submission, SignedInUser issuer) {
		String city = evaluation.cityAgencyCode();
		int year = evaluation.year();
		if (submission != null && submission.awaiting()) {
			throw DomainException.conflict("report-awaiting-sign-off", "%d 年度考评结果通报已由%s送市局领导签发，正在等待签发"
				.formatted(year, submission.submittedByName()));
		}
		Instant now = clock.instant();
		Object[] values = { "AWAITING", ChineseTime.utc(now), issuer.getUsername(), issuer.describe(), issuer.agencyCode(),
				city, year };
		if (jdbc.sql("""
				update evaluation_report_sign_off set state = ?, submitted_at = ?, submitted_by = ?, submitted_by_name = ?,
				    submitted_agency = ?, sent_back_text = null
				where city_agency = ? and evaluation_year = ?""").params(values).update() == 0) {
			jdbc.sql("""
					insert into evaluation_report_sign_off (state, submitted_at, submitted_by, submitted_by_name,
					    submitted_agency, city_agency, evaluation_year)
					values (?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
		String subject = "%d 年度考评结果通报".formatted(year);
		events.publishEvent(new ObligationDue(SOURCE, year, subject, SIGN_OFF, city,
				calendar.endOfWorkingDays(now, signOffWorkingDays), link(year)));
		events.publishEvent(new InboxDelivery(city, null, "EVALUATION_REPORT_SIGN_OFF", "【待签发】" + subject,
				"%s送签了%s，请市局领导审阅后签发或退回。".formatted(issuer.describe(), subject), link(year), SOURCE,
				EvaluationService.sourceId(city, year) + ":sign-off:" + now.toEpochMilli(), issuer.agencyCode()));
		audit.record("EVALUATION_REPORT_SUBMITTED", SOURCE, EvaluationService.sourceId(city, year),
				"%s送签%s%s".formatted(issuer.describe(), evaluation.cityAgencyName(), subject));
	}

	/** A leader of the city bureau sends the submitted report back with comments: it is not issued. */
	void sendBack(Evaluation evaluation, String comments, SignedInUser leader) {
		String city = evaluation.cityAgencyCode();
		int year = evaluation.year();
		// the city bureau's leader: another department's leader is no city's signatory, whatever it evaluates
		if (!leader.hasRole("LEADER") || !agencies.isCityLevel(leader.agencyCode()) || !leader.agencyCode().equals(city)) {
			throw DomainException.forbidden("not-signatory", "只有市局领导可以签发或退回考评结果通报");
		}
		Submission submission = submission(city, year);
		if (submission == null || !submission.awaiting()) {
			throw DomainException.conflict("report-not-awaiting-sign-off", "%d 年度考评结果通报没有待签发的送签".formatted(year));
		}
		Instant now = clock.instant();
		SendingBack back = SendingBack.of(comments, leader, now);
		String why = back.comments();
		String text = back.text();
		jdbc.sql("""
				update evaluation_report_sign_off set state = 'SENT_BACK', sent_back_text = ?
				where city_agency = ? and evaluation_year = ? and state = 'AWAITING'""")
			.params(text, city, year).update();
		events.publishEvent(new ObligationSettled(SOURCE, year, SIGN_OFF, city, now, true));
		events.publishEvent(new InboxDelivery(submission.submittedAgency(), null, "EVALUATION_REPORT_SENT_BACK",
				"【退回】%d 年度考评结果通报未签发，已退回".formatted(year), text, link(year), SOURCE,
				EvaluationService.sourceId(city, year) + ":sent-back:" + now.toEpochMilli(), city));
		audit.record("EVALUATION_REPORT_SENT_BACK", SOURCE, EvaluationService.sourceId(city, year),
				"%s退回%d 年度考评结果通报：%s".formatted(leader.describe(), year, why));
	}

	/** The report's way to the sign-off, for the city bureau and its offices; the report as it would be issued now. */
	Evaluation.ReportSignOff signOff(Evaluation evaluation, SignedInUser reader) {
		if (evaluation.reportDocumentId() != null || !agencies.isCityLevel(reader.agencyCode())) {
			return null;
		}
		Submission submission = submission(evaluation.cityAgencyCode(), evaluation.year());
		if (submission == null) {
			return null;
		}
		return new Evaluation.ReportSignOff(submission.awaiting(), submission.submittedByName(),
				submission.submittedAt(), submission.sentBackText(), submission.awaiting()
						? documents.preview(report(evaluation, fields(evaluation), null, null)) : null);
	}

	private NewDocument report(Evaluation evaluation, Map<String, String> fields, String issuedBy, String issuedByName) {
		return new NewDocument(DocumentKind.EVALUATION_REPORT, evaluation.cityAgencyCode(), fields,
				evaluation.ranking().stream().map(Evaluation.BureauScore::agencyCode).toList(), SOURCE,
				EvaluationService.sourceId(evaluation.cityAgencyCode(), evaluation.year()), issuedBy, issuedByName);
	}

	private static Map<String, String> fields(Evaluation evaluation) {
		String weightsText = evaluation.weights().stream().map(w -> "%s %d 分".formatted(w.label(), w.points()))
			.collect(Collectors.joining("，"));
		String rankingText = evaluation.ranking().stream()
			.map(s -> s.measured() ? "第 %d 名 %s %s 分".formatted(s.rank(), s.agencyName(), EvaluationService.number(s.total()))
					: "%s %s，不参加排名".formatted(s.agencyName(), EvaluationService.NOT_MEASURED))
			.collect(Collectors.joining("\n"));
		String deductionText = evaluation.ranking().stream().filter(s -> s.deduction() > 0)
			.map(s -> "%s扣 %s 分".formatted(s.agencyName(), EvaluationService.number(s.deduction())))
			.collect(Collectors.joining("；"));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("addressee", "各县（市、区）应急管理局");
		fields.put("year", Integer.toString(evaluation.year()));
		fields.put("weights", weightsText);
		fields.put("ranking", rankingText);
		fields.put("deductions", deductionText.isEmpty() ? "无" : deductionText);
		return fields;
	}

	private Submission submission(String city, int year) {
		return jdbc.sql("select * from evaluation_report_sign_off where city_agency = ? and evaluation_year = ?")
			.params(city, year)
			.query((rs, n) -> new Submission("AWAITING".equals(rs.getString("state")), rs.getString("submitted_by_name"),
					rs.getObject("submitted_at", java.time.OffsetDateTime.class).toInstant(),
					rs.getString("submitted_agency"), rs.getString("sent_back_text")))
			.optional()
			.orElse(null);
	}

	private static String link(int year) {
		return "/oversight/evaluations?year=" + year;
	}

	private record Submission(boolean awaiting, String submittedByName, Instant submittedAt, String submittedAgency,
			String sentBackText) {
	}
}
