package org.liandong.credit.internal;

import static org.liandong.credit.internal.EntryAccess.view;

import java.time.Clock;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.audit.AuditTrail;
import org.liandong.credit.CreditEntryView;
import org.liandong.credit.EntryState;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries a reader may list (R4.2): the public list for everyone; besides, the entries in
 * procedure or ended of the proposing bureau, and of the deciding city for the city level; by state,
 * and by a subject's code or name.
 */
@Component
record CreditListing(EntryAccess access, Agencies agencies, JdbcClient jdbc, Clock clock, AuditTrail audit) {

	/**
	 * Entries on the public list now whose party was registered in one of these divisions: a USCC's characters 3
	 * to 8 are the registering authority's division code (GB 32100-2015), a city's code standing for its
	 * counties (410400 for 4104xx). Newest first, at most {@code limit}.
	 */
	java.util.List<CreditEntryView> publishedRegisteredIn(java.util.List<String> divisionCodes, int limit) {
		if (divisionCodes.isEmpty()) {
			return java.util.List.of();
		}
		Map<String, String> names = access.names();
		java.util.List<Object> params = new java.util.ArrayList<>(java.util.List.of(ChineseTime.utc(clock.instant())));
		divisionCodes.forEach(code -> params.add("__" + code.replaceFirst("(00)+$", "") + "%"));
		return jdbc.sql("select e.* from credit_entry e where e.state = 'PUBLISHED' and e.published_until > ? and ("
				+ String.join(" or ", java.util.Collections.nCopies(divisionCodes.size(), "e.subject_uscc like ?"))
				+ ") order by e.id desc fetch first " + Math.max(1, limit) + " rows only")
			.params(params)
			.query((rs, n) -> view(rs, names))
			.list();
	}

	/** One entry; reading one that is not on the public list (in procedure or ended) is audited (X1). */
	CreditEntryView entry(long id, SignedInUser reader) {
		CreditEntryView entry = access.find(id, reader);
		if (!entry.publishedAt(clock.instant())) {
			audit.record("CREDIT_ENTRY_READ", "credit-entry", entry.subjectUscc(),
					"查阅未在公示期内的失信名单记录 #%d（%s，%s）".formatted(entry.id(), entry.subjectName(),
							entry.state().label()));
		}
		return entry;
	}

	Page<CreditEntryView> entries(EntryState state, String subject, SignedInUser reader, Pageable pageable) {
		Map<String, String> names = access.names();
		String wanted = subject == null ? "" : subject.trim();
		AgencySummary agency = agencies.find(reader.agencyCode()).orElseThrow();
		return new PagedQuery("e.*", "credit_entry e",
				Map.of("notifiedAt", "e.notified_at", "publishedUntil", "e.published_until", "state", "e.state",
						"subjectName", "e.subject_name"),
				"e.id desc")
			.whereIf(!agency.kind().isCityLevel(), "(e.proposing_agency = ? or (e.state = 'PUBLISHED' and e.published_until > ?))",
					reader.agencyCode(), ChineseTime.utc(clock.instant()))
			.whereIf(agency.kind().isCityLevel(), "(e.deciding_agency = ? or (e.state = 'PUBLISHED' and e.published_until > ?))",
					access.cityOf(reader.agencyCode()), ChineseTime.utc(clock.instant()))
			.where("e.state = ?", state == null ? null : state.name())
			.whereIf(wanted.length() == 18, "e.subject_uscc = ?", wanted.toUpperCase())
			.whereIf(!wanted.isEmpty() && wanted.length() != 18, "e.subject_name = ?", wanted)
			.fetch(jdbc, pageable, (rs, n) -> view(rs, names));
	}
}
