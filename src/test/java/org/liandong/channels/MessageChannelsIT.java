package org.liandong.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23 (R6.3, R7.1): what must reach people away from their desks leaves by SMS, e-mail and the
 * bureaus' WeCom and DingTalk group robots, against real servers: GreenMail as the SMTP server and one
 * WireMock HTTP server as the SMS provider and both robots' webhooks. The deployment here keeps quiet
 * hours from 00:00 to 23:59:59 Beijing time, so everything these tests send is sent within them.
 */
@LiandongIntegrationTest
class MessageChannelsIT {

	static final WireMockServer providers = new WireMockServer(options().dynamicPort());

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static {
		providers.start();
		// the SMS provider and the robots take messages (WeCom and DingTalk answer errcode 0 when they do)
		providers.stubFor(post(urlEqualTo("/sms")).willReturn(aResponse().withStatus(200).withBody("{\"code\": \"OK\"}")));
		providers.stubFor(post(urlEqualTo("/wecom/410403")).willReturn(robotTook()));
		providers.stubFor(post(urlEqualTo("/dingtalk/410403")).willReturn(robotTook()));
		smtp.start();
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("liandong.channels.every", () -> "300ms");
		registry.add("liandong.channels.retry-base", () -> "300ms");
		registry.add("liandong.channels.retry-max", () -> "1s");
		registry.add("liandong.channels.quiet-from", () -> "00:00");
		registry.add("liandong.channels.quiet-to", () -> "23:59:59");
		registry.add("liandong.channels.link-base", () -> "https://lianding.example.cn");
		registry.add("liandong.channels.sms.url", () -> providers.baseUrl() + "/sms");
		registry.add("liandong.channels.sms.api-key", () -> "sms-test-key");
		registry.add("liandong.channels.robots.410403.wecom", () -> providers.baseUrl() + "/wecom/410403");
		registry.add("liandong.channels.robots.410403.dingtalk", () -> providers.baseUrl() + "/dingtalk/410403");
		registry.add("liandong.channels.mail.from", () -> "noreply@lianding.example.cn");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_urgent_bulletin_reaches_phones_mailboxes_and_group_robots_once_within_quiet_hours() throws Exception {
		Api weidong = Api.at(port).as("weidong.liaison", PASSWORD);
		// the liaison adds e-mail to the SMS that urgent bulletins always use
		Reply chosen = weidong.put("/api/v1/me/message-channels", "{\"choices\": {\"URGENT\": [\"EMAIL\"]}}");
		assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
		assertThat(choice(chosen.json(), "URGENT").path("chosen").toString()).contains("SMS", "EMAIL");
		String mobile = mobileOf("weidong.liaison", "410403");
		String title = Fixtures.unique("卫东区周边化工企业泄漏快报");

		Reply sent = Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
				"{\"title\": \"%s\", \"body\": \"泄漏企业负责人张某某，电话 13900000000，请各地排查同类企业。\"}".formatted(title));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			providers.verify(1, postRequestedFor(urlEqualTo("/sms"))
				.withHeader("Authorization", equalTo("Bearer sms-test-key"))
				.withRequestBody(matchingJsonPath("$.phone", equalTo(mobile)))
				.withRequestBody(matchingJsonPath("$.content", com.github.tomakehurst.wiremock.client.WireMock.containing(title))));
			providers.verify(1, postRequestedFor(urlEqualTo("/wecom/410403"))
				.withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
				.withRequestBody(matchingJsonPath("$.text.content", com.github.tomakehurst.wiremock.client.WireMock.containing(title))));
			providers.verify(1, postRequestedFor(urlEqualTo("/dingtalk/410403"))
				.withRequestBody(matchingJsonPath("$.text.content", com.github.tomakehurst.wiremock.client.WireMock.containing(title))));
			assertThat(mailsAbout(title, "weidong.liaison@pds-yjj.example.cn")).hasSize(1);
		});
		MimeMessage mail = mailsAbout(title, "weidong.liaison@pds-yjj.example.cn").get(0);
		String text = (String) mail.getContent();
		// the title and a link back, nothing of the body's personal data
		assertThat(mail.getSubject()).contains(title);
		assertThat(text).contains("https://lianding.example.cn/bulletins/").doesNotContain("张某某", "13900000000");

		// further passes of the job send nothing again
		Thread.sleep(1500);
		providers.verify(1, postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.phone", equalTo(mobile)))
			.withRequestBody(matchingJsonPath("$.content", com.github.tomakehurst.wiremock.client.WireMock.containing(title))));
		providers.verify(1, postRequestedFor(urlEqualTo("/wecom/410403"))
			.withRequestBody(matchingJsonPath("$.text.content", com.github.tomakehurst.wiremock.client.WireMock.containing(title))));
		assertThat(mailsAbout(title, "weidong.liaison@pds-yjj.example.cn")).hasSize(1);

		// the bureau sees what reached its people and its groups, with the numbers masked
		JsonNode deliveries = weidong.get("/api/v1/message-deliveries?size=100").json().path("content");
		// (the reminder that its acknowledgement is due soon follows in the REMINDER category, held by the quiet hours)
		List<JsonNode> mine = stream(deliveries).filter(d -> d.path("title").asString().contains(title)
				&& d.path("category").asString().equals("URGENT")).toList();
		assertThat(mine).extracting(d -> d.path("channel").asString()).contains("SMS", "EMAIL", "WECOM", "DINGTALK");
		assertThat(mine).allSatisfy(d -> assertThat(d.path("status").asString()).isEqualTo("SENT"));
		assertThat(deliveries.toString()).doesNotContain(mobile).contains(mobile.substring(0, 3) + "****");
		// the robots only where a bureau has them: the other recipient bureaus' groups have no delivery
		JsonNode all = Api.at(port).as("city.leader", PASSWORD).get("/api/v1/message-deliveries?size=200").json().path("content");
		assertThat(stream(all).filter(d -> d.path("title").asString().contains(title)
				&& List.of("WECOM", "DINGTALK").contains(d.path("channel").asString()))
			.map(d -> d.path("recipientAgencyCode").asString()).distinct().toList()).containsExactly("410403");
		// the sending bureau sees how its bulletin reached the recipients (issue 23)
		assertThat(Api.at(port).as("xinhua.liaison", PASSWORD).get("/api/v1/message-deliveries?size=200").json()
			.path("content").toString()).contains(title, "410403");
		// another bureau sees none of the deliveries to this one
		assertThat(Api.at(port).as("lushan.enforcer", PASSWORD).get("/api/v1/message-deliveries?size=100").json()
			.path("content").toString()).doesNotContain("410403");
	}

	@Test
	void the_bureau_that_sent_a_request_sees_how_its_message_reached_the_assisting_bureau() {
		// 汝州市's liaison takes work messages by e-mail; 郏县 sends it a request (issue 23: the sender sees, not only
		// for bulletins)
		Api ruzhou = Api.at(port).as("ruzhou.liaison", PASSWORD);
		assertThat(ruzhou.put("/api/v1/me/message-channels", "{\"choices\": {\"WORK\": [\"EMAIL\"]}}").status())
			.isEqualTo(200);
		Api jiaxian = Api.at(port).as("jiaxian.enforcer", PASSWORD);
		long caseId = Fixtures.enterpriseCase(jiaxian, "410425", "COUNTY").path("id").asLong();
		Reply draft = jiaxian.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410482", "matters": "核实该企业在贵辖区的经营场所。",
				 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s"}""".formatted(caseId, LocalDate.now(BEIJING).plusDays(20)));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		Reply sent = jiaxian.post("/api/v1/assistance-requests/" + draft.json().path("id").asLong() + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		String number = sent.json().path("number").asString();

		JsonNode seen = await().atMost(Duration.ofSeconds(20)).until(() -> stream(jiaxian
			.get("/api/v1/message-deliveries?size=200").json().path("content"))
			.filter(d -> d.path("recipientAgencyCode").asString().equals("410482") && d.path("title").asString().contains(number))
			.findFirst().orElse(null), d -> d != null);
		assertThat(seen.path("channel").asString()).isEqualTo("EMAIL");
		// a bureau neither sending nor receiving sees nothing of it
		assertThat(Api.at(port).as("lushan.enforcer", PASSWORD).get("/api/v1/message-deliveries?size=200").json()
			.path("content").toString()).doesNotContain(number);
	}

	@Test
	void a_provider_down_is_retried_with_back_off_until_it_takes_the_message() {
		String mobile = mobileOf("ruzhou.liaison", "410482");
		// the provider refuses this number twice (503), then takes it
		providers.stubFor(post(urlEqualTo("/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.phone", equalTo(mobile)))
			.inScenario("provider down").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("still down")
			.willReturn(aResponse().withStatus(503).withBody("维护中")));
		providers.stubFor(post(urlEqualTo("/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.phone", equalTo(mobile)))
			.inScenario("provider down").whenScenarioStateIs("still down").willSetStateTo("up")
			.willReturn(aResponse().withStatus(503).withBody("维护中")));
		String title = Fixtures.unique("汝州市周边危化品运输车辆侧翻快报");

		Reply sent = Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
				"{\"title\": \"%s\", \"body\": \"请各地排查。\"}".formatted(title));
		// the bulletin is sent whatever the provider does
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);

		Api ruzhou = Api.at(port).as("ruzhou.liaison", PASSWORD);
		Reply list = ruzhou.get("/api/v1/message-deliveries?size=100");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		JsonNode delivered = await().atMost(Duration.ofSeconds(20)).until(() -> stream(ruzhou
			.get("/api/v1/message-deliveries?size=100").json().path("content"))
			.filter(d -> d.path("title").asString().contains(title) && d.path("channel").asString().equals("SMS")
					&& d.path("recipientUser").asString().equals("ruzhou.liaison"))
			.findFirst().orElse(null), d -> d != null && d.path("status").asString().equals("SENT"));
		assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
		assertThat(delivered.path("lastError").asString()).contains("503");
		providers.verify(3, postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.phone", equalTo(mobile)))
			.withRequestBody(matchingJsonPath("$.content", com.github.tomakehurst.wiremock.client.WireMock.containing(title))));
		List<Boolean> attempts = jdbc.sql("select succeeded from channel_attempt where delivery_id = ? order by attempt")
			.param(delivered.path("id").asLong()).query(Boolean.class).list();
		assertThat(attempts).containsExactly(false, false, true);
	}

	@Test
	void a_delivery_the_provider_never_takes_is_given_up_after_twelve_attempts() {
		String mobile = mobileOf("lushan.liaison", "410423");
		providers.stubFor(post(urlEqualTo("/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.phone", equalTo(mobile)))
			.willReturn(aResponse().withStatus(500).withBody("号码不可用")));
		String title = Fixtures.unique("鲁山县周边山体滑坡快报");

		assertThat(Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
				"{\"title\": \"%s\", \"body\": \"请各地排查。\"}".formatted(title)).status()).isEqualTo(201);

		// 300 ms doubled to the 1 s this deployment allows: twelve attempts within some seconds
		JsonNode gaveUp = await().atMost(Duration.ofSeconds(40)).until(() -> stream(Api.at(port)
			.as("lushan.liaison", PASSWORD).get("/api/v1/message-deliveries?size=100").json().path("content"))
			.filter(d -> d.path("title").asString().contains(title) && d.path("channel").asString().equals("SMS"))
			.findFirst().orElse(null), d -> d != null && d.path("status").asString().equals("GAVE_UP"));
		assertThat(gaveUp.path("attempts").asInt()).isEqualTo(12);
		assertThat(gaveUp.path("lastError").asString()).contains("500");
		assertThat(jdbc.sql("select count(*) from channel_attempt where delivery_id = ? and succeeded = false")
			.param(gaveUp.path("id").asLong()).query(Long.class).single()).isEqualTo(12);
	}

	@Test
	void a_reminder_waits_for_the_end_of_the_quiet_hours() {
		String title = Fixtures.unique("【逾期】答复协查请求");
		// the inbox stores an overdue notice for the liaison (as the ledger's scan does)
		jdbc.sql("""
				insert into inbox_message (recipient_agency, recipient_user, kind, title, body, link, source_type, source_id,
				    created_at) values ('410403', 'weidong.liaison', 'OVERDUE', ?, '', '/obligations', 'overdue', ?, ?)""")
			.params(title, title, OffsetDateTime.now()).update();

		JsonNode pending = await().atMost(Duration.ofSeconds(20)).until(() -> stream(Api.at(port)
			.as("weidong.liaison", PASSWORD).get("/api/v1/message-deliveries?size=100").json().path("content"))
			.filter(d -> d.path("title").asString().contains(title)).findFirst().orElse(null), d -> d != null);
		// reminders go by e-mail unless chosen otherwise, and not before 23:59:59 Beijing time today
		assertThat(pending.path("channel").asString()).isEqualTo("EMAIL");
		assertThat(pending.path("status").asString()).isEqualTo("PENDING");
		assertThat(pending.path("attempts").asInt()).isZero();
		OffsetDateTime next = OffsetDateTime.parse(pending.path("nextAttemptAt").asString());
		assertThat(next.atZoneSameInstant(BEIJING).toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
		assertThat(next.atZoneSameInstant(BEIJING).toLocalDate()).isEqualTo(LocalDate.now(BEIJING));
		assertThat(mailsAbout(title, "weidong.liaison@pds-yjj.example.cn")).isEmpty();
	}

	@Test
	void a_person_chooses_channels_but_cannot_turn_off_sms_for_urgent_bulletins_nor_choose_a_group_robot() {
		Api lushan = Api.at(port).as("lushan.liaison", PASSWORD);
		JsonNode before = lushan.get("/api/v1/me/message-channels").json();
		assertThat(choice(before, "REMINDER").path("defaulted").asBoolean()).isTrue();
		assertThat(choice(before, "REMINDER").path("chosen").toString()).contains("EMAIL");

		JsonNode after = lushan.put("/api/v1/me/message-channels",
				"{\"choices\": {\"URGENT\": [], \"REMINDER\": [\"SMS\"]}}").json();
		assertThat(choice(after, "URGENT").path("chosen").toString()).contains("SMS");
		assertThat(choice(after, "REMINDER").path("chosen").toString()).contains("SMS").doesNotContain("EMAIL");
		assertThat(choice(after, "REMINDER").path("defaulted").asBoolean()).isFalse();

		Reply robot = lushan.put("/api/v1/me/message-channels", "{\"choices\": {\"WORK\": [\"WECOM\"]}}");
		assertThat(robot.status()).isEqualTo(400);
		assertThat(robot.detail()).contains("企业微信群机器人", "单位统一配置");
		Reply unknown = lushan.put("/api/v1/me/message-channels", "{\"choices\": {\"WORK\": [\"FAX\"]}}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(lushan.get("/api/v1/me/message-channels").json().toString()).isEqualTo(after.toString());

		PageSession pages = new PageSession(port);
		pages.signIn("lushan.liaison", PASSWORD);
		String page = pages.get("/account/message-channels").html();
		assertThat(page).contains("消息接收渠道", "紧急快报", "始终");
		assertThat(Api.at(port).as("sysadmin", PASSWORD).get("/api/v1/me/message-channels").status()).isEqualTo(403);
	}

	private String mobileOf(String username, String agencyCode) {
		JsonNode liaisons = Api.at(port).as("city.leader", PASSWORD).get("/api/v1/liaisons?size=100").json().path("content");
		return stream(liaisons).filter(l -> l.path("agencyCode").asString().equals(agencyCode))
			.map(l -> l.path("mobile").asString()).filter(m -> !m.isBlank()).findFirst().orElseThrow();
	}

	private static List<MimeMessage> mailsAbout(String title, String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().contains(title) && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(to));
			}
			catch (jakarta.mail.MessagingException unreadable) {
				throw new IllegalStateException(unreadable);
			}
		}).toList();
	}

	private static JsonNode choice(JsonNode choices, String category) {
		return stream(choices.path("choices")).filter(c -> c.path("category").asString().equals(category)).findFirst()
			.orElseThrow();
	}

	private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
		return java.util.stream.StreamSupport.stream(array.spliterator(), false);
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder robotTook() {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"errcode\": 0, \"errmsg\": \"ok\"}");
	}
}
