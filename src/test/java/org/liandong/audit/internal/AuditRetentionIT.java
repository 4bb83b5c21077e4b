package org.liandong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liandong.audit.AuditTrail;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit retention (issue 9): records are kept at least six months, a shorter setting stops the
 * start; the purge removes only the oldest part of the chain, records itself, and the chain still
 * verifies; on PostgreSQL the database itself refuses any other change or deletion. A context of
 * its own, because the purge empties the trail of earlier tests.
 */
@LiandongIntegrationTest
@TestPropertySource(properties = "liandong.audit.retention=6m")
class AuditRetentionIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void a_retention_shorter_than_six_months_is_refused() {
		assertThatThrownBy(() -> retention(Clock.now(), Period.ofMonths(5)))
			.hasMessageContaining("审计记录至少保存 6 个月");
	}

	@Test
	void the_purge_removes_the_oldest_records_only_and_the_chain_still_verifies() throws SQLException {
		trail.recordAs("system", null, "TEST_OLD", "test", "1", "保存期限内的记录");
		trail.chainPending();
		long first = jdbc.sql("select first_seq from audit_chain_head where id = 1").query(Long.class).single();
		long last = jdbc.sql("select last_seq from audit_chain_head where id = 1").query(Long.class).single();

		// seven months on, everything so far is older than the six months kept
		MovableClock later = Clock.now();
		later.advance(Duration.ofDays(214));
		long removed = retention(later, Period.ofMonths(6)).purge();

		assertThat(removed).as("all but the newest").isEqualTo(last - first);
		assertThat(jdbc.sql("select min(seq) from audit_record").query(Long.class).single()).isEqualTo(last);
		AuditTrail.ChainVerification verified = trail.verify();
		assertThat(verified.intact()).as(verified.problem()).isTrue();
		assertThat(verified.recordsChecked()).as("the newest and the purge's own record").isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select detail from audit_record where action = 'AUDIT_PURGED' order by seq desc")
			.query(String.class).list().get(0)).contains("删除第 %d 条至第 %d 条审计记录".formatted(first, last - 1));

		// nothing is older now than a month ago: a second purge removes nothing
		assertThat(retention(Clock.now(), Period.ofMonths(6)).purge()).isZero();
	}

	@Test
	void on_postgresql_the_database_refuses_to_change_or_delete_a_record() throws SQLException {
		Assumptions.assumeTrue(postgres(), "H2 has no trigger for this: there the hash chain detects tampering");
		trail.recordAs("system", null, "TEST_PROTECTED", "test", "1", "受保护的记录");
		trail.chainPending();
		long seq = jdbc.sql("select last_seq from audit_chain_head where id = 1").query(Long.class).single();

		assertThatThrownBy(() -> jdbc.sql("update audit_record set detail = '改写' where seq = ?").param(seq).update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_record where seq = ?").param(seq).update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("truncate table audit_record").update()))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThat(trail.verify().intact()).isTrue();
	}

	private AuditRetention retention(java.time.Clock clock, Period period) throws SQLException {
		return new AuditRetention(jdbc, trail, clock, dataSource, transactions, period);
	}

	private boolean postgres() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
		}
	}

	private static final class Clock {

		static MovableClock now() {
			return new MovableClock(Instant.now());
		}
	}
}
