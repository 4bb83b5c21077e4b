package org.liandong.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 23 (R6.3): a bulletin awaiting acknowledgement appears on the open pages of the recipient
 * bureau's people without their reloading, with its acknowledgement deadline for the countdown, and
 * leaves them once the bureau has acknowledged it. The page's stream is followed here over HTTP with
 * the session of a signed-in page, as the browser's EventSource follows it; streams last 30 s here.
 */
@LiandongIntegrationTest
@TestPropertySource(properties = "liandong.sharing.live-timeout=30s")
class LiveBulletinsIT {

	@LocalServerPort
	int port;

	@Test
	void an_open_page_of_a_recipient_is_told_of_a_bulletin_at_once_and_of_its_acknowledgement() throws Exception {
		PageSession weidongPage = new PageSession(port);
		weidongPage.signIn("weidong.enforcer", PASSWORD);
		PageSession senderPage = new PageSession(port);
		senderPage.signIn("xinhua.liaison", PASSWORD);
		List<String> weidongEvents = new CopyOnWriteArrayList<>();
		List<String> senderEvents = new CopyOnWriteArrayList<>();
		String title = Fixtures.unique("鲁山县某尾矿库出现渗漏");
		try (AutoCloseable weidong = weidongPage.stream("/live/bulletins", data(weidongEvents));
				AutoCloseable sender = senderPage.stream("/live/bulletins", data(senderEvents))) {
			// each stream opens with the bureau's list as it is
			await().atMost(Duration.ofSeconds(10)).until(() -> !weidongEvents.isEmpty() && !senderEvents.isEmpty());
			assertThat(weidongEvents.get(weidongEvents.size() - 1)).doesNotContain(title);

			Reply sent = Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
					"{\"title\": \"%s\", \"body\": \"请各地排查同类尾矿库。\"}".formatted(title));
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
			long id = sent.json().path("id").asLong();
			Instant due = Instant.parse(sent.json().path("ackDueAt").asString());

			// on the same stream, without the page asking again
			JsonNode shown = await().atMost(Duration.ofSeconds(10)).until(() -> last(weidongEvents),
					list -> list != null && list.toString().contains(title));
			JsonNode bulletin = find(shown, id);
			assertThat(bulletin.path("title").asString()).contains(title);
			assertThat(Instant.parse(bulletin.path("ackDueAt").asString())).isEqualTo(due);
			assertThat(bulletin.path("senderAgencyName").asString()).isEqualTo("平顶山市新华区应急管理局");

			// acknowledged by the bureau's liaison: it leaves the enforcer's page too
			Reply acknowledged = Api.at(port).as("weidong.liaison", PASSWORD)
				.post("/api/v1/bulletins/" + id + "/acknowledgement", "");
			assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> last(weidongEvents),
					list -> list != null && !list.toString().contains(title));
			// the sender's bureau is not a recipient: its pages never showed it
			assertThat(senderEvents).noneMatch(event -> event.contains(title));
		}
		// the page itself carries the place the bulletins appear in and where their stream is
		assertThat(weidongPage.get("/inbox").html()).contains("id=\"ld-live-bulletins\"", "data-source=\"/live/bulletins\"");
	}

	private static java.util.function.Consumer<String> data(List<String> events) {
		return line -> {
			if (line.startsWith("data:")) {
				events.add(line.substring(5));
			}
		};
	}

	private static JsonNode last(List<String> events) {
		return events.isEmpty() ? null : JsonMapper.builder().build().readTree(events.get(events.size() - 1));
	}

	private static JsonNode find(JsonNode list, long id) {
		for (JsonNode bulletin : list) {
			if (bulletin.path("id").asLong() == id) {
				return bulletin;
			}
		}
		throw new AssertionError("bulletin " + id + " not in " + list);
	}
}
