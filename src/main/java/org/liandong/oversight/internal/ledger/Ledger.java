package org.liandong.oversight.internal.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.inbox.Inbox;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.MissedDeadline;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the modules' obligation events into the ledger (R7.1). The listeners run synchronously in
 * the transaction of the change that published the event, so an obligation enters or leaves the
 * ledger exactly when its module's state changes, in the order it changed, and never otherwise.
 * Every write tolerates a repeated event: an obligation is its subject, words and owner, and a
 * settled one is only reopened by a due instant it did not have. Settling one marks the owner's messages
 * that lead to its page handled.
 */
@Component
record Ledger(JdbcClient jdbc, Agencies agencies, Inbox inbox, Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(Ledger.class);

	@EventListener
	void on(ObligationDue due) {
		// most obligations are owed once: the first round is written in one statement, and only where it is
		// there already is the latest round read (a repeated event, a moved deadline, a new round; issue 18)
		if (open(due, 1)) {
			return;
		}
		Optional<Latest> latest = latest(due.subjectType(), due.subjectId(), due.obligation(), due.ownerAgencyCode());
		if (latest.isEmpty()) {
			open(due, 1);
		}
		else if (latest.get().open()) {
			if (!latest.get().dueAt().equals(due.dueAt())) {
				// a moved deadline is reminded anew; a miss already escalated stays on record
				jdbc.sql("""
						update obligation set due_at = ?, reminded_at = case when ? > ? then null else reminded_at end,
						    version = version + 1
						where id = ?""")
					.params(ChineseTime.utc(due.dueAt()), ChineseTime.utc(due.dueAt()), ChineseTime.utc(clock.instant()),
							latest.get().id())
					.update();
			}
		}
		else if (!latest.get().dueAt().equals(due.dueAt())) {
			// owed again (a request sent back for a supplement is answered again): a new round
			open(due, latest.get().round() + 1);
		}
	}

	@EventListener
	void on(ObligationSettled settled) {
		String state = settled.met() ? "MET" : "CANCELLED";
		String link;
		if (settled.link() != null) {
			// the module names the page: the open round (one at a time) settled without reading it first (issue 18)
			if (jdbc.sql("""
					update obligation set state = ?, settled_at = ?, version = version + 1
					where subject_type = ? and subject_id = ? and obligation = ? and owner_agency = ? and state = 'OPEN'""")
				.params(state, ChineseTime.utc(settled.settledAt()), settled.subjectType(), settled.subjectId(),
						settled.obligation(), settled.ownerAgencyCode())
				.update() == 0) {
				log.debug("No open obligation for {}", settled);
				return;
			}
			link = settled.link();
		}
		else {
			Optional<Latest> latest = latest(settled.subjectType(), settled.subjectId(), settled.obligation(),
					settled.ownerAgencyCode());
			if (latest.isEmpty() || !latest.get().open()) {
				log.debug("No open obligation for {}", settled);
				return;
			}
			jdbc.sql("update obligation set state = ?, settled_at = ?, version = version + 1 where id = ? and state = 'OPEN'")
				.params(state, ChineseTime.utc(settled.settledAt()), latest.get().id())
				.update();
			link = latest.get().link();
		}
		// the owner's messages that asked for this work ask for nothing more (issue 21); the city bureau's
		// work is asked of its offices (the legal office designates), so theirs are handled with it
		inbox.markHandled(settled.ownerAgencyCode(), link, settled.settledAt());
		// the obligation's city as open() writes it: the owner is the city bureau where the two are one
		String city = agencies.find(settled.ownerAgencyCode()).map(AgencySummary::cityCode)
			.orElse(settled.ownerAgencyCode());
		if (settled.ownerAgencyCode().equals(city)) {
			agencies.all().stream()
				.filter(office -> settled.ownerAgencyCode().equals(office.parentCode()) && office.kind().isCityLevel())
				.forEach(office -> inbox.markHandled(office.code(), link, settled.settledAt()));
		}
	}

	/** A miss the module found of an obligation the ledger never heard of still enters it, to be escalated. */
	@EventListener
	void on(MissedDeadline missed) {
		if (latest(missed.subjectType(), missed.subjectId(), missed.obligationLabel(), missed.ownerAgencyCode())
			.isEmpty()) {
			open(new ObligationDue(missed.subjectType(), missed.subjectId(), missed.subjectName(),
					missed.obligationLabel(), missed.ownerAgencyCode(), missed.dueAt(), null), 1);
		}
	}

	/** Whether the round was written: not if it is there already. */
	private boolean open(ObligationDue due, int round) {
		String city = agencies.find(due.ownerAgencyCode()).map(AgencySummary::cityCode).orElse(due.ownerAgencyCode());
		Instant now = clock.instant();
		// two deliveries of one event at once leave one row
		return jdbc.sql("""
				insert into obligation (subject_type, subject_id, obligation, owner_agency, round, subject_name, city_agency,
				    link, opened_at, due_at, state, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0)
				on conflict do nothing""")
			.params(due.subjectType(), due.subjectId(), due.obligation(), due.ownerAgencyCode(), round,
					ObligationRows.clip(due.subjectName() == null ? "" : due.subjectName(), 200), city,
					ObligationRows.clip(due.link(), 300),
					ChineseTime.utc(now.isBefore(due.dueAt()) ? now : due.dueAt()), ChineseTime.utc(due.dueAt()))
			.update() > 0;
	}

	private Optional<Latest> latest(String subjectType, long subjectId, String obligation, String owner) {
		return jdbc.sql("""
				select id, round, state, due_at, link, city_agency from obligation
				where subject_type = ? and subject_id = ? and obligation = ? and owner_agency = ?
				order by round desc limit 1""")
			.params(subjectType, subjectId, obligation, owner)
			.query((rs, n) -> new Latest(rs.getLong("id"), rs.getInt("round"), "OPEN".equals(rs.getString("state")),
					ObligationRows.instant(rs, "due_at"), rs.getString("link"), rs.getString("city_agency")))
			.optional();
	}

	private record Latest(long id, int round, boolean open, Instant dueAt, String link, String city) {
	}
}
