package org.liandong.credit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.liandong.audit.AuditTrail;
import org.liandong.credit.internal.EntriesInForce.Found;
import org.liandong.credit.internal.ScreeningFile.Subject;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk screening (R4.3): an uploaded list of subjects, recorded in the audit trail when it starts
 * (R4.4), is screened in the background chunk by chunk with its progress stored, and its result
 * file kept for the agency that started it; screenings an instance left running when it stopped are
 * failed.
 */
@Component
class BulkScreening {

	/** A screening file may hold this much; 100,000 subjects in CSV take a few megabytes. */
	static final int MAX_FILE = 20 * 1024 * 1024;

	private static final int CHUNK = 1000;

	private final EntriesInForce inForce;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Executor background;
	private final Clock clock;

	BulkScreening(EntriesInForce inForce, AuditTrail audit, JdbcClient jdbc, TransactionTemplate transactions,
			@Qualifier("applicationTaskExecutor") Executor background, Clock clock) {
		this.inForce = inForce;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.background = background;
		this.clock = clock;
	}

	org.liandong.credit.Screening screen(String fileName, byte[] content, SignedInUser reader) {
		if (content == null || content.length == 0) {
			throw DomainException.invalid("empty-file", "请选择要筛查的文件（文件不能为空）");
		}
		if (content.length > MAX_FILE) {
			throw DomainException.invalid("file-too-large", "筛查文件不能超过 20 MB，请拆分后分批上传");
		}
		String name = fileName == null || fileName.isBlank() ? "筛查名单" : fileName.replaceAll("^.*[/\\\\]", "").trim();
		List<Subject> subjects = ScreeningFile.read(name, content);
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

	org.liandong.credit.Screening screening(long id, SignedInUser reader) {
		return jdbc.sql("""
				select id, file_name, state, total, processed, listed, rejected, review, problem, started_at, finished_at
				from credit_screening where id = ? and agency = ?""")
			.params(id, reader.agencyCode())
			.query((rs, n) -> new org.liandong.credit.Screening(rs.getLong("id"), rs.getString("file_name"),
					rs.getString("state"), rs.getInt("total"), rs.getInt("processed"), rs.getInt("listed"),
					rs.getInt("rejected"), rs.getInt("review"), rs.getString("problem"), EntryAccess.instant(rs, "started_at"),
					EntryAccess.instant(rs, "finished_at")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-screening", "筛查任务 %d 不存在".formatted(id)));
	}

	byte[] screeningResult(long id, SignedInUser reader) {
		org.liandong.credit.Screening screening = screening(id, reader);
		if (!"DONE".equals(screening.state())) {
			throw DomainException.conflict("screening-running", "筛查尚未完成（%d%%），完成后即可下载结果".formatted(screening.percent()));
		}
		// a screened list leaving the platform as a file is an export (X1)
		audit.record("SCREENING_RESULT_DOWNLOADED", "credit-screening", "#" + id,
				"下载批量筛查结果“%s”（%d 个主体，已列入 %d 个）".formatted(screening.fileName(), screening.total(),
						screening.listed()));
		return jdbc.sql("select result from credit_screening where id = ?").param(id).query(byte[].class).single();
	}

	/** Screens the subjects chunk by chunk, writing progress after each, then the result file. */
	private void run(long id, List<Subject> subjects) {
		try {
			List<String[]> rows = new ArrayList<>();
			int listed = 0;
			int rejected = 0;
			int review = 0;
			for (int from = 0; from < subjects.size(); from += CHUNK) {
				List<Subject> chunk = subjects.subList(from, Math.min(subjects.size(), from + CHUNK));
				Map<String, List<Found>> hits = inForce.withCodes(chunk.stream().filter(s -> s.problem() == null)
					.map(Subject::uscc).distinct().toList());
				Map<String, List<Found>> namesake = inForce.withNames(chunk.stream()
					.filter(s -> s.problem() == null && !s.name().isBlank() && !hits.containsKey(s.uscc()))
					.map(Subject::name).distinct().toList());
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
					List<Found> sameName = found.isEmpty() ? namesake.getOrDefault(s.name(), List.of()) : List.of();
					if (!sameName.isEmpty()) {
						review++;
						rows.add(new String[] { Integer.toString(s.line()), s.uscc(), s.name(), "需人工核对",
								"代码未列入，但名称与名单上的主体一致：" + sameName.stream()
									.map(f -> "%s（%s，%s，公示至%s）".formatted(f.name(), f.uscc(), f.decisionNumber(),
											ChineseTime.format(f.publishedUntil())))
									.collect(Collectors.joining("；")) + "；请核对统一社会信用代码" });
						continue;
					}
					rows.add(new String[] { Integer.toString(s.line()), s.uscc(), s.name(), found.isEmpty() ? "未列入" : "已列入",
							found.stream().map(f -> "%s，公示至%s".formatted(f.decisionNumber(),
									ChineseTime.format(f.publishedUntil()))).collect(Collectors.joining("；")) });
				}
				jdbc.sql("""
						update credit_screening set processed = ?, listed = ?, rejected = ?, review = ?, progressed_at = ?
						where id = ?""")
					.params(Math.min(subjects.size(), from + CHUNK), listed, rejected, review,
							ChineseTime.utc(clock.instant()), id)
					.update();
			}
			jdbc.sql("update credit_screening set state = 'DONE', result = ?, finished_at = ? where id = ?")
				.params(ScreeningFile.csv(rows), ChineseTime.utc(clock.instant()), id).update();
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

	private static String clip(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}
}
