package org.liandong.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** R2.3, X4: a bureau notifies others of a case; delivery and reading reach the sender. */
@LiandongIntegrationTest
class CaseNotificationsIT {

	@LocalServerPort
	int port;

	Api xinhua;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
	}

	@Test
	void the_notified_bureau_finds_the_case_in_its_inbox_and_the_sender_sees_it_read() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long id = created.path("id").asLong();
		Api liaison = Api.at(port).as("weidong.liaison", PASSWORD);
		long unreadBefore = liaison.get("/api/v1/inbox").json().path("unreadCount").asLong();
		Api colleague = Api.at(port).as("weidong.enforcer", PASSWORD);
		long colleagueUnreadBefore = colleague.get("/api/v1/inbox").json().path("unreadCount").asLong();

		Reply sent = xinhua.post("/api/v1/cases/" + id + "/notifications",
				"{\"recipientCodes\": [\"410403\", \"410404\"], \"message\": \"该企业在卫东区另有经营场所，请关注。\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.json().findValuesAsString("toAgencyCode")).containsExactly("410403", "410404");

		JsonNode message = await().atMost(Duration.ofSeconds(10)).until(() -> newest(liaison, created), m -> m != null);
		assertThat(message.path("title").asString()).isEqualTo("【案件通报】平顶山市新华区应急管理局通报案件 " + created.path("number").asString());
		assertThat(message.path("body").asString()).contains(created.path("party").path("name").asString(),
				"附言：该企业在卫东区另有经营场所，请关注。");
		assertThat(message.path("link").asString()).isEqualTo("/cases/" + id);
		assertThat(liaison.get("/api/v1/inbox").json().path("unreadCount").asLong()).isEqualTo(unreadBefore + 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> notificationTo(id, "410403").path("deliveredAt").isNull(),
				undelivered -> !undelivered);

		Reply read = liaison.post("/api/v1/inbox/" + message.path("id").asLong() + "/read", "");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("readAt").isNull()).isFalse();
		assertThat(liaison.get("/api/v1/inbox").json().path("unreadCount").asLong()).isEqualTo(unreadBefore);
		assertThat(colleague.get("/api/v1/inbox").json().path("unreadCount").asLong())
			.as("the bureau's message stays unread for a colleague who has not opened it")
			.isEqualTo(colleagueUnreadBefore + 1);

		JsonNode tracked = await().atMost(Duration.ofSeconds(10))
			.until(() -> notificationTo(id, "410403"), n -> !n.path("readAt").isNull());
		assertThat(tracked.path("readByName").asString()).isEqualTo("马文静");
		assertThat(notificationTo(id, "410404").path("readAt").isNull()).as("石龙区 has not read it").isTrue();
		assertThat(xinhua.get("/api/v1/cases/" + id).json().path("timeline").findValuesAsString("kind"))
			.contains("NOTIFIED", "NOTIFICATION_DELIVERED", "NOTIFICATION_READ");
	}

	@Test
	void a_notified_bureau_sees_a_summary_only_and_cannot_edit() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long id = created.path("id").asLong();
		Api zhanhe = Api.at(port).as("zhanhe.enforcer", PASSWORD);
		assertThat(zhanhe.get("/api/v1/cases/" + id).status()).isEqualTo(404);

		xinhua.post("/api/v1/cases/" + id + "/notifications", "{\"recipientCodes\": [\"410411\"]}");

		JsonNode summary = zhanhe.get("/api/v1/cases/" + id).json();
		assertThat(summary.path("access").asString()).isEqualTo("SUMMARY");
		assertThat(summary.path("party").path("name").asString()).isEqualTo(created.path("party").path("name").asString());
		assertThat(summary.path("timeline").size()).isZero();
		assertThat(summary.path("summary").isNull()).isTrue();
		assertThat(summary.path("lastChangedByName").isNull()).as("who works on the case is not in the summary").isTrue();
		assertThat(zhanhe.post("/api/v1/cases/" + id + "/notifications", "{\"recipientCodes\": [\"410421\"]}").status())
			.as("a bureau that only received a summary does not pass the case on").isEqualTo(403);
		assertThat(zhanhe.patch("/api/v1/cases/" + id, "{\"version\": 0, \"status\": \"INVESTIGATING\"}").status())
			.isEqualTo(403);
		assertThat(zhanhe.get("/api/v1/cases?party=" + created.path("party").path("uscc").asString()).json()
			.path("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void a_notification_to_an_unknown_agency_is_refused_and_nothing_is_sent() {
		long id = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();

		Reply refused = xinhua.post("/api/v1/cases/" + id + "/notifications",
				"{\"recipientCodes\": [\"410403\", \"999999\"], \"message\": \"测试\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.detail()).isEqualTo("通报对象 999999 不存在");
		assertThat(xinhua.get("/api/v1/cases/" + id).json().path("notifications").size()).isZero();
	}

	@Test
	void a_notification_needs_a_recipient_other_than_oneself() {
		long id = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();

		assertThat(xinhua.post("/api/v1/cases/" + id + "/notifications", "{\"recipientCodes\": []}").detail())
			.isEqualTo("请选择至少一个通报对象");
		assertThat(xinhua.post("/api/v1/cases/" + id + "/notifications", "{\"recipientCodes\": [\"410402\"]}").detail())
			.isEqualTo("不能向本单位通报案件，请选择其他单位");
	}

	@Test
	void another_agencys_message_is_neither_listed_nor_marked_read() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		xinhua.post("/api/v1/cases/" + created.path("id").asLong() + "/notifications", "{\"recipientCodes\": [\"410422\"]}");
		JsonNode message = await().atMost(Duration.ofSeconds(10))
			.until(() -> newest(Api.at(port).as("yexian.liaison", PASSWORD), created), m -> m != null);
		Api ruzhou = Api.at(port).as("ruzhou.liaison", PASSWORD);

		assertThat(ruzhou.post("/api/v1/inbox/" + message.path("id").asLong() + "/read", "").status()).isEqualTo(404);
		assertThat(newest(ruzhou, created)).isNull();
	}

	@Test
	void other_departments_are_not_notified_through_the_case_register() {
		long id = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();

		Reply refused = xinhua.post("/api/v1/cases/" + id + "/notifications", "{\"recipientCodes\": [\"410400.police\"]}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.detail()).contains("平顶山市公安局");
	}

	private JsonNode newest(Api reader, JsonNode forCase) {
		for (JsonNode message : reader.get("/api/v1/inbox?size=50").json().path("messages").path("content")) {
			if (message.path("link").asString().equals("/cases/" + forCase.path("id").asLong())) {
				return message;
			}
		}
		return null;
	}

	private JsonNode notificationTo(long caseId, String agency) {
		for (JsonNode notification : xinhua.get("/api/v1/cases/" + caseId).json().path("notifications")) {
			if (notification.path("toAgencyCode").asString().equals(agency)) {
				return notification;
			}
		}
		throw new AssertionError("no notification to " + agency);
	}
}
