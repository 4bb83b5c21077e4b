package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R6.1 in a real browser: the city bureau sets a monthly report; a county liaison reports after the
 * due time, the row says so, and the city bureau sees the bureau's timeliness fall to nought in the
 * table and the chart.
 */
class ReportTimelinessJourneyIT extends BrowserJourney {

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_late_report_lowers_the_bureau_timeliness() {
		String title = "月度执法统计" + Fixtures.unique("-");
		Reply defined = Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/reports/schedules",
				"{\"title\": \"%s\", \"frequency\": \"MONTHLY\", \"dueDay\": 5}".formatted(title));
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);
		long scheduleId = defined.json().path("id").asLong();
		long obligationId = Api.at(port).as("weidong.liaison", PASSWORD)
			.get("/api/v1/reports/obligations?scheduleId=" + scheduleId).json().path("content").get(0).path("id").asLong();
		// the period's due time passes without a report
		jdbc.sql("update report_obligation set due_at = ? where id = ?").params(OffsetDateTime.now().minusHours(1),
				obligationId).update();

		signIn("weidong.liaison", PASSWORD);
		click(By.id("sharing-menu"));
		click(By.linkText("定期报送"));
		arriveAt("/reports");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("定期报送");
		new Select(browser.findElement(By.id("scheduleId"))).selectByVisibleText(title + "（月报，次月 5 日前报送）");
		click(By.xpath("//form[@role='search']//button[text()='筛选']"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("scheduleId=" + scheduleId));
		assertThat(obligation(obligationId).getText()).contains(title, "平顶山市卫东区应急管理局", "逾期未报", "已逾期");
		assertThat(obligation(obligationId).getAttribute("class")).contains("table-danger");
		click(By.xpath(row(obligationId) + "//details/summary"));
		WebElement reportTitle = browser.findElement(By.id("title-" + obligationId));
		assertThat(reportTitle.getAttribute("value")).as("the title is proposed").startsWith(title + "（");
		reportTitle.clear();
		reportTitle.sendKeys(title + "（卫东区）");
		browser.findElement(By.id("body-" + obligationId)).sendKeys("本月检查企业 52 家，立案 6 件，罚款 31.5 万元。");
		click(By.xpath(row(obligationId) + "//form//button[@type='submit']"));

		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), "已报送"));
		assertThat(obligation(obligationId).getText()).contains("逾期报送").doesNotContain("逾期未报");
		assertThat(obligation(obligationId).findElement(By.tagName("summary")).getText()).isEqualTo("报送修订稿");
		scrollTo(By.xpath(row(obligationId)));
		Chromium.screenshot(browser, "70-report-submitted-late");
		signOut();

		signIn("city.detachment", PASSWORD);
		// the home page first: the report page is opened once signed in
		browser.findElement(By.id("inbox-link"));
		open("/reports?scheduleId=" + scheduleId);
		WebElement weidong = browser.findElement(By.cssSelector("#timeliness-table tr[data-agency='410403']"));
		assertThat(weidong.findElement(By.cssSelector("td:first-child")).getText()).isEqualTo("平顶山市卫东区应急管理局");
		assertThat(weidong.findElement(By.cssSelector(".timeliness-percent")).getText()).isEqualTo("0%");
		assertThat(weidong.findElements(By.tagName("td")).stream().map(WebElement::getText))
			.as("the bureau, expected, received, on time, completeness, timeliness")
			.containsExactly("平顶山市卫东区应急管理局", "1", "1", "0", "100%", "0%");
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeliness-chart canvas")));
		WebElement canvas = browser.findElement(By.cssSelector("#timeliness-chart canvas"));
		assertThat(canvas.getSize().getWidth()).as("the chart is drawn across the card").isGreaterThan(300);
		assertThat(canvas.getSize().getHeight()).isGreaterThan(200);
		chartDrawn("timeliness-chart");
		scrollTo(By.id("timeliness"));
		Chromium.screenshot(browser, "71-report-timeliness-table-and-chart");
	}


	/** The XPath of an obligation's row in the list. */
	private static String row(long obligationId) {
		return "//table[@id='obligation-list']//tr[.//input[@name='obligationId' and @value='" + obligationId + "']]";
	}

	private WebElement obligation(long obligationId) {
		return browser.findElement(By.xpath(row(obligationId)));
	}

}
