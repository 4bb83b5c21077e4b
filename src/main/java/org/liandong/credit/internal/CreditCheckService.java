package org.liandong.credit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.liandong.audit.AuditTrail;
import org.liandong.credit.CreditCheck;
import org.liandong.credit.CreditChecks;
import org.liandong.instruments.Instruments;
import org.liandong.instruments.MemorandumMeasure;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.ClientAddress;
import org.liandong.platform.DomainException;
import org.liandong.platform.RateLimit;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credit checks (R4.3): one subject at a time, answered from the entries in force and the
 * measures of the memoranda in force, each check kept at once and chained into the audit trail
 * in batches (R4.4); whole lists screened in the background with their progress stored.
 */
@Service
class CreditCheckService implements CreditChecks {

	/** A screening file may hold this much; 100,000 subjects in CSV take a few megabytes. */
	static final int MAX_FILE = 20 * 1024 * 1024;

	private static final int CHUNK = 1000;

	private final Instruments instruments;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Executor background;
	private final Clock clock;
	private final RateLimit checksPerPerson;

	CreditCheckService(Instruments instruments, AuditTrail audit, JdbcClient jdbc, TransactionTemplate transactions,
			@Qualifier("applicationTaskExecutor") Executor background, Clock clock,
			@Value("${liandong.security.rate-limit.credit-checks-per-person:120}") int checksPerPerson,
			@Value("${liandong.security.rate-limit.credit-check-window:1m}") Duration window) {
		this.instruments = instruments;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.background = background;
		this.clock = clock;
		this.checksPerPerson = new RateLimit(checksPerPerson, window);
	}

	@Override
	public CreditCheck check(String uscc, String name, SignedInUser reader) {
		// a person checking subject after subject at machine speed is harvesting the list, not enforcing
		if (!checksPerPerson.tryTake(reader.getUsername())) {
			throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "too-many-credit-checks",
					"信用核查过于频繁（每人每分钟不超过 %d 次），请 %d 秒后再试；批量核查请使用名单筛查"
						.formatted(checksPerPerson.capacity(), checksPerPerson.secondsToWait(reader.getUsername())));
		}
		String code = uscc == null ? "" : uscc.trim().toUpperCase(Locale.ROOT);
		String wantedName = name == null ? "" : name.trim();
		List<Found> found;
		String subject;
		if (!code.isEmpty()) {
			subject = UnifiedSocialCreditCode.of(code).value();
			found = jdbc.sql(IN_FORCE + " and e.subject_uscc = ?").params(ChineseTime.utc(clock.instant()), subject)
				.query((rs, n) -> found(rs)).list();
		}
		else if (!wantedName.isEmpty()) {
			if (wantedName.length() > 200) {
				throw DomainException.invalid("name-too-long", "名称不能超过 200 字");
			}
			subject = wantedName;
			found = jdbc.sql(IN_FORCE + " and e.subject_name = ?").params(ChineseTime.utc(clock.instant()), subject)
				.query((rs, n) -> found(rs)).list();
		}
		else {
			throw DomainException.invalid("missing-subject", "请输入统一社会信用代码或名称");
		}
		// kept at once, chained into the audit trail by CreditCheckAudit in batches
		jdbc.sql("""
				insert into credit_check (checked_at, actor, actor_agency, client_address, query, listed)
				values (?, ?, ?, ?, ?, ?)""")
			.params(ChineseTime.utc(clock.instant()), reader.getUsername(), reader.agencyCode(), ClientAddress.current(),
					subject, !found.isEmpty())
			.update();
		List<CreditCheck.Measure> measures = found.isEmpty() ? List.of() : measures();
		return new CreditCheck(subject, !found.isEmpty(), found.stream()
			.map(f -> new CreditCheck.Entry(f.id(), f.uscc(), f.name(), f.decisionNumber(), f.publishedUntil(), measures))
			.toList());
	}

	@Override
	public org.liandong.credit.Screening screen(String fileName, byte[] content, SignedInUser reader) {
		if (content == null || content.length == 0) {
			throw DomainException.invalid("empty-file", "请选择要筛查的文件（文件不能为空）");
		}
		if (content.length > MAX_FILE) {
			throw DomainException.invalid("file-too-large", "筛查文件不能超过 20 MB，请拆分后分批上传");
		}
		String name = fileName == null || fileName.isBlank() ? "筛查名单" : fileName.replaceAll("^.*[/\\\\]", "").trim();
		List<Subject> subjects = read(name, content);
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into credit_screening (file_name, state, total, processed, listed, rejected, started_at,
					    progressed_at, agency, started_by)
					values (?, 'RUNNING', ?, 0, 0, 0, ?, ?, ?, ?)""")
				.params(clip(name, 200), subjects.size(), ChineseTime.utc(now), ChineseTime.utc(now), reader.agencyCode(),
						reader.getUsername())
				.update(key, "id");
			audit.record("CREDIT_SCREENING", "credit-screening", "#" + key.getKeyAs(Long.class),
					"批量筛查“%s”，%d 个主体，文件 SM3 %s".formatted(name, subjects.size(), Sm3.hex(content)));
		});
		long id = key.getKeyAs(Long.class);
		background.execute(() -> run(id, subjects));
		return screening(id, reader);
	}

	@Override
	public org.liandong.credit.Screening screening(long id, SignedInUser reader) {
		return jdbc.sql("""
				select id, file_name, state, total, processed, listed, rejected, problem, started_at, finished_at
				from credit_screening where id = ? and agency = ?""")
			.params(id, reader.agencyCode())
			.query((rs, n) -> new org.liandong.credit.Screening(rs.getLong("id"), rs.getString("file_name"),
					rs.getString("state"), rs.getInt("total"), rs.getInt("processed"), rs.getInt("listed"),
					rs.getInt("rejected"), rs.getString("problem"), CreditService.instant(rs, "started_at"),
					CreditService.instant(rs, "finished_at")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-screening", "筛查任务 %d 不存在".formatted(id)));
	}

	@Override
	public byte[] screeningResult(long id, SignedInUser reader) {
		org.liandong.credit.Screening screening = screening(id, reader);
		if (!"DONE".equals(screening.state())) {
			throw DomainException.conflict("screening-running", "筛查尚未完成（%d%%），完成后即可下载结果".formatted(screening.percent()));
		}
		return jdbc.sql("select result from credit_screening where id = ?").param(id).query(byte[].class).single();
	}

	/** Screens the subjects chunk by chunk, writing progress after each, then the result file. */
	private void run(long id, List<Subject> subjects) {
		try {
			List<String[]> rows = new ArrayList<>();
			int listed = 0;
			int rejected = 0;
			for (int from = 0; from < subjects.size(); from += CHUNK) {
				List<Subject> chunk = subjects.subList(from, Math.min(subjects.size(), from + CHUNK));
				Map<String, List<Found>> hits = lookUp(chunk.stream().filter(s -> s.problem() == null)
					.map(Subject::uscc).distinct().toList());
				for (Subject s : chunk) {
					if (s.problem() != null) {
						rejected++;
						rows.add(new String[] { Integer.toString(s.line()), s.uscc(), s.name(), "无法筛查", s.problem() });
						continue;
					}
					List<Found> found = hits.getOrDefault(s.uscc(), List.of());
					if (!found.isEmpty()) {
						listed++;
					}
					rows.add(new String[] { Integer.toString(s.line()), s.uscc(), s.name(), found.isEmpty() ? "未列入" : "已列入",
							found.stream().map(f -> "%s，公示至%s".formatted(f.decisionNumber(),
									ChineseTime.format(f.publishedUntil()))).collect(Collectors.joining("；")) });
				}
				jdbc.sql("update credit_screening set processed = ?, listed = ?, rejected = ?, progressed_at = ? where id = ?")
					.params(Math.min(subjects.size(), from + CHUNK), listed, rejected, ChineseTime.utc(clock.instant()), id)
					.update();
			}
			jdbc.sql("update credit_screening set state = 'DONE', result = ?, finished_at = ? where id = ?")
				.params(csv(rows), ChineseTime.utc(clock.instant()), id).update();
		}
		catch (RuntimeException failure) {
			jdbc.sql("update credit_screening set state = 'FAILED', problem = ?, finished_at = ? where id = ?")
				.params(clip("筛查中断：" + failure.getMessage(), 1000), ChineseTime.utc(clock.instant()), id).update();
		}
	}

	/**
	 * Marks failed the screenings that stopped moving: their instance went down in the middle (a
	 * chunk takes milliseconds, so minutes without progress mean no one is working on it).
	 */
	int abandonStalled(Duration quiet) {
		Instant now = clock.instant();
		return jdbc.sql("""
				update credit_screening set state = 'FAILED', problem = ?, finished_at = ?
				where state = 'RUNNING' and progressed_at < ?""")
			.params("筛查因服务重启而中断，请重新上传文件", ChineseTime.utc(now), ChineseTime.utc(now.minus(quiet)))
			.update();
	}

	private Map<String, List<Found>> lookUp(List<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		String marks = String.join(", ", Collections.nCopies(codes.size(), "?"));
		List<Object> params = new ArrayList<>();
		params.add(ChineseTime.utc(clock.instant()));
		params.addAll(codes);
		return jdbc.sql(IN_FORCE + " and e.subject_uscc in (" + marks + ")").params(params)
			.query((rs, n) -> found(rs)).list().stream()
			.collect(Collectors.groupingBy(Found::uscc, LinkedHashMap::new, Collectors.toList()));
	}

	private List<CreditCheck.Measure> measures() {
		return instruments.measuresInForce().stream()
			.map((MemorandumMeasure m) -> new CreditCheck.Measure(m.agencyCode(), m.agencyName(), m.measure(),
					m.memorandumTitle()))
			.toList();
	}

	/**
	 * The subjects of an uploaded file: CSV (UTF-8 or GBK, as spreadsheet programs save it) or Excel,
	 * with a header row naming the column 统一社会信用代码 (and optionally 名称). A row that cannot be
	 * screened is kept with its line number and reason; the rest are screened.
	 */
	static List<Subject> read(String fileName, byte[] content) {
		List<List<String>> table = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
				|| fileName.toLowerCase(Locale.ROOT).endsWith(".xls") ? excel(content) : csv(content);
		if (table.isEmpty()) {
			throw DomainException.invalid("empty-file", "文件中没有内容");
		}
		List<String> header = table.get(0).stream().map(h -> h == null ? "" : h.replace("\uFEFF", "").trim()).toList();
		int codeColumn = header.indexOf("统一社会信用代码");
		int nameColumn = header.indexOf("名称") >= 0 ? header.indexOf("名称") : header.indexOf("企业名称");
		if (codeColumn < 0) {
			throw DomainException.invalid("wrong-columns", "第 1 行应为表头，并有“统一社会信用代码”一列（可另有“名称”一列）；"
					+ "文件的表头是：" + String.join("、", header.subList(0, Math.min(header.size(), 8))));
		}
		List<Subject> subjects = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 1; i < table.size(); i++) {
			List<String> row = table.get(i);
			int line = i + 1;
			String code = cell(row, codeColumn).toUpperCase(Locale.ROOT);
			String name = nameColumn < 0 ? "" : cell(row, nameColumn);
			if (code.isEmpty() && name.isEmpty()) {
				continue;
			}
			String problem = UnifiedSocialCreditCode.problem(code);
			if (problem == null && seen.containsKey(code)) {
				problem = "与第 %d 行重复".formatted(seen.get(code));
			}
			if (problem == null) {
				seen.put(code, line);
			}
			subjects.add(new Subject(line, code, name, problem == null ? null : "第 %d 行：%s".formatted(line, problem)));
		}
		return subjects;
	}

	private static List<List<String>> csv(byte[] content) {
		String text = decode(content);
		if (text.chars().limit(4096).anyMatch(c -> c == 0 || c == 0xFFFD)) {
			throw DomainException.invalid("unreadable-file", "文件不是有效的 CSV 文本或 Excel 表格，请另存为 CSV（UTF-8）或 .xlsx 后重新上传");
		}
		try (Reader reader = new java.io.StringReader(text)) {
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
				rows.add(record.toList());
			}
			return rows;
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw DomainException.invalid("unreadable-file", "CSV 文件格式有误（%s），请检查后重新上传".formatted(e.getMessage()));
		}
	}

	/** UTF-8 when the bytes are valid UTF-8, otherwise GBK, which spreadsheet programs on Chinese Windows write. */
	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
		}
		catch (java.nio.charset.CharacterCodingException notUtf8) {
			return new String(content, java.nio.charset.Charset.forName("GBK"));
		}
	}

	private static List<List<String>> excel(byte[] content) {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : format.formatCellValue(cell));
				}
				while (rows.size() < row.getRowNum()) {
					rows.add(List.of());
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException e) {
			throw DomainException.invalid("unreadable-file", "文件不是有效的 Excel 表格，请另存为 .xlsx 或 CSV（UTF-8）后重新上传");
		}
	}

	private static byte[] csv(List<String[]> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer.printRecord("行号", "统一社会信用代码", "名称", "筛查结果", "说明");
			for (String[] row : rows) {
				printer.printRecord((Object[]) row);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	private static String cell(List<String> row, int column) {
		return column < row.size() && row.get(column) != null ? row.get(column).trim() : "";
	}

	private static String clip(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

	private static final String IN_FORCE = """
			select e.id, e.subject_uscc, e.subject_name, e.decision_number, e.published_until from credit_entry e
			where e.state = 'PUBLISHED' and e.published_until > ?""";

	private static Found found(ResultSet rs) throws SQLException {
		return new Found(rs.getLong("id"), rs.getString("subject_uscc"), rs.getString("subject_name"),
				rs.getString("decision_number"), CreditService.instant(rs, "published_until"));
	}

	record Subject(int line, String uscc, String name, String problem) {
	}

	private record Found(long id, String uscc, String name, String decisionNumber, Instant publishedUntil) {
	}
}
