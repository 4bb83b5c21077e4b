package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R6.3 in a real browser: a county liaison sends a bulletin of an emergency; two bureaus acknowledge
 * it within the window, the others do not and are escalated to the city bureau, whose inbox says so.
 */
class BulletinJourneyIT extends BrowserJourney {

	private static final String ESCALATED = "逾期未签收，已报市局";

	@Autowired
	JdbcClient jdbc;

	@Test
	void acknowledged_by_some_and_escalated_to_the_city_for_the_rest() {
		String title = "新华区某化工企业发生泄漏" + Fixtures.unique("-");

		signIn("xinhua.liaison", PASSWORD);
		click(By.id("sharing-menu"));
		click(By.linkText("突发事件快报"));
		arriveAt("/bulletins");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("突发事件快报");
		browser.findElement(By.id("bulletin-title")).sendKeys(title);
		browser.findElement(By.id("bulletin-body"))
			.sendKeys("今日 10 时许，新华区某化工企业储罐发生少量泄漏，无人员伤亡，已处置完毕。请各地立即排查同类企业。");
		click(By.id("send-bulletin"));
		confirm("快报将同时发至各单位并要求限时签收，确定发出？");

		arriveAt("/bulletins/\\d+");
		String bulletinUrl = browser.getCurrentUrl();
		Chromium.screenshot(browser, "82-bulletin-sent-by-a-liaison");
		long bulletinId = Long.parseLong(bulletinUrl.substring(bulletinUrl.lastIndexOf('/') + 1));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).matches("快报已发至 \\d+ 个单位");
		assertThat(acknowledgement("平顶山市卫东区应急管理局")).isEqualTo("未签收");
		assertThat(browser.findElements(By.xpath("//div[@id='acknowledgements']//td[.='平顶山市应急管理局']")))
			.as("the city bureau oversees rather than acknowledges").isEmpty();
		assertThat(browser.findElements(By.xpath("//div[@id='acknowledgements']//td[.='平顶山市新华区应急管理局']")))
			.as("not sent to the sender").isEmpty();
		assertThat(absent(By.id("acknowledge"))).as("the sender does not acknowledge").isTrue();
		signOut();

		signIn("weidong.liaison", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			click(By.id("inbox-link"));
			return browser.findElement(By.id("inbox-list")).getText().contains("【快报】" + title);
		});
		click(By.xpath("//div[@id='inbox-list']/div[contains(., '【快报】" + title + "')]//button[text()='查看']"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(bulletinUrl));
		click(By.id("acknowledge"));
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), "已签收"));
		Chromium.screenshot(browser, "83-bulletin-acknowledged-by-a-bureau");
		assertThat(acknowledgement("平顶山市卫东区应急管理局")).startsWith("马文静").contains("平顶山市卫东区应急管理局");
		assertThat(absent(By.id("acknowledge"))).as("acknowledged once").isTrue();
		signOut();

		signIn("shilong.liaison", PASSWORD);
		click(By.id("sharing-menu"));
		click(By.linkText("突发事件快报"));
		arriveAt("/bulletins");
		click(By.linkText(title));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(bulletinUrl));
		click(By.id("acknowledge"));
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), "已签收"));
		assertThat(acknowledgement("平顶山市石龙区应急管理局")).startsWith("朱晓燕");
		signOut();

		// the window to acknowledge closes
		jdbc.sql("update bulletin set ack_due_at = ? where id = ?").params(OffsetDateTime.now().minusMinutes(1), bulletinId)
			.update();

		signIn("city.leader", PASSWORD);
		browser.findElement(By.id("inbox-link"));
		open("/bulletins");
		click(By.linkText(title));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(bulletinUrl));
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			browser.navigate().refresh();
			return rows().stream().filter(row -> !acknowledgedBy(row)).allMatch(row -> row.getText().endsWith(ESCALATED));
		});
		List<WebElement> rows = rows();
		assertThat(rows.stream().filter(row -> row.getText().endsWith(ESCALATED))).as("every bureau but the two")
			.hasSize(rows.size() - 2);
		String dateTime = "\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}:\\d{2}";
		assertThat(acknowledgement("平顶山市卫东区应急管理局")).matches("马文静（平顶山市卫东区应急管理局），" + dateTime);
		assertThat(acknowledgement("平顶山市石龙区应急管理局")).matches("朱晓燕（平顶山市石龙区应急管理局），" + dateTime);
		assertThat(acknowledgement("平顶山市湛河区应急管理局")).isEqualTo(ESCALATED);
		assertThat(browser.findElement(By.xpath("//div[@id='acknowledgements']//tr[td[1][.='平顶山市湛河区应急管理局']]"))
			.getAttribute("class")).contains("table-danger");
		assertThat(browser.findElement(By.cssSelector("#acknowledgements h2")).getText())
			.isEqualTo("签收情况（2 / %d）".formatted(rows.size()));
		// the bulletin and who acknowledged it, in one view
		scrollTo(By.tagName("h1"));
		Chromium.screenshot(browser, "80-bulletin-acknowledged-and-escalated");

		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			click(By.id("inbox-link"));
			return browser.findElement(By.id("inbox-list")).getText().contains("【快报未签收】平顶山市湛河区应急管理局 未在时限内签收《" + title + "》");
		});
		String inbox = browser.findElement(By.id("inbox-list")).getText();
		assertThat(inbox).contains("【快报未签收】平顶山市湛河区应急管理局 未在时限内签收《" + title + "》", "快报未签收")
			.doesNotContain("【快报未签收】平顶山市卫东区应急管理局 未在时限内签收《" + title + "》",
					"【快报未签收】平顶山市石龙区应急管理局 未在时限内签收《" + title + "》");
		Chromium.screenshot(browser, "81-bulletin-escalations-in-the-city-inbox");
		click(By.xpath("//div[@id='inbox-list']/div[contains(., '【快报未签收】平顶山市湛河区应急管理局 未在时限内签收《" + title
				+ "》')]//button[text()='查看']"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(bulletinUrl));
	}

	private List<WebElement> rows() {
		return browser.findElements(By.cssSelector("#acknowledgements tbody tr"));
	}

	private static boolean acknowledgedBy(WebElement row) {
		String name = row.findElement(By.cssSelector("td:first-child")).getText();
		return name.equals("平顶山市卫东区应急管理局") || name.equals("平顶山市石龙区应急管理局");
	}

	/** The acknowledgement column of a bureau's row. */
	private String acknowledgement(String agencyName) {
		return browser.findElement(By.xpath("//div[@id='acknowledgements']//tr[td[1][.='" + agencyName + "']]/td[2]"))
			.getText();
	}

}
