package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * R2.5 in a real browser: a county enforcer reports a case as major; the city bureau's legal office
 * designates a lead and an assisting bureau; the designated lead bureau now hosts the case and
 * reports on its task.
 */
class DesignationJourneyIT extends BrowserJourney {

	@Test
	void report_designate_and_report_the_task() {
		JsonNode kase = Fixtures.enterpriseCase(Api.at(port).as("xinhua.enforcer", PASSWORD), "410402", "COUNTY");
		String caseNumber = kase.path("number").asString();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		signIn("xinhua.enforcer", PASSWORD);
		// the home page first: the case page is opened once signed in
		browser.findElement(By.id("inbox-link"));
		open("/cases/" + kase.path("id").asLong());
		// the panel comes in through htmx after the case page has loaded
		click(By.cssSelector("#major-report summary"));
		browser.findElement(By.id("facts"))
			.sendKeys("该企业在新华区、卫东区均设有仓库，涉嫌违法储存危险化学品，涉及两个县区，社会影响较大。");
		Chromium.screenshot(browser, "30-major-report-on-the-case");
		click(By.cssSelector("#major-report-form button[type=submit]"));
		confirm("报告后由市局法制机构指定管辖，确定报告？");

		arriveAt("/major-reports/\\d+");
		assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("待指定管辖");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已报告市局，等待法制机构指定管辖");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(caseNumber, "涉及两个县区");
		signOut();

		signIn("city.legal", PASSWORD);
		browser.findElement(By.linkText("重大案件")).click();
		new Select(browser.findElement(By.id("state"))).selectByVisibleText("待指定管辖");
		click(By.cssSelector("#major-filter button[type=submit]"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("state=PENDING"));
		assertThat(browser.findElement(By.xpath("//table[@id='major-list']//tr[contains(., '" + caseNumber + "')]")).getText())
			.contains("平顶山市新华区应急管理局", "王志强", "待指定管辖");
		Chromium.screenshot(browser, "31-major-report-queue");
		click(By.linkText(caseNumber));

		arriveAt("/major-reports/\\d+");
		new Select(browser.findElement(By.id("party-0"))).selectByVisibleText("平顶山市卫东区应急管理局");
		new Select(browser.findElement(By.id("role-0"))).selectByVisibleText("主办");
		date(By.id("due-0"), today.plusDays(20));
		browser.findElement(By.id("task-0")).sendKeys("牵头调查处理，查清两处仓库储存危险化学品的情况");
		new Select(browser.findElement(By.id("party-1"))).selectByVisibleText("平顶山市新华区应急管理局");
		new Select(browser.findElement(By.id("role-1"))).selectByVisibleText("协办");
		date(By.id("due-1"), today.plusDays(15));
		browser.findElement(By.id("task-1")).sendKeys("移交已取得的证据材料，配合调查新华区仓库");
		browser.findElement(By.id("instructions")).sendKeys("请卫东区应急管理局依法查处，新华区应急管理局予以配合，按期报告办理情况。");
		assertThat(browser.findElement(By.id("party-0")).getAttribute("value")).isEqualTo("410403");
		assertThat(browser.findElement(By.id("role-0")).getAttribute("value")).isEqualTo("LEAD");
		assertThat(browser.findElement(By.id("party-1")).getAttribute("value")).isEqualTo("410402");
		assertThat(browser.findElement(By.id("role-1")).getAttribute("value")).isEqualTo("ASSISTING");
		scrollTo(By.id("designation-form"));
		Chromium.screenshot(browser, "32-designation-form");
		click(By.id("designate"));
		confirm("指定管辖后将印发通知并通知各单位，确定？");

		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.id("report-state"), "已指定管辖"));
		String number = browser.findElement(By.id("designation-number")).getText();
		assertThat(number).matches("平应急指〔" + today.getYear() + "〕\\d+号");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已指定管辖，通知文号 " + number);
		assertThat(browser.findElement(By.cssSelector("#tasks tbody tr:nth-child(1)")).getText())
			.contains("平顶山市卫东区应急管理局", "主办", "牵头调查处理", "未报告");
		assertThat(browser.findElement(By.cssSelector("#tasks tbody tr:nth-child(2)")).getText())
			.contains("平顶山市新华区应急管理局", "协办", "移交已取得的证据材料", "未报告");
		assertThat(absent(By.id("designation-form"))).as("a designated report is decided").isTrue();
		scrollTo(By.id("designation"));
		Chromium.screenshot(browser, "33-designation-done");

		click(By.id("designation-number"));
		arriveAt("/documents/\\d+");
		assertThat(browser.findElement(By.id("document-number")).getText()).isEqualTo(number);
		assertThat(browser.findElement(By.id("document-title")).getText()).isEqualTo("关于指定" + caseNumber + "管辖的通知");
		assertThat(browser.findElement(By.id("letter")).getText()).contains("平顶山市卫东区应急管理局", "平顶山市新华区应急管理局");
		Chromium.screenshot(browser, "34-designation-notice");
		signOut();

		signIn("weidong.enforcer", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			browser.findElement(By.id("inbox-link")).click();
			return browser.findElement(By.id("inbox-list")).getText().contains("指定本单位主办案件 " + caseNumber);
		});
		click(By.xpath("//div[@id='inbox-list']/div[contains(., '指定本单位主办案件 " + caseNumber + "')]//button[text()='查看']"));
		arriveAt("/major-reports/\\d+");
		String reportUrl = browser.getCurrentUrl();

		click(By.linkText(caseNumber));
		arriveAt("/cases/\\d+");
		assertThat(browser.findElement(By.id("host-agency")).getText()).isEqualTo("平顶山市卫东区应急管理局");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("指定管辖（" + number + "）");
		Chromium.screenshot(browser, "35-designated-case-at-the-lead-bureau");

		browser.get(reportUrl);
		assertThat(browser.findElement(By.cssSelector("#task-report-form label")).getText())
			.isEqualTo("任务：牵头调查处理，查清两处仓库储存危险化学品的情况");
		browser.findElement(By.id("task-report")).sendKeys("已立案调查，已对两处仓库现场检查并取证。");
		click(By.cssSelector("#task-report-form button[type=submit]"));
		confirm("报告后不能修改，确定报告本单位任务办理情况？");
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已报告办理情况"));
		assertThat(browser.findElement(By.cssSelector("#tasks tbody tr:nth-child(1)")).getText())
			.contains("已立案调查，已对两处仓库现场检查并取证。", "李明轩（平顶山市卫东区应急管理局）");
		assertThat(absent(By.id("task-report-form"))).as("a task is reported once").isTrue();
		scrollTo(By.id("designation"));
		Chromium.screenshot(browser, "36-designated-task-reported");
	}

	/** Sets a date input's value the way the date picker does: Chromium's typed date format follows the locale. */
	private void date(By locator, LocalDate day) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(locator),
				day.toString());
	}

}
