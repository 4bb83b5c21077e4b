package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 23 (R6.3) in a real browser: an enforcer of a county bureau has an ordinary page open when a
 * neighbouring county sends a bulletin; without reloading, the page shows it under the navigation bar
 * with the time left to acknowledge it (30 minutes from its sending) counting down, above the page's
 * own content and within a phone's width; its link leads to the bulletin, and once the bureau's liaison
 * has acknowledged it, at another desk, it leaves the page the enforcer still has open.
 */
class LiveBulletinJourneyIT extends BrowserJourney {

	/** How long a recipient bureau has to acknowledge a bulletin (R6.3, liandong.sharing.bulletin-ack-window). */
	private static final Duration ACK_WINDOW = Duration.ofMinutes(30);

	private static final Pattern TIME_LEFT = Pattern.compile("剩余 (\\d+) 分 (\\d{2}) 秒 签收");

	/** The bureau's alerts are read from the database every 300 ms and a stream reopens within about 3 s here. */
	private static final Duration SHOWN_WITHIN = Duration.ofSeconds(10);

	@Test
	void a_bulletin_appears_on_a_recipients_open_page_and_leaves_it_once_acknowledged() throws InterruptedException {
		String title = "新华区某烟花爆竹仓库发生爆燃" + Fixtures.unique("-");

		signIn("weidong.enforcer", PASSWORD);
		open("/inbox");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("消息");
		markThisPage();

		// a neighbouring county's liaison sends a bulletin, through the interface of another system
		Reply sent = Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
				"{\"title\": \"%s\", \"body\": \"今日 9 时许，新华区某烟花爆竹仓库发生爆燃，无人员伤亡。请各地立即排查辖区烟花爆竹储存场所。\"}"
					.formatted(title));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		long id = sent.json().path("id").asLong();
		Instant due = Instant.parse(sent.json().path("ackDueAt").asString());
		// the window from the sending (to the second: the database rounds the instant sent, the deadline is cut to the microsecond)
		assertThat(Duration.between(Instant.parse(sent.json().path("sentAt").asString()), due))
			.isBetween(ACK_WINDOW.minusSeconds(1), ACK_WINDOW);

		// the open page shows it without being reloaded
		String alert = "#ld-live-bulletins div.alert.alert-danger[data-bulletin='" + id + "']";
		Map<String, Object> shown = shownWithin(alert);
		assertThat(stillThisPage()).as("the same page, not reloaded").isTrue();
		assertThat(browser.getCurrentUrl()).endsWith("/inbox");
		assertThat((String) shown.get("text")).startsWith("快报待签收").contains(title, "平顶山市新华区应急管理局");
		assertThat(shown.get("title")).isEqualTo(title);
		assertThat(shown.get("href")).isEqualTo("/bulletins/" + id);

		// the time left to acknowledge: at most the 30 minutes from the sending, counting down by the second
		long first = secondsLeft(shown);
		long firstRead = System.nanoTime();
		long leftNow = Duration.between(Instant.now(), due).toSeconds();
		assertThat(first).isLessThanOrEqualTo(ACK_WINDOW.toSeconds()).isBetween(leftNow - 3, leftNow + 3)
			.isGreaterThan(ACK_WINDOW.toSeconds() - 60);
		script("document.querySelector(arguments[0]).ldDrawn = true;", alert);
		Thread.sleep(4_000);
		long second = secondsLeft(shownWithin(alert));
		long elapsed = Duration.ofNanos(System.nanoTime() - firstRead).toSeconds();
		assertThat(first - second).as("%d s then %d s, %d s apart", first, second, elapsed)
			.isPositive()
			.isBetween(elapsed - 2, elapsed + 2);
		// meanwhile its stream ended and reopened with the same list (after a second here): the alert was left as it was
		assertThat(script("return document.querySelector(arguments[0]).ldDrawn === true;", alert))
			.as("not drawn anew").isEqualTo(true);

		// above the page's own content, which stays visible and can be clicked: nothing lies over it
		WebElement heading = browser.findElement(By.tagName("h1"));
		assertThat(heading.isDisplayed()).isTrue();
		assertThat(number(shownWithin(alert), "bottom")).isLessThanOrEqualTo(
				((Number) script("return arguments[0].getBoundingClientRect().top;", heading)).doubleValue());
		assertThat(browser.findElement(By.cssSelector("nav.ld-navbar + #ld-live-bulletins")).isDisplayed())
			.as("right under the navigation bar").isTrue();
		assertThat((Boolean) script("""
				const r = arguments[0].getBoundingClientRect();
				const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return at === arguments[0] || arguments[0].contains(at);""", heading)).as("the heading is not covered").isTrue();
		heading.click();
		// the countdown changes every second; a screen reader reads the alert once, not at every tick
		assertThat(shownWithin(alert).get("countdownLive")).isEqualTo("off");
		Chromium.screenshot(browser, "123-live-bulletin-on-an-open-page");

		// at a phone's width the alert stays within the window
		browser.manage().window().setSize(new Dimension(375, 812));
		script("window.scrollTo({top: 0, behavior: 'instant'});");
		Map<String, Object> phone = shownWithin(alert);
		int viewport = ((Number) script("return document.documentElement.clientWidth;")).intValue();
		assertThat(viewport).isLessThanOrEqualTo(375);
		assertThat(number(phone, "width")).as("alert width at a viewport of %d px", viewport).isLessThanOrEqualTo(viewport);
		assertThat(number(phone, "left")).isGreaterThanOrEqualTo(0);
		assertThat(number(phone, "right")).isLessThanOrEqualTo(viewport);
		assertThat(phone.get("overflows")).as("its text wraps rather than running out of it").isEqualTo(false);
		Chromium.screenshot(browser, "124-live-bulletin-at-a-phone-width");
		browser.manage().window().setSize(new Dimension(1366, 768));

		// its link leads to the bulletin; the page the enforcer reads it on shows the alert too
		followLink(alert);
		arriveAt("/bulletins/" + id);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		shownWithin(alert);
		markThisPage();

		// the bureau's liaison acknowledges it at another desk, and no longer sees the alert
		inAnotherBrowser(() -> {
			signIn("weidong.liaison", PASSWORD);
			shownWithin(alert);
			followLink(alert);
			arriveAt("/bulletins/" + id);
			click(By.id("acknowledge"));
			new WebDriverWait(browser, Duration.ofSeconds(5))
				.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), "已签收"));
			goneWithin(alert);
		});

		// it leaves the page the enforcer still has open, which was not reloaded
		goneWithin(alert);
		assertThat(stillThisPage()).as("the same page, not reloaded").isTrue();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
	}

	/**
	 * What the alert shows, read in one go: the page draws its alerts anew on each message of the stream
	 * (here every few seconds, as the stream ends after one), so an element found earlier may be gone.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> read(String alert) {
		return (Map<String, Object>) script("""
				const a = document.querySelector(arguments[0]);
				if (!a || a.offsetParent === null) { return null; }
				const link = a.querySelector('a.alert-link');
				const clock = a.querySelector('.ld-countdown');
				const r = a.getBoundingClientRect();
				return {text: a.innerText, title: link.textContent, href: link.getAttribute('href'),
					countdown: clock.textContent, countdownLive: clock.getAttribute('aria-live'),
					top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
					overflows: a.scrollWidth > a.clientWidth};""", alert);
	}

	private Map<String, Object> shownWithin(String alert) {
		return new WebDriverWait(browser, SHOWN_WITHIN).until(driver -> read(alert));
	}

	private void goneWithin(String alert) {
		new WebDriverWait(browser, SHOWN_WITHIN).until(driver -> read(alert) == null && absent(By.cssSelector(alert)));
	}

	/** Clicks the alert's link as a person would, found again should the alert be drawn anew meanwhile. */
	private void followLink(String alert) {
		new WebDriverWait(browser, SHOWN_WITHIN).ignoring(StaleElementReferenceException.class).until(driver -> {
			click(By.cssSelector(alert + " a.alert-link"));
			return true;
		});
	}

	private static double number(Map<String, Object> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

	/** The seconds left that the alert's countdown shows. */
	private static long secondsLeft(Map<String, Object> alert) {
		String text = (String) alert.get("countdown");
		Matcher left = TIME_LEFT.matcher(text);
		assertThat(left.matches()).as("countdown reads %s", text).isTrue();
		return Long.parseLong(left.group(1)) * 60 + Long.parseLong(left.group(2));
	}

	/** Leaves a mark on the page loaded, which a reload would wipe out. */
	private void markThisPage() {
		script("window.ldSamePage = true;");
	}

	private boolean stillThisPage() {
		return Boolean.TRUE.equals(script("return window.ldSamePage === true;"));
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	/** Another person at another desk: the steps run in a browser of their own, closed afterwards. */
	private void inAnotherBrowser(Runnable steps) {
		WebDriver mine = browser;
		browser = Chromium.start();
		try {
			steps.run();
		}
		finally {
			browser.quit();
			browser = mine;
		}
	}
}
