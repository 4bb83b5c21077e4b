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
 * X4: no notification is lost if the application stops right after the commit. The test brings the
 * database into the state such a stop leaves behind (the notification committed, its delivery
 * publication stored but not completed, nothing in the inbox) and starts the application again.
 */
class InboxRedeliveryIT {

	@Test
	void a_delivery_interrupted_by_a_stop_reaches_the_inbox_after_the_restart() {
		String database = TestDatabases.fresh();
		long notification;
		long caseId;
		try (ConfigurableApplicationContext first = start(database)) {
			Api xinhua = api(first).as("xinhua.enforcer", Fixtures.PASSWORD);
			caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
			xinhua.post("/api/v1/cases/" + caseId + "/notifications", "{\"recipientCodes\": [\"410421\"]}");
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			notification = jdbc.queryForObject("select id from case_notification where case_id = ?", Long.class, caseId);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> inboxMessages(jdbc, notification) == 1 && completedDeliveries(jdbc, notification) == 1);

			// the state of a stop between the commit and the inbox listener
			jdbc.update("delete from inbox_message where source_type = 'case-notification' and source_id = ?",
					Long.toString(notification));
			jdbc.update("update case_notification set delivered_at = null where id = ?", notification);
			int reopened = jdbc.update("""
					update event_publication set completion_date = null
					where event_type like '%InboxDelivery' and serialized_event like ?""",
					"%\"sourceId\":\"" + notification + "\"%");
			assertThat(reopened).isEqualTo(1);
		}

		try (ConfigurableApplicationContext second = start(database)) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> inboxMessages(jdbc, notification) == 1);

			Api liaison = api(second).as("baofeng.liaison", Fixtures.PASSWORD);
			JsonNode inbox = liaison.get("/api/v1/inbox").json();
			assertThat(inbox.path("unreadCount").asLong()).isEqualTo(1);
			assertThat(inbox.path("messages").path("content").get(0).path("link").asString()).isEqualTo("/cases/" + caseId);
			await().atMost(Duration.ofSeconds(10)).until(
					() -> jdbc.queryForObject("select delivered_at from case_notification where id = ?", Object.class,
							notification) != null);
		}
	}

	private static int inboxMessages(JdbcTemplate jdbc, long notification) {
		return jdbc.queryForObject(
				"select count(*) from inbox_message where source_type = 'case-notification' and source_id = ?",
				Integer.class, Long.toString(notification));
	}

	private static int completedDeliveries(JdbcTemplate jdbc, long notification) {
		return jdbc.queryForObject("""
				select count(*) from event_publication
				where event_type like '%InboxDelivery' and serialized_event like ? and completion_date is not null""",
				Integer.class, "%\"sourceId\":\"" + notification + "\"%");
	}

	private static ConfigurableApplicationContext start(String database) {
		Map<String, String> settings = Map.of("spring.datasource.url", database, "spring.datasource.username",
				TestDatabases.username(), "spring.datasource.password", TestDatabases.password(), "server.port", "0",
				"spring.main.banner-mode", "off", "liandong.demo.history.enabled", "false",
				"liandong.audit.checkpoint-file",
				"target/audit-checkpoints/redelivery-" + System.nanoTime() + ".jsonl");
		return new SpringApplicationBuilder(LiandongApplication.class).profiles("demo")
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
	}
}
