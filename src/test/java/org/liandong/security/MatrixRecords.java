package org.liandong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.PageSession;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The records the authorization matrix probes (X2), one of every kind, made the way the bureaus make
 * them: through the API, by the people whose work it is. Each belongs to 新华区 ({@link #OWNER}) or
 * to the pair 新华区 and 宝丰县 ({@link #PAIR}), or to the city bureau where the city makes it about
 * 新华区. {@link #shared} makes one record of a kind per test and keeps it; {@link #fresh} makes a new
 * one, for a probe that is expected to change it.
 */
final class MatrixRecords {

	static final String OWNER = "410402";

	static final String PAIR = "410421";

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** The smallest PNG image there is (1 by 1 pixel): a hazard's photo. */
	static final byte[] PNG = java.util.Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	/** A kind of record, in the state its probes need; the values name the path variables and body fields. */
	enum Kind {
		/** A case of 新华区, notified to 宝丰县 (R2.3), which therefore sees its summary. */
		CASE,
		/** A major case of 新华区, not notified to anyone (R2.5). */
		MAJOR_CASE,
		/** An assistance request of 新华区 to 宝丰县, sent (R2.4), with one attachment. */
		REQUEST,
		/** The same, still a draft: 宝丰县 has not received it. */
		REQUEST_DRAFT,
		/** The letter (公文) of a sent request, issued by 新华区 to 宝丰县 (X3). */
		LETTER,
		/** An agreement between 新华区 and 宝丰县 (R3.1), a draft with one attachment. */
		AGREEMENT,
		/** The same, submitted for signatures. */
		AGREEMENT_TO_SIGN,
		/** The same, signed by both and in force. */
		AGREEMENT_IN_FORCE,
		/** A memorandum of 新华区 and 宝丰县 (R4.1), a draft. */
		MEMORANDUM,
		/** 新华区's proposal to list the party of its major case, in the defence period (R4.2): not public. */
		ENTRY_PROPOSED,
		/** The same, its defence recorded by the legal office: ready for the decision. */
		ENTRY_DEFENDED,
		/** An entry on the public list, proposed by 新华区 and decided by the legal office. */
		ENTRY_LISTED,
		/** A bulk screening uploaded by 新华区's enforcer (R4.3). */
		SCREENING,
		/** A joint meeting convened by the office, replies open (R5.3). */
		MEETING,
		/** A joint meeting that has begun, so that its minutes may be issued. */
		MEETING_TO_MINUTE,
		/** An action item of a held meeting owned by 新华区 (R5.3). */
		ACTION_ITEM,
		/** A work norm kept by the office (R5.4). */
		NORM,
		/** A bulletin sent by 新华区's liaison to every bureau (R6.3). */
		BULLETIN,
		/** A post (experience) of 新华区 with an attachment, visible to every bureau (R6.2). */
		POST,
		/** A report period of 新华区 under a schedule the city defined (R6.1). */
		REPORT_PERIOD,
		/** A supervision inspection of 新华区 by the city, with one rectification (R8.1). */
		INSPECTION,
		/** The rectification of that inspection, due from 新华区. */
		RECTIFICATION,
		/** A mutual-inspection campaign of 新华区 and 宝丰县, proposed (R2.6). */
		CAMPAIGN,
		/** The same, confirmed: each inspects the other. */
		CAMPAIGN_CONFIRMED,
		/** An accountability record the city opened against 新华区 (R7.2). */
		ACCOUNTABILITY,
		/** A dispatch of the city to 新华区 on its case (R2.7). */
		DISPATCH,
		/** The same, reported by 新华区, to be closed by the city. */
		DISPATCH_REPORTED,
		/** 新华区's report of a major case to the city, pending (R2.5). */
		MAJOR_REPORT,
		/** The same, designated: 新华区 leads, 宝丰县 assists. */
		MAJOR_DESIGNATED,
		/**
		 * A joint operation organised by 新华区 with 宝丰县 (issue 22), both confirmed, a team of both whose
		 * target has been inspected: its record, a hazard and the hazard's photo.
		 */
		OPERATION,
		/** The same, with a target of the team not yet inspected. */
		OPERATION_TO_INSPECT,
		/** An obligation of 新华区 in the ledger (R7.1): answering the city's dispatch. */
		OBLIGATION,
		/** A message in 新华区's inbox (X4). */
		MESSAGE,
		/** A fresh account of 新华区, made by the system administrator (R1.3). */
		ACCOUNT,
		/** A holiday far ahead in the working calendar, kept by the system administrator. */
		CALENDAR_DAY,
		/** A signing key of 市住建局 (a department no test issues documents for), made by the system administrator. */
		SIGNING_KEY
	}

	private final int port;

	private final JdbcClient jdbc;

	private final Map<Kind, Map<String, String>> shared = new EnumMap<>(Kind.class);

	private int holidays;

	MatrixRecords(int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	Map<String, String> shared(Kind kind) {
		return shared.computeIfAbsent(kind, this::fresh);
	}

	Map<String, String> fresh(Kind kind) {
		return switch (kind) {
			case CASE -> kase();
			case REQUEST -> request(true);
			case REQUEST_DRAFT -> request(false);
			case LETTER -> letter();
			case AGREEMENT -> instrument("AGREEMENT", 0);
			case AGREEMENT_TO_SIGN -> instrument("AGREEMENT", 1);
			case AGREEMENT_IN_FORCE -> instrument("AGREEMENT", 2);
			case MEMORANDUM -> instrument("MEMORANDUM", 0);
			case MAJOR_CASE -> majorCase();
			case ENTRY_PROPOSED -> entry(false);
			case ENTRY_DEFENDED -> defended();
			case ENTRY_LISTED -> entry(true);
			case SCREENING -> screening();
			case MEETING -> meeting(false);
			case MEETING_TO_MINUTE -> meeting(true);
			case ACTION_ITEM -> actionItem();
			case NORM -> norm();
			case BULLETIN -> bulletin();
			case POST -> post();
			case REPORT_PERIOD -> reportPeriod();
			case INSPECTION -> inspection();
			case CAMPAIGN -> campaign(false);
			case CAMPAIGN_CONFIRMED -> campaign(true);
			case ACCOUNTABILITY -> accountability();
			case DISPATCH -> dispatch(false);
			case DISPATCH_REPORTED -> dispatch(true);
			case MAJOR_REPORT -> majorReport(false);
			case MAJOR_DESIGNATED -> majorReport(true);
			case OBLIGATION -> obligation();
			case OPERATION -> operation(true);
			case OPERATION_TO_INSPECT -> operation(false);
			case MESSAGE -> message();
			case RECTIFICATION -> rectification();
			case ACCOUNT -> values("username", Fixtures.newAccount(Api.at(port), OWNER));
			case CALENDAR_DAY -> calendarDay();
			case SIGNING_KEY -> values("keyId", id(ok(as("sysadmin")
				.post("/api/v1/documents/signing-keys/agencies/410400.housing", ""))));
		};
	}

	Api as(String username) {
		return Api.at(port).as(username, Fixtures.PASSWORD);
	}

	private Api xinhua() {
		return as("xinhua.enforcer");
	}

	private static LocalDate today() {
		return LocalDate.now(BEIJING);
	}

	private static Map<String, String> values(String... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], pairs[i + 1]);
		}
		return values;
	}

	private static JsonNode ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
		return reply.json();
	}

	private static String id(JsonNode node) {
		return node.path("id").asString();
	}

	private Map<String, String> kase() {
		JsonNode kase = Fixtures.enterpriseCase(xinhua(), OWNER, "COUNTY");
		ok(xinhua().post("/api/v1/cases/" + id(kase) + "/notifications", "{\"recipientCodes\": [\"" + PAIR + "\"]}"));
		JsonNode now = ok(xinhua().get("/api/v1/cases/" + id(kase)));
		return values("id", id(kase), "caseId", id(kase), "version", now.path("version").asString());
	}

	private Map<String, String> request(boolean sent) {
		JsonNode draft = Fixtures.draftRequest(xinhua(), PAIR);
		String id = id(draft);
		JsonNode attachment = ok(xinhua().upload("/api/v1/assistance-requests/" + id + "/attachments", "现场照片.pdf",
				"application/pdf", PDF));
		JsonNode now = ok(xinhua().get("/api/v1/assistance-requests/" + id));
		if (sent) {
			now = ok(xinhua().post("/api/v1/assistance-requests/" + id + "/send",
					"{\"version\": %s}".formatted(now.path("version").asString())));
		}
		return values("id", id, "attachmentId", id(attachment), "version", now.path("version").asString(), "caseId",
				now.path("caseId").asString(), "letter",
				sent ? now.path("letters").get(0).path("documentId").asString() : "");
	}

	private Map<String, String> letter() {
		return values("id", fresh(Kind.REQUEST).get("letter"));
	}

	/** stage 0 a draft, 1 submitted for signatures, 2 signed by both. */
	private Map<String, String> instrument(String kind, int stage) {
		JsonNode drafted = ok(xinhua().post("/api/v1/instruments", """
				{"kind": "%s", "title": "%s", "scope": "双方辖区内安全生产行政执法",
				 "text": "第一条 双方互相协助调查。", "partyCodes": ["%s"],
				 "effectiveFrom": "%s", "effectiveUntil": "%s"}"""
			.formatted(kind, Fixtures.unique("新华宝丰协作"), PAIR, today().minusDays(1), today().plusYears(2))));
		String id = id(drafted);
		JsonNode attached = ok(xinhua().upload("/api/v1/instruments/" + id + "/attachments", "附件一.pdf",
				"application/pdf", PDF));
		JsonNode now = attached;
		if (stage >= 1) {
			now = ok(xinhua().post("/api/v1/instruments/" + id + "/submit",
					"{\"version\": %s}".formatted(now.path("version").asString())));
		}
		if (stage >= 2) {
			now = ok(xinhua().post("/api/v1/instruments/" + id + "/sign",
					"{\"version\": %s}".formatted(now.path("version").asString())));
			now = ok(as("baofeng.enforcer").post("/api/v1/instruments/" + id + "/sign",
					"{\"version\": %s}".formatted(now.path("version").asString())));
		}
		return values("id", id, "attachmentId", attached.path("attachments").get(0).path("id").asString(), "version",
				now.path("version").asString());
	}

	private Map<String, String> entry(boolean listed) {
		JsonNode kase = Fixtures.majorCase(xinhua());
		if (listed) {
			return values("id", id(Fixtures.listedEntry(xinhua(), kase, as("city.legal"))));
		}
		return values("id", id(ok(xinhua().post("/api/v1/credit/entries",
				Fixtures.listingProposal(kase.path("id").asLong())))));
	}

	private Map<String, String> majorCase() {
		JsonNode kase = Fixtures.majorCase(xinhua());
		return values("id", id(kase), "caseId", id(kase));
	}

	private Map<String, String> defended() {
		Map<String, String> entry = entry(false);
		ok(as("city.legal").post("/api/v1/credit/entries/" + entry.get("id") + "/defence", "{\"statement\": \"无异议\"}"));
		return entry;
	}

	private Map<String, String> screening() {
		String csv = "\uFEFF名称,统一社会信用代码\n乙公司," + Fixtures.uscc("410403") + "\n";
		String id = id(ok(xinhua().upload("/api/v1/credit/screenings", "名单.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))));
		await().atMost(Duration.ofSeconds(20)).until(
				() -> xinhua().get("/api/v1/credit/screenings/" + id).json().path("state").asString(), "DONE"::equals);
		return values("id", id);
	}

	private Map<String, String> meeting(boolean repliesClosed) {
		String id = id(ok(as("city.detachment").post("/api/v1/meetings", """
				{"kind": "AD_HOC", "title": "危险化学品跨区域联合执法专题会议", "agenda": "研究联合执法检查安排",
				 "place": "市应急管理局三楼会议室", "startsAt": "%sT09:00:00", "replyBy": "%s"}"""
			.formatted(today().plusDays(7), today().plusDays(5)))));
		if (repliesClosed) {
			// the meeting begins: it may be minuted (the time moved, as MeetingsIT does)
			jdbc.sql("update meeting set starts_at = ? where id = ?")
				.params(OffsetDateTime.now().minusHours(2), Long.parseLong(id))
				.update();
		}
		return values("id", id);
	}

	private Map<String, String> actionItem() {
		String meeting = meeting(true).get("id");
		JsonNode held = ok(as("city.detachment").post("/api/v1/meetings/" + meeting + "/minutes", minutes()));
		return values("id", held.path("actionItems").get(0).path("id").asString(), "itemId",
				held.path("actionItems").get(0).path("id").asString(), "meetingId", meeting);
	}

	static String minutes() {
		return """
				{"minutes": "会议研究了下半年跨区域联合执法工作。",
				 "decisions": [{"decision": "新华区牵头开展危险化学品联合执法检查", "ownerAgencyCode": "410402", "dueOn": "%s"}]}"""
			.formatted(today().plusDays(30));
	}

	private Map<String, String> norm() {
		return values("id", id(ok(as("city.detachment").post("/api/v1/meetings/norms",
				"{\"title\": \"%s\", \"body\": \"第一条 协查请求两个工作日内受理。\"}".formatted(Fixtures.unique("协查工作规范"))))));
	}

	private Map<String, String> bulletin() {
		return values("id", id(ok(as("xinhua.liaison").post("/api/v1/bulletins",
				"{\"title\": \"新华区某化工企业发生泄漏\", \"body\": \"今日 10 时许发生少量泄漏，无人员伤亡，请各地排查同类企业。\"}"))));
	}

	private Map<String, String> post() {
		PageSession page = new PageSession(port);
		page.signIn("xinhua.enforcer", Fixtures.PASSWORD);
		page.get("/posts");
		String title = Fixtures.unique("危化品检查经验");
		page.upload("/posts?kind=EXPERIENCE&title=" + title + "&body=%E7%BB%8F%E9%AA%8C", "经验材料.pdf",
				"application/pdf", PDF);
		JsonNode post = xinhua().get("/api/v1/posts?size=50").json().path("content").valueStream()
			.filter(node -> node.path("title").asString().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the post with an attachment was not made"));
		return values("postId", id(post), "id", post.path("attachments").get(0).path("id").asString());
	}

	private Map<String, String> reportPeriod() {
		String schedule = id(ok(as("city.detachment").post("/api/v1/reports/schedules",
				"{\"title\": \"%s\", \"frequency\": \"MONTHLY\", \"dueDay\": 5}".formatted(Fixtures.unique("月度执法统计")))));
		JsonNode period = xinhua().get("/api/v1/reports/obligations?scheduleId=" + schedule).json().path("content")
			.get(0);
		assertThat(period.path("agencyCode").asString()).isEqualTo(OWNER);
		return values("id", id(period));
	}

	private Map<String, String> inspection() {
		JsonNode inspection = ok(as("city.leader").post("/api/v1/inspections", supervision()));
		return values("id", id(inspection), "rectificationId",
				inspection.path("rectifications").get(0).path("id").asString());
	}

	static String supervision() {
		return """
				{"inspectedAgencyCode": "410402", "inspectedOn": "%s", "inspectors": ["吴建国", "周执远"],
				 "findings": "抽查案卷 12 卷，2 卷调查取证不完整。",
				 "checklist": [{"name": "案卷质量", "maxScore": 100, "score": 90}],
				 "rectifications": [{"item": "补正 2 卷案卷的调查取证材料", "dueOn": "%s"}]}"""
			.formatted(today(), today().plusDays(10));
	}

	static String mutual() {
		return """
				{"inspectedOn": "%s", "inspectors": ["王志强"], "findings": "抽查案卷 6 卷，均符合要求。",
				 "checklist": [{"name": "案卷质量", "maxScore": 100, "score": 95}], "rectifications": []}"""
			.formatted(today());
	}

	private Map<String, String> campaign(boolean confirmed) {
		JsonNode campaign = ok(as("city.leader").post("/api/v1/inspections/campaigns", """
				{"title": "%s", "year": %d, "period": "第四季度", "bureauCodes": ["410402", "410421"]}"""
			.formatted(Fixtures.unique("跨区域执法工作互查"), today().getYear())));
		String id = id(campaign);
		if (confirmed) {
			campaign = ok(as("city.leader").post("/api/v1/inspections/campaigns/" + id + "/confirmation",
					"{\"version\": %s}".formatted(campaign.path("version").asString())));
		}
		return values("id", id, "version", campaign.path("version").asString());
	}

	private Map<String, String> operation(boolean inspected) {
		String id = id(ok(xinhua().post("/api/v1/joint-operations", """
				{"theme": "%s", "legalBasis": "《中华人民共和国安全生产法》", "startsOn": "%s", "endsOn": "%s",
				 "divisionCodes": ["410402", "410421"], "participantCodes": ["410421"]}"""
			.formatted(Fixtures.unique("矩阵联合执法"), today().minusDays(1), today().plusDays(10)))));
		String base = "/api/v1/joint-operations/" + id;
		ok(xinhua().post(base + "/confirmation", "{\"people\": [\"王执法\", \"李执法\"]}"));
		ok(as("baofeng.enforcer").post(base + "/confirmation", "{\"people\": [\"郑检查\", \"韩执法\"]}"));
		JsonNode targets = ok(xinhua().post(base + "/targets", "{\"targets\": [{\"uscc\": \"%s\", \"name\": \"%s\", \"divisionCode\": \"410421\"}]}"
			.formatted(Fixtures.uscc(PAIR), Fixtures.unique("矩阵化工有限公司")))).path("targets");
		String targetId = id(targets.get(0));
		ok(xinhua().post(base + "/teams", operationTeam(List.of(targetId))));
		if (!inspected) {
			return values("id", id, "targetId", targetId);
		}
		JsonNode record = ok(as("baofeng.enforcer").post(base + "/targets/" + targetId + "/inspection", operationRecord()));
		String hazardId = id(record.path("hazards").get(0));
		String photoId = id(ok(as("baofeng.enforcer").upload(base + "/hazards/" + hazardId + "/photos", "现场.png",
				"image/png", PNG)));
		return values("id", id, "targetId", targetId, "hazardId", hazardId, "photoId", photoId);
	}

	/** A team of 新华区 and 宝丰县, 宝丰县 answering for it. */
	static String operationTeam(List<String> targetIds) {
		return """
				{"name": "%s", "leadAgencyCode": "410421", "inspectFrom": "%s", "inspectTo": "%s",
				 "members": [{"agencyCode": "410402", "name": "王执法"}, {"agencyCode": "410421", "name": "郑检查"}],
				 "targetIds": %s}""".formatted(Fixtures.unique("矩阵检查组"), today(), today().plusDays(3), targetIds);
	}

	static String operationRecord() {
		return """
				{"inspectedAt": "%s", "presentPersons": "企业负责人 王明",
				 "items": [{"item": "危险化学品储存", "outcome": "HAZARD"}],
				 "hazards": [{"description": "可燃气体报警器失效", "level": "GENERAL", "location": "储罐区"}],
				 "measures": "责令7日内更换报警器。", "signatures": ["王执法", "郑检查"]}"""
			.formatted(java.time.Instant.now().minusSeconds(600));
	}

	private Map<String, String> accountability() {
		return values("id", id(ok(as("city.leader").post("/api/v1/accountability",
				"{\"agencyCode\": \"410402\", \"facts\": \"多次逾期未答复协查请求。\", \"conductIds\": []}"))));
	}

	private Map<String, String> dispatch(boolean reported) {
		String caseId = id(Fixtures.enterpriseCase(xinhua(), OWNER, "COUNTY"));
		String id = id(ok(as("city.detachment").post("/api/v1/dispatches", dispatchOf(caseId))));
		if (reported) {
			ok(xinhua().post("/api/v1/dispatches/" + id + "/report", "{\"report\": \"已复查，企业已完成整改。\"}"));
		}
		return values("id", id, "caseId", caseId);
	}

	static String dispatchOf(String caseId) {
		return """
				{"caseId": %s, "agencyCode": "410402", "instruction": "请于期限内完成对该企业的复查并报告整改情况。",
				 "dueOn": "%s"}""".formatted(caseId, today().plusDays(7));
	}

	private Map<String, String> majorReport(boolean designated) {
		String caseId = id(Fixtures.enterpriseCase(xinhua(), OWNER, "COUNTY"));
		String id = id(ok(xinhua().post("/api/v1/cases/" + caseId + "/major-report", majorFacts())));
		if (designated) {
			ok(as("city.legal").post("/api/v1/major-reports/" + id + "/designation", designation()));
		}
		return values("id", id, "caseId", caseId);
	}

	static String majorFacts() {
		return "{\"facts\": \"该企业储存危险化学品严重超量，涉及两个县区，社会影响较大，建议作为重大案件。\"}";
	}

	static String designation() {
		return """
				{"instructions": "请主办单位牵头调查取证，协办单位配合提供企业在本辖区的经营情况。",
				 "parties": [
				   {"agencyCode": "410402", "role": "LEAD", "task": "牵头调查取证、作出处理决定", "dueOn": "%s"},
				   {"agencyCode": "410421", "role": "ASSISTING", "task": "提供企业在本辖区的经营情况", "dueOn": "%s"}]}"""
			.formatted(today().plusDays(20), today().plusDays(20));
	}

	private Map<String, String> obligation() {
		String dispatch = fresh(Kind.DISPATCH).get("id");
		String number = ok(xinhua().get("/api/v1/dispatches/" + dispatch)).path("number").asString();
		JsonNode obligation = await().atMost(Duration.ofSeconds(10)).until(() -> xinhua()
			.get("/api/v1/obligations?size=200").json().path("content").valueStream()
			.filter(node -> node.toString().contains(number))
			.findFirst()
			.orElse(null), node -> node != null);
		return values("id", id(obligation));
	}

	private Map<String, String> rectification() {
		Map<String, String> inspection = fresh(Kind.INSPECTION);
		return values("id", inspection.get("rectificationId"), "rectificationId", inspection.get("rectificationId"),
				"inspectionId", inspection.get("id"));
	}

	private Map<String, String> calendarDay() {
		LocalDate day = LocalDate.of(2099, 1, 5).plusDays(holidays++);
		while (day.getDayOfWeek().getValue() > 5) {
			day = LocalDate.of(2099, 1, 5).plusDays(holidays++);
		}
		ok(as("sysadmin").put("/api/v1/calendar/" + day, "{\"kind\": \"HOLIDAY\", \"name\": \"矩阵测试假日\"}"));
		return values("day", day.toString());
	}

	private Map<String, String> message() {
		String dispatch = fresh(Kind.DISPATCH).get("id");
		JsonNode message = await().atMost(Duration.ofSeconds(20)).until(() -> xinhua().get("/api/v1/inbox?size=200")
			.json().path("messages").path("content").valueStream()
			.filter(node -> node.path("link").asString().equals("/dispatches/" + dispatch))
			.findFirst()
			.orElse(null), node -> node != null);
		return values("id", id(message));
	}
}
