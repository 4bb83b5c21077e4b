package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liandong.support.Api;
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

import tools.jackson.databind.JsonNode;

/**
 * R2.4 in a real browser: a county enforcer drafts a request for assistance on a case, attaches
 * material and sends it; the neighbouring bureau finds it, accepts it, attaches evidence and
 * answers; the requester confirms the answer and the request is closed, opens the reply letter the
 * answer came as and checks it on the page its QR code opens (issue 21).
 */
class AssistanceRequestJourneyIT extends BrowserJourney {

	@TempDir
	Path files;

	@Test
	void request_accept_answer_and_confirm() throws Exception {
		JsonNode kase = Fixtures.enterpriseCase(Api.at(port).as("xinhua.enforcer", PASSWORD), "410402", "COUNTY");
		String caseNumber = kase.path("number").asString();
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

		signIn("xinhua.enforcer", PASSWORD);
		// the home page first: the case page is opened once signed in
		browser.findElement(By.id("inbox-link"));
		open("/cases/" + kase.path("id").asLong());
		// the panel comes in through htmx after the case page has loaded
		assertThat(browser.findElement(By.cssSelector("#collaboration-panel")).getText()).contains("本案还没有协查请求");
		click(By.id("request-assistance"));
		arriveAt("/assistance/new\\?caseId=\\d+");

		assertThat(browser.findElement(By.tagName("main")).getText()).contains("发起协查请求", caseNumber);
		assertThat(browser.findElement(By.id("answerBy")).getAttribute("value")).as("the answer date is proposed")
			.matches("\\d{4}-\\d{2}-\\d{2}");
		new Select(browser.findElement(By.id("assistingAgencyCode"))).selectByVisibleText("平顶山市卫东区应急管理局");
		assertThat(browser.findElement(By.id("assistingAgencyCode")).getAttribute("value")).isEqualTo("410403");
		browser.findElement(By.id("matters")).sendKeys("一、核实该企业在卫东区的仓库是否存放危险化学品；\n二、调取该仓库近一年的出入库记录。");
		browser.findElement(By.id("legalBasis")).sendKeys("《中华人民共和国安全生产法》第八十七条");
		Chromium.screenshot(browser, "20-assistance-request-form");
		click(By.id("save-draft"));

		arriveAt("/assistance/\\d+");
		String requestUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("草稿");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("已保存为草稿");
		assertThat(browser.findElement(By.id("deadlines")).getText()).contains("发出后开始计时");

		upload("协查请求材料.pdf");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("已上传“协查请求材料.pdf”", "SM3 摘要");
		assertThat(browser.findElement(By.id("attachments")).getText()).contains("协查请求材料.pdf", "请求材料");

		click(By.id("send"));
		confirm("发出后将生成协助调查函文号并开始计时，确定发出？");
		stateBecomes("已发出，待受理");
		String number = browser.findElement(By.id("request-number")).getText();
		assertThat(number).matches("新华应急协〔" + year + "〕\\d+号");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("已发出，文号 " + number);
		assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("已发出，待受理");
		assertThat(browser.findElement(By.id("accept-countdown")).getText()).contains("剩余");
		scrollTo(By.id("deadlines"));
		Chromium.screenshot(browser, "21-assistance-request-sent");

		click(By.cssSelector("#letters a"));
		arriveAt("/documents/\\d+");
		assertThat(browser.findElement(By.id("document-number")).getText()).isEqualTo(number);
		assertThat(browser.findElement(By.id("document-title")).getText()).contains("协助调查");
		assertThat(browser.findElement(By.id("letter")).getText()).contains("平顶山市卫东区应急管理局：", "平顶山市新华区应急管理局");
		Chromium.screenshot(browser, "22-assistance-letter");
		signOut();

		signIn("weidong.enforcer", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			browser.findElement(By.id("inbox-link")).click();
			return browser.findElement(By.id("inbox-list")).getText().contains("请求协助调查（" + number + "）");
		});
		browser.findElement(By.linkText("协查")).click();
		assertThat(browser.findElement(By.cssSelector("#boxes .active")).getText()).isEqualTo("请本单位协助的");
		assertThat(browser.findElement(By.id("assistance-list")).getText()).contains(number, caseNumber,
				"平顶山市新华区应急管理局", "已发出，待受理", "剩余");
		Chromium.screenshot(browser, "23-assistance-incoming-list");
		click(By.linkText(number));
		arriveAt("/assistance/\\d+");

		assertThat(browser.findElement(By.id("return-form")).isDisplayed()).as("a request may be returned until accepted")
			.isTrue();
		click(By.id("accept"));
		confirm("受理后开始计算答复期限，确定受理？");
		stateBecomes("已受理，办理中");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已受理");
		assertThat(absent(By.id("return-form"))).as("once accepted the request can no longer be returned").isTrue();
		assertThat(browser.findElement(By.id("answer-countdown")).getText()).contains("剩余");

		upload("仓库出入库记录.pdf");
		assertThat(browser.findElement(By.id("attachments")).getText()).contains("仓库出入库记录.pdf", "证据材料");
		// an empty answer is held back in the browser and never sent
		assertThat(browser.findElement(By.id("answer-text")).getAttribute("required")).isNotNull();
		click(By.id("answer-submit"));
		assertThat(browser.findElement(By.id("answer-text")).getAttribute("validationMessage")).isNotEmpty();
		assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("已受理，办理中");

		browser.findElement(By.id("answer-text")).sendKeys("经核实，该仓库未存放危险化学品，近一年出入库记录见附件。");
		click(By.id("answer-submit"));
		confirm("答复后请求单位即收到协查结果，确定答复？");
		stateBecomes("已答复，待确认");
		assertThat(browser.findElement(By.id("answer")).getText()).isEqualTo("经核实，该仓库未存放危险化学品，近一年出入库记录见附件。");
		Chromium.screenshot(browser, "24-assistance-answered");
		signOut();

		signIn("xinhua.enforcer", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			browser.findElement(By.id("inbox-link")).click();
			return browser.findElement(By.id("inbox-list")).getText().contains("答复了协查请求 " + number);
		});
		click(By.xpath("//div[@id='inbox-list']/div[contains(., '答复了协查请求 " + number + "')]//button[text()='查看']"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(requestUrl));
		assertThat(browser.findElement(By.id("answer")).getText()).contains("该仓库未存放危险化学品");
		// the answer is rated when it is confirmed (issue 21): the form asks for both ratings first
		click(By.id("confirm"));
		assertThat(browser.findElement(By.id("rating-timeliness")).getAttribute("validationMessage")).isNotEmpty();
		new Select(browser.findElement(By.id("rating-timeliness"))).selectByValue("5");
		new Select(browser.findElement(By.id("rating-quality"))).selectByValue("4");
		click(By.id("confirm"));
		confirm("确认协查结果后本请求办结，确定？");
		stateBecomes("已确认办结");
		assertThat(browser.findElement(By.id("rating")).getText()).isEqualTo("及时性 5 分，质量 4 分（满分 5 分）");
		assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("已确认办结");
		assertThat(browser.findElement(By.id("history")).getText()).contains("起草协查请求，拟请平顶山市卫东区应急管理局协助调查",
				"上传请求材料“协查请求材料.pdf”", "发出协查函 " + number, "平顶山市卫东区应急管理局受理协查请求",
				"上传证据材料“仓库出入库记录.pdf”", "平顶山市卫东区应急管理局答复协查结果", "确认协查结果，协查请求办结");
		assertThat(absent(By.id("actions"))).as("nothing is left to do on a closed request").isTrue();
		scrollTo(By.cssSelector("#history li:last-child"));
		Chromium.screenshot(browser, "25-assistance-confirmed");

		// the answer came as a numbered, signed reply letter (issue 21, X3); its digest and key are behind
		// the verify link, and the check page its QR code opens confirms it to anyone holding the paper
		click(By.xpath("//*[@id='letters']//a[contains(., '卫东应急复')]"));
		arriveAt("/documents/\\d+");
		String documentPath = new java.net.URI(browser.getCurrentUrl()).getPath();
		assertThat(browser.findElement(By.id("document-title")).getText()).isEqualTo("关于" + number + "协查事项的复函");
		assertThat(browser.findElement(By.id("letter")).getText()).contains("该仓库未存放危险化学品", "本公文已加盖电子印章");
		Chromium.screenshot(browser, "26-assistance-reply-letter");
		click(By.id("verify-seal"));
		assertThat(browser.findElement(By.id("verify-verdict")).getText()).isEqualTo("真实有效");
		String digest = browser.findElement(By.cssSelector("#verify-result dd.font-monospace")).getText();
		signOut();
		open("/documents/check?id=" + documentPath.substring(documentPath.lastIndexOf('/') + 1) + "&d=" + digest);
		assertThat(browser.findElement(By.id("check-verdict")).getText()).isEqualTo("真实有效");
		assertThat(browser.findElement(By.id("check-title")).getText()).isEqualTo("关于" + number + "协查事项的复函");
		Chromium.screenshot(browser, "27-document-check");
	}

	/** Chooses a small PDF in the upload form, uploads it and waits for it in the list of attachments. */
	private void upload(String fileName) throws IOException {
		Path pdf = files.resolve(fileName);
		Files.writeString(pdf, "%PDF-1.4\n%旅程测试\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
				StandardCharsets.UTF_8);
		browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
		click(By.cssSelector("#upload-form button[type=submit]"));
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#attachments table"), fileName));
	}

	/** Waits for the request page after a submission. */
	private void stateBecomes(String state) {
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.id("request-state"), state));
	}

}
