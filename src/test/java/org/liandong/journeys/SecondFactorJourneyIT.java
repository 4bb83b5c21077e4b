package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.NEW_USER_PASSWORD;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.liandong.support.SecondFactor;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12 (L3-CES1-04) in a real browser: a county enforcer binds an authenticator by QR code,
 * keeps the recovery codes, and from then on signs in with password and one-time password.
 */
class SecondFactorJourneyIT extends BrowserJourney {

	@Test
	void an_enforcer_binds_an_authenticator_and_signs_in_with_its_code() {
		String username = Fixtures.person(Api.at(port), "410421", "ENFORCER");
		signIn(username, NEW_USER_PASSWORD);
		click(By.linkText("动态口令"));
		assertThat(browser.findElement(By.id("two-factor-status")).getText()).contains("未绑定", "自愿使用");
		click(By.id("enrol-link"));
		assertThat(browser.findElement(By.id("enrolment-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
		Chromium.screenshot(browser, "two-factor-01-enrol");

		String secret = browser.findElement(By.id("enrolment-secret")).getText().replace(" ", "");
		browser.findElement(By.id("code")).sendKeys(SecondFactor.code(secret));
		click(By.id("enrol-submit"));
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		Chromium.screenshot(browser, "two-factor-02-recovery-codes");
		click(By.id("codes-done"));
		signOut();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/login?logout"));

		signIn(username, NEW_USER_PASSWORD);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> driver.getCurrentUrl().endsWith("/login/two-factor"));
		Chromium.screenshot(browser, "two-factor-03-second-step");
		secondStep("000000".equals(SecondFactor.code(secret)) ? "111111" : "000000");
		assertThat(browser.findElement(By.id("two-factor-error")).getText()).contains("动态口令错误");
		secondStep(SecondFactor.codeAt(secret, Instant.now().plusSeconds(30)));
		assertThat(browser.getCurrentUrl()).doesNotContain("/login");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("测试人员");
	}
}
