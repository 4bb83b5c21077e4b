package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * R4.2 and R4.3 in a real browser: an enterprise of a major case is on the dishonest list with the
 * measures of a memorandum in force; an enforcer of another bureau checks it by its code, is told
 * when a code is mistyped, and screens a file of enterprises; the city's legal office reads the
 * entry with its procedure.
 */
class CreditCheckJourneyIT extends BrowserJourney {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path files;

	@Test
	void check_a_listed_enterprise_refuse_a_wrong_code_screen_a_file_and_read_the_entry() throws IOException {
		memorandumInForce();
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		JsonNode kase = Fixtures.majorCase(xinhua);
		String uscc = kase.path("party").path("uscc").asString();
		String name = kase.path("party").path("name").asString();
		Reply proposed = xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(kase.path("id").asLong()));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		long entryId = proposed.json().path("id").asLong();
		String noticeNumber = proposed.json().path("noticeNumber").asString();
		legal.post("/api/v1/credit/entries/" + entryId + "/defence", "{\"statement\": \"企业称已整改，请求从轻处理。\"}");
		Reply decided = legal.post("/api/v1/credit/entries/" + entryId + "/decision",
				"{\"list\": true, \"reason\": \"申辩理由不能成立，失信事实清楚。\"}");
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		String decisionNumber = decided.json().path("decisionNumber").asString();

		signIn("zhanhe.enforcer", PASSWORD);
		browser.findElement(By.linkText("信用")).click();
		arriveAt("/credit");
		browser.findElement(By.id("uscc")).sendKeys(uscc);
		click(By.id("check"));
		WebElement result = browser.findElement(By.id("credit-result"));
		assertThat(result.findElement(By.tagName("h2")).getText()).isEqualTo(uscc + "：已列入严重失信主体名单");
		assertThat(result.getText()).contains(name, "决定文号 " + decisionNumber, "公示至",
				"平顶山市市场监督管理局", "限制参加政府采购活动",
				"平顶山市应急管理综合行政执法支队", "提高安全生产检查频次", "安全生产严重失信主体联合惩戒合作备忘录");
		assertThat(browser.findElement(By.id("uscc")).getAttribute("value")).isEqualTo(uscc);
		Chromium.screenshot(browser, "50-credit-check-listed");

		// part of the name only: not "not listed", but the listed name shown for review (issue 21)
		String partial = name.substring(0, name.length() - 4);
		browser.findElement(By.id("uscc")).clear();
		browser.findElement(By.id("name")).sendKeys(partial);
		click(By.id("check"));
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("review-needed")));
		assertThat(browser.findElement(By.id("credit-result")).getText()).doesNotContain("未列入严重失信主体名单");
		assertThat(browser.findElement(By.id("finding")).getText()).contains("不能据此认定未列入");
		assertThat(browser.findElement(By.id("similar-names")).getText()).contains(name, uscc, "名称相近");
		Chromium.screenshot(browser, "50b-credit-check-similar-name");
		browser.findElement(By.id("name")).clear();

		String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
		browser.findElement(By.id("uscc")).clear();
		browser.findElement(By.id("uscc")).sendKeys(wrong);
		click(By.id("check"));
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-danger"), "校验码错误"));
		assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText())
			.isEqualTo("统一社会信用代码 " + wrong + " 的校验码错误：第 18 位应为“" + uscc.charAt(17) + "”，请核对后重新输入");
		assertThat(absent(By.id("credit-result"))).as("a wrong code is not checked").isTrue();
		assertThat(browser.findElement(By.id("uscc")).getAttribute("value")).as("kept to be corrected").isEqualTo(wrong);
		Chromium.screenshot(browser, "51-credit-check-wrong-code");

		String clean = Fixtures.uscc("410403");
		String mistyped = clean.substring(0, 17) + (clean.charAt(17) == '0' ? '1' : '0');
		Path csv = files.resolve("待筛查企业名单.csv");
		Files.writeString(csv, "\uFEFF名称,统一社会信用代码\n" + name + "," + uscc + "\n平顶山卫东测试商贸有限公司," + clean
				+ "\n平顶山湛河测试物流有限公司," + mistyped + "\n", StandardCharsets.UTF_8);
		browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		click(By.id("screen"));

		arriveAt("/credit/screenings/\\d+");
		String screeningUrl = browser.getCurrentUrl();
		long screeningId = Long.parseLong(screeningUrl.substring(screeningUrl.lastIndexOf('/') + 1));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("批量筛查：待筛查企业名单.csv");
		assertThat(browser.findElement(By.cssSelector("#screening-progress .progress-bar")).isDisplayed()).isTrue();
		// the page polls the progress while the screening runs
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.textMatches(By.id("screening-state"), Pattern.compile("^筛查完成.*")));
		assertThat(browser.findElement(By.id("screening-state")).getText())
			.isEqualTo("筛查完成：共 3 个主体，已处理 3 个，其中已列入 1 个、需人工核对（代码未列入但名称与在册主体一致）0 个、无法筛查 1 个");
		assertThat(browser.findElement(By.cssSelector("#screening-progress .progress-bar")).getText()).isEqualTo("100%");
		assertThat(browser.findElement(By.id("download-result")).getAttribute("href"))
			.endsWith("/credit/screenings/" + screeningId + "/result");
		Chromium.screenshot(browser, "52-credit-screening-done");
		String screened = Api.at(port).as("zhanhe.enforcer", PASSWORD)
			.get("/api/v1/credit/screenings/" + screeningId + "/result").body();
		assertThat(screened).contains(uscc, "已列入", clean, "未列入", "校验码错误");
		signOut();

		signIn("city.legal", PASSWORD);
		browser.findElement(By.linkText("信用")).click();
		click(By.linkText("严重失信主体名单"));
		arriveAt("/credit/entries");
		browser.findElement(By.id("subject")).sendKeys(uscc);
		click(By.cssSelector("#entries-filter button[type=submit]"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("subject=" + uscc));
		assertThat(browser.findElement(By.id("entry-list")).getText()).contains(name, uscc, kase.path("number").asString(),
				"已列入，公示中");
		click(By.linkText(name));

		arriveAt("/credit/entries/" + entryId);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(browser.findElement(By.id("entry-state")).getText()).isEqualTo("已列入，公示中");
		assertThat(browser.findElement(By.id("procedure")).getText()).contains("告知：" + noticeNumber,
				"陈述申辩：企业称已整改，请求从轻处理。", "决定：" + decisionNumber, "申辩理由不能成立，失信事实清楚。", "公示至",
				"起可申请信用修复");
		assertThat(browser.findElement(By.linkText(decisionNumber)).getAttribute("href")).contains("/documents/");
		Chromium.screenshot(browser, "53-credit-entry");
	}

	/** A memorandum in force between the city's enforcement detachment and the market regulator, with measures of both. */
	private void memorandumInForce() {
		Api city = Api.at(port).as("city.detachment", PASSWORD);
		Api samr = Api.at(port).as("samr.leader", PASSWORD);
		Reply drafted = city.post("/api/v1/instruments", """
				{"kind": "MEMORANDUM", "title": "安全生产严重失信主体联合惩戒合作备忘录", "scope": "全市",
				 "text": "各方对列入严重失信主体名单的生产经营单位实施联合惩戒。", "partyCodes": ["410400.samr"],
				 "effectiveFrom": "%s", "effectiveUntil": "%s"}""".formatted(LocalDate.now(BEIJING).minusDays(1),
				LocalDate.now(BEIJING).plusYears(3)));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		long id = drafted.json().path("id").asLong();
		city.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"提高安全生产检查频次\"]}");
		samr.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"限制参加政府采购活动\"]}");
		city.post("/api/v1/instruments/" + id + "/submit", "{}");
		city.post("/api/v1/instruments/" + id + "/sign", "{}");
		assertThat(samr.post("/api/v1/instruments/" + id + "/sign", "{}").json().path("state").asString())
			.isEqualTo("IN_FORCE");
	}


}
