package org.liandong.generator.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.liandong.cases.NewCase;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.platform.UnifiedSocialCreditCode;

/** The enterprises of the demo's cases: plausible names and valid unified social credit codes. */
final class Parties {

	private static final List<String> NAMES = List.of("恒达化工", "宏远矿业", "鑫源燃气", "中原建材", "鹰城机械", "天瑞铸造",
			"平安物流", "华鼎冶金", "瑞丰烟花", "盛通危险品运输", "金石耐材", "永兴煤业", "汇丰食品", "德隆纺织", "正阳电力设备",
			"顺达仓储");

	private static final List<String> VIOLATIONS = List.of("未按规定开展安全风险辨识评估", "特种作业人员未持证上岗",
			"危险化学品储存不符合国家标准", "未建立事故隐患排查治理制度", "未按规定对从业人员进行安全生产教育培训",
			"生产安全事故应急预案未按规定备案", "有限空间作业未履行审批手续", "未按规定设置安全警示标志", "超量储存烟花爆竹");

	private static final List<String> FORMS = List.of("有限公司", "有限责任公司", "股份有限公司");

	private Parties() {
	}

	/** A general case of the registering bureau, occurred in its county some days before. */
	static NewCase generalCase(Cast.Bureau bureau, LocalDate registered, Random random) {
		return enterpriseCase(bureau, registered, random, Severity.GENERAL,
				"执法人员在日常检查中发现该企业%s，现场制作了检查记录并调取了相关台账。");
	}

	static NewCase majorCase(Cast.Bureau bureau, LocalDate registered, Random random, String summary) {
		return enterpriseCase(bureau, registered, random, Severity.MAJOR, summary);
	}

	private static NewCase enterpriseCase(Cast.Bureau bureau, LocalDate registered, Random random, Severity severity,
			String summary) {
		String name = "平顶山市" + bureau.county() + NAMES.get(random.nextInt(NAMES.size()))
				+ FORMS.get(random.nextInt(FORMS.size()));
		String violation = VIOLATIONS.get(random.nextInt(VIOLATIONS.size()));
		return new NewCase(PartyKind.ENTERPRISE, name, uscc(bureau.code(), random), null, SupervisionLevel.COUNTY,
				bureau.code(), violation, severity, summary.contains("%s") ? summary.formatted(violation) : summary,
				registered.minusDays(1 + random.nextInt(10)), null, null, null);
	}

	/** A unified social credit code of an enterprise registered in the division (GB 32100-2015). */
	static String uscc(String divisionCode, Random random) {
		String first17 = "91" + divisionCode + "MA" + "%07d".formatted(random.nextInt(10_000_000));
		return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
	}
}
