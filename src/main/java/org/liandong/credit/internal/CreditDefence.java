package org.liandong.credit.internal;

import static org.liandong.credit.internal.EntryAccess.illegal;
import static org.liandong.credit.internal.EntryAccess.required;

import java.time.Clock;

import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditEvent;
import org.liandong.credit.EntryState;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Recording the party's statement of defence while the entry is notified (R4.2), which lets the
 * decision be taken before the defence period ends.
 */
@Component
record CreditDefence(EntryAccess access, ApplicationEventPublisher events, Clock clock) {

	CreditEntryView recordDefence(long id, String statement, SignedInUser actor) {
		CreditEntryView entry = access.find(id, actor);
		access.requireDecider(entry, actor);
		if (entry.state() != EntryState.NOTIFIED) {
			throw illegal(entry, "记录陈述申辩");
		}
		String defence = required(statement, 4000, "defence-needs-text", "当事人的陈述申辩意见");
		access.move(entry, "defence_statement = ?, defence_recorded_at = ?", defence, ChineseTime.utc(clock.instant()));
		events.publishEvent(new CreditEvent(id, entry.subjectUscc(), "DEFENCE", "记录当事人陈述申辩"));
		return access.find(id, actor);
	}
}
