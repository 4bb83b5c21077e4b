package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.liandong.platform.UnifiedSocialCreditCode;
import org.liandong.support.Api.Reply;

import tools.jackson.databind.JsonNode;

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

	/** A valid unified social credit code registered in the division, different on every call. */
	public static String uscc(String divisionCode) {
		String first17 = "9" + "1" + divisionCode + "MA" + UUID.randomUUID().toString().replaceAll("[^0-9]", "")
			.concat("000000000").substring(0, 7);
		return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
	}

	/** Registers a general case against an enterprise, as the given enforcer; the case's JSON. */
	public static JsonNode enterpriseCase(Api enforcer, String divisionCode, String level) {
		Reply created = enforcer.post("/api/v1/cases", """
				{"partyKind": "ENTERPRISE", "partyName": "%s", "partyUscc": "%s", "supervisionLevel": "%s",
				 "divisionCode": "%s", "violationType": "未按规定开展安全教育培训", "severity": "GENERAL",
				 "summary": "检查中发现该企业未对从业人员进行安全生产教育和培训。"}"""
			.formatted(unique("平顶山测试化工有限公司"), uscc(divisionCode), level, divisionCode));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
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
					"{\"roles\": [\"%s\"], \"version\": %d}".formatted(String.join("\", \"", roles),
							created.json().path("version").asLong()));
			assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		}
		return username;
	}
}
