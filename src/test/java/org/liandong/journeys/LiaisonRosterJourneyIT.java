package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** R1.4 in a real browser: a county enforcer signs in and finds a neighbouring bureau's liaison. */
class LiaisonRosterJourneyIT extends BrowserJourney {

	@Test
	void a_county_enforcer_signs_in_and_finds_a_neighbouring_liaison() {
		open("/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.getTitle()).isEqualTo("登录 · 联动");
		Chromium.screenshot(browser, "01-login");

		signIn("xinhua.enforcer", PASSWORD);
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("王志强");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("平顶山市新华区应急管理局", "410402");
		Chromium.screenshot(browser, "02-home-enforcer");

		clickToNextPage(By.linkText("联络员名录"));
		assertThat(column("#liaison-roster", 1)).contains("平顶山市新华区应急管理局", "汝州市应急管理局");
		Chromium.screenshot(browser, "03-liaison-roster");

		WebElement keyword = browser.findElement(By.id("keyword"));
		keyword.sendKeys("卫东");
		submit(keyword);
		assertThat(column("#liaison-roster", 2)).containsExactly("马文静");
		assertThat(browser.findElement(By.id("keyword")).getAttribute("value")).isEqualTo("卫东");
	}

	@Test
	void a_wrong_password_is_explained_in_chinese() {
		signIn("weidong.liaison", "not-the-password");

		assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误");
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("weidong.liaison");
		Chromium.screenshot(browser, "04-login-failed");
	}

	private List<String> column(String table, int index) {
		return browser.findElements(By.cssSelector(table + " tbody tr td:nth-child(" + index + ")"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}
}
