package org.liandong.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.documents.SendingBack;
import org.liandong.documents.SignOffPolicies;
import org.liandong.inbox.InboxDelivery;
import org.liandong.meetings.Decision;
import org.liandong.meetings.MeetingEvent;
import org.liandong.meetings.MeetingView;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The minutes of a joint meeting held (R5): the office issues them as a formal document with the
 * attendance and the decisions, and each decision becomes an action item of its owner agency, due
 * by its date. Where the office's minutes need a sign-off (issue 23, N2), a leader of the city bureau,
 * the meeting's convener, signs them off: until then they wait as a draft, unnumbered, unseen by the
 * members, no action item given; sent back, the draft stays for the office to revise. Runs in the
 * transaction of the {@link MeetingService} method that calls it.
 */
@Component
record Minutes(Documents documents, SignOffPolicies policies, WorkingCalendar calendar, Agencies agencies, JsonMapper json,
		JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MeetingRecords records) {

	static final String SIGN_OFF = "签发会议纪要";

	static final String AWAITING_SIGN_OFF = "MINUTES_AWAITING_SIGN_OFF";

	MeetingView record(long id, String minutes, List<Decision> decisions, SignedInUser office) {
		records.requireOffice(office);
		MeetingView meeting = records.find(id, office);
		if (AWAITING_SIGN_OFF.equals(meeting.state())) {
			throw DomainException.conflict("minutes-awaiting-sign-off", "该会议的纪要已送市局领导签发，正在等待签发");
		}
		if (!"CONVENED".equals(meeting.state())) {
			throw DomainException.conflict("minutes-recorded", "该会议的纪要已经印发");
		}
		if (minutes == null || minutes.isBlank()) {
			throw DomainException.invalid("minutes-required", "请填写会议纪要");
		}
		Instant now = clock.instant();
		LocalDate today = now.atZone(ChineseTime.ZONE).toLocalDate();
		if (now.isBefore(meeting.startsAt())) {
			throw DomainException.conflict("meeting-not-held", "会议尚未召开，召开后再记录纪要");
		}
		List<Decision> items = decisions == null ? List.of() : decisions;
		Map<String, String> names = records.names();
		for (Decision d : items) {
			if (!names.containsKey(d.ownerAgencyCode().trim())) {
				throw DomainException.invalid("unknown-agency", "责任单位 %s 不存在".formatted(d.ownerAgencyCode()));
			}
			if (d.dueOn().isBefore(today)) {
				throw DomainException.invalid("date-in-past", "议定事项的办结期限不能早于今天");
			}
		}
		if (policies.required(office.agencyCode(), DocumentKind.MEETING_MINUTES)) {
			return submit(meeting, minutes.trim(), items, office, now);
		}
		return publish(meeting, minutes.trim(), items, office, false, "CONVENED", now);
	}

	/** The minutes kept as a draft, the city's leaders asked to sign them off (issue 23). */
	private MeetingView submit(MeetingView meeting, String minutes, List<Decision> items, SignedInUser office,
			Instant now) {
		long id = meeting.id();
		move(id, "CONVENED", AWAITING_SIGN_OFF, "该会议的纪要刚刚已经送签或印发");
		Object[] values = { "AWAITING", minutes, json.writeValueAsString(items), ChineseTime.utc(now), office.getUsername(),
				office.describe(), id };
		if (jdbc.sql("""
				update minutes_draft set state = ?, minutes = ?, decisions = ?, drafted_at = ?, drafted_by = ?,
				    drafted_by_name = ?, sent_back_text = null
				where meeting_id = ?""").params(values).update() == 0) {
			jdbc.sql("""
					insert into minutes_draft (state, minutes, decisions, drafted_at, drafted_by, drafted_by_name, meeting_id)
					values (?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
		String city = city(meeting);
		events.publishEvent(new ObligationDue(MeetingRecords.SOURCE, id, meeting.title(), SIGN_OFF, city,
				calendar.endOfWorkingDays(now, 1), "/meetings/" + id));
		events.publishEvent(new InboxDelivery(city, null, "MINUTES_SIGN_OFF", "【待签发】会议纪要《%s》".formatted(meeting.title()),
				"%s送签了会议纪要，请市局领导审阅后签发或退回。".formatted(office.describe()), "/meetings/" + id,
				MeetingRecords.SOURCE, id + ":sign-off:" + now.toEpochMilli(), office.agencyCode()));
		events.publishEvent(new MeetingEvent("meeting", id, "MINUTES_SUBMITTED", "%s送签会议纪要".formatted(office.describe())));
		return records.find(id, office);
	}

	/** A leader of the city bureau signs the minutes off: numbered, sealed and in force by this act. */
	MeetingView signOff(long id, SignedInUser leader) {
		MeetingView meeting = awaiting(id, leader);
		Draft draft = draft(id);
		jdbc.sql("delete from minutes_draft where meeting_id = ?").param(id).update();
		Instant now = clock.instant();
		events.publishEvent(new ObligationSettled(MeetingRecords.SOURCE, id, SIGN_OFF, city(meeting), now, true));
		return publish(meeting, draft.minutes(), draft.decisions(), leader, true, AWAITING_SIGN_OFF, now);
	}

	/** A leader of the city bureau sends the minutes back to the office with comments; the draft stays. */
	MeetingView sendBack(long id, String comments, SignedInUser leader) {
		MeetingView meeting = awaiting(id, leader);
		Instant now = clock.instant();
		SendingBack back = SendingBack.of(comments, leader, now);
		String why = back.comments();
		String text = back.text();
		move(id, AWAITING_SIGN_OFF, "CONVENED", "该会议的纪要刚刚已被他人处理");
		jdbc.sql("update minutes_draft set state = 'SENT_BACK', sent_back_text = ? where meeting_id = ?")
			.params(text, id).update();
		events.publishEvent(new ObligationSettled(MeetingRecords.SOURCE, id, SIGN_OFF, city(meeting), now, true));
		events.publishEvent(new InboxDelivery(meeting.officeAgencyCode(), null, "MINUTES_SENT_BACK",
				"【退回】会议纪要《%s》未签发，已退回修改".formatted(meeting.title()), text, "/meetings/" + id,
				MeetingRecords.SOURCE, id + ":sent-back:" + now.toEpochMilli(), leader.agencyCode()));
		events.publishEvent(new MeetingEvent("meeting", id, "MINUTES_SENT_BACK", "%s退回会议纪要：%s".formatted(
				leader.describe(), why)));
		return records.find(id, leader);
	}

	/**
	 * The minutes' way to the sign-off, for the city bureau and its offices: the draft and, while it waits,
	 * the minutes as they would be issued; or the leader's comments on the draft sent back.
	 */
	MeetingView withSignOff(MeetingView meeting, SignedInUser reader) {
		if (meeting.minutesNumber() != null || !agencies.isCityLevel(reader.agencyCode())) {
			return meeting;
		}
		return jdbc.sql("select * from minutes_draft where meeting_id = ?").param(meeting.id())
			.query((rs, n) -> draft(rs))
			.optional()
			.map(draft -> meeting.withMinutesSignOff(new MeetingView.MinutesSignOff("AWAITING".equals(draft.state()),
					draft.minutes(), draft.decisions(), draft.draftedByName(), draft.draftedAt(), draft.sentBackText(),
					"AWAITING".equals(draft.state())
							? documents.preview(document(meeting, draft.minutes(), draft.decisions(), null, null)) : null)))
			.orElse(meeting);
	}

	private MeetingView publish(MeetingView meeting, String minutes, List<Decision> items, SignedInUser actor,
			boolean signedOff, String from, Instant now) {
		long id = meeting.id();
		Map<String, String> fields = new HashMap<>(fields(meeting, minutes, items));
		if (signedOff) {
			fields.put("signer", actor.displayName());
		}
		IssuedDocument issued = documents.issue(document(meeting, minutes, items, actor, fields));
		int moved = jdbc.sql("""
				update meeting set state = 'HELD', minutes = ?, minutes_number = ?, minutes_document_id = ?, held_at = ?,
				    minutes_signed_off_by_name = ?, minutes_signed_off_at = ?, version = version + 1
				where id = ? and state = ?""")
			.params(minutes, issued.number(), issued.id(), ChineseTime.utc(now), signedOff ? actor.describe() : null,
					signedOff ? ChineseTime.utc(now) : null, id, from)
			.update();
		if (moved == 0) {
			throw DomainException.conflict("minutes-recorded", "该会议的纪要刚刚已经印发");
		}
		for (Decision d : items) {
			KeyHolder key = new GeneratedKeyHolder();
			Instant due = d.dueOn().plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
			jdbc.sql("insert into action_item (meeting_id, decision, owner_agency, due_at, state) values (?, ?, ?, ?, 'OPEN')")
				.params(id, d.decision().trim(), d.ownerAgencyCode().trim(), ChineseTime.utc(due))
				.update(key, "id");
			long item = key.getKeyAs(Long.class);
			events.publishEvent(new InboxDelivery(d.ownerAgencyCode().trim(), null, "ACTION_ITEM",
					"【议定事项】%s".formatted(d.decision().trim()),
					"联席会议《%s》议定由本单位办理，%s前办结并报送佐证材料。".formatted(meeting.title(), day(d.dueOn())),
					"/meetings/" + id, "action-item", Long.toString(item)));
			events.publishEvent(MeetingObligation.ACTION_ITEM.due(item, d.decision().trim(), d.ownerAgencyCode().trim(),
					due, id));
		}
		events.publishEvent(new MeetingEvent("meeting", id, "MINUTES", "印发会议纪要 %s，议定事项 %d 项%s".formatted(
				issued.number(), items.size(), signedOff ? "（%s签发）".formatted(actor.describe()) : "")));
		return records.find(id, actor);
	}

	/** The minutes as a document in the office's name, as issued or as they would be. */
	private NewDocument document(MeetingView meeting, String minutes, List<Decision> items, SignedInUser issuer,
			Map<String, String> fields) {
		List<String> readers = new ArrayList<>(meeting.members().stream().map(MeetingView.Member::agencyCode).toList());
		return new NewDocument(DocumentKind.MEETING_MINUTES, meeting.officeAgencyCode(),
				fields == null ? fields(meeting, minutes, items) : fields, readers, MeetingRecords.SOURCE,
				Long.toString(meeting.id()), issuer == null ? null : issuer.getUsername(),
				issuer == null ? null : issuer.describe());
	}

	private Map<String, String> fields(MeetingView meeting, String minutes, List<Decision> items) {
		Map<String, String> names = records.names();
		long attending = meeting.members().stream().filter(m -> "ATTEND".equals(m.reply())).count();
		String absent = meeting.members().stream().filter(m -> !"ATTEND".equals(m.reply()))
			.map(m -> m.agencyName() + ("ABSENT".equals(m.reply()) ? "（请假：" + m.reason() + "）" : "（未回复）"))
			.collect(Collectors.joining("、"));
		String decisionText = items.isEmpty() ? "无" : items.stream()
			.map(d -> "%s（责任单位：%s，%s前办结）".formatted(d.decision().trim(), names.get(d.ownerAgencyCode().trim()),
					day(d.dueOn())))
			.collect(Collectors.joining("\n"));
		Map<String, String> fields = new HashMap<>();
		fields.put("addressee", "各成员单位");
		fields.put("meetingTitle", meeting.title());
		fields.put("startsAt", ChineseTime.format(meeting.startsAt()));
		fields.put("place", meeting.place());
		fields.put("attendance", "应到 %d 个成员单位，实到 %d 个%s。".formatted(meeting.members().size(), attending,
				absent.isEmpty() ? "" : "；" + absent));
		fields.put("minutes", minutes);
		fields.put("decisions", decisionText);
		return fields;
	}

	/** Minutes waiting for the sign-off, for a leader of the city bureau of the meeting's office. */
	private MeetingView awaiting(long id, SignedInUser leader) {
		MeetingView meeting = records.find(id, leader);
		if (!leader.hasRole("LEADER") || !leader.agencyCode().equals(city(meeting))) {
			throw DomainException.forbidden("not-signatory", "只有市局领导可以签发会议纪要");
		}
		if (!AWAITING_SIGN_OFF.equals(meeting.state())) {
			throw DomainException.conflict("minutes-not-awaiting-sign-off", "该会议没有待签发的纪要（%s）".formatted(
					meeting.stateLabel()));
		}
		return meeting;
	}

	private void move(long id, String from, String to, String raced) {
		if (jdbc.sql("update meeting set state = ?, version = version + 1 where id = ? and state = ?")
			.params(to, id, from).update() == 0) {
			throw DomainException.conflict("minutes-recorded", raced);
		}
	}

	private String city(MeetingView meeting) {
		return agencies.find(meeting.officeAgencyCode()).map(a -> a.cityCode()).orElse(meeting.officeAgencyCode());
	}

	private Draft draft(long id) {
		return jdbc.sql("select * from minutes_draft where meeting_id = ?").param(id).query((rs, n) -> draft(rs)).single();
	}

	private Draft draft(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Draft(rs.getString("state"), rs.getString("minutes"),
				List.of(json.readValue(rs.getString("decisions"), Decision[].class)),
				MeetingRecords.instant(rs, "drafted_at"), rs.getString("drafted_by_name"), rs.getString("sent_back_text"));
	}

	/** The office's minutes as recorded, waiting for the sign-off or sent back. */
	private record Draft(String state, String minutes, List<Decision> decisions, Instant draftedAt, String draftedByName,
			String sentBackText) {
	}

	private static String day(LocalDate day) {
		return org.liandong.platform.ChineseTime.day(day);
	}
}
