package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * R2.1-R2.3 in a real browser: a county enforcer registers a case with the proposed host and
 * notifies a neighbouring bureau; that bureau's liaison finds it in the inbox and opens it; the
 * enforcer sees who read it.
 */
class CaseNotificationJourneyIT extends BrowserJourney {

	@Test
	void register_notify_and_read() {
		String party = Fixtures.unique("平顶山旅程测试化工有限公司");
		signIn("xinhua.enforcer", PASSWORD);
		browser.findElement(By.linkText("案件")).click();
		browser.findElement(By.id("new-case")).click();

		browser.findElement(By.id("partyName")).sendKeys(party);
		browser.findElement(By.id("partyUscc")).sendKeys(Fixtures.uscc("410402"));
		browser.findElement(By.id("violationType")).sendKeys("未按规定开展安全教育培训");
		browser.findElement(By.id("summary")).sendKeys("日常检查中发现该企业未对新入职人员开展安全培训。");
		new Select(browser.findElement(By.id("divisionCode"))).selectByValue("410402");
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.id("host-proposal"), "系统建议主办机构：平顶山市新华区应急管理局"));
		Chromium.screenshot(browser, "10-case-registration");
		click(By.id("register-case"));

		assertThat(browser.findElement(By.id("case-number")).getText()).startsWith("新华区应急局案〔");
		assertThat(browser.findElement(By.id("host-agency")).getText()).isEqualTo("平顶山市新华区应急管理局");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("立案登记", "依属地原则由平顶山市新华区应急管理局主办");
		String caseUrl = browser.getCurrentUrl();

		// nobody chosen: the browser holds the form back with the reason, before any confirmation is asked
		click(By.id("notify-submit"));
		assertThat(browser.findElement(By.cssSelector("#recipientCodes input[type=checkbox]")).getAttribute("validationMessage"))
			.isEqualTo("请至少选择一个单位");
		browser.findElement(By.id("recipientCodes-filter")).sendKeys("卫东");
		click(By.xpath("//fieldset[@id='recipientCodes']//label[.='平顶山市卫东区应急管理局']"));
		browser.findElement(By.id("message")).sendKeys("该企业在卫东区另有仓库，请关注。");
		click(By.id("notify-submit"));
		confirm("通报发出后对方单位即收到，不能撤回，确定发出？");
		// the registration's notice is on the page until the browser has the next one
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已发出通报"));
		Chromium.screenshot(browser, "11-case-notified");
		signOut();

		signIn("weidong.liaison", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			browser.navigate().refresh();
			return browser.findElement(By.id("unread-count")).isDisplayed();
		});
		clickToNextPage(By.id("inbox-link"));
		assertThat(browser.findElement(By.id("inbox-list")).getText()).contains("【案件通报】平顶山市新华区应急管理局通报案件",
				party, "附言：该企业在卫东区另有仓库，请关注。");
		Chromium.screenshot(browser, "12-inbox-of-the-notified-bureau");
		clickToNextPage(By.cssSelector("#inbox-list button.btn-outline-danger"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("本单位收到了该案件的通报", party);
		Chromium.screenshot(browser, "13-notified-case-summary");
		signOut();

		signIn("xinhua.enforcer", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			browser.get(caseUrl);
			return browser.findElement(By.cssSelector("#notifications .notification-read")).getText().contains("马文静");
		});
		Chromium.screenshot(browser, "14-notification-read-by");
	}
}
