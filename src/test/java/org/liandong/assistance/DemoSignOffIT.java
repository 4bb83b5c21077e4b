package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.TestDatabases;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The demo installation as the README describes it (issue 23): each county bureau has a leader,
 * {@code <county>.leader}, and its 协助调查函 leave only once that leader signed them off.
 */
@LiandongIntegrationTest
@TestPropertySource(properties = "liandong.demo.sign-off=true")
class DemoSignOffIT {

	/** A database of its own (a schema of its own on PostgreSQL), so that what is set here stays here. */
	private static final String DATABASE = TestDatabases.fresh();

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> DATABASE);
	}

	@LocalServerPort
	int port;

	@Test
	void a_county_enforcers_letter_waits_for_the_county_leader_who_signs_it_off() {
		JsonNode me = Api.at(port).as("xinhua.leader", PASSWORD).get("/api/v1/me").json();
		assertThat(me.path("roles").findValuesAsString("code")).containsExactly("LEADER");
		assertThat(me.path("agency").path("code").asString()).isEqualTo("410402");
		assertThat(Api.at(port).as("sysadmin", PASSWORD).get("/api/v1/sign-off-policies/410482").json()
			.findValuesAsString("required")).as("letters signed off; bulletins and operation summaries, the other kinds "
					+ "a county bureau issues, go out as before")
			.containsExactly("true", "false", "false");

		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		JsonNode draft = Fixtures.draftRequest(xinhua, "410403");
		JsonNode waiting = xinhua.post("/api/v1/assistance-requests/" + draft.path("id").asLong() + "/send",
				"{\"version\": %d}".formatted(draft.path("version").asLong())).json();
		assertThat(waiting.path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");
		JsonNode sent = Api.at(port).as("xinhua.leader", PASSWORD).post("/api/v1/assistance-requests/"
				+ draft.path("id").asLong() + "/sign-off", "{\"version\": %d}".formatted(waiting.path("version").asLong()))
			.json();
		assertThat(sent.path("state").asString()).isEqualTo("SENT");
		assertThat(sent.path("signOff").path("signedOffByName").asString()).startsWith("冯德明");
	}
}
