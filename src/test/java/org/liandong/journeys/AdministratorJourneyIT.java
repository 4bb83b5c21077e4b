package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.NEW_USER_PASSWORD;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.liandong.support.PageSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11: a day of each of the three administrators (R1.3, X1) in a real browser, signing in with
 * password and one-time password. The system administrator registers an agency and creates an
 * account in it; the security administrator unlocks an account locked by wrong passwords, grants it
 * a role and sets which roles must use a second factor; the audit administrator reads the audit
 * trail, filters it and verifies its hash chain.
 */
class AdministratorJourneyIT extends BrowserJourney {

	@Test
	void the_system_administrator_registers_an_agency_and_creates_an_account() {
		String suffix = UUID.randomUUID().toString().replaceAll("[^a-z]", "").concat("abcdef").substring(0, 6);
		String agencyName = "平顶山市交通运输局" + suffix;
		signIn("sysadmin", PASSWORD);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("机构管理", "用户管理");
		Chromium.screenshot(browser, "100-system-admin-home");

		click(By.linkText("机构管理"));
		browser.findElement(By.id("a-code")).sendKeys("410400.jt" + suffix);
		browser.findElement(By.id("a-name")).sendKeys(agencyName);
		browser.findElement(By.id("a-short")).sendKeys("市交通局");
		new Select(browser.findElement(By.id("a-kind"))).selectByVisibleText("其他部门");
		browser.findElement(By.id("a-division")).sendKeys("410400");
		Chromium.screenshot(browser, "101-system-admin-agency-form");
		click(By.cssSelector("#agency-form button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已登记机构“" + agencyName + "”");

		click(By.linkText("用户管理"));
		String username = "jt." + suffix;
		browser.findElement(By.id("u-username")).sendKeys(username);
		browser.findElement(By.id("u-name")).sendKeys("赵建国");
		new Select(browser.findElement(By.id("u-agency"))).selectByVisibleText(agencyName);
		browser.findElement(By.id("u-password")).sendKeys("123456");
		browser.findElement(By.id("u-mobile")).sendKeys("13937512345");
		click(By.cssSelector("#user-form button[type=submit]"));
		// the refusal says why in Chinese and keeps what was typed
		assertThat(browser.findElement(By.cssSelector("#user-form .alert-danger")).getText()).contains("密码");
		assertThat(browser.findElement(By.id("u-username")).getAttribute("value")).isEqualTo(username);
		assertThat(new Select(browser.findElement(By.id("u-agency"))).getFirstSelectedOption().getText()).isEqualTo(agencyName);
		scrollTo(By.id("user-form"));
		Chromium.screenshot(browser, "102-system-admin-account-refused");

		browser.findElement(By.id("u-password")).clear();
		browser.findElement(By.id("u-password")).sendKeys(Fixtures.INITIAL_PASSWORD);
		click(By.cssSelector("#user-form button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains(username);
		WebElement keyword = browser.findElement(By.id("keyword"));
		keyword.sendKeys(username);
		submit(keyword);
		assertThat(browser.findElement(By.id("user-list")).getText()).contains(username, "赵建国", agencyName, "未授予");
		Chromium.screenshot(browser, "103-system-admin-account-created");
	}

	/**
	 * Issue 20: another system registered as an integration client on the page, its secret shown once
	 * and good for a token, then revoked after the confirmation.
	 */
	@Test
	void the_system_administrator_registers_an_integration_client_and_revokes_it() {
		String name = "省信用信息共享平台" + UUID.randomUUID().toString().substring(0, 6);
		signIn("sysadmin", PASSWORD);
		click(By.linkText("接入客户端"));
		browser.findElement(By.id("c-name")).sendKeys(name);
		new Select(browser.findElement(By.id("c-agency"))).selectByValue("410400");
		click(By.xpath("//label[span[text()='核查严重失信主体名单']]"));
		click(By.xpath("//label[span[text()='核验公文真伪']]"));
		Chromium.screenshot(browser, "104-system-admin-integration-client-form");
		click(By.id("client-submit"));

		assertThat(browser.findElement(By.id("secret-warning")).getText()).contains("客户端密钥只显示这一次");
		String clientId = browser.findElement(By.id("client-id")).getText();
		String secret = browser.findElement(By.id("client-secret")).getText();
		Chromium.screenshot(browser, "105-system-admin-integration-client-secret");
		Api.Reply token = Api.at(port).as(clientId, secret).callRaw("POST", "/oauth2/token",
				"application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
		assertThat(token.status()).as(token.body()).isEqualTo(200);

		click(By.id("back-to-clients"));
		WebElement row = browser.findElement(By.xpath("//tr[.//code[text()='" + clientId + "']]"));
		assertThat(row.getText()).contains(name, "核查严重失信主体名单", "核验公文真伪", "有效").doesNotContain("尚未签发");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(secret);
		click(By.xpath("//tr[.//code[text()='" + clientId + "']]//button[text()='吊销']"));
		confirm("吊销接入客户端“" + name + "”：不再签发令牌，已签发的令牌立即失效，且不能恢复。确定吊销？");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).startsWith("已吊销接入客户端“" + name + "”");
		assertThat(browser.findElement(By.xpath("//tr[.//code[text()='" + clientId + "']]")).getText()).contains("已吊销");
		Chromium.screenshot(browser, "106-system-admin-integration-client-revoked");
	}

	/** Issue 19: the re-encryption after a key rotation, confirmed, its page polling the progress to the end. */
	@Test
	void the_system_administrator_re_encrypts_the_sealed_fields_and_watches_the_progress() {
		signIn("sysadmin", PASSWORD);
		click(By.linkText("字段重加密"));
		Chromium.screenshot(browser, "107-system-admin-re-encryption");
		click(By.id("re-encryption-button"));
		confirm("以当前主密钥重写全部尚未使用当前主密钥的加密字段，在后台运行，确定发起？");
		arriveAt("/admin/re-encryptions/\\d+");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.textMatches(By.id("re-encryption-state"), Pattern.compile("^重加密完成.*")));
		// the demo's values are all under the demo key already: nothing to rewrite, nothing unreadable
		assertThat(browser.findElement(By.id("re-encryption-result")).getText()).contains("100%", "无法解密 0 个",
				"全部加密字段均已使用当前主密钥");
		Chromium.screenshot(browser, "108-system-admin-re-encryption-done");
	}

	@Test
	void the_security_administrator_unlocks_an_account_grants_a_role_and_sets_the_second_factor_policy() {
		String username = Fixtures.person(Api.at(port), "410421", "ENFORCER");
		PageSession forgetful = new PageSession(port);
		for (int attempt = 0; attempt < 5; attempt++) {
			forgetful.signInWithPasswordOnly(username, "Wrong#2026");
		}

		signIn("secadmin", PASSWORD);
		click(By.linkText("角色与锁定"));
		WebElement keyword = browser.findElement(By.id("keyword"));
		keyword.sendKeys(username);
		submit(keyword);
		assertThat(browser.findElement(By.id("security-list")).getText()).contains(username, "锁定至");
		Chromium.screenshot(browser, "110-security-admin-locked-account");

		click(By.linkText("管理"));
		Chromium.screenshot(browser, "111-security-admin-account");
		click(By.xpath("//button[text()='解除锁定']"));
		confirm("确认解除该账户的登录锁定？此操作将记入审计日志。");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已解除 " + username + " 的登录锁定");

		click(By.id("role-LIAISON"));
		click(By.xpath("//button[text()='保存角色']"));
		confirm("确认修改该账户的角色？权限变更将记入审计日志。");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已更新 " + username + " 的角色");
		assertThat(browser.findElement(By.id("role-LIAISON")).isSelected()).isTrue();
		Chromium.screenshot(browser, "112-security-admin-unlocked-and-granted");

		// the person signs in again with the right password
		assertThat(new PageSession(port).signInWithPasswordOnly(username, NEW_USER_PASSWORD).location()).doesNotContain("error");

		click(By.linkText("动态口令管理"));
		click(By.id("policy-LEGAL_OFFICER"));
		click(By.id("policy-submit"));
		confirm("保存动态口令策略，确定？");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已更新动态口令策略，自相关人员下次登录起生效");
		assertThat(browser.findElement(By.id("policy-LEGAL_OFFICER")).isSelected()).isTrue();
		Chromium.screenshot(browser, "113-security-admin-two-factor-policy");

		// the demo's legal officer signs in with the password alone in the other journeys: the policy is put back
		click(By.id("policy-LEGAL_OFFICER"));
		click(By.id("policy-submit"));
		confirm("保存动态口令策略，确定？");
		assertThat(browser.findElement(By.id("policy-LEGAL_OFFICER")).isSelected()).isFalse();
	}

	@Test
	void the_audit_administrator_reads_filters_and_verifies_the_audit_trail() {
		String username = Fixtures.person(Api.at(port), "410422", "LIAISON");
		new PageSession(port).signInWithPasswordOnly(username, "Wrong#2026");

		signIn("auditor", PASSWORD);
		click(By.linkText("审计记录"));
		assertThat(browser.findElements(By.cssSelector("#audit-list tbody tr"))).isNotEmpty();
		Chromium.screenshot(browser, "120-audit-admin-trail");

		browser.findElement(By.id("actor")).sendKeys(username);
		new Select(browser.findElement(By.id("action"))).selectByVisibleText("登录失败");
		WebElement unfiltered = browser.findElement(By.id("audit-list"));
		click(By.cssSelector("form[role=search] button[type=submit]"));
		// the rows are read from the filtered page, not from the one still shown while it loads
		replaced(unfiltered);
		assertThat(browser.findElements(By.cssSelector("#audit-list tbody tr"))).hasSize(1);
		assertThat(browser.findElement(By.id("audit-list")).getText()).contains("登录失败", username);
		assertThat(browser.findElement(By.id("actor")).getAttribute("value")).isEqualTo(username);
		Chromium.screenshot(browser, "121-audit-admin-filtered");

		// issue 19: the head signed now, then a verification in the background, its page polling the progress
		click(By.id("checkpoint-button"));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).startsWith("链头已签署");
		assertThat(browser.findElement(By.id("chain-status")).getText()).contains("最新检查点", "审计签名公钥");
		click(By.id("verify-full"));
		click(By.id("verify-button"));
		arriveAt("/audit/verifications/\\d+");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.textMatches(By.id("verification-state"), Pattern.compile("^校验完成.*")));
		assertThat(browser.findElement(By.id("verification-result")).getText()).contains("100%", "审计记录完整",
				"哈希链未发现断裂");
		Chromium.screenshot(browser, "122-audit-admin-chain-verified");
	}
}
