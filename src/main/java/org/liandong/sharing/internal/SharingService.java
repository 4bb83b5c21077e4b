package org.liandong.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.FileContent;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.liandong.sharing.Bulletin;
import org.liandong.sharing.Frequency;
import org.liandong.sharing.Post;
import org.liandong.sharing.ReportObligation;
import org.liandong.sharing.ReportSchedule;
import org.liandong.sharing.Sharing;
import org.liandong.sharing.SharingEvent;
import org.liandong.sharing.Submission;
import org.liandong.sharing.Timeliness;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports, posts and bulletins (R6). */
@Service
@Transactional
class SharingService implements Sharing {

	private static final Set<String> ATTACHMENT_TYPES = Set.of("pdf", "ofd", "doc", "docx", "xls", "xlsx", "jpg", "jpeg",
			"png", "zip");

	private final Agencies agencies;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration ackWindow;

	SharingService(Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${liandong.sharing.bulletin-ack-window:30m}") Duration ackWindow) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.ackWindow = ackWindow;
	}

	@Override
	public ReportSchedule defineSchedule(String title, Frequency frequency, Integer dueDay, String description,
			SignedInUser city) {
		AgencySummary agency = agencies.find(city.agencyCode()).orElseThrow();
		if (!agency.kind().isCityLevel() || !(city.hasRole("LEADER") || city.hasRole("DETACHMENT_OFFICER"))) {
			throw DomainException.forbidden("not-city", "只有市局领导和执法支队可以设定报送计划");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw DomainException.invalid("title-required", "请填写报送计划名称（不超过 200 字）");
		}
		if (frequency == null) {
			throw DomainException.invalid("frequency-required", "请选择报送周期");
		}
		if (dueDay == null || dueDay < 1 || dueDay > 31) {
			throw DomainException.invalid("invalid-due-day", "报送日应为 1 到 31 之间的日子；当月没有的日子（如 31 日）按当月最后一天计");
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into report_schedule (title, frequency, due_day, description, city_agency, active, created_at,
				    created_by_name)
				values (?, ?, ?, ?, ?, true, ?, ?)""")
			.params(title.trim(), frequency.name(), dueDay, description == null ? null : description.trim(), cityOf(agency),
					ChineseTime.utc(clock.instant()), city.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		ReportSchedule schedule = schedule(id);
		openPeriods(schedule, cityOf(agency));
		events.publishEvent(new SharingEvent("report-schedule", id, "SCHEDULE", "设定报送计划《%s》：%s".formatted(
				schedule.title(), schedule.rule())));
		return schedule;
	}

	/** Creates the current period's expected reports of a schedule for every bureau; idempotent. */
	int openPeriods(ReportSchedule schedule, String city) {
		YearMonth start = schedule.frequency().periodStart(LocalDate.now(clock.withZone(ChineseTime.ZONE)));
		String key = schedule.frequency().periodKey(start);
		Instant due = schedule.frequency().dueDate(start, schedule.dueDay()).plusDays(1).atStartOfDay(ChineseTime.ZONE)
			.toInstant();
		int created = 0;
		for (String bureau : bureaus(city)) {
			int inserted = jdbc.sql("""
					insert into report_obligation (schedule_id, period_key, agency, due_at, revisions) values (?, ?, ?, ?, 0)
					on conflict do nothing""")
				.params(schedule.id(), key, bureau, ChineseTime.utc(due))
				.update();
			// only the transaction that created the row opens the obligation, whichever instance scans
			if (inserted == 1) {
				long id = jdbc.sql("""
						select id from report_obligation where schedule_id = ? and period_key = ? and agency = ?""")
					.params(schedule.id(), key, bureau).query(Long.class).single();
				String name = SharingObligation.reportName(schedule.title(), key);
				events.publishEvent(SharingObligation.REPORT.due(id, name, bureau, due));
			}
			created += inserted;
		}
		return created;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportSchedule> schedules(SignedInUser reader) {
		return jdbc.sql("select * from report_schedule where city_agency = ? order by id")
			.param(cityOf(agencies.find(reader.agencyCode()).orElseThrow()))
			.query((rs, n) -> schedule(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ReportObligation> obligations(Long scheduleId, SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		Map<String, String> names = names();
		Instant now = clock.instant();
		return new PagedQuery("o.*, s.title", "report_obligation o join report_schedule s on s.id = o.schedule_id",
				Map.of("dueAt", "o.due_at", "agency", "o.agency"), "o.due_at desc, o.agency")
			.whereIf(!city, "o.agency = ?", reader.agencyCode())
			.where("o.schedule_id = ?", scheduleId)
			.fetch(jdbc, pageable, (rs, n) -> obligation(rs, names, now));
	}

	@Override
	public Submission submit(Long obligationId, String title, String body, SignedInUser liaison) {
		if (!liaison.hasRole("LIAISON")) {
			throw DomainException.forbidden("not-liaison", "报告由本单位信息联络员报送");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw DomainException.invalid("title-required", "请填写报告标题（不超过 200 字）");
		}
		if (body == null || body.isBlank() || body.length() > 20000) {
			throw DomainException.invalid("body-required", "请填写报告内容（不超过 20000 字）");
		}
		Instant now = clock.instant();
		int revision = 1;
		if (obligationId != null) {
			ReportObligation owed = jdbc.sql("select o.*, s.title from report_obligation o join report_schedule s on s.id = o.schedule_id where o.id = ?")
				.param(obligationId).query((rs, n) -> obligation(rs, names(), now)).optional()
				.orElseThrow(() -> DomainException.notFound("unknown-obligation", "报送任务 %d 不存在".formatted(obligationId)));
			if (!owed.agencyCode().equals(liaison.agencyCode())) {
				throw DomainException.forbidden("not-owner", "只能报送本单位的报告");
			}
			// the row lock orders two submissions of one period, so revisions are numbered without gaps
			revision = jdbc.sql("select revisions from report_obligation where id = ? for update").param(obligationId)
				.query(Integer.class).single() + 1;
			jdbc.sql("""
					update report_obligation set revisions = ?, first_submitted_at = coalesce(first_submitted_at, ?)
					where id = ?""")
				.params(revision, ChineseTime.utc(now), obligationId).update();
			// the first submission meets the obligation; revisions after it do not reopen it
			if (revision == 1) {
				events.publishEvent(SharingObligation.REPORT.settled(obligationId, owed.agencyCode(), now, true));
			}
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into report_submission (obligation_id, agency, title, body, revision, submitted_at, submitted_by,
				    submitted_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(obligationId, liaison.agencyCode(), title.trim(), body.trim(), revision, ChineseTime.utc(now),
					liaison.getUsername(), liaison.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		events.publishEvent(new SharingEvent("report", id, revision > 1 ? "REVISED" : "SUBMITTED",
				"%s报送《%s》%s".formatted(liaison.agencyName(), title.trim(), revision > 1 ? "（第 %d 次修订）".formatted(revision - 1) : "")));
		return new Submission(id, obligationId, liaison.agencyCode(), title.trim(), body.trim(), revision, now,
				liaison.describe());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Submission> submissions(long obligationId, SignedInUser reader) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		return jdbc.sql("select * from report_submission where obligation_id = ? and (? or agency = ?) order by revision")
			.params(obligationId, city, reader.agencyCode())
			.query((rs, n) -> submission(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Submission> adHocReports(SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		return new PagedQuery("r.*", "report_submission r", Map.of("submittedAt", "r.submitted_at"), "r.id desc")
			.whereIf(true, "r.obligation_id is null")
			.whereIf(!city, "r.agency = ?", reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> submission(rs));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Timeliness> timeliness(Long scheduleId, SignedInUser reader) {
		Map<String, String> names = names();
		String city = cityOf(agencies.find(reader.agencyCode()).orElseThrow());
		Map<String, int[]> counts = new LinkedHashMap<>();
		bureaus(city).forEach(bureau -> counts.put(bureau, new int[3]));
		jdbc.sql("""
				select o.agency, count(*) as expected, count(o.first_submitted_at) as received,
				       sum(case when o.first_submitted_at is not null and o.first_submitted_at <= o.due_at then 1 else 0 end) as on_time
				from report_obligation o join report_schedule s on s.id = o.schedule_id
				where s.city_agency = ? and o.due_at <= ? and (cast(? as bigint) is null or o.schedule_id = ?)
				group by o.agency""")
			.params(city, ChineseTime.utc(clock.instant()), scheduleId, scheduleId)
			.query((rs, n) -> {
				counts.computeIfAbsent(rs.getString("agency"), a -> new int[3]);
				int[] c = counts.get(rs.getString("agency"));
				c[0] = rs.getInt("expected");
				c[1] = rs.getInt("received");
				c[2] = rs.getInt("on_time");
				return c;
			})
			.list();
		return counts.entrySet().stream()
			.map(e -> Timeliness.of(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
					e.getValue()[1], e.getValue()[2]))
			.toList();
	}

	@Override
	public Post post(String kind, String title, String body, String fileName, byte[] attachment, SignedInUser author) {
		if (!"EXPERIENCE".equals(kind) && !"JOINT_NOTICE".equals(kind)) {
			throw DomainException.invalid("invalid-kind", "请选择“经验交流”或“联合执法通知”");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw DomainException.invalid("title-required", "请填写标题（不超过 200 字）");
		}
		if (body == null || body.isBlank() || body.length() > 20000) {
			throw DomainException.invalid("body-required", "请填写正文（不超过 20000 字）");
		}
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into post (kind, title, body, agency, author_name, posted_at) values (?, ?, ?, ?, ?, ?)")
			.params(kind, title.trim(), body.trim(), author.agencyCode(), author.describe(), ChineseTime.utc(now))
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		if (attachment != null && attachment.length > 0) {
			String name = FileContent.accept(fileName, attachment, ATTACHMENT_TYPES, 20 * 1024 * 1024);
			jdbc.sql("""
					insert into post_attachment (post_id, file_name, content_type, size_bytes, sm3, content)
					values (?, ?, 'application/octet-stream', ?, ?, ?)""")
				.params(id, name, attachment.length, Sm3.hex(attachment), attachment).update();
		}
		events.publishEvent(new SharingEvent("post", id, "POSTED", "发布%s《%s》".formatted(
				"EXPERIENCE".equals(kind) ? "经验交流" : "联合执法通知", title.trim())));
		return posts(author, Pageable.ofSize(1)).getContent().stream().filter(p -> p.id() == id).findFirst()
			.orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Post> posts(SignedInUser reader, Pageable pageable) {
		Map<String, String> names = names();
		return new PagedQuery("p.*", "post p", Map.of("postedAt", "p.posted_at"), "p.id desc")
			.fetch(jdbc, pageable, (rs, n) -> {
				long id = rs.getLong("id");
				String kind = rs.getString("kind");
				List<Post.Attachment> files = jdbc.sql("select id, file_name, size_bytes, sm3 from post_attachment where post_id = ?")
					.param(id).query((a, m) -> new Post.Attachment(a.getLong(1), a.getString(2), a.getLong(3), a.getString(4)))
					.list();
				return new Post(id, kind, "EXPERIENCE".equals(kind) ? "经验交流" : "联合执法通知", rs.getString("title"),
						rs.getString("body"), rs.getString("agency"), names.getOrDefault(rs.getString("agency"), ""),
						rs.getString("author_name"), instant(rs, "posted_at"), files);
			});
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] postAttachment(long postId, long attachmentId, SignedInUser reader) {
		return jdbc.sql("select content from post_attachment where id = ? and post_id = ?").params(attachmentId, postId)
			.query(byte[].class).optional()
			.orElseThrow(() -> DomainException.notFound("unknown-attachment", "附件 %d 不存在".formatted(attachmentId)));
	}

	@Override
	public Bulletin sendBulletin(String title, String body, SignedInUser sender) {
		AgencySummary from = agencies.find(sender.agencyCode()).orElseThrow();
		if (from.kind() == AgencyKind.EXTERNAL_DEPARTMENT
				|| !(sender.hasRole("LEADER") || sender.hasRole("DETACHMENT_OFFICER") || sender.hasRole("LIAISON"))) {
			throw DomainException.forbidden("not-sender", "快报由应急管理部门的领导、执法支队或信息联络员发出");
		}
		if (title == null || title.isBlank() || title.length() > 200 || body == null || body.isBlank()
				|| body.length() > 8000) {
			throw DomainException.invalid("bulletin-incomplete", "请填写快报标题（不超过 200 字）和内容（不超过 8000 字）");
		}
		Instant now = clock.instant();
		// to the microsecond, as the database keeps it: the ledger's due instant is the one a miss reports
		Instant due = now.plus(ackWindow).truncatedTo(ChronoUnit.MICROS);
		String city = cityOf(from);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into bulletin (title, body, sender_agency, sent_by_name, sent_at, ack_due_at, city_agency)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(title.trim(), body.trim(), from.code(), sender.describe(), ChineseTime.utc(now), ChineseTime.utc(due), city)
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		// every county bureau; the city bureau sees every bulletin and hears of the missing acknowledgements
		List<String> recipients = new java.util.ArrayList<>(bureaus(city));
		recipients.remove(from.code());
		for (String recipient : recipients) {
			jdbc.sql("insert into bulletin_ack (bulletin_id, agency) values (?, ?)").params(id, recipient).update();
			events.publishEvent(SharingObligation.ACKNOWLEDGE_BULLETIN.due(id, title.trim(), recipient, due));
			events.publishEvent(new InboxDelivery(recipient, null, "BULLETIN",
					"【快报】%s（请于 %s 前签收）".formatted(title.trim(), ChineseTime.format(due)), body.trim(),
					"/bulletins/" + id, "bulletin", Long.toString(id)));
		}
		events.publishEvent(new SharingEvent("bulletin", id, "BULLETIN", "发出快报《%s》至 %d 个单位，%d 分钟内签收".formatted(
				title.trim(), recipients.size(), ackWindow.toMinutes())));
		return bulletin(id, sender);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Bulletin> bulletins(SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		return new PagedQuery("b.id", "bulletin b", Map.of("sentAt", "b.sent_at"), "b.id desc")
			.whereIf(!city, "(b.sender_agency = ? or exists (select 1 from bulletin_ack a where a.bulletin_id = b.id and a.agency = ?))",
					reader.agencyCode(), reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> load(rs.getLong("id")));
	}

	@Override
	@Transactional(readOnly = true)
	public Bulletin bulletin(long id, SignedInUser reader) {
		Bulletin found = load(id);
		boolean involved = found.senderAgencyCode().equals(reader.agencyCode())
				|| found.acknowledgements().stream().anyMatch(a -> a.agencyCode().equals(reader.agencyCode()));
		if (!involved && !agencies.isCityLevel(reader.agencyCode())) {
			throw DomainException.notFound("unknown-bulletin", "快报 %d 不存在".formatted(id));
		}
		return found;
	}

	@Override
	public Bulletin acknowledge(long id, SignedInUser liaison) {
		Bulletin found = bulletin(id, liaison);
		if (!liaison.hasRole("LIAISON") && !liaison.hasRole("LEADER")) {
			throw DomainException.forbidden("not-liaison", "快报由本单位信息联络员或领导签收");
		}
		if (found.acknowledgements().stream().noneMatch(a -> a.agencyCode().equals(liaison.agencyCode()))) {
			throw DomainException.forbidden("not-recipient", "本单位不是该快报的接收单位");
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update bulletin_ack set acknowledged_at = ?, acknowledged_by_name = ?
				where bulletin_id = ? and agency = ? and acknowledged_at is null""")
			.params(ChineseTime.utc(now), liaison.describe(), id, liaison.agencyCode()).update();
		if (updated == 0) {
			throw DomainException.conflict("already-acknowledged", "本单位已签收该快报");
		}
		events.publishEvent(SharingObligation.ACKNOWLEDGE_BULLETIN.settled(id, liaison.agencyCode(), now, true));
		events.publishEvent(new SharingEvent("bulletin", id, "ACKNOWLEDGED", "%s签收快报《%s》".formatted(
				liaison.agencyName(), found.title())));
		return bulletin(id, liaison);
	}

	Bulletin load(long id) {
		Map<String, String> names = names();
		return jdbc.sql("select * from bulletin where id = ?").param(id)
			.query((rs, n) -> new Bulletin(id, rs.getString("title"), rs.getString("body"), rs.getString("sender_agency"),
					names.getOrDefault(rs.getString("sender_agency"), ""), rs.getString("sent_by_name"),
					instant(rs, "sent_at"), instant(rs, "ack_due_at"),
					jdbc.sql("select * from bulletin_ack where bulletin_id = ? order by agency").param(id)
						.query((a, m) -> new Bulletin.Acknowledgement(a.getString("agency"),
								names.getOrDefault(a.getString("agency"), a.getString("agency")), instant(a, "acknowledged_at"),
								a.getString("acknowledged_by_name"), a.getObject("escalated_at") != null))
						.list()))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-bulletin", "快报 %d 不存在".formatted(id)));
	}

	/** The county bureaus of a city: who reports and acknowledges. */
	List<String> bureaus(String city) {
		return agencies.all().stream().filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU && city.equals(a.parentCode()))
			.map(AgencySummary::code).toList();
	}

	ReportSchedule schedule(long id) {
		return jdbc.sql("select * from report_schedule where id = ?").param(id).query((rs, n) -> schedule(rs)).single();
	}

	List<ReportSchedule> activeSchedules() {
		return jdbc.sql("select * from report_schedule where active = true").query((rs, n) -> schedule(rs)).list();
	}

	String cityOfSchedule(long id) {
		return jdbc.sql("select city_agency from report_schedule where id = ?").param(id).query(String.class).single();
	}

	private String cityOf(AgencySummary agency) {
		return agency.cityCode();
	}


	private Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	private static ReportSchedule schedule(ResultSet rs) throws SQLException {
		return new ReportSchedule(rs.getLong("id"), rs.getString("title"), Frequency.valueOf(rs.getString("frequency")),
				rs.getInt("due_day"), rs.getString("description"), rs.getBoolean("active"));
	}

	private static ReportObligation obligation(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
		Instant due = instant(rs, "due_at");
		Instant first = instant(rs, "first_submitted_at");
		String agency = rs.getString("agency");
		return new ReportObligation(rs.getLong("id"), rs.getLong("schedule_id"), rs.getString("title"),
				rs.getString("period_key"), agency, names.getOrDefault(agency, agency), due, first, rs.getInt("revisions"),
				first == null && due.isBefore(now));
	}

	private static Submission submission(ResultSet rs) throws SQLException {
		return new Submission(rs.getLong("id"), (Long) rs.getObject("obligation_id", Long.class), rs.getString("agency"),
				rs.getString("title"), rs.getString("body"), rs.getInt("revision"), instant(rs, "submitted_at"),
				rs.getString("submitted_by_name"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
