package org.liandong.generator.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liandong.assistance.MajorCases;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.NewDesignation;
import org.liandong.assistance.NewMajorReport;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.cases.ParticipantRole;
import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditList;
import org.liandong.credit.Proposal;
import org.liandong.generator.demo.Cast.Bureau;
import org.liandong.platform.ChineseTime;

/**
 * The year's major cases (R2.5) and the dishonest-party list (R4.2): three major cases reported to
 * the city bureau; the first two designated by the legal office with tasks the designated bureaus
 * report on, the newest still waiting in its queue. The party of each is proposed for the list:
 * the first listed after its defence, the second with its defence recorded and the decision still
 * to come, the newest within its defence period.
 */
final class MajorCaseWork {

	private static final String LEGAL_BASIS = "《安全生产严重失信主体名单管理办法》第六条第（一）项";

	private final Cases cases;
	private final MajorCases majorCases;
	private final CreditList credit;
	private final Agenda agenda;

	MajorCaseWork(Cases cases, MajorCases majorCases, CreditList credit, Agenda agenda) {
		this.cases = cases;
		this.majorCases = majorCases;
		this.credit = credit;
		this.agenda = agenda;
	}

	void plan() {
		Instant first = agenda.inMonth(agenda.firstMonth().plusMonths(2), 12);
		majorCase(first, Cast.bureau("410423"), Cast.bureau("410421"), Stage.LISTED,
				"该企业在有限空间作业中未落实通风、检测措施，发生较大生产安全事故，造成 3 人死亡。");
		Instant second = agenda.inMonth(agenda.firstMonth().plusMonths(7), 8);
		majorCase(second, Cast.bureau("410411"), Cast.bureau("410402"), Stage.DEFENCE,
				"该企业违法储存危险化学品，发生火灾事故，造成 1 人死亡、直接经济损失 600 余万元。");
		majorCase(agenda.workingDaysBefore(6), Cast.bureau("410482"), null, Stage.PROPOSED,
				"该企业非法组织无证人员从事特种作业，发生坍塌事故，造成 2 人死亡。");
	}

	/** How far the listing of the party has come. */
	private enum Stage {
		PROPOSED, DEFENCE, LISTED
	}

	private void majorCase(Instant at, Bureau host, Bureau assisting, Stage stage, String facts) {
		agenda.at(at, host.enforcer(), "登记重大案件", me -> {
			CaseView registered = cases.register(
					Parties.majorCase(host, at.atZone(ChineseTime.ZONE).toLocalDate(), agenda.random(), facts), me);
			Instant reported = agenda.after(at, 1);
			agenda.at(reported, host.enforcer(), "报告重大案件", by -> {
				MajorReportView report = majorCases.report(registered.id(),
						new NewMajorReport(facts + "该案符合重大行政执法案件标准，特此报告，请市局指定管辖。"), by);
				if (assisting != null) {
					designate(report, host, assisting);
				}
			});
			agenda.at(agenda.after(reported, 2), host.enforcer(), "提出列入严重失信主体名单",
					by -> listing(credit.propose(new Proposal(registered.id(), facts + "该企业对事故发生负有责任。", LEGAL_BASIS),
							by), stage));
		});
	}

	private void designate(MajorReportView report, Bureau host, Bureau assisting) {
		Instant designated = agenda.after(agenda.now(), 2);
		LocalDate due = agenda.after(designated, 20).atZone(ChineseTime.ZONE).toLocalDate();
		agenda.at(designated, Cast.LEGAL, "指定管辖", legal -> {
			MajorReportView done = majorCases.designate(report.id(), new NewDesignation(
					"该案由%s主办，%s协办；请主办单位依法从重查处，协办单位协助调查取证，按期报告办理情况。".formatted(host.name(),
							assisting.name()),
					List.of(new NewDesignation.Party(host.code(), ParticipantRole.LEAD, "依法立案查处，查明事故原因和责任，提出处理意见。", due),
							new NewDesignation.Party(assisting.code(), ParticipantRole.ASSISTING,
									"协助调取该企业在本辖区的经营、用工和购销资料。", due.minusDays(5))),
					report.version()), legal);
			for (Bureau bureau : List.of(assisting, host)) {
				agenda.at(agenda.inTime(agenda.now(), due.atStartOfDay(ChineseTime.ZONE).toInstant()), bureau.enforcer(),
						"报告指定任务办理情况", by -> majorCases.reportTask(done.id(),
								"已按指定完成任务：调取并移交相关资料，形成调查报告。", by));
			}
		});
	}

	private void listing(CreditEntryView proposed, Stage stage) {
		if (stage == Stage.PROPOSED) {
			return;
		}
		Instant defence = agenda.after(agenda.now(), 3);
		agenda.at(defence, Cast.LEGAL, "记录当事人陈述申辩", legal -> {
			credit.recordDefence(proposed.id(), "当事人称已对事故责任人作出处理，并投入资金完成整改，请求从轻处理。", legal);
			if (stage == Stage.LISTED) {
				agenda.at(agenda.after(agenda.now(), 4), Cast.LEGAL, "作出列入决定", by -> credit.decide(proposed.id(), true,
						"当事人的陈述申辩不能否定其对较大事故负有责任的事实，依法列入严重失信主体名单。", by));
			}
		});
	}
}
