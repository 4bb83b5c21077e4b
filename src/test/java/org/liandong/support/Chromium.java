package org.liandong.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, offline: nothing is downloaded.
 * Fails loudly when either is missing, so a browser test never passes by being skipped.
 */
public final class Chromium {

	public static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static final String BROWSER = System.getProperty("liandong.chromium", "/usr/bin/chromium");

	private static final String DRIVER = System.getProperty("liandong.chromedriver", "/usr/bin/chromedriver");

	private Chromium() {
	}

	public static WebDriver start() {
		if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
			throw new IllegalStateException("浏览器测试需要 " + BROWSER + " 和 " + DRIVER
					+ "（Debian 软件包 chromium、chromium-driver），请先安装");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
				"--window-size=1366,768");
		// what the pages are asked for in, as a Chinese desktop's browser asks (Accept-Language)
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		// the language of a Chinese desktop, so that date fields read 年/月/日 as the users see them; LANG stays
		// as it is (a UTF-8 locale that exists), or files with Chinese names could not be uploaded
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
			.withEnvironment(Map.of("LANGUAGE", "zh_CN:zh"))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		driver.manage().window().setSize(new Dimension(1366, 768));
		return driver;
	}

	/** Saves what the user sees as a build artefact under target/screenshots. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
