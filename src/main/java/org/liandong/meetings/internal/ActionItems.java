package org.liandong.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.meetings.ActionItem;
import org.liandong.meetings.MeetingEvent;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The action items decided by a joint meeting (R5): each owner agency sees its own (the city level
 * every one) and reports it done with its evidence, which meets the obligation. Runs in the
 * transaction of the {@link MeetingService} method that calls it.
 */
@Component
record ActionItems(Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
		MeetingRecords records) {

	Page<ActionItem> actionItems(boolean open, SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		Map<String, String> names = records.names();
		Instant now = clock.instant();
		return new PagedQuery("a.*, m.title as meeting_title", "action_item a join meeting m on m.id = a.meeting_id",
				Map.of("dueAt", "a.due_at"), "a.due_at asc, a.id")
			.whereIf(!city, "a.owner_agency = ?", reader.agencyCode())
			.whereIf(open, "a.state = 'OPEN'")
			.fetch(jdbc, pageable, (rs, n) -> MeetingRecords.actionItem(rs, names, now));
	}

	ActionItem complete(long actionItemId, String evidence, SignedInUser owner) {
		Map<String, String> names = records.names();
		Instant now = clock.instant();
		ActionItem item = jdbc.sql("select a.*, m.title as meeting_title from action_item a join meeting m on m.id = a.meeting_id where a.id = ?")
			.param(actionItemId).query((rs, n) -> MeetingRecords.actionItem(rs, names, now)).optional()
			.orElseThrow(() -> DomainException.notFound("unknown-action-item", "议定事项 %d 不存在".formatted(actionItemId)));
		if (!item.ownerAgencyCode().equals(owner.agencyCode())) {
			// the members and the city see the item with its meeting; to anyone else it does not exist (X2)
			records.find(item.meetingId(), owner);
			throw DomainException.forbidden("not-owner", "只有责任单位可以报送议定事项的办理情况");
		}
		if (evidence == null || evidence.isBlank()) {
			throw DomainException.invalid("evidence-required", "请填写办理情况和佐证材料说明");
		}
		int done = jdbc.sql("""
				update action_item set state = 'DONE', evidence = ?, completed_at = ?, completed_by_name = ?
				where id = ? and state = 'OPEN'""")
			.params(evidence.trim(), ChineseTime.utc(now), owner.describe(), actionItemId).update();
		if (done == 0) {
			throw DomainException.conflict("already-done", "该议定事项已经办结");
		}
		events.publishEvent(new MeetingEvent("action-item", actionItemId, "ACTION_DONE", "%s办结议定事项：%s".formatted(
				owner.agencyName(), item.decision())));
		events.publishEvent(MeetingObligation.ACTION_ITEM.settled(actionItemId, item.ownerAgencyCode(), now, true));
		return jdbc.sql("select a.*, m.title as meeting_title from action_item a join meeting m on m.id = a.meeting_id where a.id = ?")
			.param(actionItemId).query((rs, n) -> MeetingRecords.actionItem(rs, names, now)).single();
	}
}
