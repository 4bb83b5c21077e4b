package org.liandong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.NEW_USER_PASSWORD;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.liandong.support.SecondFactor;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The second factor of sign-in (issue 12; GB/T 22239-2019 test item L3-CES1-04: identification by
 * two or more techniques, one of them cryptographic): binding an authenticator by QR code, the
 * second step of a page sign-in, the one-time password of each API call, replays, recovery codes,
 * the security administrator's reset and policy. Sign-in without the second factor is refused
 * where the policy requires it, and the refusal is audited.
 */
@LiandongIntegrationTest
class TwoFactorIT {

	private static final Pattern SECRET = Pattern.compile("id=\"enrolment-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY_CODE = Pattern.compile("<li class=\"col mb-1\">([a-z0-9-]+)</li>");

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = Api.at(port);
	}

	@Test
	void a_person_binds_an_authenticator_by_qr_code_and_then_signs_in_with_its_code() {
		String username = Fixtures.person(api, "410402", "ENFORCER");
		PageSession session = new PageSession(port);
		assertThat(session.signIn(username, NEW_USER_PASSWORD).location()).endsWith("/");
		assertThat(session.get("/account/two-factor").html()).contains("未绑定").contains("您的角色可自愿使用");

		Page enrolment = session.get("/account/two-factor/enrol");
		assertThat(enrolment.html()).contains("data:image/png;base64,").contains("扫描二维码");
		String secret = secretOn(enrolment);
		Page confirmed = session.post("/account/two-factor/enrol", java.util.Map.of("code", SecondFactor.code(secret)));
		assertThat(confirmed.html()).contains("动态口令绑定成功").contains("恢复码只显示这一次");
		assertThat(recoveryCodesOn(confirmed)).hasSize(10);
		assertThat(session.get("/account/two-factor").html()).contains("已绑定");

		PageSession next = new PageSession(port);
		assertThat(next.signInWithPasswordOnly(username, NEW_USER_PASSWORD).location()).endsWith("/");
		assertThat(next.get("/").location()).as("the password alone is not a sign-in").endsWith("/login/two-factor");
		assertThat(next.get("/cases").location()).endsWith("/login/two-factor");

		Page wrong = next.secondStep(wrongCode(secret));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.html()).contains("动态口令错误或已过期");
		assertThat(next.get("/cases").location()).as("nothing changed by a wrong code").endsWith("/login/two-factor");

		assertThat(next.secondStep(nextCode(secret)).location()).endsWith("/");
		assertThat(next.get("/cases").status()).isEqualTo(200);
		assertThat(audit(username, "TWO_FACTOR_ENROLLED")).hasSize(1);
		assertThat(audit(username, "TWO_FACTOR_PASSED")).hasSize(1);
		assertThat(audit(username, "TWO_FACTOR_REFUSED")).anyMatch(detail -> detail.contains("动态口令或恢复码错误"))
			.noneMatch(detail -> detail.contains(secret.replace(" ", "")));
	}

	@Test
	void a_code_already_used_is_refused_within_its_window() {
		String username = Fixtures.person(api, "410403", "ENFORCER");
		String secret = enrolOverApi(username).secret();
		String code = nextCode(secret);

		PageSession first = new PageSession(port);
		first.signInWithPasswordOnly(username, NEW_USER_PASSWORD);
		assertThat(first.secondStep(code).location()).endsWith("/");

		PageSession replay = new PageSession(port);
		replay.signInWithPasswordOnly(username, NEW_USER_PASSWORD);
		Page refused = replay.secondStep(code);
		assertThat(refused.html()).contains("该动态口令已经使用过");
		assertThat(replay.get("/cases").location()).endsWith("/login/two-factor");
		assertThat(audit(username, "TWO_FACTOR_REFUSED")).anyMatch(detail -> detail.contains("动态口令重复使用"));

		Reply overApi = api.as(username, NEW_USER_PASSWORD).withOtp(code).get("/api/v1/me");
		assertThat(overApi.status()).as("nor over the API").isEqualTo(401);
		assertThat(overApi.problemCode()).isEqualTo("two-factor-replayed");
	}

	@Test
	void a_recovery_code_signs_in_once() {
		String username = Fixtures.person(api, "410404", "ENFORCER");
		Enrolled enrolled = enrolOverApi(username);
		String recoveryCode = enrolled.recoveryCodes().get(3);

		PageSession phoneLost = new PageSession(port);
		phoneLost.signInWithPasswordOnly(username, NEW_USER_PASSWORD);
		assertThat(phoneLost.secondStep(recoveryCode).location()).endsWith("/");
		assertThat(phoneLost.get("/account/two-factor").html()).contains("9 个");

		PageSession again = new PageSession(port);
		again.signInWithPasswordOnly(username, NEW_USER_PASSWORD);
		assertThat(again.secondStep(recoveryCode).html()).contains("该恢复码已经使用过");
		assertThat(again.get("/cases").location()).endsWith("/login/two-factor");
		assertThat(audit(username, "TWO_FACTOR_PASSED")).anyMatch(detail -> detail.contains("使用恢复码"));
	}

	@Test
	void a_role_that_requires_the_second_factor_is_led_to_binding_and_reaches_nothing_else() {
		String username = Fixtures.person(api, "410400", "AUDIT_ADMIN");
		PageSession session = new PageSession(port);
		session.signInWithPasswordOnly(username, NEW_USER_PASSWORD);
		assertThat(session.get("/").location()).endsWith("/account/two-factor/enrol");
		assertThat(session.get("/audit").location()).endsWith("/account/two-factor/enrol");
		assertThat(session.get("/account/two-factor").location()).endsWith("/account/two-factor/enrol");

		Page enrolment = session.get("/account/two-factor/enrol");
		assertThat(enrolment.html()).contains("按安全策略，您的角色必须使用动态口令");
		String secret = secretOn(enrolment);
		Page wrong = session.post("/account/two-factor/enrol", java.util.Map.of("code", wrongCode(secret)));
		assertThat(wrong.html()).contains("动态口令不正确");
		assertThat(session.get("/audit").location()).as("nothing changed").endsWith("/account/two-factor/enrol");

		assertThat(session.post("/account/two-factor/enrol", java.util.Map.of("code", SecondFactor.code(secret))).html())
			.contains("恢复码只显示这一次");
		assertThat(session.get("/audit").status()).isEqualTo(200);
		assertThat(audit(username, "TWO_FACTOR_REFUSED")).anyMatch(detail -> detail.contains("角色要求动态口令而尚未绑定"));
	}

	/** The test the issue asks for: an administrator's API call without a one-time password. */
	@Test
	void an_api_call_without_the_code_is_refused_where_the_policy_requires_it_and_audited() {
		Instant before = Instant.now().minusSeconds(1);
		Reply refused = api.as("sysadmin", PASSWORD).withoutOtp().get("/api/v1/agencies");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.problemCode()).isEqualTo("two-factor-required");
		assertThat(refused.detail()).contains("需要动态口令").contains("X-OTP");
		JsonNode record = api.as("auditor", PASSWORD)
			.get("/api/v1/audit/records?actor=sysadmin&action=TWO_FACTOR_REFUSED&from=" + before + "&size=5")
			.json()
			.path("content")
			.get(0);
		assertThat(record.path("detail").asString()).contains("API").contains("未携带动态口令");

		Reply wrong = api.as("sysadmin", PASSWORD).withOtp(wrongCode(SecondFactor.DEMO_SECRET)).get("/api/v1/agencies");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.problemCode()).isEqualTo("two-factor-invalid");
		assertThat(api.as("sysadmin", PASSWORD).get("/api/v1/agencies").status()).isEqualTo(200);
	}

	@Test
	void an_api_client_gives_its_code_on_every_call_and_one_code_serves_it_within_the_window() {
		String username = Fixtures.person(api, "410411", "ENFORCER");
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me/two-factor").json().path("enrolled").asBoolean())
			.isFalse();
		String secret = enrolOverApi(username).secret();

		Reply without = api.as(username, NEW_USER_PASSWORD).get("/api/v1/me");
		assertThat(without.status()).isEqualTo(401);
		assertThat(without.problemCode()).isEqualTo("two-factor-required");
		assertThat(audit(username, "TWO_FACTOR_REFUSED")).anyMatch(detail -> detail.contains("未携带动态口令"));

		Api client = api.as(username, NEW_USER_PASSWORD).withOtp(nextCode(secret));
		assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(client.get("/api/v1/me").status()).as("the same client, the same code").isEqualTo(200);
		assertThat(api.as(username, "Qita#Mima2026").withOtp(nextCode(secret)).get("/api/v1/me").status())
			.as("not with another password").isEqualTo(401);
	}

	@Test
	void the_security_administrator_resets_a_second_factor_audited_and_it_must_be_bound_again() {
		String username = Fixtures.person(api, "410400", "AUDIT_ADMIN");
		String secret = enrolOverApi(username).secret();
		Api person = api.as(username, NEW_USER_PASSWORD).withOtpSecret(secret);
		assertThat(person.get("/api/v1/audit/records?size=1").status()).isEqualTo(200);
		assertThat(api.as("secadmin", PASSWORD).get("/api/v1/security/two-factor/accounts").json()
			.findValuesAsString("username")).contains(username, "sysadmin");

		assertThat(api.as("secadmin", PASSWORD).delete("/api/v1/users/" + username + "/two-factor").status())
			.isEqualTo(204);

		JsonNode record = api.as("auditor", PASSWORD)
			.get("/api/v1/audit/records?actor=secadmin&action=TWO_FACTOR_RESET&size=20")
			.json()
			.path("content")
			.get(0);
		assertThat(record.path("objectId").asString()).isEqualTo(username);
		Reply afterReset = person.get("/api/v1/audit/records?size=1");
		assertThat(afterReset.status()).isEqualTo(401);
		assertThat(afterReset.problemCode()).isEqualTo("two-factor-enrolment-required");
		PageSession session = new PageSession(port);
		session.signInWithPasswordOnly(username, NEW_USER_PASSWORD);
		assertThat(session.get("/audit").location()).endsWith("/account/two-factor/enrol");

		Reply own = api.as("secadmin", PASSWORD).delete("/api/v1/users/secadmin/two-factor");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.detail()).contains("不能重置本人的动态口令");
	}

	@Test
	void a_policy_change_takes_effect_at_the_next_sign_in() {
		Api secadmin = api.as("secadmin", PASSWORD);
		Reply administrators = secadmin.put("/api/v1/security/two-factor/policy/AUDIT_ADMIN", "{\"mandatory\": false}");
		assertThat(administrators.status()).isEqualTo(400);
		assertThat(administrators.detail()).contains("必须使用动态口令");

		String username = Fixtures.person(api, "410400.legal", "LEGAL_OFFICER");
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/cases").status()).isEqualTo(200);
		try {
			Reply changed = secadmin.put("/api/v1/security/two-factor/policy/LEGAL_OFFICER", "{\"mandatory\": true}");
			assertThat(changed.status()).as(changed.body()).isEqualTo(200);
			assertThat(changed.json().path("changedBy").asString()).isEqualTo("secadmin");

			Reply refused = api.as(username, NEW_USER_PASSWORD).get("/api/v1/cases");
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.problemCode()).isEqualTo("two-factor-enrolment-required");
			assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me/two-factor").json().path("mandatory")
				.asBoolean()).isTrue();
			PageSession session = new PageSession(port);
			session.signInWithPasswordOnly(username, NEW_USER_PASSWORD);
			assertThat(session.get("/cases").location()).endsWith("/account/two-factor/enrol");
			assertThat(api.as("auditor", PASSWORD)
				.get("/api/v1/audit/records?actor=secadmin&action=TWO_FACTOR_POLICY_CHANGED&size=5")
				.json()
				.path("content")
				.findValuesAsString("detail")).contains("动态口令策略：法制审核人员 必须使用");
		}
		finally {
			assertThat(secadmin.put("/api/v1/security/two-factor/policy/LEGAL_OFFICER", "{\"mandatory\": false}").status())
				.isEqualTo(200);
		}
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/cases").status()).isEqualTo(200);
	}

	@Test
	void the_security_administrator_pages_show_the_policy_and_who_is_bound() {
		PageSession session = new PageSession(port);
		session.signIn("secadmin", PASSWORD);
		Page page = session.get("/security/two-factor");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("必须使用动态口令的角色").contains("审计管理员").contains("分页");
		// the accounts are paged (issue 11): one is found by its name whatever else the suite bound
		assertThat(session.get("/security/two-factor?keyword=sysadmin").html()).contains("two-factor-sysadmin");
	}

	// --- helpers ----------------------------------------------------------------------------------

	private record Enrolled(String secret, List<String> recoveryCodes) {
	}

	private Enrolled enrolOverApi(String username) {
		Api person = api.as(username, NEW_USER_PASSWORD);
		Reply started = person.post("/api/v1/me/two-factor/enrolment", "");
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat(started.json().path("otpauthUri").asString()).startsWith("otpauth://totp/");
		String secret = started.json().path("secret").asString().replace(" ", "");
		Reply confirmed = person.post("/api/v1/me/two-factor/confirmation",
				"{\"code\": \"%s\"}".formatted(SecondFactor.code(secret)));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		confirmed.json().path("recoveryCodes").forEach(code -> codes.add(code.asString()));
		return new Enrolled(secret, codes);
	}

	/** The code of the next 30-second step, which the application accepts (one step of clock difference). */
	private static String nextCode(String secret) {
		return SecondFactor.codeAt(secret.replace(" ", ""), Instant.now().plusSeconds(30));
	}

	/** Six digits that are none of the codes valid now. */
	private static String wrongCode(String secret) {
		String plain = secret.replace(" ", "");
		Instant now = Instant.now();
		Set<String> valid = Set.of(SecondFactor.codeAt(plain, now.minusSeconds(30)), SecondFactor.codeAt(plain, now),
				SecondFactor.codeAt(plain, now.plusSeconds(30)), SecondFactor.codeAt(plain, now.plusSeconds(60)));
		for (int i = 0;; i++) {
			String candidate = "%06d".formatted(i * 7919 % 1_000_000);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

	private static String secretOn(Page page) {
		Matcher secret = SECRET.matcher(page.html());
		assertThat(secret.find()).as("the secret shown for manual entry").isTrue();
		return secret.group(1).replace(" ", "");
	}

	private static List<String> recoveryCodesOn(Page page) {
		Matcher code = RECOVERY_CODE.matcher(page.html());
		List<String> codes = new ArrayList<>();
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
	}

	private List<String> audit(String username, String action) {
		return api.as("auditor", PASSWORD)
			.get("/api/v1/audit/records?actor=%s&action=%s&size=50".formatted(username, action))
			.json()
			.path("content")
			.findValuesAsString("detail");
	}
}
