package org.liandong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.NEW_USER_PASSWORD;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** R1.3: who is calling, with which agency and roles; sign-in failures are bounded and audited (X1). */
@LiandongIntegrationTest
class IdentityIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		api = Api.at(port);
	}

	@Test
	void a_county_enforcer_learns_their_agency_and_its_division_code() {
		Reply me = api.as("xinhua.enforcer", PASSWORD).get("/api/v1/me");

		assertThat(me.status()).isEqualTo(200);
		JsonNode json = me.json();
		assertThat(json.path("username").asString()).isEqualTo("xinhua.enforcer");
		assertThat(json.path("agency").path("divisionCode").asString()).isEqualTo("410402");
		assertThat(json.path("agency").path("name").asString()).isEqualTo("平顶山市新华区应急管理局");
		assertThat(json.path("roles").get(0).path("name").asString()).isEqualTo("执法人员");
	}

	@Test
	void every_demo_role_signs_in_to_its_own_agency() {
		assertThat(api.as("city.legal", PASSWORD).get("/api/v1/me").json().path("agency").path("kind").asString())
			.isEqualTo("LEGAL_OFFICE");
		assertThat(api.as("city.detachment", PASSWORD).get("/api/v1/me").json().path("agency").path("kind").asString())
			.isEqualTo("ENFORCEMENT_DETACHMENT");
		assertThat(api.as("ruzhou.liaison", PASSWORD).get("/api/v1/me").json().path("agency").path("divisionCode")
			.asString()).isEqualTo("410482");
	}

	@Test
	void a_wrong_password_is_refused_with_chinese_problem_details() {
		Reply refused = api.as("xinhua.liaison", "wrong-password").get("/api/v1/me");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.problemCode()).isEqualTo("unauthenticated");
		assertThat(refused.detail()).isEqualTo("用户名或密码错误");
	}

	@Test
	void a_call_without_credentials_is_asked_to_sign_in() {
		Reply refused = api.anonymous().get("/api/v1/agencies");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.detail()).contains("请先登录");
	}

	@Test
	void five_wrong_passwords_lock_the_account_until_the_security_administrator_unlocks_it() {
		String username = Fixtures.person(api, "410403", "ENFORCER");
		for (int i = 0; i < 5; i++) {
			assertThat(api.as(username, "Wrong#2026").get("/api/v1/me").status()).isEqualTo(401);
		}

		Reply locked = api.as(username, NEW_USER_PASSWORD).get("/api/v1/me");
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.problemCode()).isEqualTo("account-locked");
		assertThat(locked.detail()).contains("锁定");
		assertThat(api.as("secadmin", PASSWORD).get("/api/v1/users/" + username).json().path("lockedUntil").isNull())
			.isFalse();
		JsonNode lockRecords = api.as("auditor", PASSWORD)
			.get("/api/v1/audit/records?action=ACCOUNT_LOCKED&size=200")
			.json()
			.path("content");
		assertThat(lockRecords.findValuesAsString("objectId")).contains(username);

		assertThat(api.as("secadmin", PASSWORD).post("/api/v1/users/" + username + "/unlock", "").status())
			.isEqualTo(200);
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void credentials_just_verified_do_not_outlive_a_lock_or_a_password_change() {
		String username = Fixtures.person(api, "410404", "ENFORCER");
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").status())
			.as("the same credentials again, recognised without bcrypt").isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(api.as(username, "Wrong#2026").get("/api/v1/me").status()).isEqualTo(401);
		}
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").problemCode())
			.as("a locked account is refused even with the password verified a moment ago").isEqualTo("account-locked");
		assertThat(api.as("secadmin", PASSWORD).post("/api/v1/users/" + username + "/unlock", "").status())
			.isEqualTo(200);

		assertThat(api.as(username, NEW_USER_PASSWORD).put("/api/v1/me/password", """
				{"currentPassword": "%s", "newPassword": "Genghuan#2026"}""".formatted(NEW_USER_PASSWORD)).status())
			.isEqualTo(204);
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").status())
			.as("the old password stops working at once").isEqualTo(401);
		assertThat(api.as(username, "Genghuan#2026").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void roles_changed_apply_to_the_next_call_of_a_client_just_signed_in() {
		String username = Fixtures.person(api, "410411", "ENFORCER");
		Api person = api.as(username, NEW_USER_PASSWORD);
		assertThat(person.get("/api/v1/me").json().path("roles").findValuesAsString("code")).containsExactly("ENFORCER");
		assertThat(person.get("/api/v1/me").json().path("roles").findValuesAsString("code"))
			.as("the same credentials again, held for a moment").containsExactly("ENFORCER");

		Api secadmin = api.as("secadmin", PASSWORD);
		long version = secadmin.get("/api/v1/users/" + username).json().path("version").asLong();
		Reply changed = secadmin.put("/api/v1/users/" + username + "/roles",
				"{\"roles\": [\"LIAISON\"], \"version\": %d}".formatted(version));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		assertThat(person.get("/api/v1/me").json().path("roles").findValuesAsString("code"))
			.as("the next call carries the new roles").containsExactly("LIAISON");
	}

	@Test
	void parallel_guesses_are_checked_no_more_often_than_the_limit_allows() throws Exception {
		String username = Fixtures.person(api, "410421", "ENFORCER");
		ExecutorService guessers = Executors.newFixedThreadPool(12);
		List<Future<Reply>> guesses = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			guesses.add(guessers.submit(() -> api.as(username, "Guess#2026").get("/api/v1/me")));
		}
		for (Future<Reply> guess : guesses) {
			assertThat(guess.get().status()).isEqualTo(401);
		}
		guessers.shutdown();

		List<String> outcomes = api.as("auditor", PASSWORD)
			.get("/api/v1/audit/records?actor=" + username + "&action=LOGIN_FAILED&size=100")
			.json()
			.path("content")
			.findValuesAsString("detail");
		assertThat(outcomes).hasSize(24);
		assertThat(outcomes.stream().filter(detail -> detail.endsWith("用户名或密码错误")).count())
			.as("passwords checked before the lock").isEqualTo(5);
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").problemCode()).isEqualTo("account-locked");
	}

	@Test
	void a_successful_sign_in_resets_the_failure_count() {
		String username = Fixtures.person(api, "410404", "ENFORCER");
		for (int i = 0; i < 4; i++) {
			api.as(username, "Wrong#2026").get("/api/v1/me");
		}
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);

		for (int i = 0; i < 4; i++) {
			api.as(username, "Wrong#2026").get("/api/v1/me");
		}
		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void an_account_created_by_an_administrator_first_chooses_its_own_password() {
		String username = Fixtures.newAccount(api, "410425");
		Api first = api.as(username, Fixtures.INITIAL_PASSWORD);
		assertThat(first.get("/api/v1/me").json().path("mustChangePassword").asBoolean()).isTrue();

		Reply gated = first.get("/api/v1/liaisons");
		assertThat(gated.status()).isEqualTo(403);
		assertThat(gated.problemCode()).isEqualTo("password-change-required");
		assertThat(first.put("/api/v1/me/password", """
				{"currentPassword": "Wrong#2026", "newPassword": "Zhengque#2026"}""").detail()).isEqualTo("当前密码不正确");
		assertThat(first.put("/api/v1/me/password", """
				{"currentPassword": "%s", "newPassword": "weak"}""".formatted(Fixtures.INITIAL_PASSWORD)).problemCode())
			.isEqualTo("weak-password");

		Reply changed = first.put("/api/v1/me/password", """
				{"currentPassword": "%s", "newPassword": "Zhengque#2026"}""".formatted(Fixtures.INITIAL_PASSWORD));

		assertThat(changed.status()).isEqualTo(204);
		assertThat(first.get("/api/v1/me").status()).as("the initial password no longer works").isEqualTo(401);
		JsonNode me = api.as(username, "Zhengque#2026").get("/api/v1/me").json();
		assertThat(me.path("mustChangePassword").asBoolean()).isFalse();
		assertThat(api.as("auditor", PASSWORD).get("/api/v1/audit/records?action=PASSWORD_CHANGED&size=200").json()
			.path("content").findValuesAsString("objectId")).contains(username);
	}

	@Test
	void failed_sign_ins_are_audited_with_the_name_tried() {
		api.as("nobody.here", "Whatever#1").get("/api/v1/me");

		JsonNode failures = api.as("auditor", PASSWORD).get("/api/v1/audit/records?actor=nobody.here").json();
		assertThat(failures.path("content").get(0).path("action").asString()).isEqualTo("LOGIN_FAILED");
		assertThat(failures.path("content").get(0).path("detail").asString()).isEqualTo("登录失败：用户名或密码错误");
	}
}
