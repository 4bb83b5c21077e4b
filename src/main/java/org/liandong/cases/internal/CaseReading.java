package org.liandong.cases.internal;

import static org.liandong.cases.internal.CaseRecords.instant;
import static org.liandong.cases.internal.CaseRecords.name;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.audit.AuditTrail;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseFilter;
import org.liandong.cases.CaseStatus;
import org.liandong.cases.CaseSummary;
import org.liandong.cases.CaseView;
import org.liandong.cases.Severity;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reading the case register within the visibility of X2 and R2.7: the list of the cases a bureau
 * takes part in or was notified of (all of them for the city level), one case in full or as a
 * summary, reading another bureau's case audited (X1), and a case's brief for other modules. Runs
 * in the facade's transaction.
 */
@Component
record CaseReading(CaseRecords records, Agencies agencies, AuditTrail audit, JdbcClient jdbc) {

	private static final String LIST_COLUMNS = """
			c.id, c.number, c.status, c.severity, c.party_name, c.party_uscc, c.violation_type, c.division_code,
			c.host_agency, c.registered_at""";

	private static final Pattern USCC_SHAPE = Pattern.compile("(?i)[0-9A-HJ-NPQRTUWXY]{18}");

	/** A bureau's cases: those it takes part in or was notified of (X2); the placeholder is the bureau. */
	private static final String VISIBLE_TO_BUREAU = "enforcement_case c join case_access x on x.case_id = c.id and x.agency = ?";

	Page<CaseSummary> list(CaseFilter filter, SignedInUser reader, Pageable pageable) {
		boolean all = agencies.isCityLevel(reader.agencyCode());
		PagedQuery query = new PagedQuery(LIST_COLUMNS, all ? "enforcement_case c" : VISIBLE_TO_BUREAU,
				Map.of("number", "c.number", "registeredAt", "c.registered_at", "status", "c.status", "partyName",
						"c.party_name", "hostAgencyCode", "c.host_agency"),
				"c.id desc");
		if (!all) {
			query.fromParams(reader.agencyCode());
		}
		String party = filter.party() == null ? "" : filter.party().trim();
		Map<String, AgencySummary> names = records.agencyMap();
		// a bureau filters on its access rows' copies of status and registration time (indexed per agency)
		String own = all ? "c" : "x";
		return query.where(own + ".status = ?", filter.status() == null ? null : filter.status().name())
			.where("c.severity = ?", filter.severity() == null ? null : filter.severity().name())
			.where("c.violation_type = ?", filter.violationType())
			.where("c.host_agency = ?", filter.agencyCode())
			.where(own + ".registered_at >= ?", startOf(filter.from()))
			.where(own + ".registered_at < ?", startOf(filter.to() == null ? null : filter.to().plusDays(1)))
			// text that has the shape of a USCC is a code search (an index lookup), anything else a name search
			.whereIf(USCC_SHAPE.matcher(party).matches(), "c.party_uscc = ?", party.toUpperCase())
			.whereIf(!party.isEmpty() && !USCC_SHAPE.matcher(party).matches(), "lower(c.party_name) like ?",
					"%" + PagedQuery.literal(party.toLowerCase()) + "%")
			.fetch(jdbc, pageable, (rs, n) -> summary(rs, names));
	}

	List<CaseSummary> openEnterpriseCases(List<String> divisionCodes, SignedInUser reader, int limit) {
		if (divisionCodes.isEmpty()) {
			return List.of();
		}
		boolean all = agencies.isCityLevel(reader.agencyCode());
		List<Object> params = new java.util.ArrayList<>();
		if (!all) {
			params.add(reader.agencyCode());
		}
		params.addAll(divisionCodes);
		Map<String, AgencySummary> names = records.agencyMap();
		return jdbc.sql("select " + LIST_COLUMNS + " from " + (all ? "enforcement_case c" : VISIBLE_TO_BUREAU)
				+ " where c.status <> 'CLOSED' and c.party_uscc is not null and c.division_code in ("
				+ String.join(", ", java.util.Collections.nCopies(divisionCodes.size(), "?")) + ") order by c.id desc"
				+ " fetch first " + Math.max(1, limit) + " rows only")
			.params(params)
			.query((rs, n) -> summary(rs, names))
			.list();
	}

	CaseView find(long id, SignedInUser reader) {
		EnforcementCase found = records.found(id);
		CaseView.Access access = records.accessOf(found, reader);
		if (!found.editableBy(reader.agencyCode())) {
			// reading a case of another bureau is a sensitive read (X1)
			audit.record("CASE_READ", "case", found.number(),
					access == CaseView.Access.FULL ? "查阅案件详情" : "查阅被通报案件摘要");
		}
		return records.view(found, access, reader);
	}

	CaseBrief brief(long id, SignedInUser reader) {
		EnforcementCase found = records.found(id);
		return new CaseBrief(id, found.number(), found.partyName(), found.partyUscc(), found.violationType(),
				found.severity(),
				found.hostAgency(), records.accessOf(found, reader));
	}

	private static CaseSummary summary(ResultSet rs, Map<String, AgencySummary> names) throws SQLException {
		String host = rs.getString("host_agency");
		return new CaseSummary(rs.getLong("id"), rs.getString("number"), CaseStatus.valueOf(rs.getString("status")),
				Severity.valueOf(rs.getString("severity")), rs.getString("party_name"), rs.getString("party_uscc"),
				rs.getString("violation_type"), rs.getString("division_code"), host, name(names, host),
				instant(rs, "registered_at"));
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day == null ? null : day.atStartOfDay(ChineseTime.ZONE).toOffsetDateTime();
	}
}
