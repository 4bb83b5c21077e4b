package org.liandong.credit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.liandong.credit.CreditCheck;
import org.liandong.credit.internal.EntriesInForce.Found;
import org.liandong.instruments.Instruments;
import org.liandong.instruments.MemorandumMeasure;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.ClientAddress;
import org.liandong.platform.DomainException;
import org.liandong.platform.RateLimit;
import org.liandong.platform.RateLimits;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A single credit check (R4.3): by code (a wrong check character is refused saying so) or by name,
 * so often per person and no more, so that no one harvests the list; kept at once for the audit
 * trail (R4.4) and answered with the measures of the memoranda in force.
 */
@Component
class CreditChecking {

	private final Instruments instruments;
	private final EntriesInForce inForce;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final RateLimit checksPerPerson;
	private final TransactionTemplate transactions;

	CreditChecking(Instruments instruments, EntriesInForce inForce, JdbcClient jdbc, Clock clock, RateLimits rateLimits,
			TransactionTemplate transactions,
			@Value("${liandong.security.rate-limit.credit-checks-per-person:120}") int checksPerPerson,
			@Value("${liandong.security.rate-limit.credit-check-window:1m}") Duration window) {
		this.instruments = instruments;
		this.inForce = inForce;
		this.jdbc = jdbc;
		this.clock = clock;
		this.checksPerPerson = rateLimits.limit("credit-checks", checksPerPerson, window);
		this.transactions = transactions;
	}

	CreditCheck check(String uscc, String name, SignedInUser reader) {
		String code = uscc == null ? "" : uscc.trim().toUpperCase(Locale.ROOT);
		String wantedName = name == null ? "" : name.trim();
		if (code.isEmpty() && wantedName.isEmpty()) {
			throw DomainException.invalid("missing-subject", "请输入统一社会信用代码或名称");
		}
		if (code.isEmpty() && wantedName.length() > 200) {
			throw DomainException.invalid("name-too-long", "名称不能超过 200 字");
		}
		String subject = code.isEmpty() ? wantedName : UnifiedSocialCreditCode.of(code).value();
		// one transaction per check: the search, the record of the check and the person's count commit together
		return transactions.execute(status -> answer(!code.isEmpty(), subject, reader));
	}

	private CreditCheck answer(boolean byCode, String subject, SignedInUser reader) {
		List<Found> found = byCode ? inForce.withCode(subject) : inForce.withName(subject);
		List<EntriesInForce.Similar> similar = byCode ? List.of() : inForce.similarTo(subject);
		List<CreditCheck.Measure> measures = found.isEmpty() ? List.of() : measures();
		keep(subject, !found.isEmpty(), reader);
		return new CreditCheck(subject, !found.isEmpty(), found.stream()
			.map(f -> new CreditCheck.Entry(f.id(), f.uscc(), f.name(), f.decisionNumber(), f.publishedUntil(), measures))
			.toList(),
				similar.stream()
					.map(s -> new CreditCheck.Similar(s.entry().id(), s.entry().uscc(), s.entry().name(),
							s.entry().decisionNumber(), s.entry().publishedUntil(), s.similarity()))
					.toList(),
				found.isEmpty() && !similar.isEmpty(), finding(byCode, subject, found.size(), similar.size()));
	}

	/**
	 * Keeps the check (chained into the audit trail by CreditCheckAudit in batches), then counts it
	 * against the person's limit: last, as the count locks the person's bucket until the commit. A check
	 * over the limit is refused, and its record goes with the transaction.
	 */
	private void keep(String subject, boolean listed, SignedInUser reader) {
		String person = reader.getUsername();
		jdbc.sql("""
				insert into credit_check (checked_at, actor, actor_agency, client_address, query, listed)
				values (?, ?, ?, ?, ?, ?)""")
			.params(ChineseTime.utc(clock.instant()), person, reader.agencyCode(), ClientAddress.current(), subject,
					listed)
			.update();
		// a person checking subject after subject at machine speed is harvesting the list, not enforcing
		if (!checksPerPerson.tryTake(person)) {
			throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "too-many-credit-checks",
					"信用核查过于频繁（每人每分钟不超过 %d 次），请 %d 秒后再试；批量核查请使用名单筛查"
						.formatted(checksPerPerson.capacity(), checksPerPerson.secondsToWait(person)));
		}
	}

	/** What was and was not found, in words: never "not listed" where only an exact match was missing. */
	static String finding(boolean byCode, String subject, int exact, int similar) {
		if (byCode) {
			return exact > 0 ? "统一社会信用代码 %s 已列入严重失信主体名单（%d 条记录在公示期内）。".formatted(subject, exact)
					: "统一社会信用代码 %s 未列入严重失信主体名单（按代码精确核查）。".formatted(subject);
		}
		if (exact > 0) {
			return "名称为“%s”的主体已列入严重失信主体名单（%d 条记录在公示期内）。%s".formatted(subject, exact,
					similar > 0 ? "另有 %d 个名称相近的主体在名单上，见下表。".formatted(similar) : "");
		}
		if (similar > 0) {
			return ("名单上没有名称与“%s”完全一致的主体，但有 %d 个名称相近的主体在名单上，不能据此认定未列入："
					+ "请逐一核对统一社会信用代码，或改用统一社会信用代码核查。").formatted(subject, similar);
		}
		return "名单上没有名称为“%s”或与之相近的主体。按名称核查只比对名称，请以统一社会信用代码核查为准。".formatted(subject);
	}

	private List<CreditCheck.Measure> measures() {
		return instruments.measuresInForce().stream()
			.map((MemorandumMeasure m) -> new CreditCheck.Measure(m.agencyCode(), m.agencyName(), m.measure(),
					m.memorandumTitle()))
			.toList();
	}
}
