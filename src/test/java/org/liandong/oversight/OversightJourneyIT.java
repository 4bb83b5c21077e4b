package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * R8.1, R2.6 and R7.2 in a real browser: the city bureau records a supervision inspection with its
 * checklist and a rectification item, the inspected bureau reports the rectification; the city
 * bureau plans a mutual inspection campaign and confirms it; it opens an accountability record on a
 * conduct record of the ledger and decides it with measures and a deduction.
 */
class OversightJourneyIT extends BrowserJourney {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	JdbcClient jdbc;

	@Test
	void inspect_rectify_plan_a_campaign_and_hold_a_bureau_to_account() {
		supervisionInspection();
		campaign();
		accountability();
	}

	private void supervisionInspection() {
		signIn("city.leader", PASSWORD);
		open("/oversight/inspections");
		click(By.id("new-inspection"));
		arriveAt("/oversight/inspections/new");
		new Select(browser.findElement(By.id("inspectedAgencyCode"))).selectByVisibleText("平顶山市新华区应急管理局");
		browser.findElement(By.id("inspectors")).sendKeys("吴建国、周执远");
		List<String> scores = List.of("26.5", "18", "14", "15", "9");
		for (int i = 0; i < scores.size(); i++) {
			browser.findElement(By.id("checklist" + i + ".score")).sendKeys(scores.get(i));
		}
		browser.findElement(By.id("findings")).sendKeys("抽查案卷 12 卷，2 卷调查取证不完整；协查请求均按期答复。");
		browser.findElement(By.id("rectifications0.item")).sendKeys("补正 2 卷案卷的调查取证材料");
		value(By.id("rectifications0.dueOn"), TODAY.plusDays(15).toString());
		// the refused form comes back as a new page: wait for it, so nothing is read from the one submitted
		WebElement submitted = browser.findElement(By.id("record-inspection"));
		click(By.id("record-inspection"));
		replaced(submitted);

		// one score was left out: the form comes back with the refusal at that row, the rest as typed
		WebElement missing = browser.findElement(By.id("checklist5.score"));
		assertThat(missing.getAttribute("class")).contains("is-invalid");
		assertThat(browser.findElement(By.xpath("//input[@id='checklist5.score']/following-sibling::div")).getText())
			.isEqualTo("请填写得分");
		assertThat(browser.findElement(By.id("checklist0.score")).getAttribute("value")).isEqualTo("26.5");
		assertThat(browser.findElement(By.id("rectifications0.dueOn")).getAttribute("value"))
			.isEqualTo(TODAY.plusDays(15).toString());
		scrollTo(By.id("checklist"));
		Chromium.screenshot(browser, "80-supervision-inspection-form-refused");
		missing.sendKeys("10");
		click(By.id("record-inspection"));

		arriveAt("/oversight/inspections/\\d+");
		String inspection = browser.getCurrentUrl();
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo("已记录督导检查，得分 92.5（满分 100），整改事项 1 项已通知平顶山市新华区应急管理局");
		assertThat(browser.findElement(By.id("total-score")).getText()).isEqualTo("92.5");
		assertThat(browser.findElement(By.id("rectifications")).getText()).contains("补正 2 卷案卷的调查取证材料",
				day(TODAY.plusDays(15)) + " 24:00", "待整改");
		Chromium.screenshot(browser, "81-supervision-inspection");
		signOut();

		signIn("xinhua.enforcer", PASSWORD);
		open("/oversight/inspections");
		assertThat(browser.findElement(By.id("open-rectifications")).getText()).contains("补正 2 卷案卷的调查取证材料");
		click(By.linkText("补正 2 卷案卷的调查取证材料"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(inspection));
		WebElement report = browser.findElement(By.cssSelector("#rectifications textarea"));
		report.sendKeys("已补正询问笔录和现场照片，经复核符合要求。");
		click(By.cssSelector("#rectifications button"));
		confirm("报告整改情况后不能修改，确定？");
		notice("已报告整改情况");
		assertThat(browser.findElement(By.id("rectifications")).getText()).contains("已报告整改",
				"整改情况：已补正询问笔录和现场照片，经复核符合要求。");
		Chromium.screenshot(browser, "82-rectification-reported");
		signOut();
	}

	private void campaign() {
		signIn("city.detachment", PASSWORD);
		open("/oversight/inspections/campaigns");
		browser.findElement(By.id("period")).sendKeys("第四季度");
		scrollTo(By.id("campaign-form"));
		Chromium.screenshot(browser, "83-campaign-form");
		click(By.id("create-campaign"));
		arriveAt("/oversight/inspections/campaigns/\\d+");
		assertThat(browser.findElement(By.id("campaign-state")).getText()).isEqualTo("方案待确认");
		assertThat(browser.findElements(By.cssSelector("#assignment tbody tr"))).hasSizeGreaterThanOrEqualTo(10);
		click(By.id("propose-again"));
		notice("已重新生成互查方案，请核对");
		Chromium.screenshot(browser, "84-campaign-proposal");
		click(By.id("confirm-campaign"));
		confirm("确认后方案不再改变，并通知各检查单位，确定？");
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.id("campaign-state"), "已确认，互查进行中"));
		assertThat(absent(By.id("propose-again"))).isTrue();
		signOut();
	}

	private void accountability() {
		long conduct = conduct("410402");
		signIn("city.leader", PASSWORD);
		open("/oversight/accountability");
		click(By.id("open-record"));
		arriveAt("/oversight/accountability/new");
		new Select(browser.findElement(By.id("agencyCode"))).selectByVisibleText("平顶山市新华区应急管理局");
		await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
			.until(() -> browser.findElement(By.id("conduct-" + conduct)).isDisplayed());
		click(By.id("conduct-" + conduct));
		browser.findElement(By.id("facts")).sendKeys("2026年第四季度多次逾期未答复协查请求，经督办仍未改正。");
		Chromium.screenshot(browser, "85-accountability-form");
		click(By.id("open-accountability"));

		arriveAt("/oversight/accountability/\\d+");
		assertThat(browser.findElement(By.id("accountability-state")).getText()).isEqualTo("已立案，待决定");
		assertThat(browser.findElement(By.id("linked-conduct")).getText()).contains("#" + conduct, "逾期未办");
		browser.findElement(By.id("decision-text")).sendKeys("对平顶山市新华区应急管理局予以通报批评，并约谈其主要负责人。");
		click(By.id("measure-NOTICE_OF_CRITICISM"));
		click(By.id("measure-ADMONITORY_TALK"));
		browser.findElement(By.id("deduction")).sendKeys("3");
		scrollTo(By.id("decision-form"));
		Chromium.screenshot(browser, "86-accountability-decision-form");
		click(By.id("decide"));
		confirm("问责决定作出后不能更改，并通知被问责单位，确定？");
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.id("accountability-state"), "已作出问责决定"));
		assertThat(browser.findElement(By.id("measures")).getText()).isEqualTo("通报批评、约谈");
		assertThat(browser.findElement(By.id("deduction")).getText()).isEqualTo("3 分");
		Chromium.screenshot(browser, "87-accountability-decided");
	}

	/** A conduct record as the ledger writes one for a missed obligation. */
	private long conduct(String agency) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into conduct_record (agency, city_agency, kind, subject_type, subject_id, subject_name, detail, recorded_at)
				values (?, '410400', 'OVERDUE', 'assistance-request', 1, '新华应急协〔2026〕8号', '逾期未答复协查请求', ?)""")
			.params(agency, OffsetDateTime.now(ZoneOffset.UTC))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private void notice(String text) {
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), text));
	}

	/** Sets a date input's value the way its picker does: Chromium's typed format follows the locale. */
	private void value(By locator, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(locator),
				value);
	}

	private static String day(LocalDate day) {
		return "%d年%d月%d日".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
	}
}
