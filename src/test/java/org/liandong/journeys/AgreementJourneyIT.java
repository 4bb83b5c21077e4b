package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * R3.1 and R3.2 in a real browser: a county enforcer drafts an administrative agreement with the
 * neighbouring county, submits it and signs; the neighbour finds it in the inbox and signs, and the
 * agreement is in force. A request for assistance sent afterwards between the two bureaus runs on
 * the deadlines the agreement commits them to.
 */
class AgreementJourneyIT extends BrowserJourney {

	@Test
	void draft_sign_by_both_bureaus_and_the_agreement_sets_the_deadlines() {
		String title = "鲁山县郏县安全生产行政执法协作协议" + Fixtures.unique("-");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		signIn("lushan.enforcer", PASSWORD);
		browser.findElement(By.linkText("协议与备忘录")).click();
		arriveAt("/instruments");
		click(By.id("new-instrument"));
		arriveAt("/instruments/new");

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("起草行政协议或联合惩戒合作备忘录");
		new Select(browser.findElement(By.id("kind"))).selectByVisibleText("行政协议");
		assertThat(browser.findElement(By.id("kind")).getAttribute("value")).isEqualTo("AGREEMENT");
		browser.findElement(By.id("title")).sendKeys(title);
		// issue 21: checkboxes under a filter, not a list box that needs Ctrl-click
		assertThat(browser.findElements(By.cssSelector("#partyCodes label"))).as("the drafting bureau takes part by itself")
			.noneMatch(label -> label.getText().equals("鲁山县应急管理局"));
		browser.findElement(By.id("partyCodes-filter")).sendKeys("郏县");
		assertThat(browser.findElements(By.cssSelector("#partyCodes .form-check")).stream().filter(WebElement::isDisplayed)
			.map(WebElement::getText)).containsExactly("郏县应急管理局");
		click(By.xpath("//fieldset[@id='partyCodes']//label[.='郏县应急管理局']"));
		assertThat(browser.findElements(By.cssSelector("#partyCodes input:checked"))).singleElement()
			.satisfies(box -> assertThat(box.getAttribute("value")).isEqualTo("410425"));
		assertThat(browser.findElement(By.cssSelector("#partyCodes [data-picker-count]")).getText()).isEqualTo("已选 1 个");
		browser.findElement(By.id("scope")).sendKeys("鲁山县、郏县辖区内安全生产行政执法案件的协助调查");
		browser.findElement(By.id("text")).sendKeys("第一条 双方在安全生产行政执法中互相协助调查。\n"
				+ "第二条 收到对方协助调查函后，一个工作日内受理，五个工作日内答复协查结果。\n第三条 本协议自双方签署之日起生效。");
		assertThat(browser.findElement(By.id("effectiveFrom")).getAttribute("value")).as("the term is proposed")
			.isEqualTo(today.toString());
		assertThat(browser.findElement(By.id("effectiveUntil")).getAttribute("value"))
			.isEqualTo(today.plusYears(3).toString());
		browser.findElement(By.id("acceptWorkingDays")).clear();
		browser.findElement(By.id("acceptWorkingDays")).sendKeys("1");
		browser.findElement(By.id("answerWorkingDays")).clear();
		browser.findElement(By.id("answerWorkingDays")).sendKeys("5");
		// the dates and the deadlines agreed, at the foot of the form, in sight
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'end', behavior: 'instant'});",
				browser.findElement(By.id("instrument-form")));
		Chromium.screenshot(browser, "40-agreement-form");
		click(By.id("draft-instrument"));

		arriveAt("/instruments/\\d+");
		String agreementUrl = browser.getCurrentUrl();
		long agreementId = Long.parseLong(agreementUrl.substring(agreementUrl.lastIndexOf('/') + 1));
		assertThat(browser.findElement(By.id("instrument-title")).getText()).isEqualTo(title);
		assertThat(browser.findElement(By.id("instrument-state")).getText()).isEqualTo("草稿");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo("已起草。核对正文后点击“提交各方签署”。");
		assertThat(browser.findElement(By.id("commitment")).getText()).isEqualTo("受理 1 个工作日；答复 5 个工作日");
		assertThat(browser.findElement(By.id("instrument-text")).getText()).contains("第二条 收到对方协助调查函后");
		assertThat(browser.findElement(By.id("parties")).getText()).contains("鲁山县应急管理局", "郏县应急管理局");
		assertThat(absent(By.id("sign"))).as("a draft is submitted before it is signed").isTrue();

		click(By.id("submit"));
		stateBecomes("待各方签署");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已提交各方签署");
		click(By.id("sign"));
		confirm("代表本单位签署当前版本，确定？");
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), "本单位已签署"));
		assertThat(browser.findElement(By.id("instrument-state")).getText()).as("the other party has yet to sign")
			.isEqualTo("待各方签署");
		assertThat(party("鲁山县应急管理局")).contains("已签署：赵德胜");
		assertThat(party("郏县应急管理局")).endsWith("未签署");
		assertThat(absent(By.id("sign"))).as("a bureau signs once").isTrue();
		Chromium.screenshot(browser, "41-agreement-awaiting-signatures");
		signOut();

		signIn("jiaxian.enforcer", PASSWORD);
		String message = "【待签署】行政协议《" + title + "》";
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			browser.findElement(By.id("inbox-link")).click();
			return browser.findElement(By.id("inbox-list")).getText().contains(message);
		});
		click(By.xpath("//div[@id='inbox-list']/div[contains(., '" + message + "')]//button[text()='查看']"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(agreementUrl));
		assertThat(browser.findElement(By.id("instrument-state")).getText()).isEqualTo("待各方签署");
		click(By.id("sign"));
		confirm("代表本单位签署当前版本，确定？");
		stateBecomes("生效");
		assertThat(party("鲁山县应急管理局")).contains("已签署：赵德胜");
		assertThat(party("郏县应急管理局")).contains("已签署：黄海涛");
		assertThat(browser.findElement(By.id("commitment")).getText()).isEqualTo("受理 1 个工作日；答复 5 个工作日");
		Chromium.screenshot(browser, "42-agreement-in-force");
		signOut();

		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		long caseId = Fixtures.enterpriseCase(lushan, "410423", "COUNTY").path("id").asLong();
		Reply drafted = lushan.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410425", "matters": "核实该企业在郏县的分支机构是否开展安全生产教育和培训",
				 "legalBasis": "《中华人民共和国安全生产法》第二十八条", "answerBy": "%s"}""".formatted(caseId, today.plusDays(40)));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		long requestId = drafted.json().path("id").asLong();
		Reply sent = lushan.post("/api/v1/assistance-requests/" + requestId + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);

		signIn("lushan.enforcer", PASSWORD);
		// the home page first: the request page is opened once signed in
		browser.findElement(By.id("inbox-link"));
		open("/assistance/" + requestId);
		assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("已发出，待受理");
		assertThat(browser.findElement(By.id("deadlines")).getText()).contains("依《" + title + "》约定",
				"受理期限为发出后 1 个工作日", "答复期限为发出后 5 个工作日");
		assertThat(browser.findElement(By.id("deadline-agreement")).getAttribute("href"))
			.endsWith("/instruments/" + agreementId);
		scrollTo(By.id("deadlines"));
		Chromium.screenshot(browser, "43-assistance-request-with-agreed-deadlines");
		click(By.id("deadline-agreement"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(agreementUrl));
		assertThat(browser.findElement(By.id("instrument-state")).getText()).isEqualTo("生效");
	}

	/** The signature column of a party's row. */
	private String party(String agencyName) {
		return browser.findElement(By.xpath("//div[@id='parties']//tr[td[1][contains(., '" + agencyName + "')]]"))
			.getText();
	}

	/** Waits for the agreement page after a submission. */
	private void stateBecomes(String state) {
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.id("instrument-state"), state));
	}

}
