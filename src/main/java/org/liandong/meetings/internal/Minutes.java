package org.liandong.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.meetings.Decision;
import org.liandong.meetings.MeetingEvent;
import org.liandong.meetings.MeetingView;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The minutes of a joint meeting held (R5): the office issues them as a formal document with the
 * attendance and the decisions, and each decision becomes an action item of its owner agency, due
 * by its date. Runs in the transaction of the {@link MeetingService} method that calls it.
 */
@Component
record Minutes(Documents documents, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
		MeetingRecords records) {

	MeetingView record(long id, String minutes, List<Decision> decisions, SignedInUser office) {
		records.requireOffice(office);
		MeetingView meeting = records.find(id, office);
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
		fields.put("minutes", minutes.trim());
		fields.put("decisions", decisionText);
		List<String> readers = new ArrayList<>(meeting.members().stream().map(MeetingView.Member::agencyCode).toList());
		IssuedDocument issued = documents.issue(new NewDocument(DocumentKind.MEETING_MINUTES, office.agencyCode(), fields,
				readers, MeetingRecords.SOURCE, Long.toString(id), office.getUsername(), office.describe()));
		int moved = jdbc.sql("""
				update meeting set state = 'HELD', minutes = ?, minutes_number = ?, minutes_document_id = ?, held_at = ?,
				    version = version + 1
				where id = ? and state = 'CONVENED'""")
			.params(minutes.trim(), issued.number(), issued.id(), ChineseTime.utc(now), id)
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
		events.publishEvent(new MeetingEvent("meeting", id, "MINUTES", "印发会议纪要 %s，议定事项 %d 项".formatted(
				issued.number(), items.size())));
		return records.find(id, office);
	}

	private static String day(LocalDate day) {
		return org.liandong.platform.ChineseTime.day(day);
	}
}
