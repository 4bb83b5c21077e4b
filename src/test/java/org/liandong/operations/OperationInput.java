package org.liandong.operations;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.imageio.ImageIO;

import org.liandong.support.Fixtures;

/** Joint operations as the forms send them (issue 22), in the domain's words. */
final class OperationInput {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String XINHUA = "410402";

	static final String BAOFENG = "410421";

	static final String SAMR = "410400.samr";

	private OperationInput() {
	}

	static LocalDate today() {
		return LocalDate.now(BEIJING);
	}

	/** 新华区 organises with 宝丰县 and the city's market regulation, over both counties, from yesterday for ten days. */
	static String operation(String theme) {
		return """
				{"theme": "%s", "legalBasis": "《中华人民共和国安全生产法》第六十五条",
				 "startsOn": "%s", "endsOn": "%s", "divisionCodes": ["410402", "410421"],
				 "participantCodes": ["410421", "410400.samr"], "leadAgencyCode": "410402"}"""
			.formatted(theme, today().minusDays(1), today().plusDays(10));
	}

	static String targets(String... rows) {
		return "{\"targets\": [" + String.join(", ", rows) + "]}";
	}

	static String target(String uscc, String name, String division) {
		return "{\"uscc\": \"%s\", \"name\": \"%s\", \"divisionCode\": \"%s\"}".formatted(uscc, name, division);
	}

	static String enterprise(String division) {
		return target(Fixtures.uscc(division), Fixtures.unique("平顶山联合检查化工有限公司"), division);
	}

	static String people(String... names) {
		return "{\"people\": [\"" + String.join("\", \"", names) + "\"]}";
	}

	/** A team of 宝丰县's 郑检查 and 市市场监管局's 冯市监, 宝丰县 answering for it, over the given targets. */
	static String team(String name, List<Long> targetIds) {
		return """
				{"name": "%s", "leadAgencyCode": "410421", "inspectFrom": "%s", "inspectTo": "%s",
				 "members": [{"agencyCode": "410421", "name": "郑检查"}, {"agencyCode": "410400.samr", "name": "冯市监"}],
				 "targetIds": %s}""".formatted(name, today(), today().plusDays(5), targetIds);
	}

	/** The field record: one item wanting, one compliant; a general and a major hazard; both inspectors sign. */
	static String record(String... signatures) {
		return """
				{"inspectedAt": "%s", "presentPersons": "企业安全负责人 王明",
				 "items": [{"item": "安全生产责任制落实情况", "outcome": "COMPLIANT"},
				           {"item": "危险化学品储存", "outcome": "HAZARD", "note": "储罐区问题两处"}],
				 "hazards": [{"description": "储罐区可燃气体报警器失效", "level": "GENERAL", "location": "东侧储罐区"},
				             {"description": "甲类仓库内违规设置员工宿舍", "level": "MAJOR", "location": "3号仓库二层"}],
				 "measures": "责令立即停止使用3号仓库二层宿舍，7日内更换报警器。",
				 "signatures": ["%s"]}""".formatted(java.time.Instant.now().minusSeconds(600),
				String.join("\", \"", signatures));
	}

	/** A photo as a phone takes it: a real PNG image, 8 by 8 pixels. */
	static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xFF0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
