package org.liandong.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.credit.CreditEntryView;
import org.liandong.credit.EntryState;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A dishonest-list entry as its readers see it (R4.2), shared by the use cases of the list: the
 * entry read by everyone while it is on the public list, otherwise by the deciding city's offices,
 * the proposing bureau and the bureaus of the case; who decides it; the move of an entry from one
 * step to the next at the version read; the row, and the words of a refusal.
 */
@Component
record EntryAccess(Cases cases, Agencies agencies, JdbcClient jdbc, Clock clock) {

	CreditEntryView find(long id, SignedInUser reader) {
		CreditEntryView entry = jdbc.sql("select * from credit_entry where id = ?")
			.param(id)
			.query((rs, n) -> view(rs, names()))
			.optional()
			.orElseThrow(() -> unknown(id));
		if (!mayRead(entry, reader)) {
			throw unknown(id);
		}
		return entry;
	}

	boolean mayDecide(long id, SignedInUser user) {
		return decides(find(id, user), user);
	}

	/**
	 * Who reads an entry: everyone while it is on the public list; otherwise (in the defence period,
	 * not listed, repaired, expired) the deciding city's offices, the proposing bureau and the bureaus
	 * of the case.
	 */
	private boolean mayRead(CreditEntryView entry, SignedInUser reader) {
		if (entry.publishedAt(clock.instant()) || reader.agencyCode().equals(entry.proposingAgencyCode())) {
			return true;
		}
		AgencySummary agency = agencies.find(reader.agencyCode()).orElseThrow();
		if (agency.kind().isCityLevel() && cityOf(agency.code()).equals(entry.decidingAgencyCode())) {
			return true;
		}
		return cases.brief(entry.caseId(), reader).access() == CaseView.Access.FULL;
	}

	/** Decisions are the city bureau's, taken by the legal officers of its legal office. */
	private boolean decides(CreditEntryView entry, SignedInUser user) {
		return user.hasRole("LEGAL_OFFICER") && legalOffices(entry.decidingAgencyCode()).contains(user.agencyCode());
	}

	void requireDecider(CreditEntryView entry, SignedInUser actor) {
		if (!decides(entry, actor)) {
			throw DomainException.forbidden("not-legal-officer", "只有市局法制审核人员可以办理列入、修复决定");
		}
	}

	void move(CreditEntryView entry, String set, Object... values) {
		Object[] params = new Object[values.length + 2];
		System.arraycopy(values, 0, params, 0, values.length);
		params[values.length] = entry.id();
		params[values.length + 1] = entry.version();
		int moved = jdbc.sql("update credit_entry set " + set + ", version = version + 1 where id = ? and version = ?")
			.params(params).update();
		if (moved == 0) {
			throw DomainException.conflict("stale-credit-entry", "该记录刚刚已被他人处理，请刷新后查看");
		}
	}

	String cityOf(String agencyCode) {
		AgencySummary agency = agencies.find(agencyCode).orElseThrow();
		return agency.cityCode();
	}

	List<String> legalOffices(String city) {
		List<String> offices = agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.LEGAL_OFFICE && city.equals(a.parentCode()))
			.map(AgencySummary::code).toList();
		return offices.isEmpty() ? List.of(city) : offices;
	}

	Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	static CreditEntryView view(ResultSet rs, Map<String, String> names) throws SQLException {
		String proposing = rs.getString("proposing_agency");
		return new CreditEntryView(rs.getLong("id"), rs.getString("subject_uscc"), rs.getString("subject_name"),
				rs.getLong("case_id"), rs.getString("case_number"), proposing, names.getOrDefault(proposing, proposing),
				rs.getString("deciding_agency"), rs.getString("facts"), rs.getString("legal_basis"), EntryState.valueOf(rs.getString("state")),
				rs.getString("notice_number"), rs.getLong("notice_document_id"), instant(rs, "notified_at"),
				instant(rs, "defence_due_at"), rs.getString("defence_statement"), instant(rs, "defence_recorded_at"),
				rs.getString("decision_number"), (Long) rs.getObject("decision_document_id", Long.class),
				instant(rs, "decided_at"), rs.getString("decision_reason"), instant(rs, "published_until"),
				instant(rs, "repair_eligible_from"), rs.getString("repair_number"),
				(Long) rs.getObject("repair_document_id", Long.class), instant(rs, "repaired_at"),
				rs.getString("repair_reason"), rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** The text, trimmed; blank or longer than its column is refused in words. */
	static String required(String text, int max, String code, String what) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid(code, "请填写" + what);
		}
		if (text.trim().length() > max) {
			throw DomainException.invalid("text-too-long", "%s不能超过 %d 字".formatted(what.replaceAll("（.*）", ""), max));
		}
		return text.trim();
	}

	static DomainException illegal(CreditEntryView entry, String what) {
		return DomainException.conflict("illegal-transition", "该记录当前为“%s”，不能%s".formatted(entry.state().label(), what));
	}

	private static DomainException unknown(long id) {
		return DomainException.notFound("unknown-credit-entry", "失信名单记录 %d 不存在".formatted(id));
	}
}
