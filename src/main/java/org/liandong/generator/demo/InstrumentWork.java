package org.liandong.generator.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.Instruments;
import org.liandong.instruments.NewInstrument;
import org.liandong.platform.ChineseTime;

/**
 * The year's administrative agreements and memorandum (R3, R4.1): 新华区 and 卫东区 agree to accept
 * each other's assistance requests within one working day and answer within eight, in force from the
 * first month, so their later requests carry the agreed deadlines; the city bureau, the market
 * regulator and the police sign a joint-punishment memorandum with each one's measures; and an
 * agreement between 郏县 and 宝丰县 waits for its second signature.
 */
final class InstrumentWork {

	private final Instruments instruments;
	private final Agenda agenda;

	InstrumentWork(Instruments instruments, Agenda agenda) {
		this.instruments = instruments;
		this.agenda = agenda;
	}

	void plan() {
		Instant agreed = agenda.inMonth(agenda.firstMonth(), 6);
		instrument(agreed, "xinhua.enforcer", new NewInstrument(InstrumentKind.AGREEMENT,
				"新华区、卫东区应急管理局跨区域执法协作协议", "两区之间的协查请求、案件通报和联合执法。",
				"为落实跨区域执法联动响应协作机制，双方约定：一、对方发出的协查请求，1 个工作日内受理，8 个工作日内答复；二、涉及双方辖区的案件，立案后 3 日内相互通报；三、每季度互通一次执法信息。",
				List.of("410403"), day(agreed), day(agreed).plusYears(3), 1, 8), Map.of(), List.of("weidong.enforcer"),
				true);
		Instant memorandum = agenda.inMonth(agenda.firstMonth().plusMonths(1), 10);
		instrument(memorandum, Cast.LEADER, new NewInstrument(InstrumentKind.MEMORANDUM,
				"关于对安全生产领域严重失信主体开展联合惩戒的合作备忘录", "安全生产严重失信主体名单内的企业及其主要负责人。",
				"为贯彻落实社会信用体系建设要求，对列入安全生产严重失信主体名单的企业，各签署单位依职责实施下列惩戒措施。",
				List.of("410400.samr", "410400.police"), day(memorandum), day(memorandum).plusYears(5), null, null),
				Map.of(Cast.LEADER, List.of("加大执法检查频次，列为重点监管对象", "不得享受安全生产领域评优评先"),
						"samr.leader", List.of("在国家企业信用信息公示系统中公示", "限制其法定代表人担任其他企业的法定代表人"),
						"police.leader", List.of("对涉及危险化学品、民用爆炸物品的许可申请从严审查")),
				List.of("samr.leader", "police.leader"), true);
		Instant pending = agenda.workingDaysBefore(4);
		instrument(pending, "jiaxian.enforcer", new NewInstrument(InstrumentKind.AGREEMENT,
				"郏县、宝丰县应急管理局执法协作协议", "两县交界区域的矿山和危险化学品企业执法。",
				"双方约定对交界区域企业开展联合检查，协查请求 2 个工作日内受理、10 个工作日内答复。", List.of("410421"),
				day(pending), day(pending).plusYears(2), 2, 10), Map.of(), List.of("baofeng.enforcer"), false);
	}

	/**
	 * The drafter drafts; each party sets its measures (a memorandum); the drafter submits and signs;
	 * the others sign on the following working days, unless {@code allSign} is false.
	 */
	private void instrument(Instant at, String drafter, NewInstrument draft, Map<String, List<String>> measures,
			List<String> others, boolean allSign) {
		agenda.at(at, drafter, "起草" + draft.kind().label(), me -> {
			InstrumentView drafted = instruments.draft(draft, me);
			Instant next = agenda.after(at, 1);
			for (Map.Entry<String, List<String>> own : measures.entrySet()) {
				agenda.at(next, own.getKey(), "确定惩戒措施", by -> instruments.setMeasures(drafted.id(), own.getValue(), by));
				next = next.plusSeconds(600);
			}
			Instant submitted = next.plusSeconds(600);
			agenda.at(submitted, drafter, "提交签署并签署", by -> {
				instruments.submit(drafted.id(), null, by);
				instruments.sign(drafted.id(), null, by);
				if (!allSign) {
					return;
				}
				Instant signed = submitted;
				for (String other : others) {
					signed = agenda.after(signed, 1);
					agenda.at(signed, other, "签署" + draft.kind().label(), party -> instruments.sign(drafted.id(), null, party));
				}
			});
		});
	}

	private static LocalDate day(Instant at) {
		return at.atZone(ChineseTime.ZONE).toLocalDate();
	}
}
