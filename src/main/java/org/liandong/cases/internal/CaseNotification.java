package org.liandong.cases.internal;

import static org.liandong.cases.internal.CaseRecords.DOCUMENT_SOURCE;
import static org.liandong.cases.internal.CaseRecords.blankToNull;
import static org.liandong.cases.internal.CaseRecords.notFound;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionSummary;
import org.liandong.cases.CaseNotified;
import org.liandong.cases.CaseView;
import org.liandong.cases.CaseView.NotificationView;
import org.liandong.cases.NewNotification;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Notifying other bureaus of a case (R2.3): an agency with full access sends a summary to each
 * recipient's inbox, which grants the recipient the summary (X2); the notification is issued as a
 * document (案件通报) and noted on the timeline. {@link NotificationTracking} follows it further.
 * Runs in the facade's transaction.
 */
@Component
record CaseNotification(CaseRecords records, CaseTimeline timeline, CaseAccess grants, Agencies agencies,
		Documents documents, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	static final String NOTIFICATION_SOURCE = "case-notification";

	List<NotificationView> notify(long id, NewNotification notification, SignedInUser sender) {
		// a concurrent edit of the status waits, so the recipients' access rows copy the current status
		jdbc.sql("select id from enforcement_case where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> notFound(id));
		EnforcementCase found = records.found(id);
		if (records.accessOf(found, sender) != CaseView.Access.FULL) {
			throw DomainException.forbidden("not-case-party", "只有参与该案件的单位或市局可以通报该案件");
		}
		Set<String> recipients = new LinkedHashSet<>(records.knownAgencies(notification.recipientCodes(), "通报对象"));
		if (recipients.contains(sender.agencyCode())) {
			throw DomainException.invalid("notify-self", "不能向本单位通报案件，请选择其他单位");
		}
		Instant now = clock.instant();
		Editor editor = Editor.of(sender);
		Map<String, AgencySummary> names = records.agencyMap();
		String message = blankToNull(notification.message());
		for (String recipient : recipients) {
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into case_notification (case_id, from_agency, to_agency, message, sent_at, sent_by, sent_by_name)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, sender.agencyCode(), recipient, message, utc(now), sender.getUsername(), editor.describe())
				.update(key, "id");
			long notificationId = key.getKeyAs(Long.class);
			grants.grantSummary(found, recipient);
			events.publishEvent(new InboxDelivery(recipient, null, "CASE_NOTIFICATION",
					"【案件通报】%s通报案件 %s".formatted(sender.agencyName(), found.number()),
					inboxBody(found, sender, message), "/cases/" + id, NOTIFICATION_SOURCE,
					Long.toString(notificationId)));
		}
		String to = recipients.stream().map(code -> names.get(code).name()).collect(Collectors.joining("、"));
		IssuedDocument notice = documents.issue(new NewDocument(DocumentKind.CASE_NOTIFICATION, sender.agencyCode(),
				notificationFields(found, to, message), List.copyOf(recipients), DOCUMENT_SOURCE, Long.toString(id),
				sender.getUsername(), editor.describe()));
		timeline.append(id, editor, "NOTIFIED", "向%s通报本案（%s）%s".formatted(to, notice.number(),
				message == null ? "" : "，附言：" + message), now);
		events.publishEvent(new CaseNotified(id, found.number(), sender.agencyCode(), List.copyOf(recipients)));
		return records.notifications(id, names);
	}

	private Map<String, String> notificationFields(EnforcementCase found, String addressee, String message) {
		Map<String, String> fields = new HashMap<>();
		fields.put("addressee", addressee);
		fields.put("caseNumber", found.number());
		fields.put("partyName", found.partyName());
		fields.put("violationType", found.violationType());
		fields.put("place", agencies.division(found.divisionCode()).map(DivisionSummary::name).orElse(found.divisionCode()));
		fields.put("severity", found.severity().label());
		fields.put("status", found.status().label());
		fields.put("message", message);
		return fields;
	}

	private String inboxBody(EnforcementCase found, SignedInUser sender, String message) {
		String party = found.partyName() + (found.partyUscc() == null ? "" : "（" + found.partyUscc() + "）");
		String place = agencies.division(found.divisionCode()).map(DivisionSummary::name).orElse(found.divisionCode());
		return "当事人：%s；违法类型：%s；发生地：%s；%s；状态：%s。%s".formatted(party, found.violationType(), place,
				found.severity().label(), found.status().label(), message == null ? "" : "附言：" + message);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
