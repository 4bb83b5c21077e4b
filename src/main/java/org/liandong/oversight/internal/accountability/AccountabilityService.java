package org.liandong.oversight.internal.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.liandong.agency.AgencySummary;
import org.liandong.inbox.InboxDelivery;
import org.liandong.oversight.Accountability;
import org.liandong.oversight.AccountabilityDecision;
import org.liandong.oversight.AccountabilityEvent;
import org.liandong.oversight.AccountabilityMeasure;
import org.liandong.oversight.AccountabilityState;
import org.liandong.oversight.AccountabilityView;
import org.liandong.oversight.ConductKind;
import org.liandong.oversight.Deduction;
import org.liandong.oversight.NewAccountabilityRecord;
import org.liandong.platform.Sentence;
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

/**
 * Accountability records (R7.2): opened by the city bureau against a unit of its city with the
 * facts and the unit's own conduct records, decided once with measures and a deduction. The unit
 * is told at both steps; each step is one transaction.
 */
@Service
@Validated
@Transactional
class AccountabilityService implements Accountability {

	private final AccountableUnits units;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccountabilityService(AccountableUnits units, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.units = units;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public AccountabilityView open(NewAccountabilityRecord record, SignedInUser opener) {
		units.requireOverseer(opener);
		String city = units.cityOf(opener.agencyCode());
		AgencySummary unit = units.unit(record.agencyCode(), city);
		List<Long> conductIds = record.conductIds() == null ? List.of() : record.conductIds().stream().distinct().toList();
		conductIds.forEach(id -> requireConductOf(id, unit));
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into accountability_record (city_agency, agency, facts, state, opened_at, opened_by_name, version)
				values (?, ?, ?, 'OPEN', ?, ?, 0)""")
			.params(city, unit.code(), record.facts().trim(), ChineseTime.utc(now), opener.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		conductIds.forEach(conduct -> jdbc.sql("insert into accountability_conduct (record_id, conduct_id) values (?, ?)")
			.params(id, conduct).update());
		events.publishEvent(new AccountabilityEvent(id, "ACCOUNTABILITY_OPENED",
				"对%s立案问责，关联失职记录 %d 条".formatted(unit.name(), conductIds.size())));
		events.publishEvent(new InboxDelivery(unit.code(), null, "ACCOUNTABILITY_OPENED", "【问责】市局对本单位立案问责",
				"问责事实：%s".formatted(record.facts().trim()), link(id), "accountability", id + ":opened"));
		return find(id, opener);
	}

	@Override
	public AccountabilityView decide(long id, AccountabilityDecision decision, SignedInUser decider) {
		units.requireOverseer(decider);
		AccountabilityView record = find(id, decider);
		if (record.state() != AccountabilityState.OPEN) {
			throw DomainException.conflict("accountability-decided", "该问责记录已经作出决定，不能再次决定");
		}
		String other = decision.otherMeasure() == null || decision.otherMeasure().isBlank() ? null
				: decision.otherMeasure().trim();
		List<AccountabilityMeasure> measures = decision.measures().stream().distinct().sorted().toList();
		if (measures.contains(AccountabilityMeasure.OTHER) && other == null) {
			throw DomainException.invalid("other-measure-required", "选择“其他”措施的，请写明具体措施");
		}
		long seen = decision.version() == null ? record.version() : decision.version();
		Instant now = clock.instant();
		int decided = jdbc.sql("""
				update accountability_record set state = 'DECIDED', decision = ?, measures = ?, other_measure = ?,
				    deduction = ?, decided_at = ?, decided_by_name = ?, version = version + 1
				where id = ? and state = 'OPEN' and version = ?""")
			.params(decision.decision().trim(), String.join(",", measures.stream().map(Enum::name).toList()),
					measures.contains(AccountabilityMeasure.OTHER) ? other : null, decision.deduction(),
					ChineseTime.utc(now), decider.describe(), id, seen)
			.update();
		if (decided == 0) {
			throw DomainException.conflict("accountability-decided", "该问责记录刚刚已被他人决定或修改，请刷新后查看");
		}
		AccountabilityView done = find(id, decider);
		events.publishEvent(new AccountabilityEvent(id, "ACCOUNTABILITY_DECIDED", "对%s作出问责决定：%s，扣 %d 分".formatted(
				done.agencyName(), done.measuresText(), done.deduction())));
		events.publishEvent(new InboxDelivery(done.agencyCode(), null, "ACCOUNTABILITY_DECIDED", "【问责决定】市局对本单位作出问责决定",
				"决定：%s措施：%s年终考核扣 %d 分。".formatted(Sentence.of(done.decision()), Sentence.of(done.measuresText()),
						done.deduction()),
				link(id), "accountability", id + ":decided"));
		return done;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AccountabilityView> list(AccountabilityState state, SignedInUser reader, Pageable pageable) {
		boolean city = units.cityLevel(reader);
		Map<String, String> names = units.names();
		return new PagedQuery("a.*", "accountability_record a",
				Map.of("openedAt", "a.opened_at", "decidedAt", "a.decided_at"), "a.opened_at desc, a.id desc")
			.whereIf(city, "a.city_agency = ?", city ? units.cityOf(reader.agencyCode()) : null)
			.whereIf(!city, "a.agency = ?", reader.agencyCode())
			.where("a.state = ?", state == null ? null : state.name())
			.fetch(jdbc, pageable, (rs, n) -> record(rs, names, List.of()));
	}

	@Override
	@Transactional(readOnly = true)
	public AccountabilityView find(long id, SignedInUser reader) {
		Map<String, String> names = units.names();
		AccountabilityView found = jdbc.sql("select * from accountability_record where id = ?").param(id)
			.query((rs, n) -> record(rs, names, linkedConduct(id))).optional()
			.orElseThrow(() -> notFound(id));
		if (!units.mayRead(reader, found.cityAgencyCode(), found.agencyCode())) {
			throw notFound(id);
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountabilityView.Conduct> conductOf(String agencyCode, SignedInUser opener) {
		units.requireOverseer(opener);
		AgencySummary unit = units.unit(agencyCode, units.cityOf(opener.agencyCode()));
		return jdbc.sql("select * from conduct_record where agency = ? order by recorded_at desc, id desc limit 200")
			.param(unit.code())
			.query((rs, n) -> conduct(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Deduction> deductions(String cityAgencyCode, int year) {
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ChineseTime.ZONE).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ChineseTime.ZONE).toInstant();
		return jdbc.sql("""
				select id, agency, deduction, decided_at from accountability_record
				where city_agency = ? and state = 'DECIDED' and decided_at >= ? and decided_at < ?
				order by decided_at, id""")
			.params(cityAgencyCode, ChineseTime.utc(from), ChineseTime.utc(to))
			.query((rs, n) -> new Deduction(rs.getLong("id"), rs.getString("agency"), rs.getInt("deduction"),
					instant(rs, "decided_at")))
			.list();
	}

	private void requireConductOf(long conductId, AgencySummary unit) {
		String owner = jdbc.sql("select agency from conduct_record where id = ?").param(conductId).query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.invalid("unknown-conduct", "失职记录 #%d 不存在".formatted(conductId)));
		if (!owner.equals(unit.code())) {
			throw DomainException.invalid("conduct-of-another-unit",
					"失职记录 #%d 不是%s的记录，不能作为对该单位问责的依据".formatted(conductId, unit.name()));
		}
	}

	private List<AccountabilityView.Conduct> linkedConduct(long recordId) {
		return jdbc.sql("""
				select c.* from conduct_record c join accountability_conduct l on l.conduct_id = c.id
				where l.record_id = ? order by c.recorded_at, c.id""")
			.param(recordId)
			.query((rs, n) -> conduct(rs))
			.list();
	}

	private static AccountabilityView record(ResultSet rs, Map<String, String> names,
			List<AccountabilityView.Conduct> conduct) throws SQLException {
		String agency = rs.getString("agency");
		String measures = rs.getString("measures");
		return new AccountabilityView(rs.getLong("id"), rs.getString("city_agency"), agency,
				names.getOrDefault(agency, agency), rs.getString("facts"),
				AccountabilityState.valueOf(rs.getString("state")), instant(rs, "opened_at"),
				rs.getString("opened_by_name"), rs.getString("decision"),
				measures == null ? List.of() : Arrays.stream(measures.split(",")).map(AccountabilityMeasure::valueOf).toList(),
				rs.getString("other_measure"), rs.getObject("deduction", Integer.class), instant(rs, "decided_at"),
				rs.getString("decided_by_name"), rs.getLong("version"), conduct);
	}

	private static AccountabilityView.Conduct conduct(ResultSet rs) throws SQLException {
		String kind = rs.getString("kind");
		return new AccountabilityView.Conduct(rs.getLong("id"), rs.getString("agency"), kind, ConductKind.labelOf(kind),
				rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("subject_name"), rs.getString("detail"),
				instant(rs, "recorded_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static String link(long id) {
		return "/oversight/accountability/" + id;
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-accountability", "问责记录 %d 不存在".formatted(id));
	}
}
