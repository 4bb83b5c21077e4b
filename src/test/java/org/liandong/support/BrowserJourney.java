package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A journey of a person through the pages, in headless Chromium against the whole application. */
@Tag("browser")
@LiandongIntegrationTest
public abstract class BrowserJourney {

	@LocalServerPort
	protected int port;

	protected WebDriver browser;

	/** The page on which the last click happened: a confirmed form or a sign-out replaces it. */
	private WebElement pageOfLastClick;

	@BeforeEach
	void openBrowser() {
		browser = Chromium.start();
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	protected void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	protected void signIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		// the next step must not start before the form was answered (the next page, or /login?error)
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().endsWith("/login"));
		if (SecondFactor.DEMO_ADMINISTRATORS.contains(username) && browser.getCurrentUrl().endsWith("/login/two-factor")) {
			secondStep(SecondFactor.freshCode(port, username, SecondFactor.DEMO_SECRET));
		}
	}

	/** Gives the one-time password at the second step of a sign-in (issue 12). */
	protected void secondStep(String code) {
		browser.findElement(By.id("code")).sendKeys(code);
		WebElement submit = browser.findElement(By.id("two-factor-submit"));
		submit.click();
		// the answer is a new page: the next one, or the same step with the reason of the refusal
		replaced(submit);
	}

	protected void signOut() {
		click(By.xpath("//button[text()='退出登录']"));
		pageReplaced();
	}

	/** Scrolls the element to the middle of the window first (at once: Bootstrap scrolls smoothly), as a person would. */
	protected void click(By locator) {
		WebElement element = browser.findElement(locator);
		pageOfLastClick = browser.findElement(By.tagName("html"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	/** Clicks what leads to another page (a link, a form's button) and waits for that page to replace this one. */
	protected void clickToNextPage(By locator) {
		click(locator);
		pageReplaced();
	}

	/**
	 * Submits the field's form and waits for the answering page: read at once, the page before may still be there and
	 * its elements go stale under the reader (LiaisonRosterJourneyIT failed so).
	 */
	protected void submit(WebElement field) {
		WebElement before = browser.findElement(By.tagName("html"));
		field.submit();
		replaced(before);
	}

	/** Scrolls the window so that the element starts near its top. */
	protected void scrollTo(By locator) {
		((JavascriptExecutor) browser).executeScript(
				"window.scrollTo({top: arguments[0].getBoundingClientRect().top + window.scrollY - 16, behavior: 'instant'});",
				browser.findElement(locator));
	}

	/**
	 * Answers the browser's confirm() question, which a form with data-confirm asks, with OK, and waits for the form's
	 * answer: the next step must not read the message of the page before (a stale element in a browser run).
	 */
	protected void confirm(String question) {
		Alert alert = new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		assertThat(alert.getText()).isEqualTo(question);
		alert.accept();
		pageReplaced();
	}

	/** Waits for the page of the last click to give way to the next one. */
	private void pageReplaced() {
		if (pageOfLastClick != null) {
			replaced(pageOfLastClick);
		}
	}

	/**
	 * Waits, at most ten seconds, for an element of the page before to belong to a page no longer. Chromium asked about
	 * such an element while the next page comes in answers "stale element" or, at times, "Node with given id does not
	 * belong to the document" (an unknown error, which ExpectedConditions.stalenessOf lets through): both mean gone.
	 */
	protected void replaced(WebElement ofPageBefore) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
			try {
				ofPageBefore.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException gone) {
				return true;
			}
			catch (WebDriverException error) {
				if (error.getMessage() != null && error.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw error;
			}
		});
	}

	/** Waits for the browser to arrive at a page of the application. */
	protected void arriveAt(String pathPattern) {
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.urlMatches("^http://localhost:" + port + pathPattern + "$"));
	}

	/** Whether the page has no such element, asked without waiting for it to appear. */
	protected boolean absent(By locator) {
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return browser.findElements(locator).isEmpty();
		}
		finally {
			browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		}
	}

	/** Waits for an ECharts chart's bars to finish growing, at most two seconds, so a screenshot shows their heights. */
	protected void chartDrawn(String id) {
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
		((JavascriptExecutor) browser).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
				if (!chart) { done(false); return; }
				chart.on('finished', function () { done(true); });
				setTimeout(function () { done(false); }, 2000);""", id);
	}
}
