package org.liandong.instruments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentTransitioned;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ReferenceData;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An instrument's row as every use case of R3.1 and R4.1 reads, locks and changes it: seen only by
 * its parties and the city level (others get not found), changed only by a party, at the version
 * read, each change published as an {@link InstrumentTransitioned}. Runs in the caller's
 * transaction.
 */
@Component
record InstrumentRecords(Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
		ReferenceData referenceData) {

	Row row(long id, SignedInUser reader) {
		return readable(jdbc.sql("select * from instrument where id = ?"), id, reader);
	}

	/**
	 * The row for a change, locked until the change commits: signatures, revisions, measures and
	 * termination of one instrument happen one after another, so no signature lands on a text or
	 * measures replaced meanwhile.
	 */
	Row locked(long id, SignedInUser actor) {
		return readable(jdbc.sql("select * from instrument where id = ? for update"), id, actor);
	}

	private Row readable(JdbcClient.StatementSpec select, long id, SignedInUser reader) {
		Row row = select.param(id).query((rs, n) -> row(rs)).optional().orElseThrow(() -> notFound(id));
		if (!agencies.isCityLevel(reader.agencyCode()) && !parties(id).contains(reader.agencyCode())) {
			throw notFound(id);
		}
		return row;
	}

	void requireParty(Row row, SignedInUser actor) {
		if (!parties(row.id()).contains(actor.agencyCode())) {
			throw DomainException.forbidden("not-a-party", "本单位不是《%s》的参加单位，不能办理".formatted(row.title()));
		}
	}

	List<String> parties(long id) {
		return jdbc.sql("select agency from instrument_party where instrument_id = ? order by agency").param(id)
			.query(String.class).list();
	}

	/** Applies a change at the version read (when one was given), stamping who changed it last. */
	void bump(Row row, Long version, SignedInUser actor, Instant now, String set, Object... values) {
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

	/** Publishes a change; the agreements in force are loaded again after it (on every instance, within a second). */
	void publish(long id, String action, String detail) {
		referenceData.changed(InstrumentsInForce.REFERENCE);
		Row row = jdbc.sql("select * from instrument where id = ?").param(id).query((rs, n) -> row(rs)).single();
		events.publishEvent(new InstrumentTransitioned(id, row.title(), row.kind(), action, row.state(), detail));
	}

	Map<String, String> names() {
		return agencies.all().stream().collect(Collectors.toMap(AgencySummary::code, AgencySummary::name));
	}

	LocalDate today() {
		return clock.instant().atZone(ChineseTime.ZONE).toLocalDate();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
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

	static DomainException illegal(Row row, String what) {
		return DomainException.conflict("illegal-transition", "《%s》当前为“%s”，不能%s".formatted(row.title(),
				row.state().label(), what));
	}

	static DomainException stale(Row row) {
		return DomainException.conflict("stale-instrument", "《%s》已被 %s 于 %s 修改，请刷新后再操作".formatted(row.title(),
				row.lastChangedByName(), ChineseTime.format(row.lastChangedAt())));
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-instrument", "协议或备忘录 %d 不存在".formatted(id));
	}

	record Row(long id, InstrumentKind kind, String title, String scope, InstrumentState state,
			LocalDate effectiveFrom, LocalDate effectiveUntil, Integer acceptWorkingDays, Integer answerWorkingDays,
			String draftingAgency, int currentVersion, String terminatedReason, Instant inForceAt,
			String lastChangedByName, Instant lastChangedAt, long version) {
	}
}
