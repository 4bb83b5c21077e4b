package org.liandong.generator.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.liandong.operations.Conclusion;
import org.liandong.operations.HazardLevel;
import org.liandong.operations.ItemOutcome;
import org.liandong.operations.JointOperationView;
import org.liandong.operations.JointOperations;
import org.liandong.operations.NewInspectionRecord;
import org.liandong.operations.NewJointOperation;
import org.liandong.operations.NewTargets;
import org.liandong.operations.NewTeam;
import org.liandong.operations.Participation;
import org.liandong.platform.ChineseTime;

/**
 * The year's joint enforcement operations (issue 22): one the city's detachment organised four months
 * before the present with 新华区, 卫东区, 宝丰县 and the city's market regulation, inspected by two mixed
 * teams and concluded with its summary report; and one 鲁山县 runs now with 叶县 and the city's police,
 * confirmed, its targets listed and a team at work, half its targets inspected.
 */
final class OperationWork {

	private static final String SAMR = "410400.samr";

	private static final String POLICE = "410400.police";

	private final JointOperations operations;
	private final Agenda agenda;

	OperationWork(JointOperations operations, Agenda agenda) {
		this.operations = operations;
		this.agenda = agenda;
	}

	void plan() {
		finished(agenda.workingDaysBefore(85));
		running(agenda.workingDaysBefore(4));
	}

	private void finished(Instant at) {
		LocalDate start = day(at).plusDays(3);
		agenda.at(at, Cast.OFFICE, "组织城镇燃气联合执法行动", office -> {
			JointOperationView organised = operations.organise(new NewJointOperation("城镇燃气安全联合执法行动",
					"《中华人民共和国安全生产法》《城镇燃气管理条例》", start, start.plusDays(9),
					List.of("410402", "410403", "410421"), List.of("410402", "410403", "410421", SAMR), null), office);
			long id = organised.id();
			Instant next = agenda.after(at, 1);
			confirm(id, next, Cast.bureau("410402").enforcer(), "王志强", "赵立群");
			confirm(id, next, Cast.bureau("410403").enforcer(), "李明轩", "孙建设");
			confirm(id, next, Cast.bureau("410421").enforcer(), "刘建军", "郑检查");
			confirm(id, next, "samr.leader", "冯市监", "黄市监");
			agenda.at(agenda.after(at, 2), Cast.OFFICE, "添加检查对象并编组", by -> {
				List<NewTargets.Row> rows = List.of(target("410402"), target("410402"), target("410403"), target("410421"));
				JointOperationView listed = operations.addTargets(id, new NewTargets(rows), by);
				List<Long> ids = listed.targets().stream().map(t -> t.id()).toList();
				operations.formTeam(id, new NewTeam("第一检查组", "410403", start, start.plusDays(9),
						List.of(member("410403", "李明轩"), member(SAMR, "冯市监")), List.of(ids.get(0), ids.get(1))), by);
				operations.formTeam(id, new NewTeam("第二检查组", "410402", start, start.plusDays(9),
						List.of(member("410402", "王志强"), member("410421", "郑检查"), member(SAMR, "黄市监")),
						List.of(ids.get(2), ids.get(3))), by);
				Instant fieldDay = agenda.workday(start.plusDays(1), 9, 30);
				inspect(id, ids.get(0), fieldDay, Cast.bureau("410403").enforcer(), HazardLevel.GENERAL, "李明轩", "冯市监");
				inspect(id, ids.get(1), agenda.after(fieldDay, 1), Cast.bureau("410403").enforcer(), HazardLevel.MAJOR,
						"李明轩", "冯市监");
				inspect(id, ids.get(2), agenda.after(fieldDay, 2), Cast.bureau("410402").enforcer(), HazardLevel.GENERAL,
						"王志强", "郑检查", "黄市监");
				inspect(id, ids.get(3), agenda.after(fieldDay, 3), Cast.bureau("410402").enforcer(), null, "王志强",
						"郑检查");
				agenda.at(agenda.workday(start.plusDays(11), 15, 0), Cast.OFFICE, "印发行动通报",
						office2 -> operations.conclude(id, new Conclusion("本次行动检查城镇燃气经营和使用单位 4 家，发现隐患并当场责令整改，"
								+ "重大隐患已移交属地应急管理局依法处理。下一步各单位要加强日常监管，巩固行动成效。"), office2));
			});
		});
	}

	private void running(Instant at) {
		LocalDate start = day(at);
		Cast.Bureau lushan = Cast.bureau("410423");
		agenda.at(at, lushan.enforcer(), "组织非煤矿山联合执法行动", organiser -> {
			JointOperationView organised = operations.organise(new NewJointOperation("非煤矿山和尾矿库联合执法行动",
					"《中华人民共和国安全生产法》《金属非金属矿山安全规程》", start, start.plusDays(14),
					List.of("410423", "410422"), List.of("410422", POLICE), "410423"), organiser);
			long id = organised.id();
			Instant next = agenda.after(at, 1);
			confirm(id, next, lushan.enforcer(), "黄海涛", "许振东");
			confirm(id, next, Cast.bureau("410422").enforcer(), "赵德胜", "钱志远");
			confirm(id, next, "police.leader", "陈公安", "周警官");
			agenda.at(agenda.after(at, 2), lushan.enforcer(), "添加检查对象并编组", by -> {
				JointOperationView listed = operations.addTargets(id, new NewTargets(List.of(target("410423"),
						target("410423"), target("410422"), target("410422"))), by);
				List<Long> ids = listed.targets().stream().map(t -> t.id()).toList();
				operations.formTeam(id, new NewTeam("联合检查组", "410422", start.plusDays(2), start.plusDays(12),
						List.of(member("410422", "赵德胜"), member("410423", "黄海涛"), member(POLICE, "周警官")), ids), by);
				inspect(id, ids.get(0), agenda.after(agenda.now(), 1), Cast.bureau("410422").enforcer(), HazardLevel.GENERAL,
						"赵德胜", "黄海涛");
				inspect(id, ids.get(2), agenda.after(agenda.now(), 1), Cast.bureau("410422").enforcer(), null, "赵德胜",
						"周警官");
			});
		});
	}

	private void confirm(long id, Instant at, String who, String... people) {
		agenda.at(at, who, "确认参加联合执法行动", by -> operations.confirm(id, new Participation(List.of(people)), by));
	}

	private void inspect(long id, long targetId, Instant at, String who, HazardLevel hazard, String... inspectors) {
		agenda.at(at, who, "填写联合执法检查记录", by -> {
			List<NewInspectionRecord.Hazard> hazards = new ArrayList<>();
			if (hazard != null) {
				hazards.add(new NewInspectionRecord.Hazard(hazard == HazardLevel.MAJOR ? "燃气管道穿越人员密集场所且未设置泄漏报警装置"
						: "可燃气体报警器未按期检测", hazard, "生产车间东侧"));
			}
			operations.recordInspection(id, targetId, new NewInspectionRecord(agenda.now().minusSeconds(1800), "企业安全负责人",
					List.of(new NewInspectionRecord.Item("安全生产责任制落实情况", ItemOutcome.COMPLIANT, null),
							new NewInspectionRecord.Item("重点设备设施", hazards.isEmpty() ? ItemOutcome.COMPLIANT : ItemOutcome.HAZARD,
									hazards.isEmpty() ? null : "发现隐患，见隐患清单")),
					hazards, hazards.isEmpty() ? "无" : "责令限期整改，整改前停止使用相关设备。", List.of(inspectors)), by);
		});
	}

	private NewTargets.Row target(String division) {
		String name = "平顶山市" + Cast.bureau(division).county() + Map.of("410402", "鹰城燃气", "410403", "卫东燃气",
				"410421", "宝丰燃气", "410422", "叶县矿业", "410423", "鲁山矿业").get(division)
				+ (char) ('甲' + agenda.random().nextInt(9)) + "有限公司";
		return new NewTargets.Row(Parties.uscc(division, agenda.random()), name, division);
	}

	private static NewTeam.Member member(String agency, String name) {
		return new NewTeam.Member(agency, name);
	}

	private static LocalDate day(Instant at) {
		return at.atZone(ChineseTime.ZONE).toLocalDate();
	}
}
