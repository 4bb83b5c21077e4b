package org.liandong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.audit.AuditTrail;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import tools.jackson.databind.JsonNode;

/**
 * X1, issue 19: the head of the audit chain is signed with SM2 by a key held outside the database,
 * on a schedule and on demand, stored and filed; verifications run in the background, check every
 * checkpoint's signature and the chain between checkpoints, report their progress, name the
 * altered stretch by the checkpoints around it, and start after the last checkpoint an earlier one
 * found intact. The test profile signs with the private key of the signature example of
 * GB/T 32918.5-2017, so signatures are checked here under the public key the standard gives for it,
 * with Bouncy Castle's SM2 signer, not with the application's own verification.
 */
@LiandongIntegrationTest
class AuditCheckpointsIT {

	/** P = d·G of GB/T 32918.5-2017's signature example (the test profile's signing key is its d). */
	static final String STANDARD_PUBLIC_KEY = ("04"
			+ "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
			+ "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13").toLowerCase();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CheckpointFile file;

	@Autowired
	Scheduler scheduler;

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
	void the_head_is_signed_with_sm2_on_schedule_and_on_demand_stored_and_filed() throws IOException {
		// the scheduled task, made due now instead of ten minutes on, signs the head and comes back ten minutes after
		record(1);
		long signed = jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class);
		Instant due = Instant.now();
		scheduler.reschedule(TaskInstanceId.of(AuditSchedule.CHECKPOINT_TASK, RecurringTask.INSTANCE), due);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"select count(*) from scheduled_tasks where task_name = ? and last_success >= ?", Long.class,
				AuditSchedule.CHECKPOINT_TASK, Timestamp.from(due)) == 1);
		assertThat(jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class)).isGreaterThan(signed);
		Map<String, Object> task = jdbc.queryForMap("select last_success, execution_time from scheduled_tasks where task_name = ?",
				AuditSchedule.CHECKPOINT_TASK);
		assertThat(Duration.between(instant(task.get("last_success")), instant(task.get("execution_time"))))
			.isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
		record(1);

		JsonNode made = checkpoint();
		Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");

		assertThat(made.path("lastSeq").asLong()).isEqualTo(((Number) head.get("last_seq")).longValue());
		assertThat(made.path("lastHash").asString()).isEqualTo(head.get("last_hash"));
		assertThat(made.path("publicKey").asString()).isEqualTo(STANDARD_PUBLIC_KEY);
		String message = "liandong-audit-checkpoint|%d|%d|%s|%s".formatted(made.path("number").asLong(),
				made.path("lastSeq").asLong(), made.path("lastHash").asString(), made.path("signedAt").asString());
		assertThat(signedUnderTheStandardKey(message, made.path("signature").asString())).isTrue();
		assertThat(signedUnderTheStandardKey(message.replace("|" + made.path("lastSeq").asLong() + "|",
				"|" + (made.path("lastSeq").asLong() - 1) + "|"), made.path("signature").asString()))
			.as("the signature covers the record it names").isFalse();

		// the auditor's copy: the same checkpoint, with the signed text, in the file
		String line = Files.readAllLines(file.path()).stream()
			.filter(l -> l.startsWith("{\"number\":" + made.path("number").asLong() + ","))
			.findFirst()
			.orElseThrow();
		assertThat(field(line, "signature")).isEqualTo(made.path("signature").asString());
		assertThat(field(line, "message")).isEqualTo(message);
		assertThat(field(line, "publicKey")).isEqualTo(STANDARD_PUBLIC_KEY);

		assertThat(checkpoint().path("number").asLong()).as("the head has not moved: the same checkpoint")
			.isEqualTo(made.path("number").asLong());
		JsonNode listed = auditor.get("/api/v1/audit/checkpoints?size=1").json().path("content").get(0);
		assertThat(listed.path("number").asLong()).isEqualTo(made.path("number").asLong());
	}

	@Test
	void a_record_altered_between_two_checkpoints_is_placed_between_them() {
		JsonNode a = checkpoint();
		record(3);
		JsonNode b = checkpoint();
		long altered = a.path("lastSeq").asLong() + 2;
		String original = jdbc.queryForObject("select detail from audit_record where seq = ?", String.class, altered);

		tamper("update audit_record set detail = ? where seq = ?", "改写后的内容", altered);
		JsonNode result;
		try {
			result = verify(true);
		}
		finally {
			tamper("update audit_record set detail = ? where seq = ?", original, altered);
		}

		assertThat(result.path("intact").asBoolean()).isFalse();
		assertThat(result.path("firstBrokenSeq").asLong()).isEqualTo(altered);
		assertWindow(result, a, b);
		assertThat(result.path("problem").asString()).contains("第 %d 号检查点".formatted(a.path("number").asLong()))
			.contains("第 %d 号检查点".formatted(b.path("number").asLong()))
			.contains("第 %d 条审计记录的内容与其哈希不符".formatted(altered));
	}

	/**
	 * The rewrite the unkeyed chain cannot show: a record changed and every later hash up to the next
	 * checkpoint recomputed. Each record then agrees with its hash; the signed checkpoint does not.
	 */
	@Test
	void a_rewrite_with_every_later_hash_recomputed_is_caught_by_the_next_checkpoint() {
		JsonNode a = checkpoint();
		record(3);
		JsonNode b = checkpoint();
		// a record after b keeps the head and later appends untouched by the rewrite
		record(1);
		long altered = a.path("lastSeq").asLong() + 2;
		List<Map<String, Object>> originals = jdbc.queryForList(
				"select * from audit_record where seq >= ? and seq <= ? order by seq", altered, b.path("lastSeq").asLong());

		rewrite(originals, "改写后的内容");
		JsonNode result;
		try {
			result = verify(true);
		}
		finally {
			restore(originals);
		}

		assertThat(result.path("intact").asBoolean()).isFalse();
		assertThat(result.path("brokenCheckpoint").asLong()).isEqualTo(b.path("number").asLong());
		assertWindow(result, a, b);
		assertThat(result.path("problem").asString())
			.contains("第 %d 条审计记录的哈希与第 %d 号检查点所签的不符".formatted(b.path("lastSeq").asLong(),
					b.path("number").asLong()));
		assertThat(verify(true).path("intact").asBoolean()).as("put back").isTrue();
	}

	@Test
	void an_altered_checkpoint_signature_is_found() {
		JsonNode a = checkpoint();
		record(1);
		JsonNode b = checkpoint();
		long number = b.path("number").asLong();

		tamper("update audit_checkpoint set signature = ? where number = ?", a.path("signature").asString(), number);
		JsonNode result;
		try {
			result = verify(true);
		}
		finally {
			tamper("update audit_checkpoint set signature = ? where number = ?", b.path("signature").asString(), number);
		}

		assertThat(result.path("intact").asBoolean()).isFalse();
		assertThat(result.path("brokenCheckpoint").asLong()).isEqualTo(number);
		assertWindow(result, a, b);
		assertThat(result.path("problem").asString()).contains("第 %d 号检查点的签名无效".formatted(number));
	}

	@Test
	void progress_reaches_all_records_and_the_next_verification_reads_only_what_follows_the_checkpoint_it_confirmed() {
		checkpoint();
		List<Integer> percents = new ArrayList<>();
		JsonNode full = verify(true, percents);

		assertThat(full.path("intact").asBoolean()).as(full.toString()).isTrue();
		assertThat(full.path("fromCheckpoint").isNull()).as("from the start of the chain").isTrue();
		assertThat(full.path("fromSeq").asLong())
			.isEqualTo(jdbc.queryForObject("select first_seq from audit_chain_head where id = 1", Long.class));
		assertThat(full.path("recordsChecked").asLong()).isEqualTo(full.path("recordsTotal").asLong()).isPositive();
		assertThat(full.path("percent").asInt()).isEqualTo(100);
		assertThat(percents).isSorted().last().isEqualTo(100);
		long confirmed = full.path("throughCheckpoint").asLong();
		long confirmedSeq = jdbc.queryForObject("select last_seq from audit_checkpoint where number = ?", Long.class,
				confirmed);

		record(5);
		checkpoint();
		JsonNode next = verify(false);

		assertThat(next.path("intact").asBoolean()).as(next.toString()).isTrue();
		assertThat(next.path("fromCheckpoint").asLong()).isEqualTo(confirmed);
		assertThat(next.path("fromSeq").asLong()).isEqualTo(confirmedSeq + 1);
		long following = jdbc.queryForObject("select count(*) from audit_record where seq > ? and seq <= ?", Long.class,
				confirmedSeq, next.path("throughSeq").asLong());
		assertThat(next.path("recordsChecked").asLong()).as("only the records after checkpoint %d", confirmed)
			.isEqualTo(following)
			.isGreaterThanOrEqualTo(5)
			.isLessThan(full.path("recordsChecked").asLong());
		assertThat(next.path("percent").asInt()).isEqualTo(100);
		assertThat(next.path("throughCheckpoint").asLong()).isGreaterThan(confirmed);
	}

	@Test
	void the_audit_page_starts_a_verification_and_shows_its_progress_until_the_result() {
		PageSession pages = new PageSession(port);
		pages.signIn("auditor", PASSWORD);

		PageSession.Page started = pages.post("/audit/verifications", Map.of());
		assertThat(started.status()).isEqualTo(302);
		assertThat(started.location()).matches(".*/audit/verifications/\\d+");
		String path = started.location().replaceFirst("^https?://[^/]+", "");
		assertThat(pages.get(path).html()).contains("哈希链校验", "verification-result");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> pages.get(path + "/progress").html().contains("校验完成"));
		assertThat(pages.get(path + "/progress").html()).contains("100%", "审计记录完整", "哈希链未发现断裂");
		assertThat(pages.get("/audit").html()).contains(STANDARD_PUBLIC_KEY, "最新检查点");
	}

	private JsonNode checkpoint() {
		Reply made = auditor.post("/api/v1/audit/checkpoints", "");
		assertThat(made.status()).as(made.body()).isEqualTo(200);
		return made.json();
	}

	private JsonNode verify(boolean full) {
		return verify(full, new ArrayList<>());
	}

	/** Asks for a verification as the audit administrator and follows it to its end, noting each percent seen. */
	private JsonNode verify(boolean full, List<Integer> percents) {
		Reply started = auditor.post("/api/v1/audit/verifications?full=" + full, "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long id = started.json().path("id").asLong();
		assertThat(started.header("Location")).endsWith("/api/v1/audit/verifications/" + id);
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			last[0] = auditor.get(started.header("Location")).json();
			percents.add(last[0].path("percent").asInt());
			return last[0].path("state").asString().equals("DONE");
		});
		return last[0];
	}

	private void assertWindow(JsonNode result, JsonNode after, JsonNode before) {
		JsonNode window = result.path("window");
		assertThat(window.path("after").path("checkpoint").asLong()).isEqualTo(after.path("number").asLong());
		assertThat(window.path("after").path("seq").asLong()).isEqualTo(after.path("lastSeq").asLong());
		assertThat(Instant.parse(window.path("after").path("signedAt").asString()))
			.isEqualTo(Instant.parse(after.path("signedAt").asString()));
		assertThat(window.path("before").path("checkpoint").asLong()).isEqualTo(before.path("number").asLong());
		assertThat(window.path("before").path("seq").asLong()).isEqualTo(before.path("lastSeq").asLong());
	}

	private void record(int records) {
		for (int i = 0; i < records; i++) {
			trail.recordAs("system", null, "TEST_CHECKPOINT", "test", Integer.toString(i), "检查点测试记录");
		}
		trail.chainPending();
	}

	/**
	 * What someone able to write the tables does: changes a record and recomputes its hash and every
	 * later one (the formula is public), so that each record agrees with its hash and its predecessor.
	 */
	private void rewrite(List<Map<String, Object>> rows, String detail) {
		transactions.executeWithoutResult(status -> {
			replicaMode();
			String previous = (String) rows.get(0).get("prev_hash");
			for (int i = 0; i < rows.size(); i++) {
				Map<String, Object> row = rows.get(i);
				long seq = ((Number) row.get("seq")).longValue();
				String text = i == 0 ? detail : (String) row.get("detail");
				String hash = AuditChain.link(seq, instant(row.get("occurred_at")), (String) row.get("actor"),
						(String) row.get("actor_agency"), (String) row.get("action"), (String) row.get("object_type"),
						(String) row.get("object_id"), text, (String) row.get("client_address"), previous);
				jdbc.update("update audit_record set detail = ?, prev_hash = ?, hash = ? where seq = ?", text, previous,
						hash, seq);
				previous = hash;
			}
		});
	}

	private void restore(List<Map<String, Object>> rows) {
		transactions.executeWithoutResult(status -> {
			replicaMode();
			for (Map<String, Object> row : rows) {
				jdbc.update("update audit_record set detail = ?, prev_hash = ?, hash = ? where seq = ?", row.get("detail"),
						row.get("prev_hash"), row.get("hash"), row.get("seq"));
			}
		});
	}

	/**
	 * A change made directly in the database by someone able to switch its triggers off (on
	 * PostgreSQL the audit tables refuse updates otherwise), which verification must reveal.
	 */
	private void tamper(String sql, Object... args) {
		transactions.executeWithoutResult(status -> {
			replicaMode();
			jdbc.update(sql, args);
		});
	}

	private void replicaMode() {
		if (postgres) {
			jdbc.execute("set local session_replication_role = replica");
		}
	}

	private static Instant instant(Object value) {
		return value instanceof OffsetDateTime time ? time.toInstant() : ((Timestamp) value).toInstant();
	}

	private static String field(String jsonLine, String name) {
		Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(jsonLine);
		assertThat(value.find()).as(name + " in " + jsonLine).isTrue();
		return value.group(1);
	}

	/** SM3withSM2 (signer identity 1234567812345678) under the standard's public key, with Bouncy Castle. */
	private static boolean signedUnderTheStandardKey(String message, String signature) {
		X9ECParameters curve = GMNamedCurves.getByName("sm2p256v1");
		ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
		SM2Signer signer = new SM2Signer();
		signer.init(false, new ECPublicKeyParameters(curve.getCurve().decodePoint(Hex.decode(STANDARD_PUBLIC_KEY)), domain));
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		signer.update(bytes, 0, bytes.length);
		return signer.verifySignature(Base64.getDecoder().decode(signature));
	}
}
