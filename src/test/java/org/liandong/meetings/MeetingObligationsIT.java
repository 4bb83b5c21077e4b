package org.liandong.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liandong.platform.MissedDeadline;
import org.liandong.platform.ObligationDue;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.ObligationEvents;
import org.liandong.support.ObligationEvents.Key;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * R7.1: the joint meeting opens and ends each obligation of a member in oversight's ledger, in the
 * transaction of the change, under the name its missed deadline is published with: replying to a
 * notice, completing an action item.
 */
@LiandongIntegrationTest
class MeetingObligationsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String REPLY = "回复会议通知";
	static final String ACTION_ITEM = "办结会议议定事项";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationEvents ledger;

	@AfterEach
	void everything_was_published_in_a_transaction() {
		assertThat(ledger.outsideTransactions()).isEmpty();
	}

	@Test
	void each_member_owes_a_reply_to_the_notice_met_by_its_first_reply_and_missed_under_the_same_name() {
		JsonNode meeting = convene();
		long id = meeting.path("id").asLong();
		List<String> members = meeting.path("members").findValuesAsString("agencyCode");
		Instant replyDue = Instant.parse(meeting.path("replyDueAt").asString());
		assertThat(ledger.dues("meeting", id)).extracting(ObligationDue::ownerAgencyCode)
			.containsExactlyInAnyOrderElementsOf(members);
		assertThat(ledger.dues("meeting", id)).allSatisfy(due -> {
			assertThat(due.obligation()).isEqualTo(REPLY);
			assertThat(due.subjectName()).isEqualTo(meeting.path("title").asString());
			assertThat(due.dueAt()).isEqualTo(replyDue);
			assertThat(due.link()).isEqualTo("/meetings/" + id);
		});

		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		assertThat(xinhua.post("/api/v1/meetings/" + id + "/attendance", "{\"attend\": true, \"attendee\": \"孙丽娟（信息联络员）\"}").status()).isEqualTo(200);
		assertThat(ledger.settlements("meeting", id)).singleElement().satisfies(settled -> {
			assertThat(Key.of(settled)).isEqualTo(new Key("meeting", id, REPLY, "410402"));
			assertThat(settled.met()).isTrue();
		});
		Reply changed = xinhua.post("/api/v1/meetings/" + id + "/attendance",
				"{\"attend\": false, \"reason\": \"当日有安全生产大检查\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(ledger.settlements("meeting", id)).as("a changed reply meets nothing new").hasSize(1);

		jdbc.sql("update meeting set reply_due_at = ? where id = ?").params(OffsetDateTime.now().minusHours(2), id).update();
		List<MissedDeadline> misses = await().atMost(Duration.ofSeconds(15))
			.until(() -> ledger.misses("meeting", id), missed -> missed.size() == members.size() - 1);
		assertThat(misses).extracting(Key::of).containsExactlyInAnyOrderElementsOf(ledger.dues("meeting", id).stream()
			.map(Key::of).filter(key -> !key.ownerAgencyCode().equals("410402")).toList());
		assertThat(misses).extracting(MissedDeadline::subjectName).containsOnly(meeting.path("title").asString());
	}

	@Test
	void an_action_item_is_owed_by_its_owner_until_completed_and_missed_under_the_same_name() {
		Api office = Api.at(port).as("city.detachment", PASSWORD);
		long id = convene().path("id").asLong();
		jdbc.sql("update meeting set starts_at = ? where id = ?").params(OffsetDateTime.now().minusHours(1), id).update();
		LocalDate xinhuaBy = LocalDate.now(BEIJING).plusDays(30);
		LocalDate weidongBy = LocalDate.now(BEIJING).plusDays(15);
		Reply held = office.post("/api/v1/meetings/" + id + "/minutes", """
				{"minutes": "会议研究了下半年跨区域联合执法工作。",
				 "decisions": [{"decision": "新华区牵头开展危险化学品联合执法检查", "ownerAgencyCode": "410402", "dueOn": "%s"},
				               {"decision": "卫东区汇总交叉检查发现的问题", "ownerAgencyCode": "410403", "dueOn": "%s"}]}"""
			.formatted(xinhuaBy, weidongBy));
		assertThat(held.status()).as(held.body()).isEqualTo(200);
		long xinhuaItem = held.json().path("actionItems").get(0).path("id").asLong();
		long weidongItem = held.json().path("actionItems").get(1).path("id").asLong();
		assertThat(ledger.dues("action-item", xinhuaItem)).containsExactly(new ObligationDue("action-item", xinhuaItem,
				"新华区牵头开展危险化学品联合执法检查", ACTION_ITEM, "410402", endOf(xinhuaBy), "/meetings/" + id));
		assertThat(ledger.dues("action-item", weidongItem)).containsExactly(new ObligationDue("action-item", weidongItem,
				"卫东区汇总交叉检查发现的问题", ACTION_ITEM, "410403", endOf(weidongBy), "/meetings/" + id));

		Reply done = Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/meetings/action-items/" + xinhuaItem
				+ "/completion", "{\"evidence\": \"已完成联合检查 12 家企业，发现隐患 31 项。\"}");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(ledger.settlements("action-item", xinhuaItem)).singleElement().satisfies(settled -> {
			assertThat(Key.of(settled)).isEqualTo(new Key("action-item", xinhuaItem, ACTION_ITEM, "410402"));
			assertThat(settled.met()).isTrue();
		});

		jdbc.sql("update action_item set due_at = ? where id = ?").params(OffsetDateTime.now().minusHours(1), weidongItem)
			.update();
		MissedDeadline missed = await().atMost(Duration.ofSeconds(15))
			.until(() -> ledger.misses("action-item", weidongItem), misses -> !misses.isEmpty()).get(0);
		assertThat(Key.of(missed)).isEqualTo(Key.of(ledger.dues("action-item", weidongItem).get(0)));
		assertThat(ledger.settlements("action-item", weidongItem)).as("missed, still owed").isEmpty();
	}

	JsonNode convene() {
		Reply convened = Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/meetings", """
				{"kind": "AD_HOC", "title": "危险化学品跨区域联合执法专题会议", "agenda": "研究联合执法检查安排",
				 "place": "市应急管理局三楼会议室", "startsAt": "%sT09:00:00", "replyBy": "%s"}"""
			.formatted(LocalDate.now(BEIJING).plusDays(7), LocalDate.now(BEIJING).plusDays(5)));
		assertThat(convened.status()).as(convened.body()).isEqualTo(201);
		return convened.json();
	}

	static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(BEIJING).toInstant();
	}
}
