package org.liandong.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.liandong.audit.AuditCheckpoints;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.PagedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints on the {@code audit_checkpoint} table (issue 19). Making one locks the chain head,
 * as appending does, so the head it signs is the committed newest link and checkpoints are
 * numbered without gaps however many instances ask at once.
 */
@Service
class JdbcAuditCheckpoints implements AuditCheckpoints {

	private final JdbcClient jdbc;
	private final AuditSigningKey key;
	private final CheckpointFile file;
	private final Clock clock;
	private final ChainAppender chain;
	private final AuditChainer chainer;

	JdbcAuditCheckpoints(JdbcClient jdbc, AuditSigningKey key, CheckpointFile file, Clock clock, ChainAppender chain,
			AuditChainer chainer) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.chainer = chainer;
		this.key = key;
		this.file = file;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Optional<Checkpoint> make() {
		// what this instance has committed is signed too (in a transaction of its own, before the head is locked here)
		chainer.chainPending();
		ChainAppender.Link head = chain.lockHead();
		Optional<Checkpoint> newest = jdbc.sql("select * from audit_checkpoint order by number desc limit 1")
			.query((rs, n) -> checkpoint(rs))
			.optional();
		if (head.seq() == 0 || newest.filter(c -> c.lastSeq() == head.seq()).isPresent()) {
			return newest;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		long number = newest.map(c -> c.number() + 1).orElse(1L);
		Checkpoint unsigned = new Checkpoint(number, head.seq(), head.hash(), now, key.publicKey(), "");
		Checkpoint signed = new Checkpoint(number, head.seq(), head.hash(), now, key.publicKey(),
				key.sign(unsigned.message()));
		jdbc.sql("""
				insert into audit_checkpoint (number, last_seq, last_hash, signed_at, public_key, signature)
				values (?, ?, ?, ?, ?, ?)""")
			.params(number, head.seq(), head.hash(), ChineseTime.utc(now), signed.publicKey(), signed.signature())
			.update();
		// in the file before the row commits: every checkpoint in the table has its line somewhere
		file.append(signed);
		return Optional.of(signed);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Checkpoint> list(Pageable pageable) {
		return new PagedQuery("*", "audit_checkpoint", Map.of("number", "number"), "number desc")
			.fetch(jdbc, pageable, (rs, n) -> checkpoint(rs));
	}

	@Override
	public String publicKey() {
		return key.publicKey();
	}

	static Checkpoint checkpoint(ResultSet rs) throws SQLException {
		return new Checkpoint(rs.getLong("number"), rs.getLong("last_seq"), rs.getString("last_hash"),
				rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("public_key"),
				rs.getString("signature"));
	}
}
