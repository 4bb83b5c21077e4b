package org.liandong.oversight.internal.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.oversight.ConductKind;
import org.liandong.oversight.Dashboard;
import org.liandong.oversight.ObligationFilter;
import org.liandong.oversight.ObligationView;
import org.liandong.oversight.Obligations;
import org.liandong.oversight.OpenObligations;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the ledger: lists with their clocks, and the dashboard's figures (R7.1). */
@Service
@Transactional(readOnly = true)
class ObligationService implements Obligations {

	private static final Duration SOON = Duration.ofHours(24);

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final Clock clock;
	private final CityHistory cityHistory;

	ObligationService(JdbcClient jdbc, Agencies agencies, Clock clock, CityHistory cityHistory) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.clock = clock;
		this.cityHistory = cityHistory;
	}

	@Override
	public Page<ObligationView> list(ObligationFilter filter, SignedInUser reader, Pageable pageable) {
		Scope scope = scope(filter.owner(), reader);
		Instant now = clock.instant();
		String outcome = filter.outcome() == null ? "" : filter.outcome();
		List<String> types = filter.subjectType() == null ? List.of()
				: Arrays.stream(filter.subjectType().split(",")).map(String::trim).filter(t -> !t.isEmpty())
					.toList();
		Map<String, String> names = names();
		return new PagedQuery("o.*", "obligation o", Map.of("dueAt", "o.due_at", "openedAt", "o.opened_at"), "o.due_at desc")
			.whereIf(scope.owner() != null, "o.owner_agency = ?", scope.owner())
			.whereIf(scope.owner() == null, "o.city_agency = ?", scope.city())
			.whereIf(!types.isEmpty(), "o.subject_type in (" + String.join(", ", Collections.nCopies(types.size(), "?"))
					+ ")", types.toArray())
			.where("o.obligation = ?", blankToNull(filter.obligation()))
			.whereIf(outcome.equals("open"), "o.state = 'OPEN'")
			.whereIf(outcome.equals("overdue"), "o.state = 'OPEN' and o.due_at < ?", ChineseTime.utc(now))
			.whereIf(outcome.equals("on-time"), "o.state = 'MET' and o.settled_at <= o.due_at")
			.whereIf(outcome.equals("late"), "o.state = 'MET' and o.settled_at > o.due_at")
			.whereIf(outcome.equals("missed"), "o.overdue_at is not null")
			.whereIf(outcome.equals("cancelled"), "o.state = 'CANCELLED'")
			.where("o.due_at >= ?", filter.dueFrom() == null ? null : ChineseTime.utc(startOf(filter.dueFrom())))
			.where("o.due_at < ?", filter.dueTo() == null ? null : ChineseTime.utc(startOf(filter.dueTo().plusDays(1))))
			.fetch(jdbc, pageable, (rs, n) -> ObligationRows.view(rs, names));
	}

	@Override
	public ObligationView find(long id, SignedInUser reader) {
		ObligationView found = jdbc.sql("select * from obligation where id = ?").param(id)
			.query((rs, n) -> ObligationRows.view(rs, names())).optional()
			.orElseThrow(() -> unknown(id));
		Scope scope = scope(null, reader);
		boolean readable = scope.owner() == null ? scope.city().equals(found.cityAgencyCode())
				: scope.owner().equals(found.ownerAgencyCode());
		if (!readable) {
			throw unknown(id);
		}
		return found;
	}

	@Override
	public Dashboard dashboard(String agencyCode, SignedInUser reader) {
		Scope scope = scope(agencyCode, reader);
		Instant now = clock.instant();
		Map<String, String> names = names();
		String column = scope.owner() == null ? "city_agency" : "owner_agency";
		String key = scope.owner() == null ? scope.city() : scope.owner();

		Map<String, long[]> open = openCounts(column, key, now);
		// the history as last computed in the background, one pass per city for it and its bureaus (issue 24)
		Optional<LedgerHistory> history = cityHistory.of(scope.city())
			.map(city -> scope.owner() == null ? city : city.of(scope.owner()));
		Map<String, LedgerHistory.Owner> recent = new LinkedHashMap<>();
		history.ifPresent(h -> h.owners().forEach(o -> recent.put(o.agency(), o)));

		List<String> bureaus = new ArrayList<>();
		if (scope.owner() != null) {
			bureaus.add(scope.owner());
		}
		else {
			agencies.all().stream()
				.filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU && scope.city().equals(a.cityCode()))
				.map(AgencySummary::code).forEach(bureaus::add);
			open.keySet().stream().filter(code -> !bureaus.contains(code)).forEach(bureaus::add);
			recent.keySet().stream().filter(code -> !bureaus.contains(code)).forEach(bureaus::add);
		}
		List<Dashboard.BureauRow> rows = bureaus.stream().map(code -> {
			long[] o = open.getOrDefault(code, new long[3]);
			String name = names.getOrDefault(code, code);
			if (history.isEmpty()) {
				return new Dashboard.BureauRow(code, name, o[0], o[1], o[2], null, null, null, null, null);
			}
			LedgerHistory.Owner r = recent.getOrDefault(code, new LedgerHistory.Owner(code, 0, 0, 0, 0, List.of(), List.of()));
			long judged = r.onTime() + r.late() + r.missedOpen();
			return new Dashboard.BureauRow(code, name, o[0], o[1], o[2], r.due(), r.onTime(), r.late(), r.missedOpen(),
					judged == 0 ? null : Math.round(1000.0 * r.onTime() / judged) / 10.0);
		}).toList();
		Dashboard.Totals totals = new Dashboard.Totals(rows.stream().mapToLong(Dashboard.BureauRow::open).sum(),
				rows.stream().mapToLong(Dashboard.BureauRow::overdue).sum(),
				rows.stream().mapToLong(Dashboard.BureauRow::dueSoon).sum());

		List<ObligationView> urgent = urgent(column, key, names);
		List<Dashboard.Conduct> conduct = jdbc.sql("""
				select * from conduct_record where %s = ? order by recorded_at desc, id desc limit 20"""
			.formatted(scope.owner() == null ? "city_agency" : "agency"))
			.param(key)
			.query((rs, n) -> new Dashboard.Conduct(rs.getLong("id"), rs.getString("agency"),
					names.getOrDefault(rs.getString("agency"), rs.getString("agency")), rs.getString("kind"),
					ConductKind.labelOf(rs.getString("kind")), rs.getString("detail"),
					ObligationRows.instant(rs, "recorded_at")))
			.list();
		return new Dashboard(scope.owner(), names.getOrDefault(key, key), now,
				history.map(LedgerHistory::asOf).orElse(null), totals, rows, urgent,
				history.map(LedgerHistory::months).orElse(List.of()), history.map(LedgerHistory::kinds).orElse(List.of()),
				conduct);
	}

	@Override
	public OpenObligations open(SignedInUser reader) {
		Scope scope = scope(null, reader);
		Instant now = clock.instant();
		Map<String, String> names = names();
		String column = scope.owner() == null ? "city_agency" : "owner_agency";
		String key = scope.owner() == null ? scope.city() : scope.owner();
		Collection<long[]> counts = openCounts(column, key, now).values();
		// the city's own work would otherwise hide among the bureaus' (issue 21)
		List<ObligationView> own = scope.owner() != null ? List.of() : jdbc.sql("""
				select * from obligation where state = 'OPEN' and owner_agency in (?, ?) order by due_at limit 20""")
			.params(reader.agencyCode(), scope.city())
			.query((rs, n) -> ObligationRows.view(rs, names))
			.list();
		return new OpenObligations(scope.owner(), names.getOrDefault(key, key), now,
				new Dashboard.Totals(counts.stream().mapToLong(c -> c[0]).sum(), counts.stream().mapToLong(c -> c[1]).sum(),
						counts.stream().mapToLong(c -> c[2]).sum()),
				urgent(column, key, names), own);
	}

	/** Per owner: open obligations, of which overdue and due within a day. */
	private Map<String, long[]> openCounts(String column, String key, Instant now) {
		Map<String, long[]> open = new LinkedHashMap<>();
		jdbc.sql("""
				select owner_agency, count(*) as open_count,
				    sum(case when due_at < ? then 1 else 0 end) as overdue,
				    sum(case when due_at >= ? and due_at < ? then 1 else 0 end) as due_soon
				from obligation where state = 'OPEN' and %s = ? group by owner_agency""".formatted(column))
			.params(ChineseTime.utc(now), ChineseTime.utc(now), ChineseTime.utc(now.plus(SOON)), key)
			.query(rs -> {
				open.put(rs.getString("owner_agency"),
						new long[] { rs.getLong("open_count"), rs.getLong("overdue"), rs.getLong("due_soon") });
			});
		return open;
	}

	/** The open obligations due soonest, overdue first. */
	private List<ObligationView> urgent(String column, String key, Map<String, String> names) {
		return jdbc.sql("""
				select * from obligation where state = 'OPEN' and %s = ? order by due_at limit 20""".formatted(column))
			.param(key)
			.query((rs, n) -> ObligationRows.view(rs, names))
			.list();
	}

	/**
	 * Whose obligations a reader sees: a county bureau (or another department) its own; the city
	 * level every bureau of its city, or one of them when asked. An unknown one asked for is a 400, as
	 * an unknown agency in any request's input; 404 is for an agency the address itself names (issue 20).
	 */
	private Scope scope(String asked, SignedInUser reader) {
		AgencySummary agency = agencies.find(reader.agencyCode()).orElseThrow();
		if (!agency.kind().isCityLevel()) {
			return new Scope(agency.code(), agency.cityCode());
		}
		if (asked == null || asked.isBlank()) {
			return new Scope(null, agency.cityCode());
		}
		AgencySummary wanted = agencies.find(asked.trim()).filter(a -> a.cityCode().equals(agency.cityCode()))
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "本市没有代码为 %s 的单位".formatted(asked.trim())));
		return new Scope(wanted.code(), agency.cityCode());
	}

	private Map<String, String> names() {
		return agencies.all().stream().collect(Collectors.toMap(AgencySummary::code, AgencySummary::name));
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ChineseTime.ZONE).toInstant();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static DomainException unknown(long id) {
		return DomainException.notFound("unknown-obligation", "待办事项 %d 不存在".formatted(id));
	}

	/** owner null: the whole city. */
	private record Scope(String owner, String city) {
	}
}
