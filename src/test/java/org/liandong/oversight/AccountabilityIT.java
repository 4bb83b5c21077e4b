package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.oversight.InspectionsIT.awaitMessage;
import static org.liandong.oversight.InspectionsIT.ids;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import tools.jackson.databind.JsonNode;

/**
 * R7.2: the city bureau opens accountability records against a unit with facts and the unit's own
 * conduct records (shirking, passive handling), then decides them once with measures and a
 * deduction for the year-end evaluation; the unit is told and sees its own records, no other unit does.
 */
@LiandongIntegrationTest
class AccountabilityIT {

	static final String XINHUA = "410402";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accountability accountability;

	@Test
	void a_record_needs_facts_and_rests_only_on_conduct_of_its_own_unit() {
		long xinhuaMiss = conduct(XINHUA, "OVERDUE");
		long weidongMiss = conduct("410403", "OVERDUE");

		refused(record(XINHUA, " ", List.of(xinhuaMiss)), "请填写问责事实");
		refused(record(XINHUA, "多次逾期未答复协查请求", List.of(xinhuaMiss, weidongMiss)),
				"失职记录 #%d 不是平顶山市新华区应急管理局的记录".formatted(weidongMiss));
		refused(record(XINHUA, "多次逾期未答复协查请求", List.of(99_999_999L)), "失职记录 #99999999 不存在");
		refused(record("", "多次逾期未答复协查请求", List.of()), "请选择被问责单位");
		refused(record("410400.samr", "事实", List.of()), "平顶山市市场监督管理局不是本市局可以问责的单位");
		refused(record("410400", "事实", List.of()), "不是本市局可以问责的单位");
		refused(record("999999", "事实", List.of()), "单位 999999 不存在");
		Reply county = Api.at(port).as("weidong.enforcer", PASSWORD).post("/api/v1/accountability",
				record(XINHUA, "多次逾期未答复协查请求", List.of(xinhuaMiss)));
		assertThat(county.status()).as("a county bureau holds nobody to account").isEqualTo(403);
		assertThat(county.detail()).contains("只有市局领导和执法支队人员");
	}

	@Test
	void the_unit_is_told_and_sees_its_own_records_and_no_other_unit_does() {
		long overdue = conduct(XINHUA, "OVERDUE");
		long returned = conduct(XINHUA, "UNEXPLAINED_RETURN");
		Reply opened = city().post("/api/v1/accountability", record(XINHUA,
				"2026年多次逾期未答复协查请求，且无正当理由退回卫东区的协查请求。", List.of(overdue, returned, overdue)));

		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long id = opened.json().path("id").asLong();
		assertThat(opened.json().path("state").asString()).isEqualTo("OPEN");
		assertThat(opened.json().path("conduct").findValuesAsString("kindLabel")).containsExactly("逾期未办", "以其他原因退回协查");
		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		awaitMessage(xinhua, "【问责】", "/oversight/accountability/" + id);
		assertThat(xinhua.get("/api/v1/accountability/" + id).status()).isEqualTo(200);
		assertThat(ids(xinhua.get("/api/v1/accountability?size=200"))).contains(id);
		Api weidong = Api.at(port).as("weidong.liaison", PASSWORD);
		assertThat(weidong.get("/api/v1/accountability/" + id).status()).as("another unit").isEqualTo(404);
		assertThat(ids(weidong.get("/api/v1/accountability?size=200"))).doesNotContain(id);
		assertThat(Api.at(port).as("city.legal", PASSWORD).get("/api/v1/accountability/" + id).status())
			.as("the city level").isEqualTo(200);
		assertThat(ids(city().get("/api/v1/accountability?state=OPEN&size=200"))).contains(id);
	}

	@Test
	void a_decision_takes_measures_and_a_deduction_of_zero_to_twenty_points_once() {
		long id = city().post("/api/v1/accountability", record(XINHUA, "连续三次逾期未报送月度执法统计。",
				List.of(conduct(XINHUA, "REPEATED_DELAY")))).json().path("id").asLong();
		String decide = "/api/v1/accountability/" + id + "/decision";

		refusedDecision(decide, decision("通报批评", "[\"NOTICE_OF_CRITICISM\"]", null, "21"), "扣分应在 0 至 20 分之间");
		refusedDecision(decide, decision("通报批评", "[\"NOTICE_OF_CRITICISM\"]", null, "-1"), "扣分应在 0 至 20 分之间");
		refusedDecision(decide, decision("通报批评", "[\"NOTICE_OF_CRITICISM\"]", null, "null"), "请填写扣分");
		refusedDecision(decide, decision("通报批评", "[]", null, "2"), "请至少选择一项问责措施");
		refusedDecision(decide, decision(" ", "[\"NOTICE_OF_CRITICISM\"]", null, "2"), "请填写问责决定");
		refusedDecision(decide, decision("通报批评", "[\"OTHER\"]", null, "2"), "选择“其他”措施的，请写明具体措施");
		Reply unknownMeasure = city().post(decide, decision("通报批评", "[\"FINE\"]", null, "2"));
		assertThat(unknownMeasure.status()).isEqualTo(400);
		assertThat(Api.at(port).as("xinhua.enforcer", PASSWORD).post(decide,
				decision("通报批评", "[\"NOTICE_OF_CRITICISM\"]", null, "0")).status()).isEqualTo(403);
		Reply stale = city().post(decide, decision("通报批评", "[\"NOTICE_OF_CRITICISM\"]", null, "2")
			.replace("}", ", \"version\": 7}"));
		assertThat(stale.status()).isEqualTo(409);

		Reply decided = city().post(decide, decision("对新华区应急局予以通报批评，并暂停其年度评先资格。",
				"[\"NOTICE_OF_CRITICISM\", \"OTHER\"]", "暂停年度评先资格", "5"));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		JsonNode record = decided.json();
		assertThat(record.path("state").asString()).isEqualTo("DECIDED");
		assertThat(record.path("measures").toString()).isEqualTo("[\"NOTICE_OF_CRITICISM\",\"OTHER\"]");
		assertThat(record.path("otherMeasure").asString()).isEqualTo("暂停年度评先资格");
		assertThat(record.path("deduction").asInt()).isEqualTo(5);
		awaitMessage(Api.at(port).as("xinhua.liaison", PASSWORD), "【问责决定】", "/oversight/accountability/" + id);
		Reply twice = city().post(decide, decision("约谈", "[\"ADMONITORY_TALK\"]", null, "1"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.detail()).contains("已经作出决定");

		List<Deduction> deductions = accountability.deductions("410400", LocalDate.now(InspectionInput.BEIJING).getYear());
		assertThat(deductions).filteredOn(d -> d.recordId() == id).singleElement().satisfies(d -> {
			assertThat(d.agencyCode()).isEqualTo(XINHUA);
			assertThat(d.points()).isEqualTo(5);
			assertThat(d.decidedAt()).isEqualTo(Instant.parse(record.path("decidedAt").asString()));
		});
		assertThat(accountability.deductions("410400", LocalDate.now(InspectionInput.BEIJING).getYear() - 1))
			.noneMatch(d -> d.recordId() == id);
	}

	@Test
	void the_city_lists_a_units_conduct_records_to_link() {
		long mine = conduct("410404", "OVERDUE");
		long other = conduct("410411", "OVERDUE");

		Reply listed = city().get("/api/v1/accountability/conduct?agencyCode=410404");

		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().findValues("id").stream().map(JsonNode::asLong)).contains(mine).doesNotContain(other);
		assertThat(Api.at(port).as("shilong.enforcer", PASSWORD).get("/api/v1/accountability/conduct?agencyCode=410404")
			.status()).isEqualTo(403);
	}

	private void refused(String body, String message) {
		int before = jdbc.sql("select count(*) from accountability_record").query(Integer.class).single();
		Reply reply = city().post("/api/v1/accountability", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains(message);
		assertThat(jdbc.sql("select count(*) from accountability_record").query(Integer.class).single()).isEqualTo(before);
	}

	private void refusedDecision(String path, String body, String message) {
		Reply reply = city().post(path, body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains(message);
	}

	/** A conduct record as the ledger writes one for a missed obligation. */
	long conduct(String agency, String kind) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into conduct_record (agency, city_agency, kind, subject_type, subject_id, subject_name, detail, recorded_at)
				values (?, '410400', ?, 'assistance-request', 1, '新华应急协〔2026〕3号', '逾期未答复协查请求', ?)""")
			.params(agency, kind, OffsetDateTime.now(ZoneOffset.UTC))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private Api city() {
		return Api.at(port).as("city.leader", PASSWORD);
	}

	static String record(String agency, String facts, List<Long> conductIds) {
		return """
				{"agencyCode": "%s", "facts": "%s", "conductIds": %s}""".formatted(agency, facts, conductIds);
	}

	static String decision(String decision, String measures, String other, String deduction) {
		return """
				{"decision": "%s", "measures": %s, "otherMeasure": %s, "deduction": %s}""".formatted(decision, measures,
				other == null ? "null" : "\"" + other + "\"", deduction);
	}
}
