package org.liandong.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.meetings.ActionItem;
import org.liandong.meetings.Decision;
import org.liandong.meetings.MeetingEvent;
import org.liandong.meetings.MeetingView;
import org.liandong.meetings.Meetings;
import org.liandong.meetings.NewMeeting;
import org.liandong.meetings.WorkNorm;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Joint meetings, their attendance, minutes and action items, and the work norms (R5). */
@Service
@Validated
@Transactional
class MeetingService implements Meetings {

	static final String SOURCE = "meeting";

	private final Agencies agencies;
	private final Documents documents;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MeetingService(Agencies agencies, Documents documents, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.agencies = agencies;
		this.documents = documents;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public MeetingView convene(NewMeeting n, SignedInUser office) {
		requireOffice(office);
		Instant now = clock.instant();
		Instant starts = n.startsAt().atZone(ChineseTime.ZONE).toInstant();
		Instant replyDue = n.replyBy().plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
		if (!starts.isAfter(now)) {
			throw DomainException.invalid("meeting-in-past", "会议时间应晚于现在");
		}
		if (replyDue.isBefore(now) || replyDue.isAfter(starts.plusSeconds(86_400))) {
			throw DomainException.invalid("invalid-reply-date", "回复截止日期应在今天到会议当天之间");
		}
		List<String> members = members(office.agencyCode());
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into meeting (kind, title, agenda, place, starts_at, reply_due_at, state, office_agency, convened_at,
				    convened_by_name, version)
				values (?, ?, ?, ?, ?, ?, 'CONVENED', ?, ?, ?, 0)""")
			.params(n.kind().name(), n.title().trim(), n.agenda().trim(), n.place().trim(), ChineseTime.utc(starts),
					ChineseTime.utc(replyDue), office.agencyCode(), ChineseTime.utc(now), office.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		for (String member : members) {
			jdbc.sql("insert into meeting_member (meeting_id, agency) values (?, ?)").params(id, member).update();
			events.publishEvent(MeetingObligation.REPLY.due(id, n.title().trim(), member, replyDue, id));
			events.publishEvent(new InboxDelivery(member, null, "MEETING_NOTICE",
					"【会议通知】%s（%s）".formatted(n.title().trim(), ChineseTime.format(starts)),
					"地点：%s。议程：%s。请于 %s 前回复是否参会。".formatted(n.place().trim(), n.agenda().trim(),
							ChineseTime.format(replyDue)),
					"/meetings/" + id, SOURCE, id + ":notice"));
		}
		events.publishEvent(new MeetingEvent("meeting", id, "CONVENED", "召集%s《%s》，%s，%d 个成员单位".formatted(
				n.kind().label(), n.title().trim(), ChineseTime.format(starts), members.size())));
		return find(id, office);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<MeetingView> list(SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		Map<String, String> names = names();
		return new PagedQuery("m.*", "meeting m", Map.of("startsAt", "m.starts_at", "title", "m.title"), "m.starts_at desc")
			.whereIf(!city, "exists (select 1 from meeting_member x where x.meeting_id = m.id and x.agency = ?)",
					reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> meeting(rs, names, false));
	}

	@Override
	@Transactional(readOnly = true)
	public MeetingView find(long id, SignedInUser reader) {
		MeetingView found = jdbc.sql("select * from meeting where id = ?").param(id)
			.query((rs, n) -> meeting(rs, names(), true)).optional()
			.orElseThrow(() -> notFound(id));
		if (!agencies.isCityLevel(reader.agencyCode()) && found.members().stream().noneMatch(m -> m.agencyCode().equals(reader.agencyCode()))) {
			throw notFound(id);
		}
		return found;
	}

	@Override
	public MeetingView reply(long id, boolean attend, String reason, SignedInUser member) {
		MeetingView meeting = find(id, member);
		if (meeting.members().stream().noneMatch(m -> m.agencyCode().equals(member.agencyCode()))) {
			throw DomainException.forbidden("not-a-member", "本单位不是该会议的成员单位");
		}
		Instant now = clock.instant();
		if (!"CONVENED".equals(meeting.state()) || !now.isBefore(meeting.startsAt())) {
			throw DomainException.conflict("meeting-started", "会议已召开或已结束，不能再回复参会情况");
		}
		String why = reason == null || reason.isBlank() ? null : reason.trim();
		if (!attend && why == null) {
			throw DomainException.invalid("absence-needs-reason", "请假不参会的，请说明理由");
		}
		String answer = """
				update meeting_member set reply = ?, reason = ?, replied_at = ?, replied_by_name = ?
				where meeting_id = ? and agency = ?""";
		Object[] values = { attend ? "ATTEND" : "ABSENT", why, ChineseTime.utc(now), member.describe(), id,
				member.agencyCode() };
		// the first reply meets the obligation; a changed one (allowed until the meeting starts) only changes it
		boolean first = jdbc.sql(answer + " and reply is null").params(values).update() == 1;
		if (!first) {
			jdbc.sql(answer).params(values).update();
		}
		events.publishEvent(new MeetingEvent("meeting", id, "REPLIED", "%s%s".formatted(member.agencyName(),
				attend ? "确认参会" : "请假：" + why)));
		if (first) {
			events.publishEvent(MeetingObligation.REPLY.settled(id, member.agencyCode(), now, true));
		}
		return find(id, member);
	}

	@Override
	public MeetingView recordMinutes(long id, String minutes, List<Decision> decisions, SignedInUser office) {
		requireOffice(office);
		MeetingView meeting = find(id, office);
		if (!"CONVENED".equals(meeting.state())) {
			throw DomainException.conflict("minutes-recorded", "该会议的纪要已经印发");
		}
		if (minutes == null || minutes.isBlank()) {
			throw DomainException.invalid("minutes-required", "请填写会议纪要");
		}
		Instant now = clock.instant();
		if (now.isBefore(meeting.startsAt())) {
			throw DomainException.conflict("meeting-not-held", "会议尚未召开，召开后再记录纪要");
		}
		List<Decision> items = decisions == null ? List.of() : decisions;
		Map<String, String> names = names();
		for (Decision d : items) {
			if (!names.containsKey(d.ownerAgencyCode().trim())) {
				throw DomainException.invalid("unknown-agency", "责任单位 %s 不存在".formatted(d.ownerAgencyCode()));
			}
			if (d.dueOn().isBefore(LocalDate.now(ChineseTime.ZONE))) {
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
				readers, SOURCE, Long.toString(id), office.getUsername(), office.describe()));
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
		return find(id, office);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ActionItem> actionItems(boolean open, SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		Map<String, String> names = names();
		Instant now = clock.instant();
		return new PagedQuery("a.*, m.title as meeting_title", "action_item a join meeting m on m.id = a.meeting_id",
				Map.of("dueAt", "a.due_at"), "a.due_at asc, a.id")
			.whereIf(!city, "a.owner_agency = ?", reader.agencyCode())
			.whereIf(open, "a.state = 'OPEN'")
			.fetch(jdbc, pageable, (rs, n) -> actionItem(rs, names, now));
	}

	@Override
	public ActionItem complete(long actionItemId, String evidence, SignedInUser owner) {
		Map<String, String> names = names();
		Instant now = clock.instant();
		ActionItem item = jdbc.sql("select a.*, m.title as meeting_title from action_item a join meeting m on m.id = a.meeting_id where a.id = ?")
			.param(actionItemId).query((rs, n) -> actionItem(rs, names, now)).optional()
			.orElseThrow(() -> DomainException.notFound("unknown-action-item", "议定事项 %d 不存在".formatted(actionItemId)));
		if (!item.ownerAgencyCode().equals(owner.agencyCode())) {
			throw DomainException.forbidden("not-owner", "只有责任单位可以报送议定事项的办理情况");
		}
		if (evidence == null || evidence.isBlank()) {
			throw DomainException.invalid("evidence-required", "请填写办理情况和佐证材料说明");
		}
		int done = jdbc.sql("""
				update action_item set state = 'DONE', evidence = ?, completed_at = ?, completed_by_name = ?
				where id = ? and state = 'OPEN'""")
			.params(evidence.trim(), ChineseTime.utc(now), owner.describe(), actionItemId).update();
		if (done == 0) {
			throw DomainException.conflict("already-done", "该议定事项已经办结");
		}
		events.publishEvent(new MeetingEvent("action-item", actionItemId, "ACTION_DONE", "%s办结议定事项：%s".formatted(
				owner.agencyName(), item.decision())));
		events.publishEvent(MeetingObligation.ACTION_ITEM.settled(actionItemId, item.ownerAgencyCode(), now, true));
		return jdbc.sql("select a.*, m.title as meeting_title from action_item a join meeting m on m.id = a.meeting_id where a.id = ?")
			.param(actionItemId).query((rs, n) -> actionItem(rs, names, now)).single();
	}

	@Override
	@Transactional(readOnly = true)
	public RegularMeetingStatus regularStatus(SignedInUser reader) {
		return regularStatus(officeOf(reader.agencyCode()));
	}

	RegularMeetingStatus regularStatus(String office) {
		Instant last = jdbc.sql("""
				select max(starts_at) from meeting where office_agency = ? and kind = 'REGULAR' and state <> 'CANCELLED'""")
			.param(office).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
		ZonedDateTime halfYearAgo = clock.instant().atZone(ChineseTime.ZONE).minusMonths(6);
		boolean overdue = last == null || last.isBefore(halfYearAgo.toInstant());
		return new RegularMeetingStatus(last, overdue, !overdue ? null : last == null
				? "尚未召开过联席会议例会，按机制原则上每半年召开一次，请安排召开"
				: "距上次例会（%s）已超过半年，请安排召开例会".formatted(ChineseTime.format(last)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<WorkNorm> norms(SignedInUser reader) {
		return jdbc.sql("select id from work_norm where office_agency = ? order by id").param(officeOf(reader.agencyCode()))
			.query(Long.class).list().stream().map(id -> norm(id, reader)).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public WorkNorm norm(long id, SignedInUser reader) {
		return jdbc.sql("select * from work_norm where id = ?").param(id)
			.query((rs, n) -> {
				int current = rs.getInt("current_version");
				List<WorkNorm.Version> versions = jdbc.sql("""
						select version_no, changed_at, changed_by_name, note from work_norm_version where norm_id = ?
						order by version_no""").param(id)
					.query((v, m) -> new WorkNorm.Version(v.getInt("version_no"), instant(v, "changed_at"),
							v.getString("changed_by_name"), v.getString("note")))
					.list();
				String body = jdbc.sql("select body from work_norm_version where norm_id = ? and version_no = ?")
					.params(id, current).query(String.class).single();
				return new WorkNorm(id, rs.getString("title"), current, body, versions);
			})
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-norm", "工作规范 %d 不存在".formatted(id)));
	}

	@Override
	public WorkNorm keepNorm(Long id, String title, String body, String note, SignedInUser office) {
		requireOffice(office);
		if (body == null || body.isBlank()) {
			throw DomainException.invalid("norm-body-required", "请填写规范正文");
		}
		Instant now = clock.instant();
		long normId;
		int version;
		if (id == null) {
			if (title == null || title.isBlank()) {
				throw DomainException.invalid("norm-title-required", "请填写规范名称");
			}
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("insert into work_norm (title, office_agency, current_version, created_at) values (?, ?, 1, ?)")
				.params(title.trim(), office.agencyCode(), ChineseTime.utc(now)).update(key, "id");
			normId = key.getKeyAs(Long.class);
			version = 1;
		}
		else {
			WorkNorm existing = norm(id, office);
			normId = id;
			version = existing.currentVersion() + 1;
			jdbc.sql("update work_norm set current_version = ? where id = ? and current_version = ?")
				.params(version, id, existing.currentVersion()).update();
		}
		jdbc.sql("""
				insert into work_norm_version (norm_id, version_no, body, note, changed_at, changed_by_name)
				values (?, ?, ?, ?, ?, ?)""")
			.params(normId, version, body.trim(), note == null || note.isBlank() ? null : note.trim(), ChineseTime.utc(now),
					office.describe())
			.update();
		events.publishEvent(new MeetingEvent("work-norm", normId, "NORM_KEPT", "工作规范第 %d 版%s".formatted(version,
				note == null || note.isBlank() ? "" : "：" + note.trim())));
		return norm(normId, office);
	}

	/** The county bureaus of the office's city: the joint meeting's members. */
	List<String> members(String office) {
		String city = cityOf(office);
		return agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU && city.equals(a.parentCode()))
			.map(AgencySummary::code)
			.toList();
	}

	/** The office of the joint meeting of a city: its enforcement detachment. */
	String officeOf(String agencyCode) {
		String city = cityOf(agencyCode);
		return agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.ENFORCEMENT_DETACHMENT && city.equals(a.parentCode()))
			.map(AgencySummary::code)
			.findFirst()
			.orElse(city);
	}

	private void requireOffice(SignedInUser user) {
		boolean office = agencies.find(user.agencyCode()).map(a -> a.kind() == AgencyKind.ENFORCEMENT_DETACHMENT)
			.orElse(false);
		if (!office || !user.hasRole("DETACHMENT_OFFICER")) {
			throw DomainException.forbidden("not-meeting-office", "只有联席会议办公室（市局执法支队）可以召集会议、印发纪要和维护工作规范");
		}
	}

	private String cityOf(String agencyCode) {
		AgencySummary agency = agencies.find(agencyCode).orElseThrow();
		return agency.cityCode();
	}


	private Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	private MeetingView meeting(ResultSet rs, Map<String, String> names, boolean full) throws SQLException {
		long id = rs.getLong("id");
		Instant now = clock.instant();
		Instant replyDue = instant(rs, "reply_due_at");
		String state = rs.getString("state");
		List<MeetingView.Member> members = full ? jdbc.sql("select * from meeting_member where meeting_id = ? order by agency")
			.param(id)
			.query((m, n) -> new MeetingView.Member(m.getString("agency"), names.getOrDefault(m.getString("agency"),
					m.getString("agency")), m.getString("reply"), m.getString("reason"), instant(m, "replied_at"),
					m.getString("replied_by_name"), m.getObject("overdue_at") != null
							|| (m.getString("reply") == null && "CONVENED".equals(state) && replyDue.isBefore(now))))
			.list() : List.of();
		List<ActionItem> items = full ? jdbc.sql("""
				select a.*, m.title as meeting_title from action_item a join meeting m on m.id = a.meeting_id
				where a.meeting_id = ? order by a.id""").param(id).query((a, n) -> actionItem(a, names, now)).list()
				: List.of();
		return new MeetingView(id, org.liandong.meetings.MeetingKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("agenda"), rs.getString("place"), instant(rs, "starts_at"), replyDue, state, switch (state) {
					case "CONVENED" -> "已发通知";
					case "HELD" -> "已召开，纪要已印发";
					default -> "已取消";
				}, rs.getString("office_agency"), rs.getString("convened_by_name"), instant(rs, "convened_at"),
				rs.getString("minutes"), rs.getString("minutes_number"), (Long) rs.getObject("minutes_document_id", Long.class),
				instant(rs, "held_at"), rs.getLong("version"), members, items);
	}

	private static ActionItem actionItem(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
		String owner = rs.getString("owner_agency");
		Instant due = instant(rs, "due_at");
		String state = rs.getString("state");
		return new ActionItem(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("meeting_title"),
				rs.getString("decision"), owner, names.getOrDefault(owner, owner), due, state, rs.getString("evidence"),
				instant(rs, "completed_at"), rs.getString("completed_by_name"),
				rs.getObject("overdue_at") != null || ("OPEN".equals(state) && due.isBefore(now)));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String day(LocalDate day) {
		return "%d年%d月%d日".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
	}


	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-meeting", "会议 %d 不存在".formatted(id));
	}
}
