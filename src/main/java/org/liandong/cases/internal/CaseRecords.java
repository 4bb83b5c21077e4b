package org.liandong.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionSummary;
import org.liandong.cases.CaseView;
import org.liandong.cases.CaseView.NotificationView;
import org.liandong.cases.ParticipantRole;
import org.liandong.cases.Party;
import org.liandong.documents.Documents;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case register (R2.1) as every use case reads and writes it: a case found and its reader's
 * access (X2: full for agencies on it and the city level, a summary for notified bureaus, else not
 * found), the view the reader gets, a case saved unless changed meanwhile, and the agencies a
 * request names. Runs in the caller's transaction.
 */
@Component
record CaseRecords(CaseRepository cases, CaseTimeline timeline, CaseAccess grants, Agencies agencies,
		Documents documents, JdbcClient jdbc) {

	/** The documents module's source type for documents about a case (the 案件通报 of notifications). */
	static final String DOCUMENT_SOURCE = "case";

	/**
	 * The case with its participants, in one statement (issue 18: Spring Data JDBC read the same in two, its
	 * generic mapping a fifteenth of an in-process assistance lifecycle's processor samples).
	 */
	EnforcementCase found(long id) {
		return jdbc.sql("""
				select c.*, p.agency as participant_agency, p.role as participant_role
				from enforcement_case c left join case_participant p on p.case_id = c.id
				where c.id = ?""")
			.param(id)
			.query(rs -> {
				if (!rs.next()) {
					return Optional.<EnforcementCase>empty();
				}
				Set<CaseParticipant> participants = new HashSet<>();
				EnforcementCase found = EnforcementCase.of(rs, participants);
				do {
					String agency = rs.getString("participant_agency");
					if (agency != null) {
						participants.add(new CaseParticipant(agency, ParticipantRole.valueOf(rs.getString("participant_role"))));
					}
				}
				while (rs.next());
				return Optional.of(found);
			})
			.orElseThrow(() -> notFound(id));
	}

	EnforcementCase saveOrStale(EnforcementCase found) {
		try {
			return cases.save(found);
		}
		catch (OptimisticLockingFailureException concurrent) {
			throw stale(found(found.id()));
		}
	}

	/** Full access for agencies on the case and the city level, a summary for notified bureaus, else not found. */
	CaseView.Access accessOf(EnforcementCase found, SignedInUser reader) {
		if (agencies.isCityLevel(reader.agencyCode()) || found.involves(reader.agencyCode())) {
			return CaseView.Access.FULL;
		}
		return grants.of(found.id(), reader.agencyCode()).orElseThrow(() -> notFound(found.id()));
	}

	/** The emergency-management agencies named by their codes, once each; other departments are refused. */
	List<String> knownAgencies(List<String> codes, String what) {
		if (codes == null) {
			return List.of();
		}
		List<String> known = new ArrayList<>();
		for (String code : new LinkedHashSet<>(codes)) {
			String trimmed = code == null ? "" : code.trim();
			AgencySummary agency = agencies.find(trimmed)
				.orElseThrow(() -> DomainException.invalid("unknown-agency", "%s %s 不存在".formatted(what, trimmed)));
			if (agency.kind() == AgencyKind.EXTERNAL_DEPARTMENT) {
				// other departments join through agreements and memoranda (R3, R4), not the case register
				throw DomainException.invalid("not-emergency-agency",
						"%s须为应急管理部门，“%s”是其他部门".formatted(what, agency.name()));
			}
			known.add(trimmed);
		}
		return known;
	}

	CaseView view(EnforcementCase c, CaseView.Access access, SignedInUser reader) {
		Map<String, AgencySummary> names = agencyMap();
		boolean full = access == CaseView.Access.FULL;
		Party party = new Party(c.partyKind(), c.partyName(), c.partyUscc(), full ? c.partyIdMasked() : null);
		String divisionName = agencies.division(c.divisionCode()).map(DivisionSummary::name).orElse(c.divisionCode());
		List<CaseView.Participant> participants = full ? c.participants().stream()
			.sorted((a, b) -> a.role().compareTo(b.role()))
			.map(p -> new CaseView.Participant(p.agency(), name(names, p.agency()), p.role()))
			.toList() : List.of();
		return new CaseView(c.id(), c.number(), c.status(), c.severity(), party, c.supervisionLevel(), c.divisionCode(),
				divisionName, c.violationType(), full ? c.summary() : null, c.occurredOn(), c.hostAgency(),
				name(names, c.hostAgency()), full ? c.proposedHostAgency() : null, full ? c.hostOverrideReason() : null,
				full ? c.registeringAgency() : null, c.registeredAt(), full ? c.lastChangedByName() : null,
				full ? c.lastChangedAt() : null, c.version(), access,
				participants, full ? timeline.of(c.id()) : List.of(), full ? notifications(c.id(), names) : List.of(),
				documents.readableFor(DOCUMENT_SOURCE, Long.toString(c.id()), reader).stream()
					.map(d -> new CaseView.DocumentLink(d.id(), d.number(), d.title(), d.issuedAt()))
					.toList());
	}

	List<NotificationView> notifications(long caseId, Map<String, AgencySummary> names) {
		return jdbc.sql("select * from case_notification where case_id = ? order by id")
			.param(caseId)
			.query((rs, n) -> new NotificationView(rs.getLong("id"), rs.getString("to_agency"),
					name(names, rs.getString("to_agency")), rs.getString("message"), instant(rs, "sent_at"),
					rs.getString("sent_by_name"), instant(rs, "delivered_at"), instant(rs, "read_at"),
					rs.getString("read_by_name")))
			.list();
	}

	Map<String, AgencySummary> agencyMap() {
		return agencies.all().stream().collect(Collectors.toMap(AgencySummary::code, Function.identity()));
	}

	static String name(Map<String, AgencySummary> names, String code) {
		AgencySummary agency = names.get(code);
		return agency == null ? code : agency.name();
	}

	static List<String> agenciesOn(EnforcementCase c) {
		return c.participants().stream().map(CaseParticipant::agency).toList();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static DomainException stale(EnforcementCase current) {
		return DomainException.conflict("stale-edit", "该案件已被 %s 于 %s 修改，请刷新后在最新内容上重新编辑"
			.formatted(current.lastChangedByName(), ChineseTime.format(current.lastChangedAt())));
	}

	static DomainException notFound(long id) {
		return DomainException.notFound("unknown-case", "案件 %d 不存在".formatted(id));
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
