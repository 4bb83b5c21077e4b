package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.RequestAccess.acceptLate;
import static org.liandong.assistance.internal.RequestAccess.answerLate;
import static org.liandong.assistance.internal.Words.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liandong.assistance.AssistanceRequestSummary;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests.Box;
import org.liandong.assistance.RequestState;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reading assistance requests as each reader may (R2.4, R2.7): one request; the requests a bureau
 * sent or was sent, or all sent requests for the city bureau, the overdue ones marked; the requests
 * about one case.
 */
@Component
record AssistanceReading(RequestAccess access, AssistanceActions actions, AgencyDirectory directory, JdbcClient jdbc,
		Clock clock) {

	private static final String SUMMARY_COLUMNS = """
			r.id, r.number, r.state, r.case_id, r.case_number, r.requester_agency, r.assisting_agency, r.sent_at,
			r.accept_due_at, r.answer_due_at, r.accept_overdue_at, r.answer_overdue_at""";

	AssistanceRequestView find(long id, SignedInUser reader) {
		AssistanceRequest r = access.load(id, reader);
		AssistanceRequestView view = access.view(r, reader);
		// the requesting bureau reads the letter its legal officer is asked to review, its leader to sign off (issue 23)
		return (r.state() == RequestState.AWAITING_REVIEW || r.state() == RequestState.AWAITING_SIGN_OFF)
				&& reader.agencyCode().equals(r.requesterAgency())
				? view.withDraftLetter(actions.draft(r, reader)) : view;
	}

	Page<AssistanceRequestSummary> list(Box box, RequestState state, Boolean overdue, SignedInUser reader,
			Pageable pageable) {
		Box wanted = box == null ? Box.INCOMING : box;
		if (wanted == Box.ALL && !directory.cityLevel(reader)) {
			throw DomainException.forbidden("city-only", "只有市局可以查看全部协查请求");
		}
		Map<String, String> names = directory.names();
		Instant now = clock.instant();
		return new PagedQuery(SUMMARY_COLUMNS, "assistance_request r",
				Map.of("number", "r.number", "sentAt", "r.sent_at", "state", "r.state", "acceptDueAt", "r.accept_due_at",
						"answerDueAt", "r.answer_due_at", "caseNumber", "r.case_number"),
				"r.id desc")
			.whereIf(wanted == Box.OUTGOING, "r.requester_agency = ?", reader.agencyCode())
			// a draft is the requester's own business until it is sent
			.whereIf(wanted == Box.INCOMING, "r.assisting_agency = ? and r.state <> 'DRAFT'", reader.agencyCode())
			.whereIf(wanted == Box.ALL, "r.state <> 'DRAFT'")
			.where("r.state = ?", state == null ? null : state.name())
			.whereIf(Boolean.TRUE.equals(overdue), """
					((r.state = 'SENT' and r.accept_due_at < ?)
					 or (r.state in ('ACCEPTED', 'SUPPLEMENT_REQUESTED') and r.answer_due_at < ?))""",
					ChineseTime.utc(now), ChineseTime.utc(now))
			.fetch(jdbc, pageable, (rs, n) -> summary(rs, names, now));
	}

	List<AssistanceRequestSummary> forCase(long caseId, SignedInUser reader) {
		Map<String, String> names = directory.names();
		Instant now = clock.instant();
		boolean city = directory.cityLevel(reader);
		return jdbc.sql("select " + SUMMARY_COLUMNS + " " + """
				 from assistance_request r where r.case_id = ?
				 and (r.requester_agency = ? or (r.state <> 'DRAFT' and (? or r.assisting_agency = ?)))
				 order by r.id""")
			.params(caseId, reader.agencyCode(), city, reader.agencyCode())
			.query((rs, n) -> summary(rs, names, now))
			.list();
	}

	private AssistanceRequestSummary summary(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
		RequestState state = RequestState.valueOf(rs.getString("state"));
		Instant acceptDue = instant(rs, "accept_due_at");
		Instant answerDue = instant(rs, "answer_due_at");
		boolean late = (state == RequestState.SENT && acceptLate(state, acceptDue, null, now))
				|| answerLate(state, answerDue, null, now);
		String requester = rs.getString("requester_agency");
		String assisting = rs.getString("assisting_agency");
		return new AssistanceRequestSummary(rs.getLong("id"), rs.getString("number"), state, rs.getLong("case_id"),
				rs.getString("case_number"), requester, names.getOrDefault(requester, requester), assisting,
				names.getOrDefault(assisting, assisting), instant(rs, "sent_at"), acceptDue, answerDue, late);
	}
}
