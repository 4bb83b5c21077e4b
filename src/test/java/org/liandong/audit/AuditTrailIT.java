package org.liandong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * X1: every change leaves a record of who, which agency, what, which object, when and from where;
 * the SM3 chain shows the first record altered or deleted directly in the database.
 */
@LiandongIntegrationTest
class AuditTrailIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	Api auditor;

	boolean postgres;

	@BeforeEach
	void connect() {
		auditor = Api.at(port).as("auditor", PASSWORD);
		postgres = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
			.getDatabaseProductName()
			.equalsIgnoreCase("PostgreSQL"));
	}

	@Test
	void a_change_is_recorded_with_actor_agency_object_and_client_address() {
		String code = Fixtures.unique("audit");
		Api.at(port).as("sysadmin", PASSWORD).post("/api/v1/agencies", """
				{"code": "%s", "name": "审计测试部门", "shortName": "审计测试", "kind": "EXTERNAL_DEPARTMENT", "divisionCode": "410400"}"""
			.formatted(code));

		JsonNode record = auditor.get("/api/v1/audit/records?action=AGENCY_REGISTERED&size=1").json().path("content").get(0);
		assertThat(record.path("actor").asString()).isEqualTo("sysadmin");
		assertThat(record.path("actorAgency").asString()).isEqualTo("410400");
		assertThat(record.path("objectType").asString()).isEqualTo("agency");
		assertThat(record.path("objectId").asString()).isEqualTo(code);
		assertThat(record.path("detail").asString()).contains("审计测试部门");
		assertThat(record.path("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(record.path("hash").asString()).hasSize(64);
	}

	@Test
	void the_untouched_chain_verifies() {
		JsonNode result = auditor.get("/api/v1/audit/verification").json();

		assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
		assertThat(result.path("recordsChecked").asLong()).isPositive();
	}

	@Test
	void a_record_altered_in_the_database_is_found() {
		long seq = newestSeq();
		String original = jdbc.queryForObject("select detail from audit_record where seq = ?", String.class, seq);
		tamper("update audit_record set detail = ? where seq = ?", "改写后的内容", seq);
		try {
			JsonNode result = auditor.get("/api/v1/audit/verification").json();

			assertThat(result.path("intact").asBoolean()).isFalse();
			assertThat(result.path("firstBrokenSeq").asLong()).isEqualTo(seq);
			assertThat(result.path("problem").asString()).contains("第 " + seq + " 条").contains("被修改");
		}
		finally {
			tamper("update audit_record set detail = ? where seq = ?", original, seq);
		}
		assertThat(auditor.get("/api/v1/audit/verification").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void a_record_deleted_from_the_middle_is_found() {
		long seq = newestSeq() - 1;

		JsonNode result = verificationWithout(seq);

		assertThat(result.path("intact").asBoolean()).isFalse();
		assertThat(result.path("firstBrokenSeq").asLong()).isEqualTo(seq);
		assertThat(result.path("problem").asString()).contains("第 " + seq + " 条审计记录缺失");
	}

	@Test
	void the_newest_record_deleted_is_found() {
		long seq = newestSeq();

		JsonNode result = verificationWithout(seq);

		assertThat(result.path("intact").asBoolean()).isFalse();
		assertThat(result.path("firstBrokenSeq").asLong()).isEqualTo(seq);
		assertThat(result.path("problem").asString()).contains("链尾记录被删除");
	}

	@Test
	void concurrent_writers_extend_one_unbroken_chain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> writes = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			int n = i;
			writes.add(pool.submit(() -> trail.recordAs("system", null, "TEST_CONCURRENT", "test", "w" + n, "并发写入")));
		}
		for (Future<?> write : writes) {
			write.get();
		}
		pool.shutdown();

		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void only_the_audit_administrator_reads_the_trail() {
		Reply enforcer = Api.at(port).as("xinhua.enforcer", PASSWORD).get("/api/v1/audit/records");
		Reply secadmin = Api.at(port).as("secadmin", PASSWORD).get("/api/v1/audit/verification");

		assertThat(enforcer.status()).isEqualTo(403);
		assertThat(secadmin.status()).isEqualTo(403);
		assertThat(enforcer.detail()).isEqualTo("您没有执行此操作的权限");
	}

	private long newestSeq() {
		// reading the trail is itself never audited, so a verification does not move the newest record once
		// what was committed before is chained
		Audited.chained();
		return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
	}

	/** Deletes the record directly in the database, asks the auditor's API to verify, puts the record back. */
	private JsonNode verificationWithout(long seq) {
		Map<String, Object> row = jdbc.queryForMap("select * from audit_record where seq = ?", seq);
		tamper("delete from audit_record where seq = ?", seq);
		try {
			return auditor.get("/api/v1/audit/verification").json();
		}
		finally {
			restore(row);
		}
	}

	/**
	 * A change made directly in the database by someone able to switch its triggers off (on
	 * PostgreSQL the table refuses updates and deletes otherwise), which the chain must reveal.
	 */
	private void tamper(String sql, Object... args) {
		transactions.executeWithoutResult(status -> {
			if (postgres) {
				jdbc.execute("set local session_replication_role = replica");
			}
			jdbc.update(sql, args);
		});
	}

	private void restore(Map<String, Object> row) {
		jdbc.update("""
				insert into audit_record (seq, occurred_at, actor, actor_agency, action, object_type, object_id, detail,
				                          client_address, prev_hash, hash, entry_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("seq"), row.get("occurred_at"), row.get("actor"),
				row.get("actor_agency"), row.get("action"), row.get("object_type"), row.get("object_id"),
				row.get("detail"), row.get("client_address"), row.get("prev_hash"), row.get("hash"), row.get("entry_id"));
		assertThat(trail.verify().intact()).isTrue();
	}
}
