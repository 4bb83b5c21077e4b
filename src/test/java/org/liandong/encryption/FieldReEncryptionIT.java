package org.liandong.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.liandong.platform.FieldCipher;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LegacyFieldSeal;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * X1, issue 19: after a rotation of the master key, the system administrator's re-encryption writes
 * every sealed value again under the new key, so the old key can then be removed. The values are
 * written here under the old key by the test's own {@link FieldCipher}, one of them in the form
 * written before issue 19 (no prefix) sealed with Bouncy Castle directly, and one under a key the
 * application does not know; the application starts with the new key current and the old one listed.
 * Afterwards a cipher that knows only the new key must read every value but the unknown one, which
 * is reported and left as it was. A database of its own (a schema of its own on PostgreSQL), as no
 * other test's context knows the new key.
 */
@LiandongIntegrationTest
@TestPropertySource(properties = { "liandong.security.master-key=" + FieldReEncryptionIT.NEW_KEY,
		"liandong.security.previous-master-keys=" + FieldReEncryptionIT.OLD_KEY,
		// a few rows a batch, so the walk goes through many batches
		"liandong.security.re-encryption.batch-size=3" })
class FieldReEncryptionIT {

	static final String NEW_KEY = "re-encryption-test-new-master-key";

	static final String OLD_KEY = "re-encryption-test-old-master-key";

	private static final String DATABASE = TestDatabases.fresh();

	/** The sealed columns of issue 19 (SECURITY.md row 15): table, column, row key, context of the row. */
	private static final List<String[]> COLUMNS = List.of(
			new String[] { "user_account", "mobile_cipher", "id", "username", "user_account.mobile_cipher:" },
			new String[] { "two_factor", "secret_cipher", "user_account_id", "user_account_id", "two_factor.secret:" },
			new String[] { "two_factor", "pending_secret_cipher", "user_account_id", "user_account_id",
					"two_factor.secret:" },
			new String[] { "enforcement_case", "party_id_cipher", "id", "number", "enforcement_case.party_id_cipher:" },
			new String[] { "signing_key", "private_key", "id", "public_key", "signing_key.private_key:" },
			new String[] { "channel_delivery", "address_cipher", "id", "place", "channel_delivery.address:" });

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> DATABASE);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final FieldCipher old = new FieldCipher(OLD_KEY);

	/** Only the new key: what the application will have once the old one is removed. */
	private final FieldCipher newOnly = new FieldCipher(NEW_KEY);

	@Test
	void values_under_the_old_key_are_rewritten_under_the_new_one_and_an_unknown_one_is_reported_and_kept() {
		Map<String, String> plain = writeUnderTheOldKey();
		String unknownPlace = "signing_key.private_key:04unknownkey";
		String unknown = new FieldCipher("a-key-nobody-configured-here").encrypt("9f8e7d", unknownPlace);
		long unknownRow = signingKey("04unknownkey", unknown);
		long sealedValues = sealedValues();
		int startedBefore = audited("FIELD_REENCRYPTION_STARTED").size();
		int finishedBefore = audited("FIELD_REENCRYPTION_FINISHED").size();

		Api sysadmin = Api.at(port).as("sysadmin", Fixtures.PASSWORD);
		JsonNode run = reEncrypt(sysadmin);

		assertThat(run.path("state").asString()).isEqualTo("DONE");
		assertThat(run.path("total").asLong()).as("every sealed value counted").isEqualTo(sealedValues);
		assertThat(run.path("done").asLong()).as("progress reached the total").isEqualTo(sealedValues);
		assertThat(run.path("percent").asInt()).isEqualTo(100);
		assertThat(run.path("rewritten").asLong()).as("the values written under the old key").isEqualTo(plain.size());
		assertThat(run.path("failed").asLong()).isEqualTo(1);
		assertThat(run.path("failures")).hasSize(1);
		assertThat(run.path("failures").get(0).path("place").asString()).isEqualTo(unknownPlace);
		assertThat(run.path("failures").get(0).path("rowId").asLong()).isEqualTo(unknownRow);
		assertThat(Instant.parse(run.path("startedAt").asString()))
			.isBeforeOrEqualTo(Instant.parse(run.path("finishedAt").asString()));

		// with the old key gone, every value reads, each the one written
		plain.forEach((place, value) -> assertThat(newOnly.decrypt(stored(place), context(place))).as(place)
			.isEqualTo(value));
		for (String[] column : COLUMNS) {
			jdbc.sql("select %s, %s from %s where %s is not null".formatted(column[3], column[1], column[0], column[1]))
				.query((rs, n) -> Map.entry(column[4] + rs.getString(1), rs.getString(2)))
				.list()
				.stream()
				.filter(value -> !value.getKey().equals(unknownPlace))
				.forEach(value -> assertThat(newOnly.decrypt(value.getValue(), value.getKey())).as(value.getKey())
					.isNotNull());
		}
		assertThat(stored(unknownPlace)).as("never destroyed").isEqualTo(unknown);

		assertThat(audited("FIELD_REENCRYPTION_STARTED")).hasSize(startedBefore + 1).endsWith("sysadmin");
		assertThat(audited("FIELD_REENCRYPTION_FINISHED")).hasSize(finishedBefore + 1).endsWith("system");

		// a second run finds nothing left to rewrite, and the unknown value again
		JsonNode again = reEncrypt(sysadmin);
		assertThat(again.path("rewritten").asLong()).isZero();
		assertThat(again.path("failed").asLong()).isEqualTo(1);
		assertThat(again.path("done").asLong()).isEqualTo(sealedValues);

		// the system administrator's page shows the result and names the value
		PageSession pages = new PageSession(port);
		pages.signIn("sysadmin", Fixtures.PASSWORD);
		String list = pages.get("/admin/re-encryptions").html();
		assertThat(list).contains("发起重加密", "data-confirm", "#" + run.path("id").asLong());
		assertThat(pages.get("/admin/re-encryptions/" + again.path("id").asLong()).html())
			.contains("重加密完成", "以当前主密钥重写 0 个", "无法解密 1 个", unknownPlace);
	}

	@Test
	void only_the_system_administrator_starts_one() {
		int started = audited("FIELD_REENCRYPTION_STARTED").size();
		assertThat(Api.at(port).as("secadmin", Fixtures.PASSWORD).post("/api/v1/security/re-encryptions", "").status())
			.isEqualTo(403);
		assertThat(Api.at(port).as("xinhua.enforcer", Fixtures.PASSWORD).post("/api/v1/security/re-encryptions", "")
			.status()).isEqualTo(403);
		assertThat(audited("FIELD_REENCRYPTION_STARTED")).as("nothing started").hasSize(started);
	}

	/**
	 * Issue 19: starts at the same moment start one run; the others are told another is under way
	 * (409, problem+json) rather than queued beside it. The database holds one slot for the active
	 * run, so a second active row is refused even when the check before the insert saw none.
	 */
	@Test
	void starts_at_the_same_moment_queue_one_run() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> active() == 0);
		int starters = 6;
		Api sysadmin = Api.at(port).as("sysadmin", Fixtures.PASSWORD);
		CyclicBarrier together = new CyclicBarrier(starters);
		ExecutorService pool = Executors.newFixedThreadPool(starters);
		List<Future<Reply>> replies = new ArrayList<>();
		for (int i = 0; i < starters; i++) {
			replies.add(pool.submit(() -> {
				together.await();
				return sysadmin.post("/api/v1/security/re-encryptions", "");
			}));
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Reply> reply : replies) {
			Reply r = reply.get(60, TimeUnit.SECONDS);
			statuses.add(r.status());
			if (r.status() == 409) {
				assertThat(r.header("Content-Type")).startsWith("application/problem+json");
				assertThat(r.json().path("detail").asString()).contains("字段重加密任务", "完成后再发起");
			}
		}
		pool.shutdown();
		assertThat(statuses).as("one run started, the others refused").containsOnly(202, 409);
		assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);

		await().atMost(Duration.ofSeconds(60)).until(() -> active() == 0);

		// the slot itself: a second active row is refused by the database even past the check
		String insert = "insert into field_re_encryption (state, requested_by, requested_at, active_slot) "
				+ "values ('QUEUED', 'sysadmin', current_timestamp, 1)";
		try {
			jdbc.sql(insert).update();
			assertThatThrownBy(() -> jdbc.sql(insert).update()).isInstanceOf(DataIntegrityViolationException.class);
		}
		finally {
			jdbc.sql("delete from field_re_encryption where active_slot = 1 and state = 'QUEUED'").update();
		}
	}

	private long active() {
		return jdbc.sql("select count(*) from field_re_encryption where state in ('QUEUED', 'RUNNING')")
			.query(Long.class)
			.single();
	}

	/** Starts a re-encryption through the API and follows it to its end. */
	private JsonNode reEncrypt(Api sysadmin) {
		Reply started = sysadmin.post("/api/v1/security/re-encryptions", "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long id = started.json().path("id").asLong();
		assertThat(started.header("Location")).endsWith("/api/v1/security/re-encryptions/" + id);
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = sysadmin.get(started.header("Location")).json();
			String state = last[0].path("state").asString();
			return state.equals("DONE") || state.equals("FAILED");
		});
		return last[0];
	}

	/**
	 * Seals values under the old key in each column: a mobile number in the current form and one in
	 * the form before issue 19, an authenticator secret in force and one pending, a party's ID-card
	 * number, a private key, the phone number of an SMS. Returns each plain value by its place.
	 */
	private Map<String, String> writeUnderTheOldKey() {
		Map<String, String> plain = new LinkedHashMap<>();
		String mobile = "user_account.mobile_cipher:xinhua.enforcer";
		plain.put(mobile, "13903750101");
		jdbc.sql("update user_account set mobile_cipher = ? where username = 'xinhua.enforcer'")
			.param(old.encrypt("13903750101", mobile))
			.update();
		String legacyMobile = "user_account.mobile_cipher:weidong.enforcer";
		plain.put(legacyMobile, "13903750202");
		jdbc.sql("update user_account set mobile_cipher = ? where username = 'weidong.enforcer'")
			.param(LegacyFieldSeal.seal(OLD_KEY, "13903750202"))
			.update();

		long account = jdbc.sql("select id from user_account where username = 'city.leader'").query(Long.class).single();
		String secret = "two_factor.secret:" + account;
		jdbc.sql("delete from two_factor where user_account_id = ?").param(account).update();
		jdbc.sql("insert into two_factor (user_account_id, secret_cipher, enrolled_at, pending_secret_cipher) values (?, ?, ?, ?)")
			.params(account, old.encrypt("JBSWY3DPEHPK3PXP", secret), java.sql.Timestamp.from(Instant.now()),
					old.encrypt("KRSXG5CTMVRXEZLU", secret))
			.update();
		// the same place holds two values: the secret in force and the pending one
		plain.put(secret + " (in force)", "JBSWY3DPEHPK3PXP");
		plain.put(secret + " (pending)", "KRSXG5CTMVRXEZLU");

		Reply registered = Api.at(port).as("xinhua.enforcer", Fixtures.PASSWORD).post("/api/v1/cases", """
				{"partyKind": "PERSON", "partyName": "张某某", "partyIdNumber": "11010519491231002X", "supervisionLevel": "COUNTY",
				 "divisionCode": "410402", "violationType": "无证作业", "severity": "GENERAL"}""");
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String idPlace = "enforcement_case.party_id_cipher:" + registered.json().path("number").asString();
		plain.put(idPlace, "11010519491231002X");
		jdbc.sql("update enforcement_case set party_id_cipher = ? where id = ?")
			.params(old.encrypt("11010519491231002X", idPlace), registered.json().path("id").asLong())
			.update();

		// a phone number an SMS is to go to (issue 23)
		String delivery = "1:SMS:410402:xinhua.liaison";
		String addressPlace = "channel_delivery.address:" + delivery;
		plain.put(addressPlace, "13903750101");
		jdbc.sql("""
				insert into channel_delivery (place, message_id, title, category, channel, recipient_agency, recipient_user,
				    address_cipher, address_hint, status, next_attempt_at, created_at)
				values (?, 1, '重加密测试', 'URGENT', 'SMS', '410402', 'xinhua.liaison', ?, '139****0101', 'GAVE_UP', ?, ?)""")
			.params(delivery, old.encrypt("13903750101", addressPlace), java.sql.Timestamp.from(Instant.now()),
					java.sql.Timestamp.from(Instant.now()))
			.update();

		String keyPlace = "signing_key.private_key:04testkey";
		plain.put(keyPlace, "a1b2c3d4e5f6");
		signingKey("04testkey", old.encrypt("a1b2c3d4e5f6", keyPlace));
		return plain;
	}

	private long signingKey(String publicKey, String sealed) {
		jdbc.sql("""
				insert into signing_key (agency, algorithm, public_key, private_key, created_at)
				values ('re-encryption-test', 'SM3withSM2', ?, ?, ?)""")
			.params(publicKey, sealed, java.sql.Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from signing_key where public_key = ?").param(publicKey).query(Long.class).single();
	}

	/** "(in force)" and "(pending)" name the two columns of an authenticator secret, which share their context. */
	private static String context(String place) {
		return place.replaceFirst(" \\((in force|pending)\\)$", "");
	}

	private String stored(String place) {
		String column = place.endsWith(" (pending)") ? "pending_secret_cipher" : "secret_cipher";
		String at = context(place);
		String table = at.substring(0, at.indexOf('.'));
		String key = at.substring(at.indexOf(':') + 1);
		return switch (table) {
			case "user_account" -> value("select mobile_cipher from user_account where username = ?", key);
			case "two_factor" -> value("select %s from two_factor where user_account_id = ?".formatted(column),
					Long.parseLong(key));
			case "enforcement_case" -> value("select party_id_cipher from enforcement_case where number = ?", key);
			case "channel_delivery" -> value("select address_cipher from channel_delivery where place = ?", key);
			default -> value("select private_key from signing_key where public_key = ?", key);
		};
	}

	private String value(String sql, Object key) {
		return jdbc.sql(sql).param(key).query(String.class).single();
	}

	private long sealedValues() {
		return COLUMNS.stream()
			.mapToLong(c -> jdbc.sql("select count(*) from %s where %s is not null".formatted(c[0], c[1]))
				.query(Long.class).single())
			.sum();
	}

	private List<String> audited(String action) {
		Audited.chained();
		return jdbc.sql("select actor from audit_record where action = ? order by seq").param(action).query(String.class)
			.list();
	}
}
