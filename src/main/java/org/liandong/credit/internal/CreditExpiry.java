package org.liandong.credit.internal;

import static org.liandong.credit.internal.EntryAccess.view;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditEvent;
import org.liandong.platform.ChineseTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The end of publication (R4.2): entries whose publication period is over leave the list, checked
 * every hour by {@link CreditUpkeep} through the facade, in its transaction.
 */
@Component
record CreditExpiry(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	/** Ends the publication of entries whose period is over; safe on several instances. */
	int expire() {
		Instant now = clock.instant();
		List<CreditEntryView> ended = jdbc.sql("select * from credit_entry where state = 'PUBLISHED' and published_until < ?")
			.param(ChineseTime.utc(now)).query((rs, n) -> view(rs, Map.of())).list();
		int count = 0;
		for (CreditEntryView entry : ended) {
			if (jdbc.sql("update credit_entry set state = 'EXPIRED', open_case_id = null, ended_at = ?, version = version + 1"
					+ " where id = ? and state = 'PUBLISHED'").params(ChineseTime.utc(now), entry.id()).update() == 1) {
				events.publishEvent(new CreditEvent(entry.id(), entry.subjectUscc(), "EXPIRED", "公示期满，移出名单"));
				count++;
			}
		}
		return count;
	}
}
