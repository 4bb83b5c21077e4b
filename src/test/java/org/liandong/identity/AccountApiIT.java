package org.liandong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.NEW_USER_PASSWORD;
import static org.liandong.support.Fixtures.PASSWORD;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** R1.3, R1.4: accounts by the system administrator, roles by the security administrator, the roster for all bureaus. */
@LiandongIntegrationTest
class AccountApiIT {

	@LocalServerPort
	int port;

	Api api;

	Api sysadmin;

	Api secadmin;

	@BeforeEach
	void connect() {
		api = Api.at(port);
		sysadmin = api.as("sysadmin", PASSWORD);
		secadmin = api.as("secadmin", PASSWORD);
	}

	@Test
	void a_new_account_has_no_role_a_masked_mobile_and_must_change_its_password() {
		String username = Fixtures.newAccount(api, "410421");

		JsonNode account = secadmin.get("/api/v1/users/" + username).json();
		assertThat(account.path("agencyName").asString()).isEqualTo("宝丰县应急管理局");
		assertThat(account.path("roles").size()).isZero();
		assertThat(account.path("maskedMobile").asString()).isEqualTo("138****1234");
		assertThat(account.path("mustChangePassword").asBoolean()).isTrue();
	}

	@Test
	void the_security_administrator_grants_roles_and_the_change_is_audited() {
		String username = Fixtures.person(api, "410422", "ENFORCER", "LIAISON");

		assertThat(api.as(username, NEW_USER_PASSWORD).get("/api/v1/me").json().path("roles").findValuesAsString("code"))
			.containsExactlyInAnyOrder("ENFORCER", "LIAISON");
		JsonNode audit = api.as("auditor", PASSWORD).get("/api/v1/audit/records?action=ROLES_CHANGED&size=200").json();
		assertThat(audit.path("content").findValuesAsString("objectId")).contains(username);
	}

	@Test
	void a_duplicate_username_is_refused() {
		Reply refused = sysadmin.post("/api/v1/users", """
				{"username": "xinhua.enforcer", "displayName": "重名", "agencyCode": "410402", "initialPassword": "Qiyong#2026"}""");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemCode()).isEqualTo("duplicate-username");
		assertThat(refused.detail()).isEqualTo("用户名 xinhua.enforcer 已被使用，请换一个用户名");
	}

	@Test
	void a_weak_initial_password_is_refused_and_no_account_is_created() {
		String username = Fixtures.unique("weak.");
		Reply refused = sysadmin.post("/api/v1/users", """
				{"username": "%s", "displayName": "弱密码", "agencyCode": "410402", "initialPassword": "12345678"}"""
			.formatted(username));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("weak-password");
		assertThat(secadmin.get("/api/v1/users/" + username).status()).isEqualTo(404);
	}

	@Test
	void an_unknown_agency_is_refused() {
		Reply refused = sysadmin.post("/api/v1/users", """
				{"username": "%s", "displayName": "无机构", "agencyCode": "999999", "initialPassword": "Qiyong#2026"}"""
			.formatted(Fixtures.unique("none.")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.detail()).isEqualTo("所属机构 999999 不存在");
	}

	@Test
	void no_account_may_hold_two_administrator_duties() {
		String username = Fixtures.person(api, "410400");

		long version = secadmin.get("/api/v1/users/" + username).json().path("version").asLong();
		Reply refused = secadmin.put("/api/v1/users/" + username + "/roles",
				"{\"roles\": [\"SECURITY_ADMIN\", \"AUDIT_ADMIN\"], \"version\": %d}".formatted(version));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("separation-of-duties");
		assertThat(secadmin.get("/api/v1/users/" + username).json().path("roles").size()).isZero();
	}

	@Test
	void each_administrator_does_only_their_own_work() {
		String username = Fixtures.person(api, "410402");

		assertThat(sysadmin.put("/api/v1/users/" + username + "/roles", "{\"roles\": [\"ENFORCER\"]}").status())
			.isEqualTo(403);
		assertThat(secadmin.post("/api/v1/users", """
				{"username": "%s", "displayName": "越权", "agencyCode": "410402", "initialPassword": "Qiyong#2026"}"""
			.formatted(Fixtures.unique("x."))).status()).isEqualTo(403);
		assertThat(api.as("auditor", PASSWORD).get("/api/v1/users").status()).isEqualTo(403);
		assertThat(sysadmin.get("/api/v1/audit/records").status()).isEqualTo(403);
	}

	@Test
	void a_role_change_without_the_version_seen_or_with_an_empty_role_is_refused() {
		String username = Fixtures.person(api, "410411");

		Reply withoutVersion = secadmin.put("/api/v1/users/" + username + "/roles", "{\"roles\": [\"ENFORCER\"]}");
		Reply nullRole = secadmin.put("/api/v1/users/" + username + "/roles", "{\"roles\": [null], \"version\": 0}");

		assertThat(withoutVersion.status()).isEqualTo(400);
		assertThat(withoutVersion.detail()).isEqualTo("请提供账户的版本号（version），以免覆盖他人的修改");
		assertThat(nullRole.status()).isEqualTo(400);
		assertThat(secadmin.get("/api/v1/users/" + username).json().path("roles").size()).isZero();
	}

	@Test
	void a_stale_role_edit_is_refused() {
		String username = Fixtures.person(api, "410411");
		long seen = secadmin.get("/api/v1/users/" + username).json().path("version").asLong();
		secadmin.put("/api/v1/users/" + username + "/roles", "{\"roles\": [\"ENFORCER\"], \"version\": %d}".formatted(seen));

		Reply stale = secadmin.put("/api/v1/users/" + username + "/roles",
				"{\"roles\": [\"LIAISON\"], \"version\": %d}".formatted(seen));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.problemCode()).isEqualTo("stale-edit");
	}

	@Test
	void every_bureau_sees_the_liaison_roster_with_contact_details() {
		JsonNode roster = api.as("ruzhou.enforcer", PASSWORD).get("/api/v1/liaisons?size=100").json();

		assertThat(roster.path("content").findValuesAsString("agencyName")).contains("平顶山市新华区应急管理局",
				"汝州市应急管理局", "平顶山市应急管理综合行政执法支队");
		JsonNode xinhua = roster.path("content").valueStream()
			.filter(entry -> entry.path("agencyCode").asString().equals("410402"))
			.findFirst()
			.orElseThrow();
		assertThat(xinhua.path("displayName").asString()).isEqualTo("孙丽娟");
		assertThat(xinhua.path("mobile").asString()).isEqualTo("13903750101");
	}

	@Test
	void administrators_do_not_read_the_business_roster() {
		assertThat(sysadmin.get("/api/v1/liaisons").status()).isEqualTo(403);
		assertThat(api.as("auditor", PASSWORD).get("/api/v1/liaisons").status()).isEqualTo(403);
	}
}
