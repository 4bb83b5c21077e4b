package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liandong.support.Chromium;
import org.liandong.support.LiandongIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R1.4 in a real browser: a county enforcer signs in and finds a neighbouring bureau's liaison. */
@Tag("browser")
@LiandongIntegrationTest
class LiaisonRosterJourneyIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void open() {
		browser = Chromium.start();
	}

	@AfterEach
	void close() {
		browser.quit();
	}

	@Test
	void a_county_enforcer_signs_in_and_finds_a_neighbouring_liaison() {
		browser.get("http://localhost:" + port + "/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.getTitle()).isEqualTo("登录 · 联动");
		Chromium.screenshot(browser, "01-login");

		signIn("xinhua.enforcer", PASSWORD);
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("王志强");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("平顶山市新华区应急管理局", "410402");
		Chromium.screenshot(browser, "02-home-enforcer");

		browser.findElement(By.linkText("联络员名录")).click();
		List<String> agencies = column("#liaison-roster", 1);
		assertThat(agencies).contains("平顶山市新华区应急管理局", "汝州市应急管理局");
		Chromium.screenshot(browser, "03-liaison-roster");

		WebElement keyword = browser.findElement(By.id("keyword"));
		keyword.sendKeys("卫东");
		keyword.submit();
		assertThat(column("#liaison-roster", 2)).containsExactly("马文静");
		assertThat(browser.findElement(By.id("keyword")).getAttribute("value")).isEqualTo("卫东");
	}

	@Test
	void a_wrong_password_is_explained_in_chinese() {
		browser.get("http://localhost:" + port + "/login");

		signIn("weidong.liaison", "not-the-password");

		assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误");
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("weidong.liaison");
		Chromium.screenshot(browser, "04-login-failed");
	}

	private void signIn(String username, String password) {
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
	}

	private List<String> column(String table, int index) {
		return browser.findElements(By.cssSelector(table + " tbody tr td:nth-child(" + index + ")"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}
}
