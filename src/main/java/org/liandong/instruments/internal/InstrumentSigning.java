package org.liandong.instruments.internal;

import static org.liandong.instruments.internal.InstrumentRecords.illegal;
import static org.liandong.instruments.internal.InstrumentRecords.stale;

import java.time.Clock;
import java.time.Instant;

import org.liandong.inbox.InboxDelivery;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.internal.InstrumentRecords.Row;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signing an agreement or memorandum (R3.1, R4.1): a draft offered to every party, each party
 * signing the current version through a user of its own, in force from the last signature. Runs
 * in the facade's transaction.
 */
@Component
record InstrumentSigning(InstrumentRecords records, InstrumentReading reading, SignaturesAwaited awaited,
		JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	InstrumentView submit(long id, Long version, SignedInUser actor) {
		Row row = records.locked(id, actor);
		records.requireParty(row, actor);
		if (row.state() != InstrumentState.DRAFT) {
			throw illegal(row, "提交签署");
		}
		Instant now = clock.instant();
		records.bump(row, version, actor, now, "state = 'AWAITING_SIGNATURES'");
		awaited.offered(row, row.currentVersion(), now);
		for (String party : records.parties(id)) {
			if (!party.equals(actor.agencyCode())) {
				events.publishEvent(new InboxDelivery(party, null, "INSTRUMENT_TO_SIGN",
						"【待签署】%s《%s》".formatted(row.kind().label(), row.title()),
						"%s提交签署，请本单位审阅并签署第 %d 稿。".formatted(actor.agencyName(), row.currentVersion()),
						"/instruments/" + id, "instrument", id + ":submit:" + row.currentVersion()));
			}
		}
		records.publish(id, "SUBMITTED", "提交各方签署第 %d 稿".formatted(row.currentVersion()));
		return reading.find(id, actor);
	}

	InstrumentView sign(long id, Long version, SignedInUser signer) {
		Row row = records.locked(id, signer);
		records.requireParty(row, signer);
		if (row.state() != InstrumentState.AWAITING_SIGNATURES) {
			throw illegal(row, "签署");
		}
		if (version != null && version != row.version()) {
			throw stale(row);
		}
		if (row.effectiveUntil().isBefore(records.today())) {
			throw DomainException.conflict("term-over", "《%s》的截止日期 %s 已过，不能再签署；请修改期限后重新提交"
				.formatted(row.title(), row.effectiveUntil()));
		}
		Instant now = clock.instant();
		int signed = jdbc.sql("""
				update instrument_party set signed_version = ?, signed_at = ?, signed_by = ?, signed_by_name = ?
				where instrument_id = ? and agency = ? and signed_version is null""")
			.params(row.currentVersion(), ChineseTime.utc(now), signer.getUsername(), signer.describe(), id,
					signer.agencyCode())
			.update();
		if (signed == 0) {
			throw DomainException.conflict("already-signed", "本单位已签署第 %d 稿".formatted(row.currentVersion()));
		}
		records.publish(id, "SIGNED", "%s签署第 %d 稿".formatted(signer.agencyName(), row.currentVersion()));
		awaited.signed(row, signer.agencyCode(), now);
		int missing = jdbc.sql("""
				select count(*) from instrument_party where instrument_id = ?
				and (signed_version is null or signed_version <> ?)""")
			.params(id, row.currentVersion()).query(Integer.class).single();
		if (missing == 0) {
			// the last signature: in force, once, whoever signs last at the same moment
			int started = jdbc.sql("""
					update instrument set state = 'IN_FORCE', in_force_at = ?, version = version + 1
					where id = ? and state = 'AWAITING_SIGNATURES'""").params(ChineseTime.utc(now), id).update();
			if (started == 1) {
				records.publish(id, "IN_FORCE", "各方签署完毕，生效");
				for (String party : records.parties(id)) {
					events.publishEvent(new InboxDelivery(party, null, "INSTRUMENT_IN_FORCE",
							"【已生效】%s《%s》".formatted(row.kind().label(), row.title()), "各方签署完毕，自即日起生效。",
							"/instruments/" + id, "instrument", id + ":in-force"));
				}
			}
		}
		return reading.find(id, signer);
	}
}
