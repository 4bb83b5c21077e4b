package org.liandong.generator.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.liandong.generator.demo.Cast.Bureau;
import org.liandong.meetings.ActionItem;
import org.liandong.meetings.Decision;
import org.liandong.meetings.MeetingKind;
import org.liandong.meetings.MeetingView;
import org.liandong.meetings.Meetings;
import org.liandong.meetings.NewMeeting;
import org.liandong.platform.ChineseTime;

/**
 * The year's two regular joint meetings (R5): the office convenes each about two weeks ahead; the
 * members reply (attending, excused, or now and then not at all); after the meeting the office
 * issues the minutes with three decisions, each an action item that its owner completes as
 * diligently as it works.
 */
final class MeetingWork {

	private final Meetings meetings;
	private final Agenda agenda;

	MeetingWork(Meetings meetings, Agenda agenda) {
		this.meetings = meetings;
		this.agenda = agenda;
	}

	void plan() {
		meeting(agenda.firstMonth().plusMonths(1), "上半年", List.of("410422", "410481", "410404"));
		meeting(agenda.firstMonth().plusMonths(7), "下半年", List.of("410423", "410411", "410425"));
	}

	private void meeting(YearMonth month, String half, List<String> owners) {
		Instant convened = agenda.inMonth(month, 3);
		LocalDate held = agenda.after(convened, 10).atZone(ChineseTime.ZONE).toLocalDate();
		Instant starts = held.atTime(9, 0).atZone(ChineseTime.ZONE).toInstant();
		LocalDate replyBy = agenda.after(convened, 7).atZone(ChineseTime.ZONE).toLocalDate();
		Instant replyDue = replyBy.plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
		int year = held.getYear();
		agenda.at(convened, Cast.OFFICE, "召集联席会议例会", office -> {
			MeetingView meeting = meetings.convene(new NewMeeting(MeetingKind.REGULAR,
					"%d年%s跨区域执法联动联席会议例会".formatted(year, half),
					"一、通报%s跨区域协查、案件通报情况；二、研究重大案件联合查处工作；三、部署下一阶段联合执法行动。".formatted(half),
					"市应急管理局三楼会议室", held.atTime(9, 0), replyBy), office);
			for (Bureau bureau : Cast.BUREAUS) {
				Instant reply = agenda.response(bureau, convened, replyDue);
				if (reply != null && reply.isBefore(starts)) {
					boolean excused = agenda.random().nextInt(8) == 0;
					agenda.at(reply, bureau.liaison(), "回复参会", member -> meetings.reply(meeting.id(), !excused,
							excused ? null : "执法大队大队长", excused ? "同期开展危险化学品专项执法检查" : null, member));
				}
			}
			agenda.at(agenda.after(starts, 1), Cast.OFFICE, "印发会议纪要", by -> minutes(meeting.id(), starts, owners, by));
		});
	}

	private void minutes(long meetingId, Instant held, List<String> owners, org.liandong.platform.SignedInUser office) {
		LocalDate due = agenda.after(agenda.now(), 25).atZone(ChineseTime.ZONE).toLocalDate();
		List<String> tasks = List.of("牵头开展交界区域危险化学品企业联合执法检查，形成检查报告。", "梳理本辖区跨区域关联企业名单，报联席会议办公室。",
				"组织执法人员参加协查文书规范化培训。");
		List<Decision> decisions = new ArrayList<>();
		for (int i = 0; i < owners.size(); i++) {
			decisions.add(new Decision(tasks.get(i), owners.get(i), due));
		}
		MeetingView recorded = meetings.recordMinutes(meetingId,
				"会议通报了跨区域协查和案件通报情况，肯定了各成员单位的协作成效，指出个别单位协查受理不及时、答复质量不高的问题，研究部署了下一阶段工作。",
				decisions, office);
		Instant dueAt = due.plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
		for (ActionItem item : recorded.actionItems()) {
			Instant done = agenda.response(Cast.bureau(item.ownerAgencyCode()), agenda.now(), dueAt);
			if (done != null) {
				agenda.at(done, Cast.bureau(item.ownerAgencyCode()).enforcer(), "报送议定事项办理情况",
						owner -> meetings.complete(item.id(), "已按会议要求办结，检查报告和名单已报联席会议办公室。", owner));
			}
		}
	}
}
