package org.liandong.generator.demo;

import java.time.Instant;
import java.time.YearMonth;

import org.liandong.generator.demo.Cast.Bureau;
import org.liandong.platform.ChineseTime;
import org.liandong.sharing.Bulletin;
import org.liandong.sharing.Frequency;
import org.liandong.sharing.ReportObligation;
import org.liandong.sharing.ReportSchedule;
import org.liandong.sharing.Sharing;
import org.springframework.data.domain.PageRequest;

/**
 * The year's information sharing (R6): the city bureau's monthly report, due on the 5th of the next
 * month, which each bureau's liaison submits as diligently as the bureau works; an experience post;
 * and two incident bulletins that the liaisons acknowledge within the window, or late, or not at
 * all.
 */
final class SharingWork {

	private static final int DUE_DAY = 5;

	private final Sharing sharing;
	private final Agenda agenda;

	SharingWork(Sharing sharing, Agenda agenda) {
		this.sharing = sharing;
		this.agenda = agenda;
	}

	void plan() {
		YearMonth first = agenda.firstMonth();
		agenda.at(agenda.workday(first.atDay(1), 8, 30), Cast.OFFICE, "设定月度报送计划", office -> {
			ReportSchedule schedule = sharing.defineSchedule("月度执法工作情况", Frequency.MONTHLY, DUE_DAY,
					"各县（市、区）应急管理局报送上月执法检查、案件查处、跨区域协作情况。", office);
			for (int m = 0; m < 12; m++) {
				month(schedule, first.plusMonths(m), m > 0);
			}
		});
		agenda.at(agenda.inMonth(first.plusMonths(4), 15), "xinhua.liaison", "发布经验交流", liaison -> sharing.post(
				"EXPERIENCE", "新华区跨区域危险化学品联合执法的做法", "新华区应急管理局与卫东区签订执法协作协议，建立协查“一日受理、八日答复”机制，"
						+ "今年以来互发协查函件均按期办结。主要做法：一是明确联络员；二是统一文书；三是定期会商。",
				null, null, liaison));
		bulletin(agenda.inMonth(first.plusMonths(3), 20), "关于做好强对流天气安全防范工作的紧急通知");
		bulletin(agenda.inMonth(first.plusMonths(9), 12), "关于某化工企业火灾事故情况的通报");
	}

	/** Opens the month's expected reports on its first day; the liaisons submit in the next month. */
	private void month(ReportSchedule schedule, YearMonth month, boolean open) {
		if (open) {
			agenda.at(month.atDay(1).atTime(0, 30).atZone(ChineseTime.ZONE).toInstant(), Cast.OFFICE, "开启报送期",
					office -> sharing.openCurrentPeriods());
		}
		Instant from = agenda.workday(month.plusMonths(1).atDay(1), 9, 0);
		Instant due = Frequency.MONTHLY.dueDate(month, DUE_DAY).plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
		String period = Frequency.MONTHLY.periodKey(month);
		for (Bureau bureau : Cast.BUREAUS) {
			Instant submitted = agenda.response(bureau, from, due);
			if (submitted != null) {
				agenda.at(submitted, bureau.liaison(), "报送月度报告", liaison -> sharing
					.obligations(schedule.id(), liaison, PageRequest.of(0, 50)).stream()
					.filter(o -> o.periodKey().equals(period) && !o.submitted())
					.map(ReportObligation::id)
					.findFirst()
					.ifPresent(id -> sharing.submit(id, "%s%s执法工作情况".formatted(bureau.county(),
							Frequency.MONTHLY.periodLabel(month)), "本月开展执法检查 %d 家次，立案 %d 件，发出协查函 %d 件，均按要求办理。"
								.formatted(20 + agenda.random().nextInt(40), 1 + agenda.random().nextInt(6),
										agenda.random().nextInt(3)),
							liaison)));
			}
		}
	}

	private void bulletin(Instant at, String title) {
		agenda.at(at, Cast.OFFICE, "发出快报", office -> {
			Bulletin sent = sharing.sendBulletin(title, "请各单位立即传达，全面排查辖区内重点企业，落实值班值守和信息报送制度。", office);
			for (Bureau bureau : Cast.BUREAUS) {
				Instant ack = agenda.response(bureau, at, sent.ackDueAt());
				if (ack != null) {
					agenda.at(ack, bureau.liaison(), "签收快报", liaison -> sharing.acknowledge(sent.id(), liaison));
				}
			}
		});
	}
}
