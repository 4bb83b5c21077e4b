package org.liandong.generator.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.liandong.generator.demo.Cast.Bureau;
import org.liandong.oversight.Accountability;
import org.liandong.oversight.AccountabilityDecision;
import org.liandong.oversight.AccountabilityMeasure;
import org.liandong.oversight.AccountabilityView;
import org.liandong.oversight.InspectionCampaign;
import org.liandong.oversight.InspectionView;
import org.liandong.oversight.Inspections;
import org.liandong.oversight.NewAccountabilityRecord;
import org.liandong.oversight.NewInspection;
import org.liandong.oversight.NewInspectionCampaign;
import org.liandong.oversight.RectificationView;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;

/**
 * The city bureau's oversight in the year (R2.6, R7.2, R8.1): two supervision inspections; a mutual
 * inspection campaign of all ten bureaus two months before the present, each scored by a checklist
 * in keeping with how the inspected bureau works, with rectifications where it fell short; and an
 * accountability record against 叶县, which returned a request for no lawful reason, decided with a
 * deduction.
 */
final class OversightWork {

	private final Inspections inspections;
	private final Accountability accountability;
	private final Agenda agenda;

	OversightWork(Inspections inspections, Accountability accountability, Agenda agenda) {
		this.inspections = inspections;
		this.accountability = accountability;
		this.agenda = agenda;
	}

	void plan() {
		supervision(agenda.inMonth(agenda.firstMonth().plusMonths(5), 14), Cast.bureau("410422"));
		supervision(agenda.inMonth(agenda.firstMonth().plusMonths(8), 10), Cast.bureau("410402"));
		campaign(agenda.workingDaysBefore(45));
		accountable(agenda.workingDaysBefore(30), Cast.bureau("410422"));
	}

	private void supervision(Instant at, Bureau inspected) {
		agenda.at(at, Cast.OFFICE, "督导检查", office -> rectify(inspections.recordSupervision(
				inspection(inspected, inspected.code(), "市局督导检查组"), office), inspected));
	}

	private void campaign(Instant at) {
		int year = at.atZone(ChineseTime.ZONE).getYear();
		agenda.at(at, Cast.OFFICE, "组织执法互查", office -> {
			InspectionCampaign planned = inspections.createCampaign(new NewInspectionCampaign("%d年度执法案卷交叉互查".formatted(year),
					year, "为期一个月", Cast.BUREAUS.stream().map(Bureau::code).toList()), office);
			agenda.at(agenda.after(at, 1), Cast.OFFICE, "确认互查方案", by -> {
				InspectionCampaign confirmed = inspections.confirm(planned.id(), null, by);
				for (InspectionCampaign.Assignment task : confirmed.assignments()) {
					Bureau inspecting = Cast.bureau(task.inspectingAgencyCode());
					Bureau inspected = Cast.bureau(task.inspectedAgencyCode());
					agenda.at(agenda.after(agenda.now(), 5 + agenda.random().nextInt(10)), inspecting.enforcer(), "报送互查结果",
							inspector -> rectify(inspections.recordMutual(confirmed.id(),
									inspection(inspected, null, inspecting.county() + "应急管理局互查组"), inspector), inspected));
				}
			});
		});
	}

	/** The checklist scored as the inspected bureau works, with a rectification where it lost points. */
	private NewInspection inspection(Bureau inspected, String code, String team) {
		LocalDate today = agenda.now().atZone(ChineseTime.ZONE).toLocalDate();
		List<NewInspection.CheckItem> checklist = List.of(item("案卷质量", 30, inspected), item("执法程序", 30, inspected),
				item("文书规范", 20, inspected), item("跨区域协作机制落实", 20, inspected));
		BigDecimal lost = checklist.stream().map(i -> i.maxScore().subtract(i.score())).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		boolean shortfall = lost.compareTo(BigDecimal.valueOf(8)) > 0;
		return new NewInspection(code, today, List.of(team + "组长", team + "成员"), checklist,
				shortfall ? "抽查案卷 10 宗，发现部分案卷调查取证不充分，协查函件登记不完整。" : "抽查案卷 10 宗，未发现明显问题。",
				shortfall ? List.of(new NewInspection.Rectification("完善案卷调查取证材料，建立协查函件登记台账。",
						agenda.after(agenda.now(), 15).atZone(ChineseTime.ZONE).toLocalDate())) : List.of());
	}

	private NewInspection.CheckItem item(String name, int max, Bureau inspected) {
		double share = Math.min(1.0, inspected.diligence() + 0.05 + agenda.random().nextDouble() * 0.05);
		double score = Math.round(max * share * 2) / 2.0;
		return new NewInspection.CheckItem(name, BigDecimal.valueOf(max), BigDecimal.valueOf(score));
	}

	private void rectify(InspectionView recorded, Bureau inspected) {
		for (RectificationView item : recorded.rectifications()) {
			Instant done = agenda.response(inspected, agenda.now(), item.dueAt());
			if (done != null) {
				agenda.at(done, inspected.enforcer(), "报告整改情况", owner -> inspections.reportRectification(item.id(),
						"已完善相关案卷材料，建立协查函件登记台账并组织学习。", owner));
			}
		}
	}

	private void accountable(Instant at, Bureau unit) {
		agenda.at(at, Cast.LEADER, "问责立案", leader -> {
			List<Long> conduct = new ArrayList<>(accountability.conductOf(unit.code(), leader).stream()
				.map(AccountabilityView.Conduct::id).limit(5).toList());
			AccountabilityView opened = accountability.open(new NewAccountabilityRecord(unit.code(),
					"%s在跨区域协查中以“其他原因”退回协查请求，多项协查受理、答复逾期，情节较重。".formatted(unit.name()), conduct), leader);
			agenda.at(agenda.after(at, 5), Cast.LEADER, "作出问责决定", by -> decide(opened, by));
		});
	}

	private void decide(AccountabilityView opened, SignedInUser leader) {
		accountability.decide(opened.id(), new AccountabilityDecision("对该局予以通报批评，责令限期整改，扣减年度考评分数。",
				List.of(AccountabilityMeasure.NOTICE_OF_CRITICISM, AccountabilityMeasure.ORDER_TO_RECTIFY), null, 3, null),
				leader);
	}
}
