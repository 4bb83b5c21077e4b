package org.liandong.security;

import static org.liandong.security.AccessRules.ALONE;
import static org.liandong.security.AccessRules.ANYONE;
import static org.liandong.security.AccessRules.BUREAUS;
import static org.liandong.security.AccessRules.BUSINESS;
import static org.liandong.security.AccessRules.CASE_OFFICER;
import static org.liandong.security.AccessRules.DIRECTION;
import static org.liandong.security.AccessRules.EVERYONE;
import static org.liandong.security.AccessRules.LEGAL;
import static org.liandong.security.AccessRules.NOTIFIER;
import static org.liandong.security.AccessRules.OFFICE;
import static org.liandong.security.AccessRules.OWN;
import static org.liandong.security.AccessRules.PARTIES;
import static org.liandong.security.AccessRules.Relation.CITY;
import static org.liandong.security.AccessRules.Relation.OWNER;
import static org.liandong.security.AccessRules.Relation.PAIR;
import static org.liandong.security.AccessRules.Relation.THIRD;
import static org.liandong.security.AccessRules.rule;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.liandong.security.AccessRules.Level;
import org.liandong.security.AccessRules.Rule;
import org.liandong.security.MatrixRecords.Kind;
import org.liandong.support.Fixtures;

/**
 * The rule of every endpoint, keyed like {@link org.liandong.support.Endpoints.Endpoint#key()}
 * (an upload that shares its method and path with a JSON endpoint is keyed with " (file)"). Each
 * line cites the requirement it follows. An endpoint of the application missing here fails
 * {@link AuthorizationMatrixIT}.
 */
final class EndpointRules {

	private static final String PAGE_FORM = "a page's form is probed with its record but without its fields: "
			+ "who is refused is checked, not the change itself (that is the API's probe)";

	private static final String ADMINISTRATION = "administration of the whole installation (accounts, agencies, "
			+ "calendar, keys, policies): a real change would alter what every later test signs in to";

	private static final Set<String> SYS = Set.of("SYSTEM_ADMIN");

	private static final Set<String> SEC = Set.of("SECURITY_ADMIN");

	private static final Set<String> AUD = Set.of("AUDIT_ADMIN");

	/** R4.2: a listing is proposed by an enforcer or the detachment on its case, or by the legal office. */
	private static final Set<String> PROPOSER = Set.of("ENFORCER", "DETACHMENT_OFFICER", "LEGAL_OFFICER");

	private static final Set<String> ACCOUNT_READERS = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN");

	/** Who approves a bureau's letter before it leaves (issue 23): its legal officer reviews, its leader signs off. */
	private static final Set<String> APPROVERS = Set.of("LEGAL_OFFICER", "LEADER");

	private EndpointRules() {
	}

	static Map<String, Rule> all() {
		Map<String, Rule> rules = new TreeMap<>();
		shared(rules);
		administration(rules);
		cases(rules);
		assistance(rules);
		documents(rules);
		instruments(rules);
		credit(rules);
		meetings(rules);
		sharing(rules);
		oversight(rules);
		operations(rules);
		return rules;
	}

	/**
	 * Issue 22, X2: an operation is organised by the city's detachment or legal office or by a county
	 * bureau's enforcer; it is seen by its units and the city level; its organiser adds targets, forms
	 * teams and issues the summary; each unit confirms its own participation; the people of a target's
	 * team record its inspection and photograph its hazards.
	 */
	private static void operations(Map<String, Rule> rules) {
		String base = "/api/v1/joint-operations";
		rules.put("GET " + base, rule(BUSINESS));
		rules.put("POST " + base, rule(OPERATION_ORGANISER).at(Level.CITY, Level.COUNTY).body((values, actor) -> """
				{"theme": "%s", "legalBasis": "《中华人民共和国安全生产法》", "startsOn": "%s", "endsOn": "%s",
				 "divisionCodes": ["410402", "410421"], "participantCodes": ["%s"]}"""
			.formatted(Fixtures.unique("矩阵联合执法"), today(0), today(10), actor.relation() == OWNER ? "410421" : "410402")));
		rules.put("GET " + base + "/{id}", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
		rules.put("POST " + base + "/{id}/confirmation", rule(BUSINESS).on(Kind.OPERATION, PARTIES).by(OWNER, PAIR)
			.body("{\"people\": [\"王执法\", \"李执法\", \"郑检查\", \"韩执法\"]}"));
		rules.put("POST " + base + "/{id}/targets", rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER)
			.body((values, actor) -> "{\"targets\": [{\"uscc\": \"%s\", \"name\": \"%s\", \"divisionCode\": \"410402\"}]}"
				.formatted(Fixtures.uscc("410402"), Fixtures.unique("矩阵企业"))));
		rules.put("POST " + base + "/{id}/targets/file", rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER)
			.reached("the matrix uploads a PDF; a target list must be CSV or Excel, refused after the access checks"));
		rules.put("POST " + base + "/{id}/targets/import", rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER)
			.body("{\"source\": \"CREDIT_LIST\"}")
			.reached("the list may hold no enterprise registered in the matrix operation's area: then refused as bad "
					+ "input after the access checks"));
		rules.put("POST " + base + "/{id}/targets/{targetId}/referral", rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES)
			.by(OWNER).reached("the matrix's target lies in a unit's county: not to be referred, refused as bad input "
					+ "after the access checks"));
		rules.put("POST " + base + "/{id}/teams", rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER)
			.body(values -> MatrixRecords.operationTeam(java.util.List.of())));
		// 双随机: the organiser draws; the draws are seen as the operation is
		rules.put("POST " + base + "/{id}/draws", rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER)
			.body("{\"teamName\": \"矩阵随机组\", \"targets\": 1, \"inspectors\": 2, \"inspectFrom\": \"%s\", \"inspectTo\": \"%s\"}"
				.formatted(today(0), today(3)))
			.reached("a draw needs targets without a team and confirmed people of two units outside their county, "
					+ "which the matrix's operation may not have left: refused as bad input after the access checks"));
		rules.put("GET " + base + "/{id}/draws", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
		rules.put("POST " + base + "/{id}/targets/{targetId}/inspection", rule(OPERATION_INSPECTOR)
			.on(Kind.OPERATION_TO_INSPECT, PARTIES).by(OWNER, PAIR).body(values -> MatrixRecords.operationRecord()));
		rules.put("GET " + base + "/{id}/targets/{targetId}/inspection", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
		rules.put("POST " + base + "/{id}/hazards/{hazardId}/photos", rule(OPERATION_INSPECTOR)
			.on(Kind.OPERATION, PARTIES).by(OWNER, PAIR)
			.reached("the matrix uploads a PDF; a hazard's photo must be an image, refused after the access checks"));
		rules.put("GET " + base + "/{id}/photos/{photoId}", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
		// R2.2: the record's target is in 宝丰县, whose case officers host its case
		rules.put("POST " + base + "/{id}/hazards/{hazardId}/case", rule(CASE_OFFICER).on(Kind.OPERATION, PARTIES)
			.by(PAIR).body("{\"violationType\": \"未按规定检测可燃气体报警器\"}"));
		rules.put("GET " + base + "/{id}/summary", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
		rules.put("POST " + base + "/{id}/summary", rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER)
			.body("{\"remarks\": \"行动成效明显。\"}"));
		// issue 23: a leader of the organising bureau signs its summary off or sends it back; no leader of the
		// owner is among the actors, so the city's leader sees the operation and is refused
		rules.put("POST " + base + "/{id}/summary/sign-off",
				rule(Set.of("LEADER")).on(Kind.OPERATION, PARTIES).by(OWNER).body("{}"));
		rules.put("POST " + base + "/{id}/summary/send-back",
				rule(Set.of("LEADER")).on(Kind.OPERATION, PARTIES).by(OWNER).body("{\"text\": \"请修改。\"}"));
		String pages = "/joint-operations";
		rules.put("GET " + pages, rule(BUSINESS));
		rules.put("GET " + pages + "/new", rule(OPERATION_ORGANISER).at(Level.CITY, Level.COUNTY));
		rules.put("POST " + pages, rule(OPERATION_ORGANISER).at(Level.CITY, Level.COUNTY).reached(PAGE_FORM));
		rules.put("GET " + pages + "/{id}", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
		rules.put("POST " + pages + "/{id}/confirmation",
				rule(BUSINESS).on(Kind.OPERATION, PARTIES).by(OWNER, PAIR).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/targets",
				rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/targets/file",
				rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/targets/import",
				rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/targets/{targetId}/referral",
				rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/teams",
				rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/draws",
				rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/summary",
				rule(OPERATION_ORGANISER).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/summary/sign-off",
				rule(Set.of("LEADER")).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/summary/send-back",
				rule(Set.of("LEADER")).on(Kind.OPERATION, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("GET " + pages + "/{id}/targets/{targetId}/record", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
		rules.put("POST " + pages + "/{id}/targets/{targetId}/record",
				rule(OPERATION_INSPECTOR).on(Kind.OPERATION_TO_INSPECT, PARTIES).by(OWNER, PAIR).reached(PAGE_FORM));
		rules.put("POST " + pages + "/{id}/targets/{targetId}/hazards/{hazardId}/photos",
				rule(OPERATION_INSPECTOR).on(Kind.OPERATION, PARTIES).by(OWNER, PAIR).reached(PAGE_FORM));
		rules.put("GET " + pages + "/{id}/photos/{photoId}", rule(BUSINESS).on(Kind.OPERATION, PARTIES));
	}

	/** Issue 22, X2: who organises an operation (at city or county level, checked by the rule's levels). */
	private static final Set<String> OPERATION_ORGANISER = Set.of("ENFORCER", "DETACHMENT_OFFICER", "LEGAL_OFFICER");

	/** The people in the field: officers of the bureaus and the departments' people (their accounts hold LEADER). */
	private static final Set<String> OPERATION_INSPECTOR = Set.of("ENFORCER", "DETACHMENT_OFFICER", "LEGAL_OFFICER",
			"LEADER");

	static String today(int plusDays) {
		return LocalDate.now(MatrixRecords.BEIJING).plusDays(plusDays).toString();
	}

	/** What every signed-in person reaches: the shell, their own account, reference data (R1.1, R1.4). */
	private static void shared(Map<String, Rule> rules) {
		rules.put("GET /", rule(ANYONE));
		rules.put("GET /login", rule(ANYONE).open());
		rules.put("GET /login/two-factor", rule(ANYONE).reached("the second step of a sign-in, without a first step"));
		rules.put("POST /login/two-factor", rule(ANYONE).reached("the second step of a sign-in, without a first step"));
		rules.put("GET /error", rule(ANYONE).open().answers('H', "the error page, asked for directly, is not found"));
		rules.put("GET /account/password", rule(ANYONE));
		rules.put("POST /account/password", rule(ANYONE).reached("a real change would end the demo password"));
		rules.put("GET /account/two-factor", rule(ANYONE));
		rules.put("GET /account/two-factor/enrol", rule(ANYONE));
		rules.put("POST /account/two-factor/enrol", rule(ANYONE).reached("enrolment needs a code of the new secret"));
		rules.put("POST /account/two-factor/disable", rule(ANYONE).reached("a real change would alter later sign-ins"));
		rules.put("POST /account/two-factor/recovery-codes", rule(ANYONE).reached("needs an enrolled second factor"));
		rules.put("GET /api/v1/me", rule(ANYONE));
		rules.put("PUT /api/v1/me/password", rule(ANYONE).reached("a real change would end the demo password"));
		rules.put("GET /api/v1/me/two-factor", rule(ANYONE));
		rules.put("POST /api/v1/me/two-factor/enrolment", rule(ANYONE).reached("starts an enrolment, changes nothing"));
		rules.put("POST /api/v1/me/two-factor/confirmation",
				rule(ANYONE).reached("confirmation needs a code of a new secret"));
		rules.put("GET /api/v1/agencies", rule(ANYONE));
		rules.put("GET /api/v1/agencies/{code}", rule(ANYONE).with("code", MatrixRecords.OWNER));
		rules.put("GET /api/v1/divisions", rule(ANYONE));
		rules.put("GET /api/v1/calendar", rule(ANYONE));
		rules.put("GET /api/v1/documents/issuers/{agencyCode}", rule(ANYONE).with("agencyCode", MatrixRecords.OWNER));
		// the public keys verify documents: every business user, and the system administrator who manages them
		rules.put("GET /api/v1/documents/signing-keys/agencies/{agencyCode}",
				rule(Set.of("SYSTEM_ADMIN", "LEADER", "LEGAL_OFFICER", "DETACHMENT_OFFICER", "ENFORCER", "LIAISON"))
					.with("agencyCode", MatrixRecords.OWNER));
		// R1.4: the roster of liaisons is visible to every bureau
		rules.put("GET /api/v1/liaisons", rule(BUSINESS));
		rules.put("GET /liaisons", rule(BUSINESS));
		rules.put("GET /api/v1/inbox", rule(BUSINESS));
		rules.put("GET /inbox", rule(BUSINESS));
		// X4: a message is its agency's alone
		rules.put("POST /api/v1/inbox/{id}/read", rule(BUSINESS).on(Kind.MESSAGE, ALONE));
		rules.put("POST /inbox/{id}/read",
				rule(BUSINESS).on(Kind.MESSAGE, ALONE).reached(PAGE_FORM));
		rules.put("POST /inbox/{id}/open",
				rule(BUSINESS).on(Kind.MESSAGE, ALONE).reached(PAGE_FORM));
		// issue 23: each person chooses their own channels; deliveries are seen by the recipient agency and the city
		rules.put("GET /api/v1/me/message-channels", rule(BUSINESS));
		rules.put("PUT /api/v1/me/message-channels", rule(BUSINESS).body("{\"choices\": {\"WORK\": []}}"));
		rules.put("GET /account/message-channels", rule(BUSINESS));
		rules.put("POST /account/message-channels", rule(BUSINESS).reached(PAGE_FORM));
		rules.put("GET /api/v1/message-deliveries", rule(BUSINESS));
		rules.put("GET /message-deliveries", rule(BUSINESS));
		// R6.3: each page of a business user follows the bureau's bulletins awaiting acknowledgement
		rules.put("GET /live/bulletins", rule(BUSINESS));
	}

	/** 三员分立 (SECURITY.md row 8): each administrator does only their own work, and no business. */
	private static void administration(Map<String, Rule> rules) {
		rules.put("GET /api/v1/users", rule(ACCOUNT_READERS));
		rules.put("GET /api/v1/users/{username}", rule(ACCOUNT_READERS).on(Kind.ACCOUNT, AccessRules.Relation.NONE));
		rules.put("POST /api/v1/users", rule(SYS).body((values, actor) -> """
				{"username": "%s", "displayName": "测试人员", "agencyCode": "410402", "initialPassword": "%s"}"""
			.formatted(Fixtures.unique("m."), Fixtures.INITIAL_PASSWORD)));
		rules.put("PUT /api/v1/users/{username}/roles",
				rule(SEC).on(Kind.ACCOUNT, AccessRules.Relation.NONE).reached("needs the account's version"));
		rules.put("POST /api/v1/users/{username}/unlock", rule(SEC).on(Kind.ACCOUNT, AccessRules.Relation.NONE));
		rules.put("DELETE /api/v1/users/{username}/two-factor", rule(SEC).on(Kind.ACCOUNT, AccessRules.Relation.NONE)
			.reached("the fresh account has no second factor to reset"));
		// issue 23: the policy set here is "no sign-off", so the other tests' letters keep leaving at once
		rules.put("GET /api/v1/sign-off-policies/{agencyCode}", rule(SYS).with("agencyCode", MatrixRecords.OWNER));
		rules.put("PUT /api/v1/sign-off-policies/{agencyCode}", rule(SYS).with("agencyCode", MatrixRecords.OWNER)
			.body("{\"kind\": \"ASSISTANCE_LETTER\", \"required\": false}"));
		rules.put("GET /admin/sign-off-policies", rule(SYS));
		rules.put("POST /admin/sign-off-policies/{agencyCode}",
				rule(SYS).with("agencyCode", MatrixRecords.OWNER).reached(PAGE_FORM));
		rules.put("POST /api/v1/agencies", rule(SYS).reached(ADMINISTRATION));
		rules.put("POST /api/v1/divisions", rule(SYS).reached(ADMINISTRATION));
		rules.put("PUT /api/v1/calendar/{day}", rule(SYS).on(Kind.CALENDAR_DAY, AccessRules.Relation.NONE)
			.body("{\"kind\": \"HOLIDAY\", \"name\": \"矩阵测试假日（改）\"}"));
		rules.put("DELETE /api/v1/calendar/{day}", rule(SYS).on(Kind.CALENDAR_DAY, AccessRules.Relation.NONE));
		// an agency that exists: an unknown one in the address is a 404 (issue 20); the matrix's empty body is refused (400)
		rules.put("PUT /api/v1/documents/issuers/{agencyCode}",
				rule(SYS).with("agencyCode", "410400.housing").reached(ADMINISTRATION));
		rules.put("POST /api/v1/documents/signing-keys/agencies/{agencyCode}",
				rule(SYS).with("agencyCode", "410400.housing"));
		rules.put("POST /api/v1/documents/signing-keys/{keyId}/revocation",
				rule(SYS).on(Kind.SIGNING_KEY, AccessRules.Relation.NONE).body("{\"reason\": \"矩阵测试\"}"));
		// issue 20: integration clients are the system administrator's; the token endpoint authenticates the client itself
		rules.put("GET /api/v1/integration-clients", rule(SYS));
		rules.put("POST /api/v1/integration-clients", rule(SYS).reached(ADMINISTRATION));
		rules.put("POST /api/v1/integration-clients/{id}/revoke", rule(SYS).with("id", "987654321")
			.answers('H', "no client of that number: revoking a real one is IntegrationClients' own test"));
		rules.put("GET /admin/integration-clients", rule(SYS));
		rules.put("POST /admin/integration-clients", rule(SYS).reached(PAGE_FORM));
		rules.put("POST /admin/integration-clients/{id}/revoke", rule(SYS).with("id", "987654321")
			.answers('H', "no client of that number: revoking a real one is IntegrationClientPageIT's own test"));
		rules.put("POST /oauth2/token", rule(ANYONE).open()
			.answers('R', "the token endpoint authenticates the integration client (RFC 6749 §2.3): a person's empty form is a 400"));
		// issue 19: re-encrypting the sealed fields after a key rotation is the system administrator's (key management)
		rules.put("POST /api/v1/security/re-encryptions", rule(SYS)
			.reached("starts a run over the shared data (current already: nothing is rewritten); while one runs a second is a 409"));
		rules.put("GET /api/v1/security/re-encryptions/{id}", rule(SYS).with("id", "987654321")
			.answers('H', "no run of that number: a real one is FieldReEncryptionIT's own test"));
		rules.put("GET /admin/re-encryptions", rule(SYS));
		rules.put("POST /admin/re-encryptions", rule(SYS)
			.reached("starts a run over the shared data, or returns to the page while one runs"));
		rules.put("GET /admin/re-encryptions/{id}", rule(SYS).with("id", "987654321")
			.answers('H', "no run of that number: a real one is FieldReEncryptionIT's own test"));
		rules.put("GET /admin/re-encryptions/{id}/progress", rule(SYS).with("id", "987654321")
			.answers('H', "no run of that number: a real one is FieldReEncryptionIT's own test"));
		rules.put("GET /api/v1/security/two-factor/accounts", rule(SEC));
		rules.put("GET /api/v1/security/two-factor/policy", rule(SEC));
		rules.put("PUT /api/v1/security/two-factor/policy/{role}",
				rule(SEC).with("role", "LEADER").reached(ADMINISTRATION));
		rules.put("GET /api/v1/audit/records", rule(AUD));
		rules.put("GET /api/v1/audit/records/export.csv", rule(AUD));
		rules.put("GET /api/v1/audit/verification", rule(AUD));
		rules.put("GET /audit", rule(AUD));
		rules.put("GET /audit/export.csv", rule(AUD));
		rules.put("POST /api/v1/audit/verifications", rule(AUD));
		rules.put("GET /api/v1/audit/verifications/{id}", rule(AUD).with("id", "987654321")
			.answers('H', "no verification of that number: a real one is AuditCheckpointsIT's own test"));
		rules.put("GET /api/v1/audit/checkpoints", rule(AUD));
		rules.put("POST /api/v1/audit/checkpoints", rule(AUD));
		rules.put("POST /audit/verifications", rule(AUD));
		rules.put("POST /audit/checkpoints", rule(AUD));
		rules.put("GET /audit/verifications/{id}", rule(AUD).with("id", "987654321")
			.answers('H', "no verification of that number: a real one is AuditCheckpointsIT's own test"));
		rules.put("GET /audit/verifications/{id}/progress", rule(AUD).with("id", "987654321")
			.answers('H', "no verification of that number: a real one is AuditCheckpointsIT's own test"));
		rules.put("GET /admin/agencies", rule(SYS));
		rules.put("POST /admin/agencies", rule(SYS).reached(ADMINISTRATION));
		rules.put("POST /admin/agencies/divisions", rule(SYS).reached(ADMINISTRATION));
		rules.put("GET /admin/users", rule(SYS));
		rules.put("POST /admin/users", rule(SYS).reached(ADMINISTRATION));
		rules.put("GET /security/accounts", rule(SEC));
		rules.put("GET /security/accounts/{username}", rule(SEC).on(Kind.ACCOUNT, AccessRules.Relation.NONE));
		rules.put("POST /security/accounts/{username}/roles",
				rule(SEC).on(Kind.ACCOUNT, AccessRules.Relation.NONE).reached(ADMINISTRATION));
		rules.put("POST /security/accounts/{username}/unlock",
				rule(SEC).on(Kind.ACCOUNT, AccessRules.Relation.NONE).reached(ADMINISTRATION));
		rules.put("GET /security/two-factor", rule(SEC));
		rules.put("POST /security/two-factor/policy", rule(SEC).reached(ADMINISTRATION));
		rules.put("POST /security/two-factor/{username}/reset",
				rule(SEC).on(Kind.ACCOUNT, AccessRules.Relation.NONE).reached(ADMINISTRATION));
	}

	/**
	 * X2: a bureau sees its own cases and those it takes part in (a notified bureau: the summary,
	 * R2.3); the city sees all (R2.7). Only the bureau that holds a case works on it.
	 */
	private static void cases(Map<String, Rule> rules) {
		rules.put("GET /api/v1/cases", rule(BUSINESS));
		rules.put("GET /cases", rule(BUSINESS));
		rules.put("POST /api/v1/cases", rule(CASE_OFFICER).at(Level.CITY, Level.COUNTY).body((values, actor) -> """
				{"partyKind": "ENTERPRISE", "partyName": "%s", "partyUscc": "%s", "supervisionLevel": "%s",
				 "divisionCode": "410402", "violationType": "未按规定开展安全教育培训", "severity": "GENERAL",
				 "summary": "检查中发现该企业未对从业人员进行安全生产教育和培训。"}"""
			.formatted(Fixtures.unique("矩阵测试企业"), Fixtures.uscc("410402"),
					actor.level() == Level.CITY ? "CITY" : "COUNTY")));
		rules.put("GET /api/v1/cases/host-proposal", rule(BUSINESS).query("divisionCode=410402&level=COUNTY"));
		rules.put("GET /cases/host-proposal", rule(BUSINESS).query("divisionCode=410402&level=COUNTY"));
		rules.put("GET /api/v1/cases/{id}", rule(BUSINESS).on(Kind.CASE, PARTIES));
		rules.put("GET /cases/{id}", rule(BUSINESS).on(Kind.CASE, PARTIES));
		rules.put("PATCH /api/v1/cases/{id}", rule(CASE_OFFICER).on(Kind.CASE, PARTIES).by(OWNER)
			.body(values -> "{\"version\": %s, \"status\": \"INVESTIGATING\"}".formatted(values.get("version"))));
		// R2.7: the city sees every case and may act on any; a notified bureau sees the summary only (R2.3)
		rules.put("POST /api/v1/cases/{id}/notifications", rule(NOTIFIER).on(Kind.CASE, PARTIES).by(OWNER, CITY)
			.body("{\"recipientCodes\": [\"410404\"], \"message\": \"请关注。\"}"));
		rules.put("POST /api/v1/cases/{id}/major-report",
				rule(CASE_OFFICER).on(Kind.CASE, PARTIES).by(OWNER, CITY).body(MatrixRecords.majorFacts()));
		// issue 22 (N4): who reads a case learns which other bureaus have open cases on its party (not their
		// contents); an enforcer checks a party by its key; the city bureau, which sees all (R2.7), lists them
		rules.put("GET /api/v1/cases/{id}/party-elsewhere", rule(BUSINESS).on(Kind.CASE, PARTIES));
		rules.put("POST /api/v1/cases/party-checks", rule(CASE_OFFICER)
			.body((values, actor) -> "{\"uscc\": \"%s\"}".formatted(Fixtures.uscc("410402"))));
		rules.put("GET /api/v1/cases/parties-in-several-bureaus", rule(BUSINESS).at(Level.CITY));
		rules.put("GET /cases/party-check", rule(CASE_OFFICER));
		rules.put("POST /cases/party-check", rule(CASE_OFFICER).reached(PAGE_FORM));
		rules.put("GET /cases/parties-in-several-bureaus", rule(BUSINESS).at(Level.CITY));
		rules.put("GET /cases/new", rule(CASE_OFFICER).at(Level.CITY, Level.COUNTY));
		rules.put("POST /cases", rule(CASE_OFFICER).at(Level.CITY, Level.COUNTY).reached(PAGE_FORM));
		rules.put("POST /cases/{id}", rule(CASE_OFFICER).on(Kind.CASE, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST /cases/{id}/notifications", rule(NOTIFIER).on(Kind.CASE, PARTIES).by(OWNER, CITY)
			.form(values -> Map.of("recipientCodes", "410404", "message", "请关注。")).reached(PAGE_FORM));
		rules.put("POST /cases/{caseId}/major-report",
				rule(CASE_OFFICER).on(Kind.CASE, PARTIES).by(OWNER, CITY).reached(PAGE_FORM));
	}

	/**
	 * R2.4: the requesting bureau drafts, sends and may withdraw; the assisting bureau accepts,
	 * returns or answers; both and the city see a sent request, its letter and its material. R2.5,
	 * R2.7: reports, designations and dispatches are between a bureau and the city.
	 */
	private static void assistance(Map<String, Rule> rules) {
		rules.put("GET /api/v1/assistance-requests", rule(BUSINESS));
		rules.put("GET /assistance", rule(BUSINESS));
		rules.put("POST /api/v1/assistance-requests", rule(CASE_OFFICER).on(Kind.CASE, PARTIES).by(OWNER, CITY)
			.body(values -> """
					{"caseId": %s, "assistingAgencyCode": "410421", "matters": "核实该企业在贵辖区的经营场所。",
					 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s"}""".formatted(values.get("caseId"), today(30))));
		rules.put("GET /api/v1/assistance-requests/{id}", rule(BUSINESS).on(Kind.REQUEST, PARTIES));
		rules.put("GET /assistance/{id}", rule(BUSINESS).on(Kind.REQUEST, PARTIES));
		rules.put("GET /api/v1/assistance-requests/{id}/attachments/{attachmentId}",
				rule(BUSINESS).on(Kind.REQUEST, PARTIES));
		rules.put("GET /assistance/{id}/attachments/{attachmentId}", rule(BUSINESS).on(Kind.REQUEST, PARTIES));
		// a draft is the requesting bureau's until it is sent
		rules.put("PUT /api/v1/assistance-requests/{id}", rule(CASE_OFFICER).on(Kind.REQUEST_DRAFT, ALONE).by(OWNER)
			.body(values -> """
					{"caseId": %s, "assistingAgencyCode": "410421", "matters": "核实该企业在贵辖区的经营场所和从业人员。",
					 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s", "version": %s}"""
				.formatted(values.get("caseId"), today(30), values.get("version"))));
		rules.put("POST /api/v1/assistance-requests/{id}/attachments",
				rule(CASE_OFFICER).on(Kind.REQUEST_DRAFT, ALONE).by(OWNER).file("材料.pdf"));
		rules.put("POST /api/v1/assistance-requests/{id}/{action}", rule(CASE_OFFICER).on(Kind.REQUEST, PARTIES)
			.by(PAIR).with("action", "accept").body(values -> "{\"version\": %s}".formatted(values.get("version"))));
		rules.put("GET /assistance/case/{caseId}", rule(BUSINESS).on(Kind.CASE, PARTIES));
		rules.put("GET /assistance/new", rule(CASE_OFFICER).on(Kind.CASE, PARTIES).by(OWNER, CITY).query(values -> "caseId="
				+ values.get("caseId")));
		rules.put("POST /assistance", rule(CASE_OFFICER).on(Kind.CASE, PARTIES).by(OWNER, CITY)
			.form(values -> Map.of("caseId", values.get("caseId"), "assistingAgencyCode", "410421", "matters",
					"核实该企业在贵辖区的经营场所。", "legalBasis", "《中华人民共和国安全生产法》", "answerBy", today(30)))
			.reached(PAGE_FORM));
		rules.put("POST /assistance/{id}/attachments",
				rule(CASE_OFFICER).on(Kind.REQUEST_DRAFT, ALONE).by(OWNER).reached(PAGE_FORM));
		rules.put("POST /assistance/{id}/revision",
				rule(CASE_OFFICER).on(Kind.REQUEST_DRAFT, ALONE).by(OWNER).reached(PAGE_FORM));
		rules.put("POST /assistance/{id}/{action}",
				rule(CASE_OFFICER).on(Kind.REQUEST, PARTIES).by(PAIR).with("action", "accept").reached(PAGE_FORM));
		// issue 23: the requesting bureau's legal officer reviews its letter, its leader signs it off, either sends
		// it back; the matrix's request is the owner's, and no leader or legal officer of the owner is among the
		// actors, so the city's leader and legal officer see it and are refused
		rules.put("POST /api/v1/assistance-requests/{id}/review", rule(LEGAL).on(Kind.REQUEST, PARTIES)
			.by(OWNER).body(values -> "{\"version\": %s}".formatted(values.get("version"))));
		rules.put("POST /api/v1/assistance-requests/{id}/sign-off", rule(Set.of("LEADER")).on(Kind.REQUEST, PARTIES)
			.by(OWNER).body(values -> "{\"version\": %s}".formatted(values.get("version"))));
		rules.put("POST /api/v1/assistance-requests/{id}/send-back", rule(APPROVERS).on(Kind.REQUEST, PARTIES)
			.by(OWNER).body(values -> "{\"version\": %s, \"text\": \"请修改。\"}".formatted(values.get("version"))));
		rules.put("POST /assistance/{id}/review", rule(LEGAL).on(Kind.REQUEST, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST /assistance/{id}/sign-off",
				rule(Set.of("LEADER")).on(Kind.REQUEST, PARTIES).by(OWNER).reached(PAGE_FORM));
		rules.put("POST /assistance/{id}/send-back", rule(APPROVERS).on(Kind.REQUEST, PARTIES).by(OWNER).reached(PAGE_FORM));

		rules.put("GET /api/v1/major-reports", rule(BUSINESS));
		rules.put("GET /major-reports", rule(BUSINESS));
		rules.put("GET /api/v1/major-reports/{id}", rule(BUSINESS).on(Kind.MAJOR_REPORT, OWN));
		rules.put("GET /major-reports/{id}", rule(BUSINESS).on(Kind.MAJOR_REPORT, OWN));
		rules.put("POST /api/v1/major-reports/{id}/designation",
				rule(LEGAL).at(Level.CITY).on(Kind.MAJOR_REPORT, OWN).by(CITY).body(MatrixRecords.designation()));
		rules.put("POST /api/v1/major-reports/{id}/decline", rule(LEGAL).at(Level.CITY).on(Kind.MAJOR_REPORT, OWN)
			.by(CITY).body("{\"reason\": \"涉案金额和后果未达到重大案件标准，由属地依法办理。\"}"));
		// R2.5: the designation creates the designated agencies' obligations
		rules.put("POST /api/v1/major-reports/{id}/task-report", rule(CASE_OFFICER).on(Kind.MAJOR_DESIGNATED, PARTIES)
			.by(OWNER, PAIR).body("{\"report\": \"已完成现场勘验和询问，正在制作处罚决定。\"}"));
		rules.put("POST /major-reports/{id}/designation",
				rule(LEGAL).at(Level.CITY).on(Kind.MAJOR_REPORT, OWN).by(CITY).reached(PAGE_FORM));
		// issue 23: the city bureau's leader signs off the legal office's designation notice or sends it back
		String pending = "the matrix's report is pending, no policy asking for a sign-off: a leader who may sign off "
				+ "is refused as a conflict after the access checks (SignOffIT shows the sign-off itself)";
		rules.put("POST /api/v1/major-reports/{id}/sign-off",
				rule(Set.of("LEADER")).on(Kind.MAJOR_REPORT, OWN).by(CITY).body("{}").reached(pending));
		rules.put("POST /api/v1/major-reports/{id}/send-back", rule(Set.of("LEADER")).on(Kind.MAJOR_REPORT, OWN).by(CITY)
			.body("{\"text\": \"请修改。\"}").reached(pending));
		rules.put("POST /major-reports/{id}/sign-off",
				rule(Set.of("LEADER")).on(Kind.MAJOR_REPORT, OWN).by(CITY).reached(PAGE_FORM));
		rules.put("POST /major-reports/{id}/send-back",
				rule(Set.of("LEADER")).on(Kind.MAJOR_REPORT, OWN).by(CITY).reached(PAGE_FORM));
		rules.put("POST /major-reports/{id}/decline",
				rule(LEGAL).at(Level.CITY).on(Kind.MAJOR_REPORT, OWN).by(CITY).reached(PAGE_FORM));
		rules.put("POST /major-reports/{id}/task-report",
				rule(CASE_OFFICER).on(Kind.MAJOR_DESIGNATED, PARTIES).by(OWNER, PAIR).reached(PAGE_FORM));

		rules.put("GET /api/v1/dispatches", rule(BUSINESS));
		rules.put("GET /dispatches", rule(BUSINESS));
		rules.put("POST /api/v1/dispatches", rule(DIRECTION).at(Level.CITY).on(Kind.CASE, PARTIES).by(CITY)
			.body(values -> MatrixRecords.dispatchOf(values.get("caseId"))));
		rules.put("GET /api/v1/dispatches/{id}", rule(BUSINESS).on(Kind.DISPATCH, OWN));
		rules.put("GET /dispatches/{id}", rule(BUSINESS).on(Kind.DISPATCH, OWN));
		rules.put("POST /api/v1/dispatches/{id}/report", rule(CASE_OFFICER).on(Kind.DISPATCH, OWN).by(OWNER)
			.body("{\"report\": \"已复查，企业已完成整改。\"}"));
		rules.put("POST /api/v1/dispatches/{id}/close",
				rule(DIRECTION).at(Level.CITY).on(Kind.DISPATCH_REPORTED, OWN).by(CITY).body("{}"));
		rules.put("POST /dispatches", rule(DIRECTION).at(Level.CITY).reached(PAGE_FORM));
		rules.put("POST /dispatches/{id}/report",
				rule(CASE_OFFICER).on(Kind.DISPATCH, OWN).by(OWNER).reached(PAGE_FORM));
		rules.put("POST /dispatches/{id}/close",
				rule(DIRECTION).at(Level.CITY).on(Kind.DISPATCH_REPORTED, OWN).by(CITY).reached(PAGE_FORM));
		// issue 23: the city bureau's leader signs off a dispatch notice the detachment drafted, or sends it back
		String sent = "the matrix's dispatch was sent, no policy asking for a sign-off: a leader who may sign off is "
				+ "refused as a conflict after the access checks (SignOffIT shows the sign-off itself)";
		rules.put("POST /api/v1/dispatches/{id}/sign-off",
				rule(Set.of("LEADER")).on(Kind.DISPATCH, OWN).by(CITY).body("{}").reached(sent));
		rules.put("POST /api/v1/dispatches/{id}/send-back", rule(Set.of("LEADER")).on(Kind.DISPATCH, OWN).by(CITY)
			.body("{\"text\": \"请修改。\"}").reached(sent));
		rules.put("POST /dispatches/{id}/sign-off",
				rule(Set.of("LEADER")).on(Kind.DISPATCH, OWN).by(CITY).reached(PAGE_FORM));
		rules.put("POST /dispatches/{id}/send-back",
				rule(Set.of("LEADER")).on(Kind.DISPATCH, OWN).by(CITY).reached(PAGE_FORM));
	}

	/** X3: an official document is seen by its issuer, its addressees and the city. */
	private static void documents(Map<String, Rule> rules) {
		rules.put("GET /api/v1/documents/{id}", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		rules.put("GET /api/v1/documents/{id}.pdf", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		rules.put("GET /api/v1/documents/{id}/receipts", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		// issue 23: the evidences of a letter's way are seen, and exported, by whoever reads the letter
		rules.put("GET /api/v1/documents/{id}/evidences", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		rules.put("GET /api/v1/documents/{id}/evidences.zip", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		rules.put("GET /documents/{id}/evidences.zip", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		rules.put("GET /documents/{id}", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		rules.put("GET /documents/{id}.pdf", rule(BUSINESS).on(Kind.LETTER, PARTIES));
		rules.put("POST /api/v1/documents/verify", rule(BUSINESS).on(Kind.LETTER, PARTIES)
			.body(values -> "{\"documentId\": %s}".formatted(values.get("id"))));
		rules.put("POST /api/v1/documents/verify (file)", rule(BUSINESS).file("材料.pdf")
			.reached("the file sent is no document of the platform; verifying files is the signature work's test"));
		rules.put("GET /documents/verify", rule(BUSINESS));
		// issue 21: the check page of a printed document's QR code, for whoever holds the paper
		rules.put("GET /documents/check", rule(ANYONE).open());
		rules.put("POST /documents/verify", rule(BUSINESS).reached(PAGE_FORM));
	}

	/** R3.1, R4.1: an agreement or memorandum is seen by its parties and the city, and changed by its parties. */
	private static void instruments(Map<String, Rule> rules) {
		rules.put("GET /api/v1/instruments", rule(BUSINESS));
		rules.put("GET /instruments", rule(BUSINESS));
		rules.put("GET /instruments/new", rule(BUSINESS));
		// R1.2: other departments are parties to agreements and memoranda too
		rules.put("POST /api/v1/instruments", rule(BUSINESS).body((values, actor) -> """
				{"kind": "AGREEMENT", "title": "%s", "scope": "辖区内安全生产行政执法", "text": "第一条 互相协助调查。",
				 "partyCodes": ["%s"], "effectiveFrom": "%s", "effectiveUntil": "%s"}"""
			.formatted(Fixtures.unique("矩阵协议"), actor.relation() == OWNER ? "410421" : "410402", today(-1),
					today(700))));
		rules.put("GET /api/v1/instruments/{id}", rule(BUSINESS).on(Kind.AGREEMENT, PARTIES));
		rules.put("GET /instruments/{id}", rule(BUSINESS).on(Kind.AGREEMENT, PARTIES));
		rules.put("GET /api/v1/instruments/{id}/attachments/{attachmentId}",
				rule(BUSINESS).on(Kind.AGREEMENT, PARTIES));
		rules.put("GET /instruments/{id}/attachments/{attachmentId}", rule(BUSINESS).on(Kind.AGREEMENT, PARTIES));
		rules.put("PUT /api/v1/instruments/{id}/text", rule(BUSINESS).on(Kind.AGREEMENT, PARTIES).by(OWNER, PAIR)
			.body(values -> "{\"text\": \"第一条 双方互相协助调查。第二条 两个工作日内受理。\", \"note\": \"增加第二条\", \"version\": %s}"
				.formatted(values.get("version"))));
		rules.put("POST /api/v1/instruments/{id}/submit", rule(BUSINESS).on(Kind.AGREEMENT, PARTIES).by(OWNER, PAIR)
			.body(values -> "{\"version\": %s}".formatted(values.get("version"))));
		rules.put("POST /api/v1/instruments/{id}/sign", rule(BUSINESS).on(Kind.AGREEMENT_TO_SIGN, PARTIES)
			.by(OWNER, PAIR).body(values -> "{\"version\": %s}".formatted(values.get("version"))));
		rules.put("PUT /api/v1/instruments/{id}/measures", rule(BUSINESS).on(Kind.MEMORANDUM, PARTIES).by(OWNER, PAIR)
			.body("{\"measures\": [\"限制其参加评先评优\"]}"));
		rules.put("POST /api/v1/instruments/{id}/terminate", rule(BUSINESS).on(Kind.AGREEMENT_IN_FORCE, PARTIES)
			.by(OWNER, PAIR).body("{\"reason\": \"双方机构调整，协议不再执行。\"}"));
		rules.put("POST /api/v1/instruments/{id}/attachments",
				rule(BUSINESS).on(Kind.AGREEMENT, PARTIES).by(OWNER, PAIR).file("附件.pdf"));
		rules.put("POST /instruments", rule(BUSINESS).reached(PAGE_FORM));
		rules.put("POST /instruments/{id}/attachments",
				rule(BUSINESS).on(Kind.AGREEMENT, PARTIES).by(OWNER, PAIR).reached(PAGE_FORM));
		rules.put("POST /instruments/{id}/{action}", rule(BUSINESS).on(Kind.AGREEMENT, PARTIES).by(OWNER, PAIR)
			.with("action", "submit").reached(PAGE_FORM));
	}

	/**
	 * R4.2, R4.3: any agency checks credit and screens lists; an entry is public once listed, before
	 * that (notice and defence) it is seen by the proposing bureau and the city; the city's legal
	 * office records defences, decides and repairs.
	 */
	private static void credit(Map<String, Rule> rules) {
		rules.put("GET /credit", rule(BUSINESS));
		rules.put("GET /api/v1/credit/checks", rule(BUSINESS).query("uscc=" + Fixtures.uscc("410403")));
		rules.put("POST /api/v1/credit/screenings", rule(BUSINESS).file("名单.csv"));
		rules.put("POST /credit/screenings", rule(BUSINESS).reached(PAGE_FORM));
		rules.put("GET /api/v1/credit/screenings/{id}", rule(BUSINESS).on(Kind.SCREENING, ALONE));
		rules.put("GET /api/v1/credit/screenings/{id}/result", rule(BUSINESS).on(Kind.SCREENING, ALONE));
		rules.put("GET /credit/screenings/{id}", rule(BUSINESS).on(Kind.SCREENING, ALONE));
		rules.put("GET /credit/screenings/{id}/progress", rule(BUSINESS).on(Kind.SCREENING, ALONE));
		rules.put("GET /credit/screenings/{id}/result", rule(BUSINESS).on(Kind.SCREENING, ALONE));
		rules.put("GET /api/v1/credit/entries", rule(BUSINESS));
		rules.put("GET /credit/entries", rule(BUSINESS));
		rules.put("POST /api/v1/credit/entries", rule(PROPOSER).on(Kind.MAJOR_CASE, OWN).by(OWNER, CITY)
			.body(values -> Fixtures.listingProposal(Long.parseLong(values.get("caseId")))));
		// the form is empty but for the case's number: it shows nothing of the case
		rules.put("GET /credit/entries/new", rule(BUSINESS).query("caseId=1"));
		rules.put("POST /credit/entries", rule(PROPOSER).on(Kind.MAJOR_CASE, OWN).by(OWNER, CITY)
			.form(values -> Map.of("caseId", values.get("caseId"), "facts", "该企业发生较大生产安全事故。", "legalBasis",
					"《安全生产严重失信主体名单管理办法》第六条"))
			.reached(PAGE_FORM));
		rules.put("GET /api/v1/credit/entries/{id}", rule(BUSINESS).on(Kind.ENTRY_PROPOSED, OWN));
		rules.put("GET /credit/entries/{id}", rule(BUSINESS).on(Kind.ENTRY_PROPOSED, OWN));
		rules.put("POST /api/v1/credit/entries/{id}/defence", rule(LEGAL).at(Level.CITY)
			.on(Kind.ENTRY_PROPOSED, OWN).body("{\"statement\": \"当事人陈述：已整改。\"}"));
		rules.put("POST /api/v1/credit/entries/{id}/decision", rule(LEGAL).at(Level.CITY)
			.on(Kind.ENTRY_DEFENDED, OWN).body("{\"list\": true, \"reason\": \"事实清楚\"}"));
		rules.put("POST /api/v1/credit/entries/{id}/repair", rule(LEGAL).at(Level.CITY).on(Kind.ENTRY_LISTED, EVERYONE)
			.body("{\"statement\": \"已完成整改，申请信用修复。\"}")
			.reached("repair is possible only after the shortest publication period, which a test cannot wait for"));
		rules.put("POST /credit/entries/{id}/{action}", rule(LEGAL).at(Level.CITY).on(Kind.ENTRY_PROPOSED, OWN)
			.with("action", "defence").reached(PAGE_FORM));
	}

	/** R5.1–R5.4: the office (detachment) convenes and minutes; the county bureaus are the members. */
	private static void meetings(Map<String, Rule> rules) {
		rules.put("GET /api/v1/meetings", rule(BUSINESS));
		rules.put("GET /meetings", rule(BUSINESS));
		rules.put("POST /api/v1/meetings", rule(OFFICE).at(Level.CITY).body("""
				{"kind": "AD_HOC", "title": "矩阵测试专题会议", "agenda": "研究联合执法检查安排",
				 "place": "市应急管理局三楼会议室", "startsAt": "%sT09:00:00", "replyBy": "%s"}"""
			.formatted(today(7), today(5))));
		rules.put("POST /meetings", rule(OFFICE).at(Level.CITY).reached(PAGE_FORM));
		rules.put("GET /api/v1/meetings/{id}", rule(BUSINESS).on(Kind.MEETING, BUREAUS));
		rules.put("GET /meetings/{id}", rule(BUSINESS).on(Kind.MEETING, BUREAUS));
		rules.put("POST /api/v1/meetings/{id}/attendance", rule(BUSINESS).at(Level.COUNTY)
			.on(Kind.MEETING, BUREAUS).body("{\"attend\": true, \"attendee\": \"孙丽娟（信息联络员）\"}"));
		rules.put("POST /meetings/{id}/attendance", rule(BUSINESS).at(Level.COUNTY).on(Kind.MEETING, BUREAUS)
			.reached(PAGE_FORM));
		rules.put("POST /api/v1/meetings/{id}/minutes",
				rule(OFFICE).at(Level.CITY).on(Kind.MEETING_TO_MINUTE, BUREAUS).body(MatrixRecords.minutes()));
		rules.put("POST /meetings/{id}/minutes",
				rule(OFFICE).at(Level.CITY).on(Kind.MEETING_TO_MINUTE, BUREAUS).reached(PAGE_FORM));
		// issue 23: a leader of the city bureau signs the office's minutes off or sends them back
		String noDraft = "the matrix's meetings have no minutes awaiting a sign-off, no policy asking for one: a "
				+ "leader of the city is refused as a conflict after the access checks (SignOffIT shows the sign-off)";
		rules.put("POST /api/v1/meetings/{id}/minutes/sign-off",
				rule(Set.of("LEADER")).on(Kind.MEETING, BUREAUS).body("{}").reached(noDraft));
		rules.put("POST /api/v1/meetings/{id}/minutes/send-back",
				rule(Set.of("LEADER")).on(Kind.MEETING, BUREAUS).body("{\"text\": \"请修改。\"}").reached(noDraft));
		rules.put("POST /meetings/{id}/minutes/sign-off",
				rule(Set.of("LEADER")).on(Kind.MEETING, BUREAUS).reached(PAGE_FORM));
		rules.put("POST /meetings/{id}/minutes/send-back",
				rule(Set.of("LEADER")).on(Kind.MEETING, BUREAUS).reached(PAGE_FORM));
		rules.put("GET /api/v1/meetings/action-items", rule(BUSINESS));
		rules.put("POST /api/v1/meetings/action-items/{id}/completion", rule(BUSINESS).on(Kind.ACTION_ITEM, BUREAUS)
			.by(OWNER).body("{\"evidence\": \"已完成联合检查 12 家企业，发现隐患 31 项。\"}"));
		rules.put("POST /meetings/action-items/{itemId}/completion",
				rule(BUSINESS).on(Kind.ACTION_ITEM, BUREAUS).by(OWNER)
					.form(values -> Map.of("meetingId", values.get("meetingId"), "evidence", "已完成联合检查。"))
					.reached(PAGE_FORM));
		rules.put("GET /api/v1/meetings/regular-status", rule(BUSINESS));
		rules.put("GET /api/v1/meetings/norms", rule(BUSINESS));
		rules.put("GET /meetings/norms", rule(BUSINESS));
		rules.put("POST /api/v1/meetings/norms", rule(OFFICE).at(Level.CITY)
			.body(values -> "{\"title\": \"%s\", \"body\": \"第一条 协查请求两个工作日内受理。\"}"
				.formatted(Fixtures.unique("矩阵规范"))));
		rules.put("PUT /api/v1/meetings/norms/{id}", rule(OFFICE).at(Level.CITY).on(Kind.NORM, EVERYONE)
			.body("{\"body\": \"第一条 协查请求两个工作日内受理。第二条 答复期限由请求单位确定。\", \"note\": \"增加第二条\"}"));
		rules.put("POST /meetings/norms", rule(OFFICE).at(Level.CITY).reached(PAGE_FORM));
	}

	/** R6.1–R6.3: reports go from each bureau to the city; posts and bulletins go to every bureau. */
	private static void sharing(Map<String, Rule> rules) {
		rules.put("GET /api/v1/reports/schedules", rule(BUSINESS));
		rules.put("POST /api/v1/reports/schedules", rule(DIRECTION).at(Level.CITY)
			.body(values -> "{\"title\": \"%s\", \"frequency\": \"QUARTERLY\", \"dueDay\": 10}"
				.formatted(Fixtures.unique("矩阵季度统计"))));
		rules.put("POST /reports/schedules", rule(DIRECTION).at(Level.CITY).reached(PAGE_FORM));
		rules.put("GET /api/v1/reports/obligations", rule(BUSINESS));
		rules.put("GET /api/v1/reports/obligations/{id}/submissions", rule(BUSINESS).on(Kind.REPORT_PERIOD, OWN));
		rules.put("POST /api/v1/reports", rule(Set.of("LIAISON")).on(Kind.REPORT_PERIOD, OWN).by(OWNER)
			.body(values -> "{\"obligationId\": %s, \"title\": \"本月执法统计\", \"body\": \"本月立案 3 起。\"}"
				.formatted(values.get("id"))));
		rules.put("POST /reports", rule(Set.of("LIAISON")).on(Kind.REPORT_PERIOD, OWN).by(OWNER)
			.form(values -> Map.of("obligationId", values.get("id"), "title", "本月执法统计", "body", "本月立案 3 起。"))
			.reached(PAGE_FORM));
		rules.put("GET /reports", rule(BUSINESS));
		rules.put("GET /api/v1/reports/ad-hoc", rule(BUSINESS));
		rules.put("GET /api/v1/reports/timeliness", rule(BUSINESS));
		rules.put("GET /api/v1/posts", rule(BUSINESS));
		rules.put("GET /posts", rule(BUSINESS));
		rules.put("POST /api/v1/posts", rule(BUSINESS)
			.body("{\"kind\": \"EXPERIENCE\", \"title\": \"危化品检查经验\", \"body\": \"经验材料\"}"));
		rules.put("POST /posts", rule(BUSINESS).reached(PAGE_FORM));
		rules.put("GET /posts/{postId}/attachments/{id}", rule(BUSINESS).on(Kind.POST, EVERYONE));
		rules.put("GET /api/v1/bulletins", rule(BUSINESS));
		rules.put("GET /bulletins", rule(BUSINESS));
		rules.put("POST /api/v1/bulletins", rule(Set.of("LEADER", "DETACHMENT_OFFICER", "LIAISON"))
			.at(Level.CITY, Level.COUNTY).body("{\"title\": \"矩阵测试快报\", \"body\": \"请各地排查同类企业。\"}"));
		rules.put("POST /bulletins", rule(Set.of("LEADER", "DETACHMENT_OFFICER", "LIAISON")).at(Level.CITY, Level.COUNTY)
			.reached(PAGE_FORM));
		rules.put("GET /api/v1/bulletins/{id}", rule(BUSINESS).on(Kind.BULLETIN, BUREAUS));
		rules.put("GET /bulletins/{id}", rule(BUSINESS).on(Kind.BULLETIN, BUREAUS));
		// issue 23 (先发后签): the sending bureau's leader signs off a bulletin that went first; the matrix's bulletin is
		// the owner's, no leader of the owner is among the actors, so the city's leader sees it and is refused
		rules.put("POST /api/v1/bulletins/{id}/sign-off", rule(Set.of("LEADER")).on(Kind.BULLETIN, BUREAUS).by(OWNER));
		rules.put("POST /bulletins/{id}/sign-off",
				rule(Set.of("LEADER")).on(Kind.BULLETIN, BUREAUS).by(OWNER).reached(PAGE_FORM));
		// every county bureau but the sender acknowledges, through its liaison; the city is told of silence (R6.3)
		rules.put("POST /api/v1/bulletins/{id}/acknowledgement",
				rule(Set.of("LIAISON")).on(Kind.BULLETIN, BUREAUS).by(PAIR, THIRD));
		rules.put("POST /bulletins/{id}/acknowledgement",
				rule(Set.of("LIAISON")).on(Kind.BULLETIN, BUREAUS).by(PAIR, THIRD).reached(PAGE_FORM));
	}

	/**
	 * R2.6, R7, R8: the city inspects, holds to account, evaluates; the bureau concerned sees its
	 * own records and answers them; no other bureau sees them.
	 */
	private static void oversight(Map<String, Rule> rules) {
		rules.put("GET /oversight", rule(BUSINESS));
		rules.put("GET /oversight/panel", rule(BUSINESS));
		rules.put("GET /oversight/obligations", rule(BUSINESS));
		rules.put("GET /api/v1/obligations", rule(BUSINESS));
		rules.put("GET /api/v1/obligations/dashboard", rule(BUSINESS));
		rules.put("GET /api/v1/obligations/{id}", rule(BUSINESS).on(Kind.OBLIGATION, OWN));

		rules.put("GET /api/v1/inspections", rule(BUSINESS));
		rules.put("GET /oversight/inspections", rule(BUSINESS));
		rules.put("POST /api/v1/inspections", rule(DIRECTION).at(Level.CITY).body(MatrixRecords.supervision()));
		rules.put("GET /oversight/inspections/new", rule(DIRECTION).at(Level.CITY));
		rules.put("POST /oversight/inspections", rule(DIRECTION).at(Level.CITY).reached(PAGE_FORM));
		rules.put("GET /api/v1/inspections/{id}", rule(BUSINESS).on(Kind.INSPECTION, OWN));
		rules.put("GET /oversight/inspections/{id}", rule(BUSINESS).on(Kind.INSPECTION, OWN));
		rules.put("GET /api/v1/inspections/rectifications", rule(BUSINESS));
		rules.put("POST /api/v1/inspections/rectifications/{id}/report", rule(BUSINESS).on(Kind.RECTIFICATION, OWN)
			.by(OWNER).body("{\"report\": \"已补正 2 卷案卷的调查取证材料。\"}"));
		rules.put("POST /oversight/inspections/rectifications/{rectificationId}/report",
				rule(BUSINESS).on(Kind.RECTIFICATION, OWN).by(OWNER)
					.form(values -> Map.of("inspectionId", values.get("inspectionId"), "report", "已补正。"))
					.reached(PAGE_FORM));

		rules.put("GET /api/v1/inspections/campaigns", rule(BUSINESS));
		rules.put("GET /oversight/inspections/campaigns", rule(BUSINESS));
		rules.put("POST /api/v1/inspections/campaigns", rule(DIRECTION).at(Level.CITY)
			.body(values -> "{\"title\": \"%s\", \"year\": %d, \"period\": \"第四季度\", \"bureauCodes\": [\"410403\", \"410404\"]}"
				.formatted(Fixtures.unique("矩阵互查"), LocalDate.now(MatrixRecords.BEIJING).getYear())));
		rules.put("POST /oversight/inspections/campaigns", rule(DIRECTION).at(Level.CITY).reached(PAGE_FORM));
		// a county bureau sees a campaign it takes part in once it is confirmed
		rules.put("GET /api/v1/inspections/campaigns/{id}", rule(BUSINESS).on(Kind.CAMPAIGN_CONFIRMED, PARTIES));
		rules.put("GET /oversight/inspections/campaigns/{id}", rule(BUSINESS).on(Kind.CAMPAIGN_CONFIRMED, PARTIES));
		rules.put("POST /api/v1/inspections/campaigns/{id}/proposal",
				rule(DIRECTION).at(Level.CITY).on(Kind.CAMPAIGN, CITY).body("{}"));
		rules.put("POST /api/v1/inspections/campaigns/{id}/confirmation", rule(DIRECTION).at(Level.CITY)
			.on(Kind.CAMPAIGN, CITY).body(values -> "{\"version\": %s}".formatted(values.get("version"))));
		rules.put("POST /oversight/inspections/campaigns/{id}/proposal",
				rule(DIRECTION).at(Level.CITY).on(Kind.CAMPAIGN, CITY).reached(PAGE_FORM));
		rules.put("POST /oversight/inspections/campaigns/{id}/confirmation",
				rule(DIRECTION).at(Level.CITY).on(Kind.CAMPAIGN, CITY).reached(PAGE_FORM));
		rules.put("POST /api/v1/inspections/campaigns/{id}/inspections", rule(Set.of("ENFORCER", "LEADER"))
			.at(Level.COUNTY).on(Kind.CAMPAIGN_CONFIRMED, PARTIES).by(OWNER, PAIR).body(MatrixRecords.mutual()));
		rules.put("GET /oversight/inspections/campaigns/{id}/inspections/new", rule(Set.of("ENFORCER", "LEADER"))
			.at(Level.COUNTY).on(Kind.CAMPAIGN_CONFIRMED, PARTIES).by(OWNER, PAIR));
		rules.put("POST /oversight/inspections/campaigns/{id}/inspections", rule(Set.of("ENFORCER", "LEADER"))
			.at(Level.COUNTY).on(Kind.CAMPAIGN_CONFIRMED, PARTIES).by(OWNER, PAIR).reached(PAGE_FORM));

		rules.put("GET /api/v1/accountability", rule(BUSINESS));
		rules.put("GET /oversight/accountability", rule(BUSINESS));
		rules.put("POST /api/v1/accountability", rule(DIRECTION).at(Level.CITY)
			.body("{\"agencyCode\": \"410402\", \"facts\": \"多次逾期未答复协查请求。\", \"conductIds\": []}"));
		rules.put("POST /oversight/accountability", rule(DIRECTION).at(Level.CITY).reached(PAGE_FORM));
		rules.put("GET /api/v1/accountability/conduct", rule(DIRECTION).at(Level.CITY).query("agencyCode=410402"));
		rules.put("GET /oversight/accountability/conduct", rule(DIRECTION).at(Level.CITY).query("agencyCode=410402"));
		rules.put("GET /oversight/accountability/new", rule(DIRECTION).at(Level.CITY));
		rules.put("GET /api/v1/accountability/{id}", rule(BUSINESS).on(Kind.ACCOUNTABILITY, OWN));
		rules.put("GET /oversight/accountability/{id}", rule(BUSINESS).on(Kind.ACCOUNTABILITY, OWN));
		rules.put("POST /api/v1/accountability/{id}/decision", rule(DIRECTION).at(Level.CITY)
			.on(Kind.ACCOUNTABILITY, OWN).body("""
					{"decision": "通报批评", "measures": ["NOTICE_OF_CRITICISM"], "otherMeasure": null, "deduction": 2}"""));
		rules.put("POST /oversight/accountability/{id}/decision",
				rule(DIRECTION).at(Level.CITY).on(Kind.ACCOUNTABILITY, OWN).reached(PAGE_FORM));

		int year = LocalDate.now(MatrixRecords.BEIJING).getYear();
		rules.put("GET /api/v1/evaluations/{year}", rule(BUSINESS).with("year", String.valueOf(year)));
		rules.put("GET /api/v1/evaluations/{year}/export.xlsx", rule(BUSINESS).with("year", String.valueOf(year)));
		rules.put("GET /api/v1/evaluations/{year}/assistance", rule(BUSINESS).with("year", String.valueOf(year)));
		rules.put("GET /oversight/evaluations", rule(BUSINESS));
		rules.put("GET /oversight/evaluations/{year}/export.xlsx", rule(BUSINESS).with("year", String.valueOf(year)));
		rules.put("POST /api/v1/evaluations/{year}/report", rule(DIRECTION).at(Level.CITY)
			.with("year", String.valueOf(year)).reached("the report is issued once a year, after the year's end"));
		rules.put("POST /oversight/evaluations/{year}/report",
				rule(DIRECTION).at(Level.CITY).with("year", String.valueOf(year)).reached(PAGE_FORM));
		// issue 23: a leader of the city bureau sends a report submitted for the sign-off back
		rules.put("POST /api/v1/evaluations/{year}/report/send-back", rule(Set.of("LEADER")).at(Level.CITY)
			.with("year", String.valueOf(year)).body("{\"text\": \"请核对扣分。\"}")
			.reached("no report is submitted for the sign-off in the matrix: refused as a conflict after the access checks"));
		rules.put("POST /oversight/evaluations/{year}/report/send-back",
				rule(Set.of("LEADER")).at(Level.CITY).with("year", String.valueOf(year)).reached(PAGE_FORM));
	}
}
