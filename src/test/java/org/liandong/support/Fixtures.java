package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.liandong.support.Api.Reply;

/** Test data in the domain's words, created through the API the way administrators create it. */
public final class Fixtures {

	public static final String PASSWORD = LiandongIntegrationTest.DEMO_PASSWORD;

	public static final String NEW_USER_PASSWORD = "Qiyong#2026";

	private Fixtures() {
	}

	/** A name no earlier run has used, so tests also hold on a PostgreSQL database kept between runs. */
	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates an account in the agency (system administrator) and grants the roles (security administrator). */
	public static String person(Api api, String agencyCode, String... roles) {
		String username = unique("t.");
		Reply created = api.as("sysadmin", PASSWORD).post("/api/v1/users", """
				{"username": "%s", "displayName": "测试人员", "agencyCode": "%s", "initialPassword": "%s",
				 "mobile": "13800001234"}""".formatted(username, agencyCode, NEW_USER_PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		if (roles.length > 0) {
			Reply granted = api.as("secadmin", PASSWORD).put("/api/v1/users/" + username + "/roles",
					"{\"roles\": [\"%s\"]}".formatted(String.join("\", \"", roles)));
			assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		}
		return username;
	}
}
