package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** X5: the pages speak Chinese, sign-in works with CSRF protection, navigation follows the role. */
@LiandongIntegrationTest
class WebPagesIT {

	@LocalServerPort
	int port;

	@Test
	void the_login_page_is_chinese() {
		Page login = new PageSession(port).get("/login");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.html()).contains("lang=\"zh-CN\"", "用户名", "密码", "登录");
	}

	@Test
	void pages_require_sign_in() {
		Page home = new PageSession(port).get("/liaisons");

		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).endsWith("/login");
	}

	@Test
	void a_county_enforcer_signs_in_and_reads_the_liaison_roster() {
		PageSession session = new PageSession(port);
		assertThat(session.signIn("xinhua.enforcer", PASSWORD).location()).endsWith("/");

		Page home = session.get("/");
		assertThat(home.html()).contains("王志强", "平顶山市新华区应急管理局", "联络员名录").doesNotContain("机构管理");
		Page roster = session.get("/liaisons?keyword=新华");
		assertThat(roster.html()).contains("信息联络员名录", "孙丽娟", "13903750101");
	}

	@Test
	void signing_in_and_out_through_the_pages_is_audited() {
		PageSession session = new PageSession(port);
		session.signIn("baofeng.liaison", PASSWORD);
		session.get("/");

		Page out = session.post("/logout", Map.of());

		assertThat(out.location()).endsWith("/login?logout");
		JsonNode records = Api.at(port).as("auditor", PASSWORD).get("/api/v1/audit/records?actor=baofeng.liaison&size=5")
			.json()
			.path("content");
		assertThat(records.findValuesAsString("action")).containsSubsequence("LOGOUT", "LOGIN");
		assertThat(records.get(0).path("actorAgency").asString()).isEqualTo("410421");
	}

	@Test
	void a_wrong_password_shows_the_reason_and_keeps_the_username() {
		PageSession session = new PageSession(port);
		assertThat(session.signIn("xinhua.liaison", "not-it").location()).contains("/login?error");

		Page login = session.get("/login?error");
		assertThat(login.html()).contains("用户名或密码错误", "value=\"xinhua.liaison\"");
	}

	@Test
	void a_signed_in_form_post_without_the_csrf_token_is_refused_and_saves_nothing() {
		PageSession session = new PageSession(port);
		session.signIn("sysadmin", PASSWORD);
		String code = Fixtures.unique("csrf");

		Page forged = session.postWithoutCsrf("/admin/agencies", Map.of("code", code, "name", "伪造请求",
				"shortName", "伪造", "kind", "EXTERNAL_DEPARTMENT", "divisionCode", "410400", "parentCode", ""));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(Api.at(port).as("sysadmin", PASSWORD).get("/api/v1/agencies/" + code).status()).isEqualTo(404);
	}

	@Test
	void a_signed_in_form_post_with_the_token_is_accepted() {
		PageSession session = new PageSession(port);
		session.signIn("sysadmin", PASSWORD);
		session.get("/admin/agencies");
		String code = Fixtures.unique("form");

		Page saved = session.post("/admin/agencies", Map.of("code", code, "name", "页面登记的部门", "shortName", "页面部门",
				"kind", "EXTERNAL_DEPARTMENT", "divisionCode", "410400", "parentCode", ""));

		assertThat(saved.location()).endsWith("/admin/agencies");
		assertThat(session.get("/admin/agencies?keyword=" + code).html()).contains("页面登记的部门");
	}

	@Test
	void an_invalid_agency_form_keeps_what_was_typed_and_explains_in_chinese() {
		PageSession session = new PageSession(port);
		session.signIn("sysadmin", PASSWORD);
		session.get("/admin/agencies");

		Page form = session.post("/admin/agencies", Map.of("code", "ok-code", "name", "新登记的部门", "shortName", "",
				"kind", "", "divisionCode", "4104", "parentCode", ""));

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("value=\"新登记的部门\"", "请填写机构简称", "请选择机构类型", "行政区划代码应为 6 位数字");
	}

	@Test
	void a_wrong_uscc_on_the_registration_form_is_explained_at_the_field_and_the_input_kept() {
		PageSession session = new PageSession(port);
		session.signIn("xinhua.enforcer", PASSWORD);
		session.get("/cases/new");

		Page form = session.post("/cases", Map.ofEntries(Map.entry("partyKind", "ENTERPRISE"),
				Map.entry("partyName", "表单测试化工有限公司"), Map.entry("partyUscc", "91350100M000100Y44"),
				Map.entry("partyIdNumber", ""), Map.entry("supervisionLevel", "COUNTY"), Map.entry("divisionCode", "410402"),
				Map.entry("violationType", "无证经营"), Map.entry("severity", "GENERAL"), Map.entry("summary", "现场检查发现"),
				Map.entry("hostAgencyCode", ""), Map.entry("hostOverrideReason", "")));

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("id=\"partyUscc-error\"", "第 18 位应为“3”", "value=\"表单测试化工有限公司\"",
				"现场检查发现", "系统建议主办机构");
	}

	@Test
	void a_new_account_is_led_to_choose_its_password_before_anything_else() {
		String username = Fixtures.newAccount(Api.at(port), "410481");
		PageSession session = new PageSession(port);
		session.signIn(username, Fixtures.INITIAL_PASSWORD);

		Page elsewhere = session.get("/liaisons");
		assertThat(elsewhere.status()).isEqualTo(302);
		assertThat(elsewhere.location()).endsWith("/account/password");
		assertThat(session.get("/account/password").html()).contains("请先设置只有您本人知道的新密码", "由管理员创建的账户首次登录须修改初始密码");

		Page mismatch = session.post("/account/password", Map.of("currentPassword", Fixtures.INITIAL_PASSWORD,
				"newPassword", "Zhengque#2026", "confirmation", "Zhengque#2027"));
		assertThat(mismatch.html()).contains("两次输入的新密码不一致");
		Page changed = session.post("/account/password", Map.of("currentPassword", Fixtures.INITIAL_PASSWORD,
				"newPassword", "Zhengque#2026", "confirmation", "Zhengque#2026"));
		assertThat(changed.location()).endsWith("/login?changed");

		PageSession again = new PageSession(port);
		assertThat(again.signIn(username, "Zhengque#2026").location()).endsWith("/");
		assertThat(again.get("/").status()).isEqualTo(200);
	}

	@Test
	void a_refused_case_edit_keeps_what_was_typed_and_names_who_changed_the_case() {
		long id = Fixtures.enterpriseCase(Api.at(port).as("xinhua.enforcer", PASSWORD), "410402", "COUNTY").path("id")
			.asLong();
		PageSession session = new PageSession(port);
		session.signIn("xinhua.enforcer", PASSWORD);
		session.get("/cases/" + id);
		Api.at(port).as("xinhua.enforcer", PASSWORD).patch("/api/v1/cases/" + id,
				"{\"version\": 0, \"status\": \"INVESTIGATING\"}");

		Page refused = session.post("/cases/" + id, Map.of("version", "0", "status", "REGISTERED", "severity", "GENERAL",
				"violationType", "页面上改过的违法类型", "summary", "页面上写的简介"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("该案件已被 王志强（平顶山市新华区应急管理局）", "value=\"页面上改过的违法类型\"",
				"页面上写的简介", "name=\"version\" value=\"1\"");
	}

	@Test
	void an_enforcer_is_refused_the_administration_pages_in_chinese() {
		PageSession session = new PageSession(port);
		session.signIn("xinhua.enforcer", PASSWORD);

		Page refused = session.get("/admin/users");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.html()).contains("无权操作", "您没有执行此操作的权限");
	}

	/** Sessions are in the database (issue 10): a change of roles finds the person's open session there and ends it. */
	@Test
	void a_change_of_roles_ends_the_persons_open_page_session() {
		Api api = Api.at(port);
		String username = Fixtures.person(api, "410421", "ENFORCER");
		PageSession session = new PageSession(port);
		assertThat(session.signIn(username, Fixtures.NEW_USER_PASSWORD).location()).endsWith("/");
		assertThat(session.get("/").status()).isEqualTo(200);

		Api secadmin = api.as("secadmin", PASSWORD);
		long version = secadmin.get("/api/v1/users/" + username).json().path("version").asLong();
		assertThat(secadmin.put("/api/v1/users/" + username + "/roles",
				"{\"roles\": [\"LIAISON\"], \"version\": %d}".formatted(version)).status()).isEqualTo(200);

		assertThat(session.get("/").location()).contains("/login?expired");
	}

	@Test
	void an_unknown_page_is_a_chinese_404() {
		PageSession session = new PageSession(port);
		session.signIn("xinhua.enforcer", PASSWORD);

		Page missing = session.get("/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.html()).contains("未找到");
	}

	@Test
	void the_api_description_is_published() {
		Page docs = new PageSession(port).get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.html()).contains("/api/v1/me", "/api/v1/agencies", "/api/v1/audit/verification");
	}
}
