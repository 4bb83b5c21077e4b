package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R5 in a real browser: the joint meeting's office convenes a meeting; a member bureau replies that
 * it attends, another asks leave with a reason; the office sees the replies, and once the meeting
 * was held records the minutes with a decision that becomes an action item of a bureau.
 */
class MeetingJourneyIT extends BrowserJourney {

	@Autowired
	JdbcClient jdbc;

	@Test
	void convene_reply_and_record_the_minutes() {
		String title = "2026年下半年跨区域执法联动联席会议" + Fixtures.unique("-");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		signIn("city.detachment", PASSWORD);
		click(By.id("sharing-menu"));
		click(By.linkText("联席会议"));
		arriveAt("/meetings");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("联席会议");
		new Select(browser.findElement(By.id("kind"))).selectByVisibleText("例会");
		assertThat(browser.findElement(By.id("kind")).getAttribute("value")).isEqualTo("REGULAR");
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("agenda")).sendKeys("一、通报上半年跨区域执法协作情况；\n二、研究下半年联合执法检查工作");
		browser.findElement(By.id("place")).sendKeys("市应急管理局三楼会议室");
		assertThat(browser.findElement(By.id("startsAt")).getAttribute("value")).as("a start is proposed")
			.isEqualTo(today.plusDays(7) + "T09:00");
		assertThat(browser.findElement(By.id("replyBy")).getAttribute("value")).isEqualTo(today.plusDays(5).toString());
		value(By.id("startsAt"), today.plusDays(10) + "T14:30");
		value(By.id("replyBy"), today.plusDays(8).toString());
		scrollTo(By.id("convene-form"));
		Chromium.screenshot(browser, "60-meeting-convene-form");
		click(By.id("convene"));
		confirm("发出会议通知，确定？");

		arriveAt("/meetings/\\d+");
		String meetingUrl = browser.getCurrentUrl();
		long meetingId = Long.parseLong(meetingUrl.substring(meetingUrl.lastIndexOf('/') + 1));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(browser.findElement(By.id("meeting-state")).getText()).isEqualTo("已发通知");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).matches("会议通知已发至 \\d+ 个成员单位");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("市应急管理局三楼会议室",
				"二、研究下半年联合执法检查工作", "周执远");
		assertThat(reply("平顶山市新华区应急管理局")).isEqualTo("未回复");
		assertThat(reply("平顶山市卫东区应急管理局")).isEqualTo("未回复");
		assertThat(absent(By.id("minutes-form"))).as("the office has the minutes form, unlike the members")
			.isFalse();
		signOut();

		signIn("xinhua.liaison", PASSWORD);
		openFromInbox("【会议通知】" + title);
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(meetingUrl));
		assertThat(browser.findElement(By.id("meeting-state")).getText()).isEqualTo("已发通知");
		assertThat(absent(By.id("minutes-form"))).as("only the office records minutes").isTrue();
		assertThat(browser.findElement(By.id("attend-yes")).isSelected()).isTrue();
		browser.findElement(By.id("attendee")).sendKeys("孙丽娟（信息联络员）");
		click(By.id("reply"));
		confirm("回复本单位参会情况，确定？会议开始前可以更改。");
		notice("已回复参会");
		assertThat(reply("平顶山市新华区应急管理局")).as("the reply names who attends (issue 21)")
			.startsWith("参会：孙丽娟（信息联络员）");
		signOut();

		signIn("weidong.liaison", PASSWORD);
		openFromInbox("【会议通知】" + title);
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(meetingUrl));
		click(By.id("attend-no"));
		browser.findElement(By.id("reason")).sendKeys("当日有安全生产大检查");
		click(By.id("reply"));
		confirm("回复本单位参会情况，确定？会议开始前可以更改。");
		notice("已请假");
		Chromium.screenshot(browser, "64-meeting-leave-asked-by-a-member");
		assertThat(reply("平顶山市卫东区应急管理局")).isEqualTo("请假：当日有安全生产大检查");
		signOut();

		signIn("city.detachment", PASSWORD);
		click(By.id("sharing-menu"));
		click(By.linkText("联席会议"));
		arriveAt("/meetings");
		click(By.linkText(title));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(meetingUrl));
		assertThat(reply("平顶山市新华区应急管理局")).startsWith("参会").contains("孙丽娟");
		assertThat(reply("平顶山市卫东区应急管理局")).isEqualTo("请假：当日有安全生产大检查");
		assertThat(reply("平顶山市石龙区应急管理局")).isEqualTo("未回复");
		scrollTo(By.id("attendance"));
		Chromium.screenshot(browser, "61-meeting-with-replies");

		// the reply date passes, then the meeting is held
		jdbc.sql("update meeting set reply_due_at = ? where id = ?").params(OffsetDateTime.now().minusHours(2), meetingId)
			.update();
		jdbc.sql("update meeting set starts_at = ? where id = ?").params(OffsetDateTime.now().minusHours(1), meetingId)
			.update();
		browser.navigate().refresh();
		assertThat(reply("平顶山市石龙区应急管理局")).as("no reply by the date").isEqualTo("逾期未回复");
		browser.findElement(By.id("minutes")).sendKeys("会议通报了上半年跨区域执法协作情况，研究了下半年联合执法检查工作。");
		browser.findElement(By.id("decision-0")).sendKeys("新华区牵头开展危险化学品联合执法检查");
		new Select(browser.findElement(By.id("owner-0"))).selectByVisibleText("平顶山市新华区应急管理局");
		assertThat(browser.findElement(By.id("owner-0")).getAttribute("value")).isEqualTo("410402");
		value(By.id("due-0"), today.plusDays(30).toString());
		scrollTo(By.id("minutes-form"));
		click(By.id("record-minutes"));
		confirm("印发会议纪要后不能修改，确定？");

		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.id("meeting-state"), "已召开，纪要已印发"));
		String number = browser.findElement(By.id("minutes-number")).getText();
		assertThat(number).matches("平应急纪〔" + today.getYear() + "〕\\d+号");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已印发会议纪要 " + number);
		assertThat(browser.findElement(By.id("action-items")).getText()).contains("新华区牵头开展危险化学品联合执法检查",
				"责任单位：平顶山市新华区应急管理局", "期限：" + day(today.plusDays(30)) + " 24:00", "未办结");
		assertThat(absent(By.id("minutes-form"))).as("minutes are recorded once").isTrue();
		Chromium.screenshot(browser, "62-meeting-minutes-recorded");
		scrollTo(By.id("action-items"));
		Chromium.screenshot(browser, "63-meeting-action-item");

		click(By.id("minutes-number"));
		arriveAt("/documents/\\d+");
		assertThat(browser.findElement(By.id("document-number")).getText()).isEqualTo(number);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("请假：当日有安全生产大检查",
				"新华区牵头开展危险化学品联合执法检查");
	}

	/** The reply column of a member bureau's row. */
	private String reply(String agencyName) {
		return browser.findElement(By.xpath("//div[@id='attendance']//tr[td[1][.='" + agencyName + "']]/td[2]")).getText();
	}

	/** Opens the message of the inbox whose title starts so, once it has arrived. */
	private void openFromInbox(String title) {
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			click(By.id("inbox-link"));
			return browser.findElement(By.id("inbox-list")).getText().contains(title);
		});
		click(By.xpath("//div[@id='inbox-list']/div[contains(., '" + title + "')]//button[text()='查看']"));
	}

	private static String day(LocalDate day) {
		return "%d年%d月%d日".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
	}

	/** Waits for the page after a form was answered with a notice. */
	private void notice(String text) {
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), text));
	}

	/** Sets a date or time input's value the way its picker does: Chromium's typed format follows the locale. */
	private void value(By locator, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(locator),
				value);
	}

}
