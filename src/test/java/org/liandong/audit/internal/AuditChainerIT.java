package org.liandong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.liandong.audit.AuditTrail;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.StatementCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit chain off the business transactions (issue 18, X1): a business call writes its records
 * pending in one insert and never touches the chain head; they are chained after its commit. While a
 * record waits, deleting its pending row does not make it disappear: the instance that committed it
 * chains it from memory and records the deletion. Rows an instance left pending are chained by the
 * sweep, and a record both swept and still queued is chained once.
 */
@LiandongIntegrationTest
class AuditChainerIT {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChainer chainer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounts counts;

	@Test
	void a_business_call_writes_its_records_pending_without_the_chain_head_and_they_are_chained_after_it() {
		Api sysadmin = Api.at(port).as("sysadmin", Fixtures.PASSWORD);
		String code = Fixtures.unique("chain");
		StatementCounts.Tally tally = counts.count(() -> sysadmin.post("/api/v1/agencies", """
				{"code": "%s", "name": "入链测试部门", "shortName": "入链测试", "kind": "EXTERNAL_DEPARTMENT", "divisionCode": "410400"}"""
			.formatted(code))).tally();

		assertThat(tally.bySql().keySet()).as(tally.describe())
			.noneMatch(sql -> sql.contains("audit_chain_head") || sql.contains("audit_record"))
			.filteredOn(sql -> sql.startsWith("insert into audit_pending"))
			.hasSize(1);
		trail.chainPending();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'AGENCY_REGISTERED' and object_id = ?")
			.param(code).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_pending where object_id = ?").param(code).query(Long.class).single())
			.as("its pending row gone with its chaining").isZero();
		assertThat(trail.verify().intact()).isTrue();
	}

	/** The chaining's own cost, shared by every transaction it takes: lock, delete, insert, update. */
	@Test
	void one_chaining_of_five_transactions_records_costs_four_statements_in_one_transaction() {
		chainer.stop();
		try {
			for (int i = 0; i < 5; i++) {
				trail.recordAs("system", null, "TEST_BATCHED", "test", Integer.toString(i), "合并入链的记录");
			}
			StatementCounts.Tally tally = counts.countHere(trail::chainPending);

			assertThat(tally.statements()).as(tally.describe()).isEqualTo(4);
			assertThat(tally.transactions()).as(tally.describe()).isEqualTo(1);
			assertThat(tally.bySql().keySet()).as(tally.describe())
				.anyMatch(sql -> sql.startsWith("select last_seq, last_hash from audit_chain_head"))
				.anyMatch(sql -> sql.startsWith("delete from audit_pending"))
				.anyMatch(sql -> sql.startsWith("insert into audit_record"))
				.anyMatch(sql -> sql.startsWith("update audit_chain_head"));
			assertThat(trail.verify().intact()).isTrue();
		}
		finally {
			chainer.start();
		}
	}

	@Test
	void a_pending_record_deleted_before_its_chaining_is_chained_from_memory_and_the_deletion_recorded() {
		String object = UUID.randomUUID().toString();
		chainer.stop();
		try {
			trail.recordAs("system", null, "TEST_PENDING", "test", object, "入链前被删除的记录");
			UUID id = jdbc.sql("select id from audit_pending where object_id = ?").param(object).query(UUID.class).single();
			// someone with the runtime role's rights deletes the row in the window
			assertThat(jdbc.sql("delete from audit_pending where id = ?").param(id).update()).isEqualTo(1);

			trail.chainPending();

			assertThat(jdbc.sql("select detail from audit_record where action = 'TEST_PENDING' and object_id = ?")
				.param(object).query(String.class).list()).containsExactly("入链前被删除的记录");
			assertThat(jdbc.sql("select detail from audit_record where action = 'AUDIT_PENDING_DELETED' and object_id = ?")
				.param(id.toString()).query(String.class).single()).contains("TEST_PENDING").contains("被从数据库中删除");
			assertThat(trail.chaining().restored()).isPositive();
			assertThat(trail.verify().intact()).isTrue();
		}
		finally {
			chainer.start();
		}
	}

	@Test
	void rows_left_pending_by_a_stopped_instance_are_chained_by_the_sweep() {
		UUID left = UUID.randomUUID();
		jdbc.sql("""
				insert into audit_pending (id, occurred_at, actor, action, object_type, object_id, detail)
				values (?, ?, 'system', 'TEST_ORPHAN', 'test', ?, '实例停止前未入链的记录')""")
			.params(left, OffsetDateTime.ofInstant(Instant.now().minusSeconds(120), ZoneOffset.UTC), left.toString())
			.update();

		chainer.sweep();

		assertThat(jdbc.sql("select entry_id from audit_record where action = 'TEST_ORPHAN' and object_id = ?")
			.param(left.toString()).query(UUID.class).list()).containsExactly(left);
		assertThat(jdbc.sql("select count(*) from audit_pending where id = ?").param(left).query(Long.class).single()).isZero();
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void a_record_swept_while_its_instance_still_holds_it_is_chained_once_and_not_reported_deleted() {
		String object = UUID.randomUUID().toString();
		long restoredBefore = trail.chaining().restored();
		chainer.stop();
		try {
			trail.recordAs("system", null, "TEST_SWEPT", "test", object, "被另一实例清扫入链的记录");
			// as if its instance had been unable to reach the database for over a minute
			jdbc.sql("update audit_pending set occurred_at = ? where object_id = ?")
				.params(OffsetDateTime.ofInstant(Instant.now().minusSeconds(120), ZoneOffset.UTC), object)
				.update();
			chainer.sweep();

			trail.chainPending();

			List<String> chained = jdbc.sql("select action from audit_record where object_id = ?").param(object)
				.query(String.class)
				.list();
			assertThat(chained).containsExactly("TEST_SWEPT");
			assertThat(trail.chaining().restored()).isEqualTo(restoredBefore);
			assertThat(trail.verify().intact()).isTrue();
		}
		finally {
			chainer.start();
		}
	}
}
