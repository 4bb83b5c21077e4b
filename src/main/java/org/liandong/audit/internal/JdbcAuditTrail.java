package org.liandong.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

import javax.sql.DataSource;

import org.liandong.audit.AuditTrail;
import org.liandong.platform.ClientAddress;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail on the {@code audit_record} table. A record is kept pending with its transaction and
 * chained after its commit ({@link AuditChainer}); the reads chain what is waiting first, so a reader
 * sees what has been committed.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	static final String SYSTEM_ACTOR = "system";

	private final JdbcClient jdbc;
	private final JdbcTemplate plain;
	private final ChainVerifier verifier;
	private final ChainAppender appender;
	private final AuditChainer chainer;
	private final Clock clock;

	JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, ChainVerifier verifier, ChainAppender appender,
			AuditChainer chainer, Clock clock) {
		this.jdbc = jdbc;
		this.appender = appender;
		this.chainer = chainer;
		this.plain = new JdbcTemplate(dataSource);
		this.plain.setFetchSize(1000);
		this.verifier = verifier;
		this.clock = clock;
	}

	@Override
	public void record(String action, String objectType, String objectId, String detail) {
		SignedInUser user = SignedInUser.current().orElse(null);
		recordAs(user == null ? SYSTEM_ACTOR : user.getUsername(), user == null ? null : user.agencyCode(), action,
				objectType, objectId, detail);
	}

	@Override
	public void recordAs(String actor, String actorAgency, String action, String objectType, String objectId,
			String detail) {
		chainer.keep(new Pending(clock.instant(), actor, actorAgency, action, objectType, objectId, detail,
				ClientAddress.current()));
	}

	@Override
	@Transactional
	public void recordAll(List<Pending> records) {
		if (records.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException("audit record %s in a read-only transaction".formatted(records.get(0).action()));
		}
		appender.append(appender.lockHead(), records.stream().map(record -> ChainEntry.of(null, record)).toList());
	}

	@Override
	public void chainPending() {
		chainer.chainPending();
	}

	@Override
	public Chaining chaining() {
		return chainer.chaining();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AuditEntry> entries(AuditQuery query, Pageable pageable) {
		chainer.chainPending();
		return new PagedQuery("*", "audit_record", Map.of("seq", "seq", "occurredAt", "occurred_at"), "seq desc")
			.where("actor = ?", query.actor())
			.where("action = ?", query.action())
			.where("occurred_at >= ?", utc(query.from()))
			.where("occurred_at < ?", utc(query.to()))
			.fetch(jdbc, pageable, (rs, n) -> entry(rs));
	}

	@Override
	@Transactional(readOnly = true)
	public void each(AuditQuery query, Consumer<AuditEntry> action) {
		chainer.chainPending();
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		filter(where, params, "actor = ?", query.actor());
		filter(where, params, "action = ?", query.action());
		filter(where, params, "occurred_at >= ?", utc(query.from()));
		filter(where, params, "occurred_at < ?", utc(query.to()));
		plain.query("select * from audit_record" + where + " order by seq", rs -> {
			action.accept(entry(rs));
		}, params.toArray());
	}

	private static void filter(StringBuilder where, List<Object> params, String condition, Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			where.append(" and ").append(condition);
			params.add(value);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return ChainEntry.utc(instant);
	}

	/** The whole chain against every checkpoint, in the caller's thread; see {@link ChainVerifier}. */
	@Override
	public ChainVerification verify() {
		chainer.chainPending();
		ChainVerifier.Outcome outcome = verifier.verify(null, ChainVerifier.Progress.NONE);
		ChainVerifier.Finding finding = outcome.finding();
		return new ChainVerification(finding == null, outcome.recordsChecked(),
				finding == null ? null : finding.brokenSeq(), finding == null ? null : finding.problem(), clock.instant());
	}

	static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("actor_agency"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("detail"),
				rs.getString("client_address"), rs.getString("hash"));
	}

}
