package org.liandong.documents.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.documents.Approval;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.SignOffPolicies;
import org.liandong.documents.SignOffPolicyChanged;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ReferenceData;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcSignOffPolicies implements SignOffPolicies {

	private static final String REFERENCE = "sign-off-policy";

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ReferenceData referenceData;
	/** agency and kind of every policy that asks for an approval, held in memory: asked on every sending (issue 18) */
	private final ReferenceData.Cached<Map<String, Approval>> approvals;

	JdbcSignOffPolicies(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events, Clock clock,
			ReferenceData referenceData) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
		this.referenceData = referenceData;
		this.approvals = referenceData.cache(REFERENCE, () -> Map.copyOf(jdbc
			.sql("select agency, document_kind, review_required from sign_off_policy where required = true")
			.query((rs, n) -> Map.entry(key(rs.getString(1), rs.getString(2)), Approval.of(true, rs.getBoolean(3))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
	}

	@Override
	@Transactional(readOnly = true)
	public Approval approval(String agencyCode, DocumentKind kind) {
		return approvals.get().getOrDefault(key(agencyCode, kind.name()), Approval.NONE);
	}

	private static String key(String agencyCode, String kind) {
		return agencyCode + "/" + kind;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SignOffPolicy> of(String agencyCode) {
		AgencyKind issuer = requireAgency(agencyCode);
		Map<String, Approval> set = jdbc
			.sql("select document_kind, required, review_required from sign_off_policy where agency = ?")
			.param(agencyCode)
			.query((rs, n) -> Map.entry(rs.getString(1), Approval.of(rs.getBoolean(2), rs.getBoolean(3))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return SignOffPolicies.signableBy(issuer).stream()
			.map(kind -> new SignOffPolicy(agencyCode, kind, set.getOrDefault(kind.name(), Approval.NONE)))
			.toList();
	}

	@Override
	public SignOffPolicy set(String agencyCode, DocumentKind kind, Approval approval, SignedInUser administrator) {
		AgencyKind issuer = requireAgency(agencyCode);
		if (kind == null || !SIGNABLE.contains(kind)) {
			throw DomainException.invalid("not-signable", "签发只适用于：" + SIGNABLE.stream().map(DocumentKind::label)
				.collect(Collectors.joining("、")));
		}
		if (!SignOffPolicies.signableBy(issuer).contains(kind)) {
			throw DomainException.invalid("not-issued-by-agency", "%s由%s发出，%s不发此类公文".formatted(kind.label(),
					OFFICE_ONLY.contains(kind) ? "联席会议办公室（市局执法支队）" : "市应急管理局", issuer.label()));
		}
		if (approval != null && approval.review() && SENT_FIRST.contains(kind)) {
			throw DomainException.invalid("review-of-urgent", "%s紧急，先发后签，不设法制审核".formatted(kind.label()));
		}
		if (approval != null && approval.review() && !REVIEWABLE.contains(kind)) {
			throw DomainException.invalid("review-not-offered", "%s由局领导签发，不设法制审核；法制审核只用于%s".formatted(
					kind.label(), REVIEWABLE.stream().map(DocumentKind::label).collect(Collectors.joining("、"))));
		}
		if (approval == null) {
			throw DomainException.invalid("invalid-policy", "请选择审批方式：" + Arrays.stream(Approval.values())
				.map(a -> a.name() + "（" + a.label() + "）").collect(Collectors.joining("、")));
		}
		store(agencyCode, kind, approval, administrator.getUsername());
		events.publishEvent(new SignOffPolicyChanged(agencyCode, kind, approval));
		return new SignOffPolicy(agencyCode, kind, approval);
	}

	/** Writes one policy and has every instance read the policies again; the caller has checked it. */
	void store(String agencyCode, DocumentKind kind, Approval approval, String changedBy) {
		Object[] values = { approval.signOff(), approval.review(), ChineseTime.utc(clock.instant()), changedBy, agencyCode,
				kind.name() };
		if (jdbc.sql("""
				update sign_off_policy set required = ?, review_required = ?, changed_at = ?, changed_by = ?
				where agency = ? and document_kind = ?""")
			.params(values)
			.update() == 0) {
			jdbc.sql("""
					insert into sign_off_policy (required, review_required, changed_at, changed_by, agency, document_kind)
					values (?, ?, ?, ?, ?, ?)""")
				.params(values)
				.update();
		}
		referenceData.changed(REFERENCE);
	}

	private AgencyKind requireAgency(String agencyCode) {
		return agencies.find(agencyCode)
			.orElseThrow(() -> DomainException.notFound("unknown-agency", "机构 %s 不存在".formatted(agencyCode)))
			.kind();
	}
}
