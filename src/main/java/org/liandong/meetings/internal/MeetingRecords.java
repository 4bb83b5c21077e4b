package org.liandong.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.meetings.ActionItem;
import org.liandong.meetings.MeetingView;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The joint meeting (R5) as its use cases read it alike: the meetings a reader may see (the city
 * level every one, a bureau those it is a member of), the members and the office of a city, the
 * office's check, and the rows of meetings and action items. Runs in the transaction of the
 * {@link MeetingService} method that calls it.
 */
@Component
record MeetingRecords(Agencies agencies, JdbcClient jdbc, Clock clock) {

	static final String SOURCE = "meeting";

	Page<MeetingView> list(SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		Map<String, String> names = names();
		return new PagedQuery("m.*", "meeting m", Map.of("startsAt", "m.starts_at", "title", "m.title"), "m.starts_at desc")
			.whereIf(!city, "exists (select 1 from meeting_member x where x.meeting_id = m.id and x.agency = ?)",
					reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> meeting(rs, names, false));
	}

	MeetingView find(long id, SignedInUser reader) {
		MeetingView found = jdbc.sql("select * from meeting where id = ?").param(id)
			.query((rs, n) -> meeting(rs, names(), true)).optional()
			.orElseThrow(() -> notFound(id));
		if (!agencies.isCityLevel(reader.agencyCode()) && found.members().stream().noneMatch(m -> m.agencyCode().equals(reader.agencyCode()))) {
			throw notFound(id);
		}
		return found;
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

	void requireOffice(SignedInUser user) {
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

	Map<String, String> names() {
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
					m.getString("agency")), m.getString("reply"), m.getString("attendee"), m.getString("reason"),
					instant(m, "replied_at"),
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
					case Minutes.AWAITING_SIGN_OFF -> "已召开，纪要待签发";
					default -> "已取消";
				}, rs.getString("office_agency"), rs.getString("convened_by_name"), instant(rs, "convened_at"),
				rs.getString("minutes"), rs.getString("minutes_number"), (Long) rs.getObject("minutes_document_id", Long.class),
				instant(rs, "held_at"), rs.getLong("version"), members, items, rs.getString("minutes_signed_off_by_name"),
				instant(rs, "minutes_signed_off_at"), null);
	}

	static ActionItem actionItem(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
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

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-meeting", "会议 %d 不存在".formatted(id));
	}
}
