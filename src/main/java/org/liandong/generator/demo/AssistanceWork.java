package org.liandong.generator.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.ReturnReason;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.cases.NewNotification;
import org.liandong.generator.demo.Cast.Bureau;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;

/**
 * The year's cases and assistance requests (R2.1 to R2.4): two cases a month, each with a request
 * to another bureau that runs as diligently as that bureau works; every fourth case also notified to
 * neighbouring bureaus; and the requests that show the other turns a request can take: returned and
 * withdrawn, returned and sent again, returned for "other" reasons, a supplement asked for, drafts,
 * and requests left lying past their deadlines.
 */
final class AssistanceWork {

	private static final String LEGAL_BASIS = "《中华人民共和国安全生产法》第六十五条、《平顶山市应急管理系统跨区域执法联动响应协作机制的意见（试行）》二（一）3";

	private final Cases cases;
	private final AssistanceRequests requests;
	private final Agenda agenda;
	private int count;

	AssistanceWork(Cases cases, AssistanceRequests requests, Agenda agenda) {
		this.cases = cases;
		this.requests = requests;
		this.agenda = agenda;
	}

	/** How many cases and requests were planned. */
	int planned() {
		return count;
	}

	void plan() {
		YearMonth first = agenda.firstMonth();
		List<Bureau> bureaus = Cast.BUREAUS;
		for (int m = 0; m < 12; m++) {
			YearMonth month = first.plusMonths(m);
			for (int k = 0; k < 2; k++) {
				int i = m * 2 + k;
				Bureau requester = bureaus.get(i % bureaus.size());
				Turn turn = switch (i) {
					case 4 -> Turn.RETURNED_AND_WITHDRAWN;
					case 10 -> Turn.RETURNED_AND_SENT_AGAIN;
					case 14 -> Turn.RETURNED_FOR_OTHER;
					case 20 -> Turn.SUPPLEMENTED;
					default -> Turn.AS_DILIGENT;
				};
				// 叶县 returns a request for "other" reasons, on which the city bureau holds it to account
				Bureau assisting = turn == Turn.RETURNED_FOR_OTHER ? Cast.bureau("410422")
						: bureaus.get((i + 1 + m % 9) % bureaus.size());
				caseWithRequest(agenda.inMonth(month, 4 + k * 12), requester, assisting, turn, i % 4 == 3);
			}
		}
		Instant end = agenda.end();
		// the work of the last days, still waiting for someone
		caseWithRequest(recent(2), Cast.bureau("410402"), Cast.bureau("410421"), Turn.DRAFT, false);
		caseWithRequest(recent(1), Cast.bureau("410411"), Cast.bureau("410482"), Turn.SENT_ONLY, false);
		caseWithRequest(recent(6), Cast.bureau("410425"), Cast.bureau("410403"), Turn.ACCEPTED_ONLY, false);
		caseWithRequest(recent(20), Cast.bureau("410482"), Cast.bureau("410402"), Turn.ANSWERED_ONLY, false);
		caseWithRequest(recent(16), Cast.bureau("410403"), Cast.bureau("410425"), Turn.SUPPLEMENT_PENDING, false);
		caseWithRequest(recent(9), Cast.bureau("410423"), Cast.bureau("410422"), Turn.RETURNED_FOR_OTHER, false);
		// and the work that lay too long: never accepted, accepted but never answered
		caseWithRequest(agenda.workday(end.atZone(ChineseTime.ZONE).toLocalDate().minusDays(80), 10, 0),
				Cast.bureau("410421"), Cast.bureau("410481"), Turn.NEVER_ACCEPTED, false);
		caseWithRequest(agenda.workday(end.atZone(ChineseTime.ZONE).toLocalDate().minusDays(60), 10, 0),
				Cast.bureau("410402"), Cast.bureau("410422"), Turn.NEVER_ANSWERED, false);
	}

	private Instant recent(int workingDays) {
		return agenda.workingDaysBefore(workingDays);
	}

	/** How a request goes. */
	private enum Turn {
		AS_DILIGENT, RETURNED_AND_WITHDRAWN, RETURNED_AND_SENT_AGAIN, RETURNED_FOR_OTHER, SUPPLEMENTED,
		SUPPLEMENT_PENDING, DRAFT, SENT_ONLY, ACCEPTED_ONLY, ANSWERED_ONLY, NEVER_ACCEPTED, NEVER_ANSWERED
	}

	private void caseWithRequest(Instant at, Bureau requester, Bureau assisting, Turn turn, boolean notify) {
		count++;
		agenda.at(at, requester.enforcer(), "登记案件", me -> {
			CaseView registered = cases.register(
					Parties.generalCase(requester, at.atZone(ChineseTime.ZONE).toLocalDate(), agenda.random()), me);
			if (notify) {
				Bureau neighbour = Cast.BUREAUS.get((Cast.BUREAUS.indexOf(requester) + 5) % Cast.BUREAUS.size());
				agenda.at(agenda.after(at, 1), requester.enforcer(), "通报案件", by -> cases.notify(registered.id(),
						new NewNotification(List.of(neighbour.code()), "该企业在贵辖区设有仓库，请关注其安全生产状况，如有关联案件请及时通报。"),
						by));
			}
			Instant drafted = at.plusSeconds(1800);
			agenda.at(drafted, requester.enforcer(), "起草协查请求",
					by -> draft(registered, requester, assisting, turn, drafted, by));
		});
	}

	private void draft(CaseView about, Bureau requester, Bureau assisting, Turn turn, Instant at, SignedInUser author) {
		LocalDate answerBy = agenda.after(at, 12).atZone(ChineseTime.ZONE).toLocalDate();
		AssistanceRequestView drafted = requests.create(new NewAssistanceRequest(about.id(), assisting.code(),
				"请协助核实%s在贵辖区的经营场所、从业人员持证情况及产品流向，并调取相关购销台账。".formatted(about.party().name()),
				LEGAL_BASIS, answerBy, null), author);
		if (turn == Turn.DRAFT) {
			return;
		}
		then(at.plusSeconds(1200), requester.enforcer(), "发出协查函", drafted.id(),
				(view, me) -> act(view, RequestAction.SEND, ActionInput.of(view.version()), me,
						sent -> afterSent(sent, requester, assisting, turn)));
	}

	private void afterSent(AssistanceRequestView sent, Bureau requester, Bureau assisting, Turn turn) {
		Instant now = agenda.now();
		switch (turn) {
			case SENT_ONLY, NEVER_ACCEPTED -> {
			}
			case RETURNED_AND_WITHDRAWN -> returned(sent, assisting, ReturnReason.NOT_COMPETENT,
					"该企业的经营场所不在本辖区，请向其实际经营地应急管理部门请求协助。", view -> then(agenda.after(agenda.now(), 1),
							requester.enforcer(), "撤回协查请求", view.id(),
							(back, me) -> act(back, RequestAction.WITHDRAW, ActionInput.of(back.version()), me, done -> {
							})));
			case RETURNED_AND_SENT_AGAIN -> returned(sent, assisting, ReturnReason.MATERIALS_INCOMPLETE,
					"请补充该企业的营业执照复印件和现场检查记录。", view -> then(agenda.after(agenda.now(), 1),
							requester.enforcer(), "补充材料后重新发出", view.id(), (back, me) -> {
								AssistanceRequestView revised = requests.revise(back.id(), new NewAssistanceRequest(
										back.caseId(), back.assistingAgencyCode(), back.matters()
												+ "（已补充营业执照复印件和现场检查记录）",
										back.legalBasis(), agenda.after(agenda.now(), 12).atZone(ChineseTime.ZONE)
											.toLocalDate(), back.version()),
										me);
								act(revised, RequestAction.SEND, ActionInput.of(revised.version()), me,
										again -> afterSent(again, requester, assisting, Turn.AS_DILIGENT));
							}));
			case RETURNED_FOR_OTHER -> returned(sent, assisting, ReturnReason.OTHER, "本单位近期执法力量紧张，暂无法安排人员协查。",
					view -> {
					});
			default -> {
				Instant accept = switch (turn) {
					case AS_DILIGENT, SUPPLEMENTED -> agenda.response(assisting, now, sent.acceptDueAt());
					default -> agenda.inTime(now, sent.acceptDueAt());
				};
				if (accept != null) {
					then(accept, assisting.enforcer(), "受理协查请求", sent.id(), (view, me) -> act(view, RequestAction.ACCEPT,
							ActionInput.of(view.version()), me, accepted -> afterAccepted(accepted, requester,
									assisting, turn)));
				}
			}
		}
	}

	private void returned(AssistanceRequestView sent, Bureau assisting, ReturnReason reason, String why,
			Consumer<AssistanceRequestView> next) {
		then(agenda.inTime(agenda.now(), sent.acceptDueAt()), assisting.enforcer(), "退回协查请求", sent.id(),
				(view, me) -> act(view, RequestAction.RETURN, new ActionInput(view.version(), reason, why, null), me,
						next));
	}

	private void afterAccepted(AssistanceRequestView accepted, Bureau requester, Bureau assisting, Turn turn) {
		if (turn == Turn.ACCEPTED_ONLY || turn == Turn.NEVER_ANSWERED) {
			return;
		}
		Instant now = agenda.now();
		Instant answer = turn == Turn.AS_DILIGENT ? agenda.response(assisting, now, accepted.answerDueAt())
				: agenda.inTime(now, accepted.answerDueAt());
		if (answer != null) {
			then(answer, assisting.enforcer(), "答复协查结果", accepted.id(), (view, me) -> act(view, RequestAction.ANSWER,
					new ActionInput(view.version(), null, answerText(view), null), me,
					answered -> afterAnswered(answered, requester, assisting, turn)));
		}
	}

	private void afterAnswered(AssistanceRequestView answered, Bureau requester, Bureau assisting, Turn turn) {
		if (turn == Turn.ANSWERED_ONLY) {
			return;
		}
		Instant now = agenda.now();
		if (turn == Turn.SUPPLEMENTED || turn == Turn.SUPPLEMENT_PENDING) {
			then(agenda.after(now, 1), requester.enforcer(), "要求补充答复", answered.id(), (view, me) -> {
				LocalDate newDate = agenda.after(agenda.now(), 6).atZone(ChineseTime.ZONE).toLocalDate();
				act(view, RequestAction.REQUEST_SUPPLEMENT, new ActionInput(view.version(), null,
						"请补充该企业近三个月的产品销售记录。", newDate), me, asked -> {
							if (turn == Turn.SUPPLEMENTED) {
								afterAccepted(asked, requester, assisting, Turn.AS_DILIGENT);
							}
						});
			});
			return;
		}
		Instant confirm = agenda.response(requester, now, agenda.after(now, 5));
		if (confirm != null) {
			boolean onTime = !answered.answeredAt().isAfter(answered.answerDueAt());
			int timeliness = onTime ? 4 + agenda.random().nextInt(2) : 2 + agenda.random().nextInt(2);
			int quality = assisting.diligence() >= 0.85 ? 4 + agenda.random().nextInt(2) : 3 + agenda.random().nextInt(2);
			then(confirm, requester.enforcer(), "确认协查结果", answered.id(), (view, me) -> act(view, RequestAction.CONFIRM,
					new ActionInput(view.version(), null, null, null, timeliness, quality), me, done -> {
					}));
		}
	}

	private static String answerText(AssistanceRequestView view) {
		return "经核查，该企业在本辖区设有经营场所一处，从业人员 %d 人，特种作业人员均持证上岗；已调取近半年购销台账，详见附件说明。"
			.formatted(12 + (int) (view.id() % 30));
	}

	/** Plans an action on the request as it then stands. */
	private void then(Instant at, String who, String what, long id, BiConsumer<AssistanceRequestView, SignedInUser> act) {
		agenda.at(at, who, what, me -> act.accept(requests.find(id, me), me));
	}

	private void act(AssistanceRequestView view, RequestAction action, ActionInput input, SignedInUser me,
			Consumer<AssistanceRequestView> next) {
		next.accept(requests.act(view.id(), action, input, me));
	}
}
