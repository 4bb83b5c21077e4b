package org.liandong.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.BrowserJourney;
import org.liandong.support.Chromium;
import org.liandong.support.Fixtures;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11's page-by-page review, in a real browser: for every role, every page reachable from the
 * navigation and the links on those pages one level deep, at 1366×768 and at tablet width 768×1024.
 * Each page must not scroll sideways, must show no English word in its labels, buttons, headings and
 * table headers, must not break a short button or column label over lines, must label every field it
 * shows, and must page every table of list data (or say in {@code data-unpaged} why the list is short
 * by nature). A screenshot of each page is kept under
 * target/screenshots/review-*.png.
 */
class PageReviewIT extends BrowserJourney {

	/**
	 * Words that are names of things, not labels to translate: formats, algorithms, a unit, the key printed
	 * on the keyboard, authenticator apps. Data shown in a heading (a user name) is marked translate="no".
	 */
	private static final Set<String> ALLOWED_WORDS = Set.of("PDF", "API", "SM2", "SM3", "SM4", "TOTP", "ID", "Excel", "xlsx",
			"OpenAPI", "QR", "CSV", "URL", "OFD", "HTTP", "HTTPS", "REST", "JSON", "MB", "Ctrl", "Google", "Microsoft",
			"Authenticator");

	/** Links not to follow: the sign-out, files to download, and the third-party interface browser (English by design). */
	private static final Pattern SKIPPED = Pattern.compile(
			".*(/logout|/swagger-ui|/v3/api-docs|/attachments/|/export|\\.pdf|\\.xlsx|/letter\\.pdf|/download|/progress|/result|/panel|/host-proposal|/conduct).*");

	private static final List<Dimension> WINDOWS = List.of(new Dimension(1366, 768), new Dimension(768, 1024));

	/** What one page shows that breaks a rule of issue 11, as text; empty when nothing does. */
	private static final String REVIEW = """
			const problems = [];
			const root = document.documentElement;
			if (root.scrollWidth > root.clientWidth + 1) {
			  problems.push('scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
			}
			const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
			    && getComputedStyle(e).visibility !== 'hidden';
			const allowed = new Set(arguments[0]);
			const texts = [];
			const words = e => {
			  const copy = e.cloneNode(true);
			  copy.querySelectorAll('[translate="no"]').forEach(n => n.remove());
			  return copy.textContent;
			};
			document.querySelectorAll('label, button, h1, h2, h3, h4, h5, h6, th, legend, .nav-link, .btn, .dropdown-item, .form-text, .badge, caption, summary')
			  .forEach(e => { if (visible(e) && !e.closest('[translate="no"]')) texts.push(words(e)); });
			document.querySelectorAll('input[placeholder], textarea[placeholder]')
			  .forEach(e => { if (visible(e)) texts.push(e.getAttribute('placeholder')); });
			document.querySelectorAll('select').forEach(s => { if (visible(s)) Array.from(s.options).forEach(o => texts.push(o.text)); });
			texts.push(document.title);
			texts.forEach(text => {
			  (text || '').split(/[\\s，。、：；（）()「」“”"'：:,;!?！？\\[\\]【】<>《》/]+/).forEach(token => {
			    // identifiers (user names, codes, addresses, numbers) are data, not words
			    if (!/^[A-Za-z]{2,}$/.test(token) || allowed.has(token)) return;
			    problems.push('English word "' + token + '" in: ' + text.trim().substring(0, 80));
			  });
			});
			// a short Chinese label broken over lines, a character or two a line, is unreadable
			const lines = e => {
			  const range = document.createRange();
			  range.selectNodeContents(e);
			  return new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top))).size;
			};
			document.querySelectorAll('button, .btn, th').forEach(e => {
			  const text = (e.innerText || '').trim();
			  if (visible(e) && text.length > 0 && text.length <= 4 && !/\s/.test(text) && lines(e) > 1) {
			    problems.push('short label broken over lines: ' + text);
			  }
			});
			document.querySelectorAll('input, select, textarea').forEach(f => {
			  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type) || !visible(f)) return;
			  const labelled = f.getAttribute('aria-label') || f.getAttribute('aria-labelledby') || f.closest('label')
			      || (f.id && document.querySelector('label[for="' + CSS.escape(f.id) + '"]'));
			  if (!labelled) problems.push('field without a label: ' + f.outerHTML.substring(0, 120));
			});
			document.querySelectorAll('main table').forEach(t => {
			  if (!visible(t) || t.closest('[data-unpaged]')) return;
			  const box = t.closest('.ld-card, section, main');
			  if (!box.querySelector('nav[aria-label="分页"]')) {
			    problems.push('table without a pager: #' + (t.id || '?') + ' '
			        + (t.querySelector('thead') || t).innerText.substring(0, 60).replace(/\\s+/g, ' '));
			  }
			});
			const status = document.querySelector('main h1');
			if (status && /^(4|5)\\d\\d /.test(status.innerText)) problems.push('error page: ' + status.innerText);
			return problems.join('\\n');""";

	private static boolean seeded;

	/**
	 * Something on every kind of page, so the links of the lists lead to filled pages: a case notified to
	 * a neighbour, a request for assistance sent, a major case reported, a bulletin, a meeting, a report plan.
	 */
	@BeforeEach
	void seed() {
		if (seeded) {
			return;
		}
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		created(xinhua.post("/api/v1/cases/" + caseId + "/notifications", "{\"recipientCodes\": [\"410403\"]}"));
		Reply request = created(xinhua.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410403", "matters": "核实该企业在卫东区仓库的危险化学品储存情况",
				 "legalBasis": "《中华人民共和国安全生产法》第八十七条", "answerBy": "%s"}""".formatted(caseId, today.plusDays(20))));
		created(xinhua.post("/api/v1/assistance-requests/" + request.json().path("id").asLong() + "/send", "{}"));
		long majorCase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		created(xinhua.post("/api/v1/cases/" + majorCase + "/major-report",
				"{\"facts\": \"该企业储存危险化学品严重超量，涉及两个县区，社会影响较大。\"}"));
		created(Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
				"{\"title\": \"新华区某化工企业发生泄漏\", \"body\": \"今日 10 时许发生少量泄漏，无人员伤亡，请各地排查同类企业。\"}"));
		Api office = Api.at(port).as("city.detachment", PASSWORD);
		created(office.post("/api/v1/meetings", """
				{"kind": "AD_HOC", "title": "危险化学品跨区域联合执法专题会议", "agenda": "研究联合执法检查安排",
				 "place": "市应急管理局三楼会议室", "startsAt": "%sT09:00:00", "replyBy": "%s"}"""
			.formatted(today.plusDays(7), today.plusDays(5))));
		created(office.post("/api/v1/reports/schedules", "{\"title\": \"月度执法统计\", \"frequency\": \"MONTHLY\", \"dueDay\": 5}"));
		seeded = true;
	}

	private static Reply created(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
		return reply;
	}

	@ParameterizedTest
	@ValueSource(strings = { "xinhua.enforcer", "xinhua.liaison", "city.legal", "city.detachment", "city.leader",
			"sysadmin", "secadmin", "auditor" })
	void every_page_of_the_role_keeps_the_rules_of_issue_11(String username) {
		signIn(username, PASSWORD);
		Map<String, String> pages = new LinkedHashMap<>();
		for (String link : links("nav.navbar a[href]")) {
			pages.putIfAbsent(shape(link), link);
		}
		for (String page : List.copyOf(pages.values())) {
			open(page);
			settle();
			for (String link : links("main a[href]")) {
				pages.putIfAbsent(shape(link), link);
			}
		}

		List<String> problems = new ArrayList<>();
		for (Dimension window : WINDOWS) {
			browser.manage().window().setSize(window);
			for (String page : pages.values()) {
				open(page);
				settle();
				String found = (String) ((JavascriptExecutor) browser).executeScript(REVIEW, List.copyOf(ALLOWED_WORDS));
				Chromium.screenshot(browser, "review-" + username + "-" + window.getWidth() + page.replaceAll("[^A-Za-z0-9]+", "_"));
				if (!found.isEmpty()) {
					problems.add("%s at %d: %s\n  %s".formatted(username, window.getWidth(), page, found.replace("\n", "\n  ")));
				}
			}
		}
		assertThat(pages).as("pages reviewed for %s", username).isNotEmpty();
		assertThat(problems).as("pages of %s breaking the rules of issue 11:\n%s", username, String.join("\n", problems))
			.isEmpty();
	}

	/**
	 * Issue 23, phones: the pages a person needs away from the desk keep the same rules at 375 px wide —
	 * the inbox, a bulletin to acknowledge, a request to accept and to answer, a letter, a dispatch and a
	 * designation to sign off.
	 */
	@Test
	void the_pages_needed_away_from_the_desk_keep_the_rules_at_phone_width() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		long toAccept = sent(xinhua);
		long toAnswer = sent(xinhua);
		created(Api.at(port).as("weidong.enforcer", PASSWORD).post("/api/v1/assistance-requests/" + toAnswer + "/accept", "{}"));
		long bulletin = created(Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
				"{\"title\": \"新华区某仓库发生火情\", \"body\": \"已扑灭，无人员伤亡，请各地排查同类仓库。\"}")).json().path("id").asLong();
		String leader = Fixtures.person(Api.at(port), "410402", "LEADER");
		long toSignOff;
		// the sign-off only while this test needs it: the other journeys' letters leave at once
		created(sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"ASSISTANCE_LETTER\", \"required\": true}"));
		try {
			toSignOff = sent(xinhua);
		}
		finally {
			created(sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"ASSISTANCE_LETTER\", \"required\": false}"));
		}
		// the city's leader signs off a dispatch and a designation too (issue 23), the policies set only meanwhile
		long dispatchToSignOff;
		long designationToSignOff;
		created(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"DISPATCH_NOTICE\", \"required\": true}"));
		created(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"DESIGNATION_NOTICE\", \"required\": true}"));
		try {
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
			dispatchToSignOff = created(Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/dispatches", """
					{"caseId": %d, "agencyCode": "410402", "instruction": "请于期限内完成对该企业的复查并报告整改情况。",
					 "dueOn": "%s"}""".formatted(caseId, today.plusDays(7)))).json().path("id").asLong();
			designationToSignOff = created(xinhua.post("/api/v1/cases/" + caseId + "/major-report",
					"{\"facts\": \"该企业储存危险化学品严重超量，涉及两个县区。\"}")).json().path("id").asLong();
			created(Api.at(port).as("city.legal", PASSWORD).post("/api/v1/major-reports/" + designationToSignOff
					+ "/designation", """
					{"instructions": "请主办单位牵头调查取证。",
					 "parties": [{"agencyCode": "410403", "role": "LEAD", "task": "牵头调查取证、作出处理决定", "dueOn": "%s"}]}"""
				.formatted(today.plusDays(20))));
		}
		finally {
			created(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"DISPATCH_NOTICE\", \"required\": false}"));
			created(sysadmin.put("/api/v1/sign-off-policies/410400",
					"{\"kind\": \"DESIGNATION_NOTICE\", \"required\": false}"));
		}
		Map<String, List<String>> pagesOf = new LinkedHashMap<>();
		pagesOf.put("weidong.enforcer", List.of("/inbox", "/assistance/" + toAccept, "/assistance/" + toAnswer));
		pagesOf.put("weidong.liaison", List.of("/inbox", "/bulletins/" + bulletin));
		pagesOf.put(leader, List.of("/assistance/" + toSignOff));
		pagesOf.put("city.leader", List.of("/dispatches/" + dispatchToSignOff, "/major-reports/" + designationToSignOff));

		List<String> problems = new ArrayList<>();
		browser.manage().window().setSize(new Dimension(375, 812));
		try {
			pagesOf.forEach((username, pages) -> {
				signIn(username, username.equals(leader) ? Fixtures.NEW_USER_PASSWORD : PASSWORD);
				for (String page : pages) {
					open(page);
					settle();
					String found = (String) ((JavascriptExecutor) browser).executeScript(REVIEW, List.copyOf(ALLOWED_WORDS));
					Chromium.screenshot(browser, "review-phone-" + (username.equals(leader) ? "leader" : username)
							+ page.replaceAll("[^A-Za-z0-9]+", "_"));
					if (!found.isEmpty()) {
						problems.add("%s at 375: %s\n  %s".formatted(username, page, found.replace("\n", "\n  ")));
					}
				}
				// the next person signs in afresh (the sign-out button sits in the folded menu at this width)
				browser.manage().deleteAllCookies();
			});
		}
		finally {
			browser.manage().window().setSize(WINDOWS.get(0));
		}
		assertThat(problems).as("pages breaking the rules at phone width:\n%s", String.join("\n", problems)).isEmpty();
	}

	/** A request of 新华区 to 卫东区, sent (or, where 新华区's letters need a sign-off, waiting for it). */
	private long sent(Api xinhua) {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		long id = created(xinhua.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410403", "matters": "核实该企业在卫东区仓库的危险化学品储存情况",
				 "legalBasis": "《中华人民共和国安全生产法》第八十七条", "answerBy": "%s"}""".formatted(caseId,
						LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20)))).json().path("id").asLong();
		created(xinhua.post("/api/v1/assistance-requests/" + id + "/send", "{}"));
		return id;
	}

	@Test
	void the_sign_in_page_keeps_the_rules_of_issue_11() {
		List<String> problems = new ArrayList<>();
		for (Dimension window : WINDOWS) {
			browser.manage().window().setSize(window);
			open("/login");
			settle();
			String found = (String) ((JavascriptExecutor) browser).executeScript(REVIEW, List.copyOf(ALLOWED_WORDS));
			Chromium.screenshot(browser, "review-signed-out-" + window.getWidth() + "_login");
			if (!found.isEmpty()) {
				problems.add("/login at %d:\n  %s".formatted(window.getWidth(), found.replace("\n", "\n  ")));
			}
		}
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	/** The application's own pages this part of the page links to, without fragments. */
	@SuppressWarnings("unchecked")
	private Set<String> links(String selector) {
		List<String> hrefs = (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0])).map(a => a.href);", selector);
		Set<String> paths = new LinkedHashSet<>();
		String origin = "http://localhost:" + port;
		for (String href : hrefs) {
			if (!href.startsWith(origin)) {
				continue;
			}
			URI uri = URI.create(href);
			String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			if (path.isEmpty() || SKIPPED.matcher(path).matches()) {
				continue;
			}
			paths.add(path);
		}
		return paths;
	}

	/** A page's kind: its path with every number as a placeholder, the query (a filter, a sort, a page) dropped. */
	private static String shape(String path) {
		return path.replaceFirst("\\?.*", "").replaceAll("\\d+", "{n}");
	}

	/** Waits until htmx has loaded what the page asks for on load. */
	private void settle() {
		try {
			Thread.sleep(150);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> (Boolean) ((JavascriptExecutor) driver)
			.executeScript("return document.readyState === 'complete' && !document.querySelector('.htmx-request');"));
	}
}
