package org.liandong.agency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencyRegistered;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionLevel;
import org.liandong.agency.DivisionRegistered;
import org.liandong.agency.DivisionSummary;
import org.liandong.agency.NewAgency;
import org.liandong.agency.NewDivision;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The agency hierarchy: registration with its checks, and the read side for lists and forms. The
 * hierarchy (a few hundred rows per province) is held in memory ({@link ReferenceData}, issue 18):
 * every action of every module asks who an agency is; a registration, here or on another instance,
 * is seen within a second.
 */
@Service
@Validated
class AgencyService implements Agencies {

	private static final String SUMMARY_COLUMNS = """
			a.code, a.name, a.short_name, a.kind, a.division_code, d.name as division_name, p.code as parent_code""";

	private static final String SUMMARY_FROM = """
			agency a join division d on d.code = a.division_code left join agency p on p.id = a.parent_id""";

	private static final String REFERENCE = "agency";

	/** The hierarchy as one instance holds it: agencies and divisions by code, each also in code order. */
	private record Hierarchy(Map<String, AgencySummary> agencies, List<AgencySummary> agencyList,
			Map<String, DivisionSummary> divisions, List<DivisionSummary> divisionList) {
	}

	private final AgencyRepository agencies;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ReferenceData referenceData;
	private final ReferenceData.Cached<Hierarchy> hierarchy;

	AgencyService(AgencyRepository agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			ReferenceData referenceData) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.referenceData = referenceData;
		this.hierarchy = referenceData.cache(REFERENCE, this::load);
	}

	private Hierarchy load() {
		List<AgencySummary> agencyList = jdbc
			.sql("select " + SUMMARY_COLUMNS + " from " + SUMMARY_FROM + " order by a.code")
			.query((rs, n) -> summary(rs))
			.list();
		List<DivisionSummary> divisionList = jdbc.sql("select code, name, level, parent_code from division order by code")
			.query((rs, n) -> division(rs))
			.list();
		return new Hierarchy(byCode(agencyList, AgencySummary::code), List.copyOf(agencyList),
				byCode(divisionList, DivisionSummary::code), List.copyOf(divisionList));
	}

	private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
		Map<String, T> map = new HashMap<>();
		rows.forEach(row -> map.put(code.apply(row), row));
		return Map.copyOf(map);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AgencySummary> list(String keyword, AgencyKind kind, Pageable pageable) {
		return new PagedQuery(SUMMARY_COLUMNS, SUMMARY_FROM,
				Map.of("code", "a.code", "name", "a.name", "kind", "a.kind", "divisionCode", "a.division_code"),
				"a.code asc")
			.matching(keyword, "a.code", "a.name", "a.short_name", "d.name")
			.where("a.kind = ?", kind == null ? null : kind.name())
			.fetch(jdbc, pageable, (rs, n) -> summary(rs));
	}

	@Override
	public List<AgencySummary> all() {
		return hierarchy.get().agencyList();
	}

	@Override
	public Optional<AgencySummary> find(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(hierarchy.get().agencies().get(code));
	}

	@Override
	public boolean isCityLevel(String code) {
		return find(code).map(agency -> agency.kind().isCityLevel()).orElse(false);
	}

	@Transactional
	@Override
	public AgencySummary register(NewAgency request) {
		// from here on this transaction reads the hierarchy from the database, and other instances reload it
		referenceData.changed(REFERENCE);
		String code = request.code().trim();
		agencies.findByCode(code).ifPresent(existing -> {
			throw DomainException.conflict("duplicate-agency-code",
					"机构代码 %s 已被“%s”使用，请换一个代码".formatted(code, existing.name()));
		});
		DivisionSummary division = division(request.divisionCode())
			.orElseThrow(() -> DomainException.invalid("unknown-division",
					"行政区划代码 %s 不存在，请先登记该行政区划".formatted(request.divisionCode())));
		AgencySummary parent = null;
		if (request.parentCode() != null && !request.parentCode().isBlank()) {
			parent = find(request.parentCode().trim()).orElseThrow(() -> DomainException.invalid("unknown-agency",
					"上级机构 %s 不存在".formatted(request.parentCode().trim())));
		}
		AgencyHierarchy.checkPlace(request.kind(), division, parent, agencyFor(division.code(), request.kind()));
		Long parentId = parent == null ? null : agencies.findByCode(parent.code()).map(Agency::id).orElseThrow();
		agencies.save(new Agency(code, request.name().trim(), request.shortName().trim(), request.kind(),
				request.divisionCode(), parentId, clock.instant()));
		events.publishEvent(new AgencyRegistered(code, request.name().trim(), request.kind(), request.divisionCode()));
		return find(code).orElseThrow();
	}

	@Override
	public List<DivisionSummary> divisions() {
		return hierarchy.get().divisionList();
	}

	@Override
	public Optional<DivisionSummary> division(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(hierarchy.get().divisions().get(code));
	}

	@Override
	public List<DivisionSummary> divisionPath(String code) {
		List<DivisionSummary> path = new ArrayList<>();
		Optional<DivisionSummary> next = division(code);
		// bounded: division codes have at most province, city, county and zone levels
		while (next.isPresent() && path.size() < 8) {
			path.add(next.get());
			next = next.get().parentCode() == null ? Optional.empty() : division(next.get().parentCode());
		}
		return path;
	}

	@Override
	public Optional<AgencySummary> agencyFor(String divisionCode, AgencyKind kind) {
		return hierarchy.get()
			.agencyList()
			.stream()
			.filter(agency -> agency.divisionCode().equals(divisionCode) && agency.kind() == kind)
			.findFirst();
	}

	@Transactional
	@Override
	public DivisionSummary registerDivision(NewDivision request) {
		referenceData.changed(REFERENCE);
		jdbc.sql("select name from division where code = ?").param(request.code()).query(String.class).optional()
			.ifPresent(name -> {
				throw DomainException.conflict("duplicate-division-code",
						"行政区划代码 %s 已登记为“%s”".formatted(request.code(), name));
			});
		String parent = request.parentCode() == null || request.parentCode().isBlank() ? null
				: request.parentCode().trim();
		DivisionSummary parentDivision = parent == null ? null : division(parent)
			.orElseThrow(() -> DomainException.invalid("unknown-division", "上级区划 %s 不存在".formatted(parent)));
		AgencyHierarchy.checkLevel(request.level(), parentDivision);
		jdbc.sql("insert into division (code, name, level, parent_code) values (?, ?, ?, ?)")
			.params(request.code(), request.name().trim(), request.level().name(), parent)
			.update();
		events.publishEvent(new DivisionRegistered(request.code(), request.name().trim(), request.level()));
		return new DivisionSummary(request.code(), request.name().trim(), request.level(), request.level().label(), parent);
	}

	private static AgencySummary summary(ResultSet rs) throws SQLException {
		AgencyKind kind = AgencyKind.valueOf(rs.getString("kind"));
		return new AgencySummary(rs.getString("code"), rs.getString("name"), rs.getString("short_name"), kind,
				kind.label(), rs.getString("division_code"), rs.getString("division_name"), rs.getString("parent_code"));
	}

	private static DivisionSummary division(ResultSet rs) throws SQLException {
		DivisionLevel level = DivisionLevel.valueOf(rs.getString("level"));
		return new DivisionSummary(rs.getString("code"), rs.getString("name"), level, level.label(),
				rs.getString("parent_code"));
	}
}
