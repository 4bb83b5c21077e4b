package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 22 (N1) in a real browser: 新华区's enforcer organises a joint enforcement operation over 新华区 and
 * 宝丰县 with the form; 宝丰县 confirms its people on the operation's page and the organiser its own; the
 * organiser adds a target in 宝丰县 and forms a team of both bureaus' people; 宝丰县's inspector writes the
 * field record on a phone (375 px wide, nothing to scroll sideways), with a major and a general hazard;
 * the organiser issues the summary, which ends the operation with its figures and a numbered, signed
 * report (通报).
 */
class JointOperationJourneyIT extends BrowserJourney {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final String BAOFENG = "宝丰县应急管理局";

	@Test
	void an_operation_is_organised_inspected_on_a_phone_and_concluded_with_a_numbered_summary() {
		LocalDate today = LocalDate.now(BEIJING);
		String theme = Fixtures.unique("危险化学品企业安全生产联合执法");
		String enterprise = Fixtures.unique("宝丰县联合检查化工有限公司");

		String operation = organise(theme, today);

		signIn("baofeng.enforcer", PASSWORD);
		openFromTheMenu();
		click(By.linkText(theme));
		arriveAt(operation);
		confirmPeople("郑检查\n韩执法");
		assertThat(unitRow(BAOFENG)).contains("郑检查、韩执法", "已确认");
		signOut();

		signIn("xinhua.enforcer", PASSWORD);
		open(operation);
		confirmPeople("王执法");

		browser.findElement(By.id("rows")).sendKeys(Fixtures.uscc("410421") + "，" + enterprise + "，410421");
		click(By.id("add-targets"));
		notice("已添加检查对象 1 个");
		assertThat(browser.findElement(By.id("targets")).getText()).contains(enterprise, "宝丰县", "未分组");

		formMixedTeam(enterprise, today);
		assertThat(browser.findElement(By.id("teams")).getText()).contains("第一检查组", "负责：" + BAOFENG,
				"王执法（平顶山市新华区应急管理局）", "郑检查（宝丰县应急管理局）", "0 / 1");
		scrollTo(By.id("teams"));
		Chromium.screenshot(browser, "141-joint-operation-mixed-team");
		signOut();

		signIn("baofeng.enforcer", PASSWORD);
		// in the field: a phone held in one hand
		browser.manage().window().setSize(new Dimension(375, 812));
		open(operation);
		click(By.linkText("现场检查"));
		arriveAt(operation + "/targets/\\d+/record");
		writeFieldRecord(enterprise);
		browser.manage().window().setSize(new Dimension(1366, 768));
		signOut();

		signIn("xinhua.enforcer", PASSWORD);
		open(operation);
		assertThat(browser.findElement(By.xpath("//div[@id='targets']//tr[td[1]/span[1][text()='" + enterprise + "']]"))
			.getText()).as("the target inspected: its record is there to read").contains("第一检查组", "查看");
		assertThat(browser.findElement(By.id("teams")).getText()).contains("1 / 1");
		issueSummary(today.getYear());
	}

	/** The organiser finds 联合执法行动 in the menu, fills the form and is taken to the new operation's page. */
	private String organise(String theme, LocalDate today) {
		signIn("xinhua.enforcer", PASSWORD);
		openFromTheMenu();
		click(By.id("new-operation"));
		arriveAt("/joint-operations/new");
		assertThat(browser.findElement(By.id("legalBasis")).getAttribute("value")).as("the law most operations cite")
			.isEqualTo("《中华人民共和国安全生产法》");
		browser.findElement(By.id("theme")).sendKeys(theme);
		browser.findElement(By.id("legalBasis")).sendKeys("第六十五条");
		// under way since yesterday, so that the field record can be written today
		date(By.id("startsOn"), today.minusDays(1));
		date(By.id("endsOn"), today.plusDays(7));
		click(By.id("division-410402"));
		click(By.id("division-410421"));
		browser.findElement(By.id("participants-filter")).sendKeys("宝丰");
		click(By.id("participants-410421"));
		assertThat(browser.findElement(By.cssSelector("[data-picker-count=participants]")).getText())
			.isEqualTo("已选 1 个");
		Chromium.screenshot(browser, "140-joint-operation-form");
		click(By.id("organise"));

		arriveAt("/joint-operations/\\d+");
		notice("已组织联合执法行动，参加单位已收到通知，须在行动开始前确认参加");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(theme);
		assertThat(browser.findElement(By.id("operation-state")).getText()).isEqualTo("进行中");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("《中华人民共和国安全生产法》第六十五条",
				"新华区、宝丰县");
		assertThat(unitRow(BAOFENG)).endsWith("待确认");
		assertThat(unitRow("平顶山市新华区应急管理局")).contains("组织");
		String operation = browser.getCurrentUrl().replaceFirst("^http://localhost:\\d+", "");
		signOut();
		return operation;
	}

	private void openFromTheMenu() {
		click(By.id("oversight-menu"));
		click(By.linkText("联合执法行动"));
		arriveAt("/joint-operations");
	}

	private void confirmPeople(String people) {
		browser.findElement(By.id("people")).sendKeys(people);
		click(By.id("confirm-participation"));
		notice("已确认参加，参加人员已报送");
	}

	/** Two bureaus' people in one team, 宝丰县 answering for it, with the target in its county. */
	private void formMixedTeam(String enterprise, LocalDate today) {
		browser.findElement(By.id("team-name")).sendKeys("第一检查组");
		new Select(browser.findElement(By.id("team-lead"))).selectByVisibleText(BAOFENG);
		date(By.id("inspect-from"), today);
		date(By.id("inspect-to"), today.plusDays(3));
		click(By.xpath("//fieldset[@id='team-members']//label[text()='王执法（平顶山市新华区应急管理局）']"));
		click(By.xpath("//fieldset[@id='team-members']//label[text()='郑检查（宝丰县应急管理局）']"));
		click(By.xpath("//fieldset[@id='team-targets']//label[text()='" + enterprise + "']"));
		click(By.id("form-team"));
		notice("已编排检查组“第一检查组”，组员所在单位已收到通知");
	}

	/** The phone page filled in: two items with hazards, a major and a general one described, two signatures. */
	private void writeFieldRecord(String enterprise) {
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(enterprise);
		assertThat(browser.findElement(By.id("inspectedAt")).getAttribute("value")).as("the time is proposed: now")
			.isNotEmpty();
		browser.findElement(By.id("presentPersons")).sendKeys("企业安全负责人 王明");
		assertThat(browser.findElement(By.cssSelector("label[for=outcome-2]")).getText()).isEqualTo("重大危险源和危险化学品管理情况");
		new Select(browser.findElement(By.id("outcome-2"))).selectByVisibleText("存在隐患");
		browser.findElement(By.id("note-2")).sendKeys("储罐区报警器失效");
		new Select(browser.findElement(By.id("outcome-1"))).selectByVisibleText("存在隐患");
		hazard(0, "储罐区可燃气体报警器失效", "重大隐患", "东侧储罐区");
		hazard(1, "两名操作人员未经安全培训上岗", "一般隐患", "合成车间");
		browser.findElement(By.id("measures")).sendKeys("责令立即停用东侧储罐区，3 日内修复可燃气体报警器；未经培训人员停止上岗。");
		click(By.xpath("//fieldset[@id='signers']//label[text()='王执法（平顶山市新华区应急管理局）']"));
		click(By.xpath("//fieldset[@id='signers']//label[text()='郑检查（宝丰县应急管理局）']"));

		assertThat(((Number) script("return document.documentElement.scrollWidth;")).intValue()).as("page width")
			.isLessThanOrEqualTo(375);
		assertThat(noSidewaysScroll()).as("the form fits a phone's width").isTrue();
		scrollTo(By.xpath("//h2[text()='发现的隐患']"));
		Chromium.screenshot(browser, "142-field-record-form-on-a-phone");
		click(By.id("save-record"));

		notice("检查记录已保存，发现隐患 2 项；可为隐患拍照上传");
		assertThat(browser.findElement(By.id("record")).getText()).contains("企业安全负责人 王明",
				"重大危险源和危险化学品管理情况：存在隐患（储罐区报警器失效）", "安全教育培训和持证上岗情况：存在隐患",
				"应急预案和应急演练情况：符合", "责令立即停用东侧储罐区");
		assertThat(browser.findElement(By.id("signatures")).getText().split("、")).containsExactlyInAnyOrder("王执法",
				"郑检查");
		assertThat(browser.findElement(By.id("hazard-1")).getText()).contains("重大隐患", "储罐区可燃气体报警器失效",
				"位置：东侧储罐区", "上传照片");
		assertThat(browser.findElement(By.id("hazard-2")).getText()).contains("一般隐患", "两名操作人员未经安全培训上岗",
				"位置：合成车间");
		assertThat(absent(By.id("field-form"))).as("a target is recorded once").isTrue();
		assertThat(noSidewaysScroll()).as("the record too fits a phone's width").isTrue();
		Chromium.screenshot(browser, "143-field-record-saved-on-a-phone");
	}

	private void hazard(int row, String description, String level, String location) {
		browser.findElement(By.id("hazard-description-" + row)).sendKeys(description);
		new Select(browser.findElement(By.id("hazard-level-" + row))).selectByVisibleText(level);
		browser.findElement(By.id("hazard-location-" + row)).sendKeys(location);
	}

	/** The organiser sums the operation up: the figures stay on the page, the report is numbered and signed. */
	private void issueSummary(int year) {
		String figures = "检查对象 1 个，已检查 1 个；一般隐患 1 项，重大隐患 1 项；立案 0 件";
		assertThat(browser.findElement(By.id("figures-total")).getText()).isEqualTo(figures);
		browser.findElement(By.id("remarks")).sendKeys("行动成效明显，发现的隐患已责令整改，宝丰县应急管理局跟踪复查。");
		click(By.id("issue-summary"));
		confirm("印发总结通报后行动即结束，不能再添加检查对象或检查记录，确定？");

		String number = browser.findElement(By.id("summary-document")).getText();
		assertThat(number).matches("新华应急联〔" + year + "〕\\d+号");
		notice("已印发总结通报 " + number + "，行动结束");
		assertThat(browser.findElement(By.id("operation-state")).getText()).isEqualTo("已结束");
		assertThat(browser.findElement(By.id("figures-total")).getText()).isEqualTo(figures);
		assertThat(browser.findElement(By.xpath("//div[@id='figures']//tr[td[1][text()='" + BAOFENG + "']]")).getText())
			.as("宝丰县 answers for the team: 1 target, inspected, a general and a major hazard, no case")
			.isEqualTo(BAOFENG + " 1 1 1 1 0");
		assertThat(absent(By.id("conclude-form")) && absent(By.id("targets-form")) && absent(By.id("team-form")))
			.as("a concluded operation takes no more targets, teams or summaries").isTrue();
		chartDrawn("operation-chart");
		Chromium.screenshot(browser, "144-joint-operation-concluded");

		click(By.id("summary-document"));
		arriveAt("/documents/\\d+");
		assertThat(browser.findElement(By.id("document-number")).getText()).isEqualTo(number);
		assertThat(browser.findElement(By.id("document-title")).getText()).contains("联合执法行动情况的通报");
		assertThat(browser.findElement(By.id("letter")).getText()).contains(BAOFENG + "：",
				"共确定检查对象 1 个，检查 1 个，发现隐患 2 项（一般隐患 1 项、重大隐患 1 项），立案查处 0 件",
				"行动成效明显", "本公文已加盖电子印章");
		Chromium.screenshot(browser, "145-joint-operation-summary-report");
	}

	/** The text of a unit's row in the table of participating units. */
	private String unitRow(String agencyName) {
		return browser.findElement(By.xpath("//div[@id='units']//tr[td[1]/span[1][text()='" + agencyName + "']]"))
			.getText();
	}

	/** Whether the page fits the window's width (at most 375 px here), with nothing to scroll sideways. */
	private boolean noSidewaysScroll() {
		return (Boolean) script("""
				var page = document.documentElement;
				return page.clientWidth <= 375 && page.scrollWidth <= page.clientWidth;""");
	}

	/** Waits for the page after a form was answered with a notice. */
	private void notice(String text) {
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), text));
	}

	/** Sets a date input's value the way the date picker does: Chromium's typed date format follows the locale. */
	private void date(By locator, LocalDate day) {
		script("arguments[0].value = arguments[1];", browser.findElement(locator), day.toString());
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}
}
