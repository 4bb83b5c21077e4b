package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.liandong.platform.UnifiedSocialCreditCode;
import org.liandong.support.Api.Reply;

import tools.jackson.databind.JsonNode;

/** Test data in the domain's words, created through the API the way administrators create it. */
public final class Fixtures {

	public static final String PASSWORD = LiandongIntegrationTest.DEMO_PASSWORD;

	/** The password a person chose after signing in with the administrator's initial one. */
	public static final String NEW_USER_PASSWORD = "Qiyong#2026";

	/** The initial password an administrator gives a new account. */
	public static final String INITIAL_PASSWORD = "Chushi#2026";

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
		return enterpriseCase(enforcer, divisionCode, level, unique("平顶山测试化工有限公司"));
	}

	/** A case of the enforcer's bureau (新华区), marked major: only a major case may lead to the list (R2.5, R4.2). */
	public static JsonNode majorCase(Api enforcer) {
		return majorCase(enforcer, enterpriseCase(enforcer, "410402", "COUNTY"));
	}

	/** The given case, marked major by its enforcer; the case's JSON. */
	public static JsonNode majorCase(Api enforcer, JsonNode kase) {
		Reply major = enforcer.patch("/api/v1/cases/" + kase.path("id").asLong(),
				"{\"version\": %d, \"severity\": \"MAJOR\"}".formatted(kase.path("version").asLong()));
		assertThat(major.status()).as(major.body()).isEqualTo(200);
		return major.json();
	}

	/**
	 * A draft assistance request (R2.4) from the requester's bureau (新华区) on a new case of its own to
	 * the assisting bureau, answer due in 30 days; the request's JSON.
	 */
	public static JsonNode draftRequest(Api requester, String assistingAgencyCode) {
		long caseId = enterpriseCase(requester, "410402", "COUNTY").path("id").asLong();
		Reply draft = requester.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "%s", "matters": "核实该企业在贵辖区的经营场所。",
				 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s"}"""
			.formatted(caseId, assistingAgencyCode, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		return draft.json();
	}

	/**
	 * A draft request as {@link #draftRequest} makes it, sent: the id of its letter, a numbered and
	 * signed official document (R2.4, X3).
	 */
	public static long sentLetter(Api requester, String assistingAgencyCode) {
		long id = draftRequest(requester, assistingAgencyCode).path("id").asLong();
		Reply sent = requester.post("/api/v1/assistance-requests/" + id + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.json().path("letters").get(0).path("documentId").asLong();
	}

	/** A proposal to list the party of a major case (R4.2), as the form sends it. */
	public static String listingProposal(long caseId) {
		return """
				{"caseId": %d, "facts": "该企业未依法对重大危险源进行登记建档，发生较大生产安全事故。",
				 "legalBasis": "《安全生产严重失信主体名单管理办法》第六条"}""".formatted(caseId);
	}

	/**
	 * The party of a major case on the public list (R4.2): proposed by the case's bureau, no defence,
	 * listed by the city's legal office; the entry's JSON as the decision answered it.
	 */
	public static JsonNode listedEntry(Api proposer, JsonNode majorCase, Api legalOffice) {
		Reply proposed = proposer.post("/api/v1/credit/entries", listingProposal(majorCase.path("id").asLong()));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		long id = proposed.json().path("id").asLong();
		legalOffice.post("/api/v1/credit/entries/" + id + "/defence", "{\"statement\": \"无异议\"}");
		Reply decided = legalOffice.post("/api/v1/credit/entries/" + id + "/decision",
				"{\"list\": true, \"reason\": \"事实清楚\"}");
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		return decided.json();
	}

	/** Registers a general case against the enterprise of this name, with a code of its own. */
	public static JsonNode enterpriseCase(Api enforcer, String divisionCode, String level, String partyName) {
		Reply created = enforcer.post("/api/v1/cases", """
				{"partyKind": "ENTERPRISE", "partyName": "%s", "partyUscc": "%s", "supervisionLevel": "%s",
				 "divisionCode": "%s", "violationType": "未按规定开展安全教育培训", "severity": "GENERAL",
				 "summary": "检查中发现该企业未对从业人员进行安全生产教育和培训。"}"""
			.formatted(partyName, uscc(divisionCode), level, divisionCode));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/** An account as the system administrator creates it: no role yet, the initial password to be changed. */
	public static String newAccount(Api api, String agencyCode) {
		return create(api, agencyCode).json().path("username").asString();
	}

	private static Reply create(Api api, String agencyCode) {
		Reply created = api.as("sysadmin", PASSWORD).post("/api/v1/users", """
				{"username": "%s", "displayName": "测试人员", "agencyCode": "%s", "initialPassword": "%s",
				 "mobile": "13800001234"}""".formatted(unique("t."), agencyCode, INITIAL_PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created;
	}

	/**
	 * A person ready to work: account created (system administrator), roles granted (security
	 * administrator), own password {@link #NEW_USER_PASSWORD} chosen at first sign-in.
	 */
	public static String person(Api api, String agencyCode, String... roles) {
		Reply created = create(api, agencyCode);
		String username = created.json().path("username").asString();
		if (roles.length > 0) {
			Reply granted = api.as("secadmin", PASSWORD).put("/api/v1/users/" + username + "/roles",
					"{\"roles\": [\"%s\"], \"version\": %d}".formatted(String.join("\", \"", roles),
							created.json().path("version").asLong()));
			assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		}
		Reply changed = api.as(username, INITIAL_PASSWORD).put("/api/v1/me/password", """
				{"currentPassword": "%s", "newPassword": "%s"}""".formatted(INITIAL_PASSWORD, NEW_USER_PASSWORD));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		return username;
	}
}
