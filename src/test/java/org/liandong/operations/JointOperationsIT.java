package org.liandong.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.operations.OperationInput.BAOFENG;
import static org.liandong.operations.OperationInput.SAMR;
import static org.liandong.operations.OperationInput.XINHUA;
import static org.liandong.operations.OperationInput.enterprise;
import static org.liandong.operations.OperationInput.operation;
import static org.liandong.operations.OperationInput.people;
import static org.liandong.operations.OperationInput.record;
import static org.liandong.operations.OperationInput.target;
import static org.liandong.operations.OperationInput.targets;
import static org.liandong.operations.OperationInput.team;
import static org.liandong.operations.OperationInput.today;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.ObligationEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 22 (N1, §二(一) 联合执法模式): a county bureau organises a joint operation with another bureau
 * and a department; the participants confirm their people; targets by USCC, a bad row refusing the
 * list; a team mixing two units' people inspects its targets and records hazards with photos; the
 * organiser closes it with a numbered, signed summary report. Only the units and the city see it
 * (X2); the obligations go to the ledger (R7.1).
 */
@LiandongIntegrationTest
class JointOperationsIT {

	private static final String BASE = "/api/v1/joint-operations";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationEvents obligations;

	@Test
	void a_county_enforcer_organises_and_each_participant_owes_its_confirmation_before_the_start() {
		Reply organised = xinhua().post(BASE, operation("危险化学品企业联合执法"));

		assertThat(organised.status()).as(organised.body()).isEqualTo(201);
		JsonNode operation = organised.json();
		long id = operation.path("id").asLong();
		assertThat(operation.path("state").asString()).isEqualTo("OPEN");
		assertThat(operation.path("organiserAgencyCode").asString()).isEqualTo(XINHUA);
		assertThat(operation.path("leadAgencyCode").asString()).isEqualTo(XINHUA);
		assertThat(operation.path("units").findValuesAsString("agencyCode")).containsExactly(XINHUA, BAOFENG, SAMR);
		assertThat(operation.path("divisions").findValuesAsString("code")).containsExactly("410402", "410421");
		java.time.Instant start = today().minusDays(1).atStartOfDay(OperationInput.BEIJING).toInstant();
		assertThat(obligations.dues("joint-operation", id)).containsExactlyInAnyOrder(
				new ObligationDue("joint-operation", id, "危险化学品企业联合执法", "确认参加联合执法行动", BAOFENG, start,
						"/joint-operations/" + id),
				new ObligationDue("joint-operation", id, "危险化学品企业联合执法", "确认参加联合执法行动", SAMR, start,
						"/joint-operations/" + id));
		// five days after the last day (today + 10), at 24:00 Beijing time
		assertThat(obligations.dues("joint-operation-summary", id)).containsExactly(new ObligationDue(
				"joint-operation-summary", id, "危险化学品企业联合执法", "报送联合执法行动总结", XINHUA,
				today().plusDays(16).atStartOfDay(OperationInput.BEIJING).toInstant(), "/joint-operations/" + id));

		Reply confirmed = as("baofeng.enforcer").post(BASE + "/" + id + "/confirmation", people("郑检查", "韩执法"));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().path("units").get(1).path("people").toString()).isEqualTo("[\"郑检查\",\"韩执法\"]");
		assertThat(obligations.settlements("joint-operation", id)).extracting(ObligationSettled::ownerAgencyCode,
				ObligationSettled::met).containsExactly(org.assertj.core.groups.Tuple.tuple(BAOFENG, true));
	}

	@Test
	void only_the_city_detachment_the_legal_office_or_a_county_enforcer_organises() {
		// without a lead named, the organiser leads
		for (String organiser : List.of("city.detachment", "city.legal")) {
			Reply organised = as(organiser).post(BASE, operation("市局组织").replace("\"leadAgencyCode\": \"410402\"",
					"\"leadAgencyCode\": null"));
			assertThat(organised.status()).as(organiser + ": " + organised.body()).isEqualTo(201);
			assertThat(organised.json().path("leadAgencyCode").asString())
				.isEqualTo(organised.json().path("organiserAgencyCode").asString());
		}
		for (String refused : List.of("xinhua.liaison", "city.leader", "samr.leader", "sysadmin")) {
			Reply reply = as(refused).post(BASE, operation("无权组织"));
			assertThat(reply.status()).as(refused + ": " + reply.body()).isEqualTo(403);
		}
	}

	@Test
	void bad_input_is_refused_in_chinese_and_nothing_is_saved() {
		int before = count("joint_operation");
		int dues = obligations.dueCount();

		Reply reversed = xinhua().post(BASE, operation("颠倒").replace("\"startsOn\": \"" + today().minusDays(1),
				"\"startsOn\": \"" + today().plusDays(20)));
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.contentType()).startsWith("application/problem+json");
		assertThat(reversed.detail()).isEqualTo("行动结束日期不能早于开始日期");

		Reply unknown = xinhua().post(BASE, operation("未知单位").replace("410400.samr", "410400.nobody"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.detail()).isEqualTo("参加单位 410400.nobody 不存在");

		Reply alone = xinhua().post(BASE, operation("独自").replace("[\"410421\", \"410400.samr\"]", "[\"410402\"]"));
		assertThat(alone.status()).isEqualTo(400);
		assertThat(alone.detail()).isEqualTo("联合执法行动至少要有一个组织单位以外的参加单位");

		Reply outsider = xinhua().post(BASE, operation("外单位牵头").replace("\"leadAgencyCode\": \"410402\"",
				"\"leadAgencyCode\": \"410403\""));
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(outsider.detail()).isEqualTo("牵头单位应为组织单位或参加单位之一");

		Reply noTheme = xinhua().post(BASE, operation(""));
		assertThat(noTheme.status()).isEqualTo(400);
		assertThat(noTheme.body()).contains("请填写行动主题");

		assertThat(count("joint_operation")).isEqualTo(before);
		assertThat(obligations.dueCount()).isEqualTo(dues);
	}

	@Test
	void a_target_list_with_bad_rows_adds_none_and_names_each_bad_row() {
		long id = organised("检查对象逐行校验");
		String good = Fixtures.uscc("410402");
		String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');

		Reply refused = xinhua().post(BASE + "/" + id + "/targets", targets(target(good, "甲化工有限公司", "410402"),
				target(wrongCheck, "乙化工有限公司", "410402"), target(Fixtures.uscc("410403"), "丙化工有限公司", "410403"),
				target(good, "甲化工有限公司（重复）", "410421")));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("invalid-targets");
		assertThat(refused.detail()).startsWith("检查对象有 3 行不能添加，全部未添加。")
			.contains("第 2 行：统一社会信用代码 " + wrongCheck + " 的校验码错误")
			.contains("第 3 行：企业所在区划 410403 不在本次行动区域内")
			.contains("第 4 行：统一社会信用代码 " + good + " 重复")
			.doesNotContain("第 1 行");
		assertThat(xinhua().get(BASE + "/" + id).json().path("targets")).isEmpty();

		Reply added = xinhua().post(BASE + "/" + id + "/targets", targets(target(good.toLowerCase(), "甲化工有限公司", "410402")));
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().path("targets").get(0).path("uscc").asString()).isEqualTo(good);
		assertThat(as("baofeng.enforcer").post(BASE + "/" + id + "/targets", targets(enterprise("410421"))).status())
			.as("only the organiser adds targets").isEqualTo(403);
	}

	@Test
	void a_target_list_uploaded_as_csv_or_excel_names_each_bad_row_by_its_line_in_the_file() throws Exception {
		long id = organised("名单上传");
		String good = Fixtures.uscc("410402");
		String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		// saved by a spreadsheet program on Chinese Windows: GBK, a blank line 3 and the columns in another order
		String csv = "名称,统一社会信用代码,所在区划\r\n甲化工有限公司,%s,410402\r\n,,\r\n乙化工有限公司,%s,410402\r\n丙化工有限公司,%s,410403\r\n"
			.formatted(good, wrongCheck, Fixtures.uscc("410403"));

		Reply refused = xinhua().upload(BASE + "/" + id + "/targets/file", "检查对象.csv", "text/csv",
				csv.getBytes(java.nio.charset.Charset.forName("GBK")));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("invalid-targets");
		// lines as the file has them: the header is line 1, the blank line 3 is skipped but keeps its number
		assertThat(refused.detail()).startsWith("检查对象有 2 行不能添加，全部未添加。")
			.contains("第 4 行：统一社会信用代码 " + wrongCheck + " 的校验码错误")
			.contains("第 5 行：企业所在区划 410403 不在本次行动区域内")
			.doesNotContain("第 2 行");
		assertThat(xinhua().get(BASE + "/" + id).json().path("targets")).isEmpty();

		Reply columns = xinhua().upload(BASE + "/" + id + "/targets/file", "名单.csv", "text/csv",
				"企业,代码\n甲,1\n".getBytes(StandardCharsets.UTF_8));
		assertThat(columns.status()).isEqualTo(400);
		assertThat(columns.problemCode()).isEqualTo("wrong-columns");
		assertThat(columns.detail()).contains("统一社会信用代码", "文件的表头是：企业、代码");
		Reply notATable = xinhua().upload(BASE + "/" + id + "/targets/file", "名单.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
		assertThat(notATable.status()).isEqualTo(400);
		assertThat(notATable.problemCode()).isEqualTo("unreadable-file");

		// the same list put right, as an Excel workbook
		String second = Fixtures.uscc("410421");
		byte[] workbook;
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("检查对象");
			String[][] rows = { { "统一社会信用代码", "企业名称", "区划代码" }, { good, "甲化工有限公司", "410402" },
					{ second, "乙化工有限公司", "410421" } };
			for (int r = 0; r < rows.length; r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
				for (int c = 0; c < 3; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			book.write(out);
			workbook = out.toByteArray();
		}
		Reply added = xinhua().upload(BASE + "/" + id + "/targets/file", "检查对象.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().path("targets").findValuesAsString("uscc")).containsExactly(good, second);
		assertThat(added.json().path("targets").findValuesAsString("source")).containsOnly("FILE");
		assertThat(as("baofeng.enforcer").upload(BASE + "/" + id + "/targets/file", "检查对象.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook).status())
			.as("only the organiser adds targets").isEqualTo(403);
	}

	@Test
	void targets_come_from_the_open_cases_the_organiser_sees_and_from_the_public_dishonest_list() {
		long id = organised("导入");
		// an open case of 新华区 in the area, one of 宝丰县 that 新华区 may not see (X2)
		JsonNode own = Fixtures.enterpriseCase(xinhua(), "410402", "COUNTY");
		JsonNode hidden = Fixtures.enterpriseCase(as("baofeng.enforcer"), "410421", "COUNTY");

		Reply fromCases = xinhua().post(BASE + "/" + id + "/targets/import", "{\"source\": \"CASES\"}");
		assertThat(fromCases.status()).as(fromCases.body()).isEqualTo(200);
		assertThat(fromCases.json().path("added").asInt()).isPositive();
		JsonNode targets = fromCases.json().path("operation").path("targets");
		assertThat(targets.findValuesAsString("uscc")).contains(own.path("party").path("uscc").asString())
			.doesNotContain(hidden.path("party").path("uscc").asString()).doesNotHaveDuplicates();
		assertThat(targets.findValuesAsString("source")).containsOnly("CASES");
		assertThat(targets.findValuesAsString("divisionCode")).allMatch(code -> code.equals("410402") || code.equals("410421"));

		// a party listed by the city (R4.2), its code registered in 新华区: on the list, so a target
		JsonNode listed = Fixtures.listedEntry(xinhua(), Fixtures.majorCase(xinhua()), as("city.legal"));
		Reply fromList = xinhua().post(BASE + "/" + id + "/targets/import", "{\"source\": \"CREDIT_LIST\"}");
		assertThat(fromList.status()).as(fromList.body()).isEqualTo(200);
		JsonNode fromListTargets = fromList.json().path("operation").path("targets");
		List<String> credit = new ArrayList<>();
		fromListTargets.forEach(t -> {
			if (t.path("source").asString().equals("CREDIT")) {
				credit.add(t.path("uscc").asString());
			}
		});
		assertThat(credit).contains(listed.path("subjectUscc").asString());
		// what is a target already is not taken again
		assertThat(fromListTargets.findValuesAsString("uscc")).doesNotHaveDuplicates();

		assertThat(as("baofeng.enforcer").post(BASE + "/" + id + "/targets/import", "{\"source\": \"CASES\"}").status())
			.as("only the organiser imports").isEqualTo(403);
		Reply noSource = xinhua().post(BASE + "/" + id + "/targets/import", "{}");
		assertThat(noSource.status()).isEqualTo(400);
		assertThat(noSource.detail()).contains("请选择导入来源");
	}

	@Test
	void a_target_outside_every_units_jurisdiction_is_referred_to_the_competent_bureau() {
		// 卫东区 lies in the operation's area, but no unit of the operation (新华区, 宝丰县) supervises it (R2.2)
		Reply organised = xinhua().post(BASE, operation("移送" + Fixtures.unique("-"))
			.replace("\"divisionCodes\": [\"410402\", \"410421\"]", "\"divisionCodes\": [\"410402\", \"410403\", \"410421\"]"));
		assertThat(organised.status()).as(organised.body()).isEqualTo(201);
		long id = organised.json().path("id").asLong();
		String name = Fixtures.unique("卫东区某仓储有限公司");
		String uscc = Fixtures.uscc("410403");
		long outside = targetId(id, target(uscc, name, "410403"));
		long inside = targetId(id, enterprise("410402"));
		JsonNode listed = xinhua().get(BASE + "/" + id).json().path("targets");
		assertThat(listed.get(0).path("outsideJurisdiction").asBoolean()).isTrue();
		assertThat(listed.get(1).path("outsideJurisdiction").asBoolean()).isFalse();

		assertThat(as("baofeng.enforcer").post(BASE + "/" + id + "/targets/" + outside + "/referral", "").status())
			.as("only the organiser refers").isEqualTo(403);
		Reply notOutside = xinhua().post(BASE + "/" + id + "/targets/" + inside + "/referral", "");
		assertThat(notOutside.status()).isEqualTo(400);
		assertThat(notOutside.problemCode()).isEqualTo("target-in-jurisdiction");

		Reply referred = xinhua().post(BASE + "/" + id + "/targets/" + outside + "/referral", "");
		assertThat(referred.status()).as(referred.body()).isEqualTo(200);
		assertThat(referred.json().path("targets").get(0).path("referredTo").asString()).isEqualTo("平顶山市卫东区应急管理局");
		assertThat(referred.json().path("targets").get(1).path("referredTo").isNull()).isTrue();
		// the competent bureau learns what, where and from whom, though it is no unit of the operation
		Api weidong = as("weidong.liaison");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> weidong
			.get("/api/v1/inbox?size=200").json().path("messages").path("content").findValuesAsString("body").stream()
			.anyMatch(body -> body.contains(name) && body.contains(uscc) && body.contains("平顶山市新华区应急管理局")));
		assertThat(weidong.get(BASE + "/" + id).status()).as("the referral shows no more of the operation (X2)").isEqualTo(404);

		Reply again = xinhua().post(BASE + "/" + id + "/targets/" + outside + "/referral", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemCode()).isEqualTo("target-referred");
		// a referred target is not the operation's to inspect: no team takes it
		ok(as("baofeng.enforcer").post(BASE + "/" + id + "/confirmation", people("郑检查", "韩执法")));
		ok(xinhua().post(BASE + "/" + id + "/confirmation", people("王执法")));
		Reply team = xinhua().post(BASE + "/" + id + "/teams", team("移送后编组", List.of(outside)).replace(
				"\"members\": [{\"agencyCode\": \"410421\", \"name\": \"郑检查\"}, {\"agencyCode\": \"410400.samr\", \"name\": \"冯市监\"}]",
				"\"members\": [{\"agencyCode\": \"410421\", \"name\": \"郑检查\"}, {\"agencyCode\": \"410402\", \"name\": \"王执法\"}]"));
		assertThat(team.status()).as(team.body()).isEqualTo(409);
		assertThat(team.problemCode()).isEqualTo("target-referred");
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'OPERATION_TARGET_REFERRED' and detail like ?")
			.param("%" + name + "%").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void only_the_units_and_the_city_see_an_operation() {
		long id = organised("可见范围");

		for (String reader : List.of("xinhua.liaison", "baofeng.liaison", "samr.leader", "city.leader", "city.legal")) {
			assertThat(as(reader).get(BASE + "/" + id).status()).as(reader).isEqualTo(200);
			assertThat(ids(as(reader).get(BASE + "?size=100"))).as(reader).contains(id);
		}
		for (String outsider : List.of("weidong.enforcer", "police.leader")) {
			Reply reply = as(outsider).get(BASE + "/" + id);
			assertThat(reply.status()).as(outsider).isEqualTo(404);
			assertThat(reply.detail()).isEqualTo("联合执法行动 %d 不存在".formatted(id));
			assertThat(ids(as(outsider).get(BASE + "?size=100"))).as(outsider).doesNotContain(id);
			assertThat(as(outsider).post(BASE + "/" + id + "/confirmation", people("某人")).status()).isEqualTo(404);
		}
	}

	@Test
	void a_mixed_team_records_hazards_with_photos_and_the_summary_is_a_numbered_signed_report() {
		long id = organised("城镇燃气联合执法");
		long first = targetId(id, enterprise("410421"));
		long second = targetId(id, enterprise("410402"));
		ok(as("samr.leader").post(BASE + "/" + id + "/confirmation", people("冯市监")));

		// 宝丰县 has not confirmed yet: its people cannot be put into a team
		Reply early = xinhua().post(BASE + "/" + id + "/teams", team("第一组", List.of(first, second)));
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.detail()).isEqualTo("宝丰县应急管理局尚未确认参加，不能编入其人员");

		ok(as("baofeng.enforcer").post(BASE + "/" + id + "/confirmation", people("郑检查", "韩执法")));
		Reply oneUnit = xinhua().post(BASE + "/" + id + "/teams", team("单一单位组", List.of(first))
			.replace("{\"agencyCode\": \"410400.samr\", \"name\": \"冯市监\"}", "{\"agencyCode\": \"410421\", \"name\": \"韩执法\"}"));
		assertThat(oneUnit.status()).isEqualTo(400);
		assertThat(oneUnit.detail()).isEqualTo("联合检查组应由两个及以上单位的人员组成");
		Reply formed = xinhua().post(BASE + "/" + id + "/teams", team("第一组", List.of(first, second)));
		assertThat(formed.status()).as(formed.body()).isEqualTo(200);
		long teamId = formed.json().path("teams").get(0).path("id").asLong();
		assertThat(obligations.dues("joint-operation-team", teamId)).extracting(ObligationDue::ownerAgencyCode,
				ObligationDue::obligation, ObligationDue::dueAt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(BAOFENG, "完成联合执法检查",
					today().plusDays(6).atStartOfDay(OperationInput.BEIJING).toInstant()));

		String path = BASE + "/" + id + "/targets/" + first + "/inspection";
		Reply oneSigner = as("baofeng.enforcer").post(path, record("郑检查"));
		assertThat(oneSigner.status()).isEqualTo(400);
		assertThat(oneSigner.detail()).isEqualTo("现场检查应由两名以上检查人员签名");
		Reply stranger = as("baofeng.enforcer").post(path, record("郑检查", "张三"));
		assertThat(stranger.status()).isEqualTo(400);
		assertThat(stranger.detail()).isEqualTo("签名人“张三”不是该检查组的成员");
		assertThat(xinhua().post(path, record("郑检查", "冯市监")).status())
			.as("新华区 organises but has nobody in the team").isEqualTo(403);
		assertThat(count("joint_inspection_record where operation_id = " + id)).isZero();

		Reply recorded = as("baofeng.enforcer").post(path, record("郑检查", "冯市监"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		JsonNode inspection = recorded.json();
		assertThat(inspection.path("signatures").toString()).isEqualTo("[\"郑检查\",\"冯市监\"]");
		assertThat(inspection.path("items").get(1).path("outcomeLabel").asString()).isEqualTo("存在隐患");
		assertThat(inspection.path("hazards").findValuesAsString("levelLabel")).containsExactly("一般隐患", "重大隐患");
		assertThat(as("baofeng.enforcer").post(path, record("郑检查", "冯市监")).status()).as("once per target")
			.isEqualTo(409);
		assertThat(obligations.settlements("joint-operation-team", teamId)).as("one target of two is left").isEmpty();

		long hazard = inspection.path("hazards").get(1).path("id").asLong();
		byte[] photo = OperationInput.png();
		Reply uploaded = as("samr.leader").upload(BASE + "/" + id + "/hazards/" + hazard + "/photos", "现场.png",
				"image/png", photo);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		String sm3 = uploaded.json().path("sm3").asString();
		assertThat(sm3).matches("[0-9a-f]{64}");
		Reply disguised = as("samr.leader").upload(BASE + "/" + id + "/hazards/" + hazard + "/photos", "现场.jpg",
				"image/jpeg", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(disguised.status()).isEqualTo(400);
		assertThat(disguised.problemCode()).isEqualTo("attachment-content-mismatch");
		String photoPath = BASE + "/" + id + "/photos/" + uploaded.json().path("id").asLong();
		assertThat(Api.at(port).as("city.leader", PASSWORD).getBytes(photoPath)).isEqualTo(photo);
		assertThat(as("xinhua.liaison").download(photoPath).header("X-Content-SM3")).isEqualTo(sm3);
		assertThat(as("weidong.enforcer").download(photoPath).status()).as("X2: evidence of others' operation")
			.isEqualTo(404);

		ok(as("baofeng.enforcer").post(BASE + "/" + id + "/targets/" + second + "/inspection", """
				{"inspectedAt": "%s", "presentPersons": "法定代表人 李强",
				 "items": [{"item": "安全生产责任制落实情况", "outcome": "COMPLIANT"}],
				 "measures": "无", "signatures": ["郑检查", "冯市监"]}""".formatted(java.time.Instant.now().minusSeconds(60))));
		assertThat(obligations.settlements("joint-operation-team", teamId)).extracting(ObligationSettled::met)
			.containsExactly(true);

		// the figures, by hand: two targets of 宝丰县's team, both inspected by 宝丰县, one general and one major hazard
		JsonNode report = ok(as("city.leader").get(BASE + "/" + id + "/summary"));
		assertThat(List.of(report.path("targets").asInt(), report.path("inspected").asInt(),
				report.path("generalHazards").asInt(), report.path("majorHazards").asInt(), report.path("cases").asInt()))
			.containsExactly(2, 2, 1, 1, 0);
		JsonNode baofeng = report.path("byUnit").get(1);
		assertThat(baofeng.path("agencyCode").asString()).isEqualTo(BAOFENG);
		assertThat(List.of(baofeng.path("targetsAssigned").asInt(), baofeng.path("inspected").asInt(),
				baofeng.path("generalHazards").asInt(), baofeng.path("majorHazards").asInt())).containsExactly(2, 2, 1, 1);

		assertThat(as("baofeng.enforcer").post(BASE + "/" + id + "/summary", "{\"remarks\": \"成效明显\"}").status())
			.as("only the organiser issues the summary").isEqualTo(403);
		Reply concluded = xinhua().post(BASE + "/" + id + "/summary",
				"{\"remarks\": \"行动成效明显；重大隐患企业须限期整改。\"}");
		assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
		String number = concluded.json().path("summaryNumber").asString();
		assertThat(number).matches("新华应急联〔" + today().getYear() + "〕\\d+号");
		long documentId = concluded.json().path("summaryDocumentId").asLong();
		JsonNode document = ok(as("baofeng.enforcer").get("/api/v1/documents/" + documentId));
		assertThat(document.path("number").asString()).isEqualTo(number);
		assertThat(document.path("body").asString()).contains("共确定检查对象 2 个，检查 2 个，发现隐患 2 项（一般隐患 1 项、重大隐患 1 项），立案查处 0 件");
		assertThat(document.path("signature").isNull()).as("signed by 新华区 (issue 12)").isFalse();
		assertThat(obligations.settlements("joint-operation-summary", id)).extracting(ObligationSettled::met)
			.containsExactly(true);

		assertThat(xinhua().get(BASE + "/" + id).json().path("state").asString()).isEqualTo("CONCLUDED");
		Reply late = xinhua().post(BASE + "/" + id + "/targets", targets(enterprise("410402")));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.detail()).isEqualTo("联合执法行动已结束（总结通报已印发），不能再添加检查对象");
		assertThat(xinhua().post(BASE + "/" + id + "/summary", "{\"remarks\": \"再次\"}").status()).isEqualTo(409);
	}

	@Test
	void a_hazard_becomes_a_case_at_the_competent_bureau_linked_to_the_operation() {
		long id = organised("隐患立案");
		long target = targetId(id, enterprise("410421"));
		ok(as("samr.leader").post(BASE + "/" + id + "/confirmation", people("冯市监")));
		ok(as("baofeng.enforcer").post(BASE + "/" + id + "/confirmation", people("郑检查", "韩执法")));
		ok(xinhua().post(BASE + "/" + id + "/teams", team("立案组", List.of(target))));
		JsonNode record = ok(as("baofeng.enforcer").post(BASE + "/" + id + "/targets/" + target + "/inspection",
				record("郑检查", "冯市监")));
		long hazard = record.path("hazards").get(1).path("id").asLong();
		String path = BASE + "/" + id + "/hazards/" + hazard + "/case";
		String input = "{\"violationType\": \"甲类仓库内设置员工宿舍\"}";

		// R2.2: the target is in 宝丰县, a county-supervised enterprise: 宝丰县 hosts, not the organiser
		Reply organiser = xinhua().post(path, input);
		assertThat(organiser.status()).isEqualTo(403);
		assertThat(organiser.detail()).isEqualTo("该隐患应由有管辖权的宝丰县应急管理局立案");
		assertThat(as("weidong.enforcer").post(path, input).status()).isEqualTo(404);

		Reply opened = as("baofeng.enforcer").post(path, input);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long caseId = opened.json().path("caseId").asLong();
		String number = opened.json().path("caseNumber").asString();
		JsonNode kase = ok(as("baofeng.enforcer").get("/api/v1/cases/" + caseId));
		assertThat(kase.path("number").asString()).isEqualTo(number);
		assertThat(kase.path("hostAgencyCode").asString()).isEqualTo(BAOFENG);
		assertThat(kase.path("violationType").asString()).isEqualTo("甲类仓库内设置员工宿舍");
		assertThat(kase.path("summary").asString()).contains("甲类仓库内违规设置员工宿舍");
		assertThat(ok(xinhua().get(BASE + "/" + id + "/summary")).path("cases").asInt()).isEqualTo(1);

		Reply again = as("baofeng.enforcer").post(path, input);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.detail()).isEqualTo("该隐患已立案，案号 " + number);
	}

	private long organised(String theme) {
		Reply organised = xinhua().post(BASE, operation(theme + Fixtures.unique("-")));
		assertThat(organised.status()).as(organised.body()).isEqualTo(201);
		return organised.json().path("id").asLong();
	}

	private long targetId(long id, String row) {
		JsonNode targets = ok(xinhua().post(BASE + "/" + id + "/targets", targets(row))).path("targets");
		return targets.get(targets.size() - 1).path("id").asLong();
	}

	private static List<Long> ids(Reply list) {
		List<Long> ids = new ArrayList<>();
		list.json().path("content").forEach(row -> ids.add(row.path("id").asLong()));
		return ids;
	}

	private static JsonNode ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
		return reply.json();
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private Api xinhua() {
		return as("xinhua.enforcer");
	}

	private Api as(String username) {
		return Api.at(port).as(username, PASSWORD);
	}
}
