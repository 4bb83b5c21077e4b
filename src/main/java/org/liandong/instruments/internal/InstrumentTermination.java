package org.liandong.instruments.internal;

import static org.liandong.instruments.internal.InstrumentRecords.illegal;

import java.time.Clock;
import java.time.Instant;

import org.liandong.inbox.InboxDelivery;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.internal.InstrumentRecords.Row;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Terminating an agreement or memorandum before the end of its term (R3.1, R4.1): a party ends it,
 * with its reason, and the other parties are told. Runs in the facade's transaction.
 */
@Component
record InstrumentTermination(InstrumentRecords records, InstrumentReading reading, SignaturesAwaited awaited,
		ApplicationEventPublisher events, Clock clock) {

	InstrumentView terminate(long id, String reason, SignedInUser actor) {
		Row row = records.locked(id, actor);
		records.requireParty(row, actor);
		if (row.state() == InstrumentState.TERMINATED || row.state() == InstrumentState.EXPIRED) {
			throw illegal(row, "终止");
		}
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid("terminate-needs-reason", "终止协议或备忘录，请写明理由");
		}
		if (reason.length() > 1000) {
			throw DomainException.invalid("reason-too-long", "终止理由不能超过 1000 字");
		}
		Instant now = clock.instant();
		records.bump(row, null, actor, now, "state = 'TERMINATED', terminated_reason = ?", reason.trim());
		if (row.state() == InstrumentState.AWAITING_SIGNATURES) {
			awaited.withdrawn(row, now);
		}
		records.publish(id, "TERMINATED", "%s终止，理由：%s".formatted(actor.agencyName(), reason.trim()));
		for (String party : records.parties(id)) {
			if (!party.equals(actor.agencyCode())) {
				events.publishEvent(new InboxDelivery(party, null, "INSTRUMENT_TERMINATED",
						"【已终止】%s《%s》".formatted(row.kind().label(), row.title()), reason.trim(), "/instruments/" + id,
						"instrument", id + ":terminated"));
			}
		}
		return reading.find(id, actor);
	}
}
