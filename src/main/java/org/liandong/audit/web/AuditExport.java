package org.liandong.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditTrail.AuditQuery;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit administrator's export of the trail (issue 9): every selected record with its hash,
 * as CSV that Excel opens in Chinese (UTF-8 with a byte-order mark), times in Beijing time. The
 * export itself is recorded in the trail, with its filter and size.
 */
@Component
class AuditExport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final AuditTrail trail;
	private final Clock clock;

	AuditExport(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	void write(AuditQuery query, HttpServletResponse response) throws IOException {
		String name = "审计记录-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Asia/Shanghai"))
			.format(clock.instant()) + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		AtomicLong rows = new AtomicLong();
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("序号", "时间（北京时间）", "操作人", "操作人单位", "操作", "对象类型", "对象", "内容", "客户端地址", "SM3 哈希")
			.get());
		trail.each(query, entry -> {
			try {
				csv.printRecord(entry.seq(), TIME.format(entry.occurredAt()), entry.actor(), entry.actorAgency(),
						entry.action(), entry.objectType(), entry.objectId(), entry.detail(), entry.clientAddress(),
						entry.hash());
				rows.incrementAndGet();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		csv.flush();
		trail.record("AUDIT_EXPORTED", "audit_record", null, "导出审计记录 %d 条（操作人：%s，操作：%s，起：%s，止：%s）".formatted(
				rows.get(), blank(query.actor()), blank(query.action()), query.from() == null ? "不限" : TIME.format(query.from()),
				query.to() == null ? "不限" : TIME.format(query.to())));
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? "不限" : text;
	}
}
