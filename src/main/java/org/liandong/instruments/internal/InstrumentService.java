package org.liandong.instruments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.instruments.Commitment;
import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentSummary;
import org.liandong.instruments.InstrumentTransitioned;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.Instruments;
import org.liandong.instruments.MemorandumMeasure;
import org.liandong.instruments.NewInstrument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.FileContent;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.liandong.platform.StoredFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Agreements and memoranda: drafting, versions, signatures, measures, term (R3, R4.1). */
@Service
@Validated
@Transactional
class InstrumentService implements Instruments {

	private static final Set<String> ATTACHMENT_TYPES = Set.of("pdf", "ofd", "doc", "docx", "jpg", "jpeg", "png");
	private static final int MAX_ATTACHMENT = 20 * 1024 * 1024;

	private final Agencies agencies;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InstrumentService(Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public InstrumentView draft(NewInstrument n, SignedInUser drafter) {
		Set<String> parties = new LinkedHashSet<>();
		parties.add(drafter.agencyCode());
		for (String code : n.partyCodes()) {
			String trimmed = code == null ? "" : code.trim();
			agencies.find(trimmed)
				.orElseThrow(() -> DomainException.invalid("unknown-agency", "参加单位 %s 不存在".formatted(trimmed)));
			parties.add(trimmed);
		}
		if (parties.size() < 2) {
			throw DomainException.invalid("too-few-parties", "协议或备忘录至少由两个单位签署，请选择其他参加单位");
		}
		if (!n.effectiveUntil().isAfter(n.effectiveFrom())) {
			throw DomainException.invalid("invalid-term", "截止日期应晚于生效日期");
		}
		if (n.kind() == InstrumentKind.MEMORANDUM && (n.acceptWorkingDays() != null || n.answerWorkingDays() != null)) {
			throw DomainException.invalid("commitment-on-memorandum", "协查时限约定只适用于行政协议");
		}
		if (n.acceptWorkingDays() != null && n.answerWorkingDays() != null
				&& n.answerWorkingDays() <= n.acceptWorkingDays()) {
			// an answer date no later than the acceptance deadline would leave the requester nothing to choose
			throw DomainException.invalid("answer-before-accept", "答复时限（%d 个工作日）应长于受理时限（%d 个工作日）"
				.formatted(n.answerWorkingDays(), n.acceptWorkingDays()));
		}
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into instrument (kind, title, scope, state, effective_from, effective_until, accept_working_days,
				    answer_working_days, drafting_agency, current_version, created_at, created_by_name, last_changed_at,
				    last_changed_by_name, version)
				values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 0)""")
			.params(n.kind().name(), n.title().trim(), n.scope().trim(), n.effectiveFrom(), n.effectiveUntil(),
					n.acceptWorkingDays(), n.answerWorkingDays(), drafter.agencyCode(), ChineseTime.utc(now),
					drafter.describe(), ChineseTime.utc(now), drafter.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		for (String party : parties) {
			jdbc.sql("insert into instrument_party (instrument_id, agency) values (?, ?)").params(id, party).update();
		}
		text(id, 1, n.text().trim(), "初稿", drafter, now);
		publish(id, "DRAFTED", "起草，参加单位：" + names(parties));
		return find(id, drafter);
	}

	@Override
	public InstrumentView revise(long id, String body, String note, Long version, SignedInUser editor) {
		Row row = locked(id, editor);
		requireParty(row, editor);
		if (row.state() != InstrumentState.DRAFT && row.state() != InstrumentState.AWAITING_SIGNATURES) {
			throw illegal(row, "修改正文");
		}
		if (body == null || body.isBlank()) {
			throw DomainException.invalid("text-required", "请填写正文");
		}
		if (body.length() > 60000) {
			throw DomainException.invalid("text-too-long", "正文不能超过 60000 字");
		}
		Instant now = clock.instant();
		int next = row.currentVersion() + 1;
		bump(row, version, editor, now, "current_version = ?", next);
		text(id, next, body.trim(), note == null || note.isBlank() ? null : note.trim(), editor, now);
		// a signature is given to a text: a new text is signed anew
		voidSignatures(id);
		publish(id, "REVISED", "形成第 %d 稿%s，各方须重新签署".formatted(next, note == null || note.isBlank() ? "" : "（" + note.trim() + "）"));
		return find(id, editor);
	}

	@Override
	public InstrumentView submit(long id, Long version, SignedInUser actor) {
		Row row = locked(id, actor);
		requireParty(row, actor);
		if (row.state() != InstrumentState.DRAFT) {
			throw illegal(row, "提交签署");
		}
		bump(row, version, actor, clock.instant(), "state = 'AWAITING_SIGNATURES'");
		for (String party : parties(id)) {
			if (!party.equals(actor.agencyCode())) {
				events.publishEvent(new InboxDelivery(party, null, "INSTRUMENT_TO_SIGN",
						"【待签署】%s《%s》".formatted(row.kind().label(), row.title()),
						"%s提交签署，请本单位审阅并签署第 %d 稿。".formatted(actor.agencyName(), row.currentVersion()),
						"/instruments/" + id, "instrument", id + ":submit:" + row.currentVersion()));
			}
		}
		publish(id, "SUBMITTED", "提交各方签署第 %d 稿".formatted(row.currentVersion()));
		return find(id, actor);
	}

	@Override
	public InstrumentView sign(long id, Long version, SignedInUser signer) {
		Row row = locked(id, signer);
		requireParty(row, signer);
		if (row.state() != InstrumentState.AWAITING_SIGNATURES) {
			throw illegal(row, "签署");
		}
		if (version != null && version != row.version()) {
			throw stale(row);
		}
		if (row.effectiveUntil().isBefore(today())) {
			throw DomainException.conflict("term-over", "《%s》的截止日期 %s 已过，不能再签署；请修改期限后重新提交"
				.formatted(row.title(), row.effectiveUntil()));
		}
		Instant now = clock.instant();
		int signed = jdbc.sql("""
				update instrument_party set signed_version = ?, signed_at = ?, signed_by = ?, signed_by_name = ?
				where instrument_id = ? and agency = ? and signed_version is null""")
			.params(row.currentVersion(), ChineseTime.utc(now), signer.getUsername(), signer.describe(), id,
					signer.agencyCode())
			.update();
		if (signed == 0) {
			throw DomainException.conflict("already-signed", "本单位已签署第 %d 稿".formatted(row.currentVersion()));
		}
		publish(id, "SIGNED", "%s签署第 %d 稿".formatted(signer.agencyName(), row.currentVersion()));
		int missing = jdbc.sql("""
				select count(*) from instrument_party where instrument_id = ?
				and (signed_version is null or signed_version <> ?)""")
			.params(id, row.currentVersion()).query(Integer.class).single();
		if (missing == 0) {
			// the last signature: in force, once, whoever signs last at the same moment
			int started = jdbc.sql("""
					update instrument set state = 'IN_FORCE', in_force_at = ?, version = version + 1
					where id = ? and state = 'AWAITING_SIGNATURES'""").params(ChineseTime.utc(now), id).update();
			if (started == 1) {
				publish(id, "IN_FORCE", "各方签署完毕，生效");
				for (String party : parties(id)) {
					events.publishEvent(new InboxDelivery(party, null, "INSTRUMENT_IN_FORCE",
							"【已生效】%s《%s》".formatted(row.kind().label(), row.title()), "各方签署完毕，自即日起生效。",
							"/instruments/" + id, "instrument", id + ":in-force"));
				}
			}
		}
		return find(id, signer);
	}

	@Override
	public InstrumentView setMeasures(long id, List<String> measures, SignedInUser actor) {
		Row row = locked(id, actor);
		requireParty(row, actor);
		if (row.kind() != InstrumentKind.MEMORANDUM) {
			throw DomainException.invalid("measures-on-agreement", "惩戒措施只适用于联合惩戒合作备忘录");
		}
		if (row.state() != InstrumentState.DRAFT && row.state() != InstrumentState.AWAITING_SIGNATURES) {
			throw illegal(row, "修改惩戒措施");
		}
		boolean signed = jdbc.sql(
				"select count(*) from instrument_party where instrument_id = ? and agency = ? and signed_version is not null")
			.params(id, actor.agencyCode()).query(Integer.class).single() > 0;
		if (signed) {
			throw DomainException.conflict("already-signed", "本单位已签署，不能再修改惩戒措施");
		}
		List<String> cleaned = measures == null ? List.of() : measures.stream().filter(m -> m != null && !m.isBlank())
			.map(String::trim).distinct().toList();
		if (cleaned.stream().anyMatch(m -> m.length() > 500)) {
			throw DomainException.invalid("measure-too-long", "每项惩戒措施不超过 500 字");
		}
		jdbc.sql("delete from memorandum_measure where instrument_id = ? and agency = ?").params(id, actor.agencyCode())
			.update();
		for (String measure : cleaned) {
			jdbc.sql("insert into memorandum_measure (instrument_id, agency, measure) values (?, ?, ?)")
				.params(id, actor.agencyCode(), measure).update();
		}
		// the others signed the memorandum with the measures it had: changed measures are signed anew
		boolean othersSigned = voidSignatures(id) > 0;
		bump(row, null, actor, clock.instant(), "");
		publish(id, "MEASURES_SET", "%s的惩戒措施：%s%s".formatted(actor.agencyName(), String.join("；", cleaned),
				othersSigned ? "；已签署的单位须重新签署" : ""));
		return find(id, actor);
	}

	@Override
	public InstrumentView terminate(long id, String reason, SignedInUser actor) {
		Row row = locked(id, actor);
		requireParty(row, actor);
		if (row.state() == InstrumentState.TERMINATED || row.state() == InstrumentState.EXPIRED) {
			throw illegal(row, "终止");
		}
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid("terminate-needs-reason", "终止协议或备忘录，请写明理由");
		}
		if (reason.length() > 1000) {
			throw DomainException.invalid("reason-too-long", "终止理由不能超过 1000 字");
		}
		bump(row, null, actor, clock.instant(), "state = 'TERMINATED', terminated_reason = ?", reason.trim());
		publish(id, "TERMINATED", "%s终止，理由：%s".formatted(actor.agencyName(), reason.trim()));
		for (String party : parties(id)) {
			if (!party.equals(actor.agencyCode())) {
				events.publishEvent(new InboxDelivery(party, null, "INSTRUMENT_TERMINATED",
						"【已终止】%s《%s》".formatted(row.kind().label(), row.title()), reason.trim(), "/instruments/" + id,
						"instrument", id + ":terminated"));
			}
		}
		return find(id, actor);
	}

	@Override
	public InstrumentView attach(long id, String fileName, String contentType, byte[] content, SignedInUser uploader) {
		Row row = locked(id, uploader);
		requireParty(row, uploader);
		String name = FileContent.accept(fileName, content, ATTACHMENT_TYPES, MAX_ATTACHMENT);
		jdbc.sql("""
				insert into instrument_attachment (instrument_id, version_no, file_name, content_type, size_bytes, sm3,
				    content, uploaded_at, uploaded_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, row.currentVersion(), name, contentType == null ? "application/octet-stream" : contentType,
					content.length, Sm3.hex(content), content, ChineseTime.utc(clock.instant()), uploader.describe())
			.update();
		publish(id, "ATTACHED", "第 %d 稿附件“%s”".formatted(row.currentVersion(), name));
		return find(id, uploader);
	}

	@Override
	@Transactional(readOnly = true)
	public StoredFile attachment(long id, long attachmentId, SignedInUser reader) {
		row(id, reader);
		return jdbc.sql("""
				select file_name, content_type, sm3, content from instrument_attachment where instrument_id = ? and id = ?""")
			.params(id, attachmentId)
			.query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getString("sm3"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-attachment", "附件 %d 不存在".formatted(attachmentId)));
	}

	@Override
	@Transactional(readOnly = true)
	public InstrumentView find(long id, SignedInUser reader) {
		Row row = row(id, reader);
		Map<String, String> names = names();
		List<String> parties = parties(id);
		boolean party = parties.contains(reader.agencyCode());
		List<InstrumentView.Party> partyViews = jdbc.sql("select * from instrument_party where instrument_id = ? order by agency")
			.param(id)
			.query((rs, n) -> new InstrumentView.Party(rs.getString("agency"), names.getOrDefault(rs.getString("agency"),
					rs.getString("agency")), rs.getObject("signed_version") != null, instant(rs, "signed_at"),
					rs.getString("signed_by_name"), measures(id, rs.getString("agency"))))
			.list();
		List<InstrumentView.TextVersion> versions = jdbc.sql("""
				select version_no, changed_at, changed_by_name, note from instrument_text where instrument_id = ?
				order by version_no""")
			.param(id)
			.query((rs, n) -> new InstrumentView.TextVersion(rs.getInt("version_no"), instant(rs, "changed_at"),
					rs.getString("changed_by_name"), rs.getString("note")))
			.list();
		String text = jdbc.sql("select body from instrument_text where instrument_id = ? and version_no = ?")
			.params(id, row.currentVersion()).query(String.class).single();
		List<InstrumentView.Attachment> attachments = jdbc.sql("""
				select id, version_no, file_name, size_bytes, sm3, uploaded_at, uploaded_by_name from instrument_attachment
				where instrument_id = ? order by id""")
			.param(id)
			.query((rs, n) -> new InstrumentView.Attachment(rs.getLong("id"), rs.getInt("version_no"),
					rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sm3"), instant(rs, "uploaded_at"),
					rs.getString("uploaded_by_name")))
			.list();
		boolean mySignature = partyViews.stream().anyMatch(p -> p.agencyCode().equals(reader.agencyCode()) && p.signed());
		List<String> actions = new ArrayList<>();
		if (party) {
			switch (row.state()) {
				case DRAFT -> actions.addAll(List.of("revise", "submit", "terminate"));
				case AWAITING_SIGNATURES -> {
					actions.add("revise");
					if (!mySignature) {
						actions.add("sign");
					}
					actions.add("terminate");
				}
				case IN_FORCE -> actions.add("terminate");
				default -> {
				}
			}
			if (row.kind() == InstrumentKind.MEMORANDUM && !mySignature
					&& (row.state() == InstrumentState.DRAFT || row.state() == InstrumentState.AWAITING_SIGNATURES)) {
				actions.add("measures");
			}
		}
		return new InstrumentView(id, row.kind(), row.title(), row.scope(), effectiveState(row), row.effectiveFrom(),
				row.effectiveUntil(), row.acceptWorkingDays(), row.answerWorkingDays(), row.draftingAgency(),
				names.getOrDefault(row.draftingAgency(), row.draftingAgency()), row.currentVersion(), text, partyViews,
				versions, attachments, row.terminatedReason(), row.inForceAt(), row.version(), actions);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<InstrumentSummary> list(InstrumentKind kind, InstrumentState state, SignedInUser reader,
			Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		LocalDate today = today();
		return new PagedQuery("""
				i.id, i.kind, i.title, i.state, i.effective_from, i.effective_until,
				(select count(*) from instrument_party p where p.instrument_id = i.id and p.signed_version is not null) as signed,
				(select count(*) from instrument_party p where p.instrument_id = i.id) as parties""",
				"instrument i", Map.of("title", "i.title", "effectiveUntil", "i.effective_until", "state", "i.state"),
				"i.id desc")
			.whereIf(!city, "exists (select 1 from instrument_party p where p.instrument_id = i.id and p.agency = ?)",
					reader.agencyCode())
			.where("i.kind = ?", kind == null ? null : kind.name())
			.whereIf(state == InstrumentState.IN_FORCE, "i.state = 'IN_FORCE' and i.effective_until >= ?", today)
			.whereIf(state == InstrumentState.EXPIRED,
					"(i.state = 'EXPIRED' or (i.state = 'IN_FORCE' and i.effective_until < ?))", today)
			.whereIf(state != null && state != InstrumentState.IN_FORCE && state != InstrumentState.EXPIRED,
					"i.state = ?", state == null ? null : state.name())
			.fetch(jdbc, pageable, (rs, n) -> {
				InstrumentState stored = InstrumentState.valueOf(rs.getString("state"));
				LocalDate until = rs.getObject("effective_until", LocalDate.class);
				return new InstrumentSummary(rs.getLong("id"), InstrumentKind.valueOf(rs.getString("kind")),
						rs.getString("title"), stored == InstrumentState.IN_FORCE && until.isBefore(today)
								? InstrumentState.EXPIRED : stored,
						rs.getObject("effective_from", LocalDate.class), until, rs.getInt("signed"), rs.getInt("parties"));
			});
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Commitment> commitmentBetween(String agencyCode, String otherAgencyCode) {
		LocalDate today = today();
		return jdbc.sql("""
				select i.id, i.title, i.accept_working_days, i.answer_working_days from instrument i
				where i.kind = 'AGREEMENT' and i.state = 'IN_FORCE' and i.effective_from <= ? and i.effective_until >= ?
				and (i.accept_working_days is not null or i.answer_working_days is not null)
				and exists (select 1 from instrument_party p where p.instrument_id = i.id and p.agency = ?)
				and exists (select 1 from instrument_party p where p.instrument_id = i.id and p.agency = ?)
				order by i.in_force_at desc, i.id desc limit 1""")
			.params(today, today, agencyCode, otherAgencyCode)
			.query((rs, n) -> new Commitment(rs.getLong("id"), rs.getString("title"),
					(Integer) rs.getObject("accept_working_days"), (Integer) rs.getObject("answer_working_days")))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<MemorandumMeasure> measuresInForce() {
		LocalDate today = today();
		Map<String, String> names = names();
		return jdbc.sql("""
				select i.id, i.title, m.agency, m.measure from memorandum_measure m join instrument i on i.id = m.instrument_id
				where i.kind = 'MEMORANDUM' and i.state = 'IN_FORCE' and i.effective_from <= ? and i.effective_until >= ?
				order by i.id, m.agency, m.id""")
			.params(today, today)
			.query((rs, n) -> new MemorandumMeasure(rs.getLong("id"), rs.getString("title"), rs.getString("agency"),
					names.getOrDefault(rs.getString("agency"), rs.getString("agency")), rs.getString("measure")))
			.list();
	}

	/** Marks instruments whose term ended; safe on several instances (a conditional update). */
	int expire() {
		List<Long> ended = jdbc.sql("select id from instrument where state = 'IN_FORCE' and effective_until < ?")
			.param(today()).query(Long.class).list();
		int count = 0;
		for (long id : ended) {
			if (jdbc.sql("update instrument set state = 'EXPIRED', version = version + 1 where id = ? and state = 'IN_FORCE'")
				.param(id).update() == 1) {
				publish(id, "EXPIRED", "期限届满，自动失效");
				count++;
			}
		}
		return count;
	}

	private InstrumentState effectiveState(Row row) {
		return row.state() == InstrumentState.IN_FORCE && row.effectiveUntil().isBefore(today()) ? InstrumentState.EXPIRED
				: row.state();
	}

	/** Applies a change at the version read (when one was given), stamping who changed it last. */
	private void bump(Row row, Long version, SignedInUser actor, Instant now, String set, Object... values) {
		if (version != null && version != row.version()) {
			throw stale(row);
		}
		List<Object> params = new ArrayList<>(List.of(values));
		params.addAll(List.of(ChineseTime.utc(now), actor.describe(), row.id(), row.version()));
		int updated = jdbc.sql("update instrument set " + (set.isEmpty() ? "" : set + ", ")
				+ "last_changed_at = ?, last_changed_by_name = ?, version = version + 1 where id = ? and version = ?")
			.params(params)
			.update();
		if (updated == 0) {
			throw stale(row);
		}
	}

	/** Clears the signatures given; how many there were. */
	private int voidSignatures(long id) {
		return jdbc.sql("""
				update instrument_party set signed_version = null, signed_at = null, signed_by = null, signed_by_name = null
				where instrument_id = ? and signed_version is not null""").param(id).update();
	}

	private void text(long id, int versionNo, String body, String note, SignedInUser editor, Instant now) {
		jdbc.sql("""
				insert into instrument_text (instrument_id, version_no, body, note, changed_at, changed_by_name)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, versionNo, body, note, ChineseTime.utc(now), editor.describe())
			.update();
	}

	private void publish(long id, String action, String detail) {
		Row row = jdbc.sql("select * from instrument where id = ?").param(id).query((rs, n) -> row(rs)).single();
		events.publishEvent(new InstrumentTransitioned(id, row.title(), row.kind(), action, row.state(), detail));
	}

	private Row row(long id, SignedInUser reader) {
		return readable(jdbc.sql("select * from instrument where id = ?"), id, reader);
	}

	/**
	 * The row for a change, locked until the change commits: signatures, revisions, measures and
	 * termination of one instrument happen one after another, so no signature lands on a text or
	 * measures replaced meanwhile.
	 */
	private Row locked(long id, SignedInUser actor) {
		return readable(jdbc.sql("select * from instrument where id = ? for update"), id, actor);
	}

	private Row readable(JdbcClient.StatementSpec select, long id, SignedInUser reader) {
		Row row = select.param(id).query((rs, n) -> row(rs)).optional().orElseThrow(() -> notFound(id));
		if (!agencies.isCityLevel(reader.agencyCode()) && !parties(id).contains(reader.agencyCode())) {
			throw notFound(id);
		}
		return row;
	}

	private void requireParty(Row row, SignedInUser actor) {
		if (!parties(row.id()).contains(actor.agencyCode())) {
			throw DomainException.forbidden("not-a-party", "本单位不是《%s》的参加单位，不能办理".formatted(row.title()));
		}
	}

	private List<String> parties(long id) {
		return jdbc.sql("select agency from instrument_party where instrument_id = ? order by agency").param(id)
			.query(String.class).list();
	}

	private List<String> measures(long id, String agency) {
		return jdbc.sql("select measure from memorandum_measure where instrument_id = ? and agency = ? order by id")
			.params(id, agency).query(String.class).list();
	}


	private Map<String, String> names() {
		return agencies.all().stream().collect(Collectors.toMap(AgencySummary::code, AgencySummary::name));
	}

	private String names(Set<String> codes) {
		Map<String, String> names = names();
		return codes.stream().map(code -> names.getOrDefault(code, code)).collect(Collectors.joining("、"));
	}

	private LocalDate today() {
		return clock.instant().atZone(ChineseTime.ZONE).toLocalDate();
	}


	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), InstrumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("scope"), InstrumentState.valueOf(rs.getString("state")),
				rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_until", LocalDate.class),
				(Integer) rs.getObject("accept_working_days"), (Integer) rs.getObject("answer_working_days"),
				rs.getString("drafting_agency"), rs.getInt("current_version"), rs.getString("terminated_reason"),
				instant(rs, "in_force_at"), rs.getString("last_changed_by_name"), instant(rs, "last_changed_at"),
				rs.getLong("version"));
	}

	private static DomainException illegal(Row row, String what) {
		return DomainException.conflict("illegal-transition", "《%s》当前为“%s”，不能%s".formatted(row.title(),
				row.state().label(), what));
	}

	private static DomainException stale(Row row) {
		return DomainException.conflict("stale-instrument", "《%s》已被 %s 于 %s 修改，请刷新后再操作".formatted(row.title(),
				row.lastChangedByName(), ChineseTime.format(row.lastChangedAt())));
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-instrument", "协议或备忘录 %d 不存在".formatted(id));
	}

	private record Row(long id, InstrumentKind kind, String title, String scope, InstrumentState state,
			LocalDate effectiveFrom, LocalDate effectiveUntil, Integer acceptWorkingDays, Integer answerWorkingDays,
			String draftingAgency, int currentVersion, String terminatedReason, Instant inForceAt,
			String lastChangedByName, Instant lastChangedAt, long version) {
	}
}
