package org.liandong.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liandong.LiandongApplication;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * X4: nothing is lost if the application stops right after a commit.
 * <ul>
 * <li>A notification's inbox message is stored in the notification's own transaction (issue 18):
 * it is in the inbox, delivered, when the call returns, and still there after a stop and a new
 * start.</li>
 * <li>What still reacts after the commit goes through the event publication registry: the test
 * brings the database into the state a stop between a reading's commit and its listener leaves
 * behind (the reading committed, its publication stored but not completed, the notification not yet
 * marked read) and starts the application again, which hands the reading over once more.</li>
 * </ul>
 */
class InboxRedeliveryIT {

	@Test
	void a_notification_reaches_the_inbox_with_its_commit_and_a_reading_interrupted_by_a_stop_arrives_after_the_restart() {
		String database = TestDatabases.fresh();
		long notification;
		long caseId;
		try (ConfigurableApplicationContext first = start(database)) {
			Api xinhua = api(first).as("xinhua.enforcer", Fixtures.PASSWORD);
			caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
			assertThat(xinhua.post("/api/v1/cases/" + caseId + "/notifications", "{\"recipientCodes\": [\"410421\"]}")
				.status()).isEqualTo(201);
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			notification = jdbc.queryForObject("select id from case_notification where case_id = ?", Long.class, caseId);
			assertThat(inboxMessages(jdbc, notification)).as("in the inbox as the call returns").isEqualTo(1);
			assertThat(jdbc.queryForObject("select delivered_at from case_notification where id = ?", Object.class,
					notification)).as("delivered with it").isNotNull();

			Api liaison = api(first).as("baofeng.liaison", Fixtures.PASSWORD);
			long message = liaison.get("/api/v1/inbox").json().path("messages").path("content").get(0).path("id").asLong();
			assertThat(liaison.post("/api/v1/inbox/" + message + "/read", "").status()).isLessThan(300);
			await().atMost(Duration.ofSeconds(10)).until(() -> readAt(jdbc, notification) != null
					&& completedReadings(jdbc) == 1);

			// the state of a stop between the reading's commit and its listener
			jdbc.update("update case_notification set read_at = null, read_by = null, read_by_name = null where id = ?",
					notification);
			jdbc.update("delete from case_timeline where case_id = ? and kind = 'NOTIFICATION_READ'", caseId);
			assertThat(jdbc.update("update event_publication set completion_date = null where event_type like '%InboxMessageRead'"))
				.isEqualTo(1);
		}

		try (ConfigurableApplicationContext second = start(database)) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(inboxMessages(jdbc, notification)).isEqualTo(1);
			await().atMost(Duration.ofSeconds(15)).until(() -> readAt(jdbc, notification) != null);
			assertThat(jdbc.queryForObject(
					"select count(*) from case_timeline where case_id = ? and kind = 'NOTIFICATION_READ'", Integer.class,
					caseId)).as("the reading on the case timeline, once").isEqualTo(1);

			Api liaison = api(second).as("baofeng.liaison", Fixtures.PASSWORD);
			JsonNode inbox = liaison.get("/api/v1/inbox").json();
			assertThat(inbox.path("messages").path("content").get(0).path("link").asString()).isEqualTo("/cases/" + caseId);
		}
	}

	private static Object readAt(JdbcTemplate jdbc, long notification) {
		return jdbc.queryForObject("select read_at from case_notification where id = ?", Object.class, notification);
	}

	private static int completedReadings(JdbcTemplate jdbc) {
		return jdbc.queryForObject("""
				select count(*) from event_publication
				where event_type like '%InboxMessageRead' and completion_date is not null""", Integer.class);
	}

	private static int inboxMessages(JdbcTemplate jdbc, long notification) {
		return jdbc.queryForObject(
				"select count(*) from inbox_message where source_type = 'case-notification' and source_id = ?",
				Integer.class, Long.toString(notification));
	}

	private static ConfigurableApplicationContext start(String database) {
		Map<String, String> settings = Map.of("spring.datasource.url", database, "spring.datasource.username",
				TestDatabases.username(), "spring.datasource.password", TestDatabases.password(), "server.port", "0",
				"spring.main.banner-mode", "off", "liandong.demo.history.enabled", "false", "liandong.demo.sign-off", "false",
				"liandong.audit.checkpoint-file",
				"target/audit-checkpoints/redelivery-" + System.nanoTime() + ".jsonl");
		return new SpringApplicationBuilder(LiandongApplication.class).profiles("demo")
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
	}
}
