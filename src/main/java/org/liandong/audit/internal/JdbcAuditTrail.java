package org.liandong.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

import javax.sql.DataSource;

import org.liandong.audit.AuditTrail;
import org.liandong.platform.ClientAddress;
import org.liandong.platform.MultiRowInsert;
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
 * The audit trail on the {@code audit_record} table. Appending locks the single chain-head row,
 * so concurrent writers (also on several application instances sharing one database) extend one
 * linear chain; the lock is held until the business transaction commits.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	static final String SYSTEM_ACTOR = "system";

	private final JdbcClient jdbc;
	private final JdbcTemplate plain;
	private final ChainVerifier verifier;
	private final Clock clock;

	JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, ChainVerifier verifier, Clock clock) {
		this.jdbc = jdbc;
		this.plain = new JdbcTemplate(dataSource);
		this.plain.setFetchSize(1000);
		this.verifier = verifier;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void record(String action, String objectType, String objectId, String detail) {
		SignedInUser user = SignedInUser.current().orElse(null);
		recordAs(user == null ? SYSTEM_ACTOR : user.getUsername(), user == null ? null : user.agencyCode(), action,
				objectType, objectId, detail);
	}

	@Override
	@Transactional
	public void recordAs(String actor, String actorAgency, String action, String objectType, String objectId,
			String detail) {
		recordAll(List.of(new Pending(clock.instant(), actor, actorAgency, action, objectType, objectId, detail,
				ClientAddress.current())));
	}

	@Override
	@Transactional
	public void recordAll(List<Pending> records) {
		if (records.isEmpty()) {
			return;
		}
		// PostgreSQL refuses the write in a read-only transaction and H2 lets it through: refused
		// here on both, so the embedded test run finds a sensitive read that could not be audited
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException("audit record %s in a read-only transaction".formatted(records.get(0).action()));
		}
		Link head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.seq();
		String previous = head.hash();
		List<Object[]> rows = new ArrayList<>(records.size());
		for (Pending record : records) {
			seq++;
			Instant at = record.occurredAt().truncatedTo(ChronoUnit.MILLIS);
			// every field is cut to its column, so no input (a 500-character user name tried at sign-in) fails the write
			String who = clip(record.actor() == null ? SYSTEM_ACTOR : record.actor(), 64);
			String agency = clip(record.actorAgency(), 32);
			String what = clip(record.action(), 64);
			String type = clip(record.objectType(), 64);
			String object = clip(record.objectId(), 128);
			String text = clip(record.detail(), 2000);
			String address = clip(record.clientAddress(), 64);
			String hash = AuditChain.link(seq, at, who, agency, what, type, object, text, address, previous);
			rows.add(new Object[] { seq, utc(at), who, agency, what, type, object, text, address, previous, hash });
			previous = hash;
		}
		// one statement for the records of a transaction, a batch of credit checks in a few (issue 18)
		MultiRowInsert.into(jdbc, "audit_record", List.of("seq", "occurred_at", "actor", "actor_agency", "action",
				"object_type", "object_id", "detail", "client_address", "prev_hash", "hash"), rows);
		jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, previous).update();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AuditEntry> entries(AuditQuery query, Pageable pageable) {
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
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The whole chain against every checkpoint, in the caller's thread; see {@link ChainVerifier}. */
	@Override
	public ChainVerification verify() {
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

	/** Cut to the column's length; NUL removed, which PostgreSQL refuses in text. */
	private static String clip(String text, int max) {
		if (text == null) {
			return null;
		}
		String clean = text.indexOf('\0') < 0 ? text : text.replace("\0", "");
		return clean.length() <= max ? clean : clean.substring(0, max);
	}

	record Link(long seq, String hash) {
	}
}
