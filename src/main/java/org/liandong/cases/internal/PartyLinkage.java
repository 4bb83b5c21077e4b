package org.liandong.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.cases.BureauWithOpenCases;
import org.liandong.cases.PartyCheck;
import org.liandong.cases.PartyChecked;
import org.liandong.cases.PartyElsewhere;
import org.liandong.cases.PartyInSeveralBureaus;
import org.liandong.cases.PartyKind;
import org.liandong.identity.Accounts;
import org.liandong.identity.LiaisonEntry;
import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.ResidentIdNumber;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 一处发现、多方联动 (issue 22, N4): a bureau learns that other bureaus have open (not closed) cases on
 * the same party, an enterprise by its USCC, a person by the keyed hash of the ID-card number (never
 * the number), and sees which bureau, how many and whom to call; never those cases (X2). The city
 * bureau, which sees every case (R2.7), lists the parties open in more than one bureau.
 */
@Component
record PartyLinkage(CaseRecords records, JdbcClient jdbc, FieldCipher cipher, Agencies agencies, Accounts accounts,
		ApplicationEventPublisher events) {

	/** What the ID number's keyed hash is for: its key is derived for this purpose alone. */
	static final String ID_HASH_PURPOSE = "enforcement_case.party_id";

	private static final String OPEN = "status <> 'CLOSED'";

	PartyElsewhere ofCase(long id, SignedInUser reader) {
		EnforcementCase found = records.found(id);
		records.accessOf(found, reader);
		if (found.partyKind() == PartyKind.ENTERPRISE) {
			return new PartyElsewhere(PartyKind.ENTERPRISE, found.partyUscc(),
					openElsewhere("party_uscc", found.partyUscc(), found.hostAgency()));
		}
		// an ID number erased after the retention period links to nothing any more
		return new PartyElsewhere(PartyKind.PERSON, found.partyIdMasked(), found.partyIdHash() == null ? List.of()
				: openElsewhere("party_id_hash", found.partyIdHash(), found.hostAgency()));
	}

	PartyElsewhere check(PartyCheck check, SignedInUser checker) {
		boolean byUscc = check.uscc() != null && !check.uscc().isBlank();
		boolean byId = check.idNumber() != null && !check.idNumber().isBlank();
		if (byUscc == byId) {
			throw DomainException.invalid("party-check-needs-one-key", "请填写统一社会信用代码或公民身份号码（二者填一项）");
		}
		PartyElsewhere found;
		if (byUscc) {
			String uscc = UnifiedSocialCreditCode.of(check.uscc()).value();
			found = new PartyElsewhere(PartyKind.ENTERPRISE, uscc, openElsewhere("party_uscc", uscc,
					checker.agencyCode()));
		}
		else {
			ResidentIdNumber id = ResidentIdNumber.of(check.idNumber());
			found = new PartyElsewhere(PartyKind.PERSON, id.masked(), openElsewhere("party_id_hash",
					cipher.keyedHash(id.value(), ID_HASH_PURPOSE), checker.agencyCode()));
		}
		events.publishEvent(new PartyChecked(found.party(), found.bureaus().size()));
		return found;
	}

	Page<PartyInSeveralBureaus> inSeveralBureaus(SignedInUser reader, Pageable pageable) {
		if (!agencies.isCityLevel(reader.agencyCode())) {
			throw DomainException.forbidden("city-only", "只有市局可以查看在多个单位有未结案件的当事人");
		}
		Page<Row> page = new PagedQuery("p.party_kind, p.party_key, p.bureaus, p.open_cases, p.party_name, p.id_masked",
				"""
						(select party_kind, coalesce(party_uscc, party_id_hash) as party_key,
						     count(distinct host_agency) as bureaus, count(*) as open_cases, max(party_name) as party_name,
						     max(party_id_masked) as id_masked
						 from enforcement_case
						 where %s and coalesce(party_uscc, party_id_hash) is not null
						 group by party_kind, coalesce(party_uscc, party_id_hash)
						 having count(distinct host_agency) > 1) p""".formatted(OPEN),
				Map.of("bureaus", "p.bureaus", "openCases", "p.open_cases", "name", "p.party_name"),
				"p.bureaus desc, p.open_cases desc, p.party_key asc")
			.fetch(jdbc, pageable, (rs, n) -> new Row(PartyKind.valueOf(rs.getString("party_kind")),
					rs.getString("party_key"), rs.getInt("open_cases"), rs.getString("party_name"),
					rs.getString("id_masked")));
		Map<String, List<BureauWithOpenCases>> bureaus = bureausOf(page.getContent().stream().map(Row::key).toList());
		List<PartyInSeveralBureaus> content = page.getContent().stream()
			.map(row -> new PartyInSeveralBureaus(row.kind(), row.name(),
					row.kind() == PartyKind.ENTERPRISE ? row.key() : null,
					row.kind() == PartyKind.PERSON ? row.idMasked() : null, row.openCases(),
					bureaus.getOrDefault(row.key(), List.of())))
			.toList();
		return new PageImpl<>(content, pageable, page.getTotalElements());
	}

	/** The bureaus other than {@code except} with open cases on the party; {@code column} is one of two constants. */
	private List<BureauWithOpenCases> openElsewhere(String column, String key, String except) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		jdbc.sql("select host_agency, count(*) as open_cases from enforcement_case where " + column + " = ? and " + OPEN
				+ " and host_agency <> ? group by host_agency order by host_agency")
			.params(key, except)
			.query(rs -> {
				counts.put(rs.getString("host_agency"), rs.getInt("open_cases"));
			});
		return withLiaisons(counts);
	}

	private Map<String, List<BureauWithOpenCases>> bureausOf(List<String> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select coalesce(party_uscc, party_id_hash) as party_key, host_agency, count(*) as open_cases
				from enforcement_case
				where %s and (party_uscc in (:keys) or party_id_hash in (:keys))
				group by coalesce(party_uscc, party_id_hash), host_agency
				order by host_agency""".formatted(OPEN))
			.param("keys", keys)
			.query(rs -> {
				counts.computeIfAbsent(rs.getString("party_key"), k -> new LinkedHashMap<>())
					.put(rs.getString("host_agency"), rs.getInt("open_cases"));
			});
		return counts.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> withLiaisons(e.getValue())));
	}

	private List<BureauWithOpenCases> withLiaisons(Map<String, Integer> counts) {
		Map<String, List<LiaisonEntry>> liaisons = accounts.liaisonsOf(counts.keySet()).stream()
			.collect(Collectors.groupingBy(LiaisonEntry::agencyCode));
		List<BureauWithOpenCases> bureaus = new ArrayList<>();
		counts.forEach((code, open) -> bureaus.add(new BureauWithOpenCases(code,
				agencies.find(code).map(AgencySummary::name).orElse(code), open, liaisons.getOrDefault(code, List.of()))));
		return bureaus;
	}

	private record Row(PartyKind kind, String key, int openCases, String name, String idMasked) {
	}
}
