package org.liandong.cases.internal;

import static org.liandong.cases.internal.CaseRecords.agenciesOn;
import static org.liandong.cases.internal.CaseRecords.name;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.AgencySummary;
import org.liandong.cases.CaseChanged;
import org.liandong.cases.ParticipantRole;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who takes part in a case, as other modules decide it: a bureau joining as assisting through an
 * assistance request (R2.4) or a city dispatch (R2.7), and the city legal office's designation of a
 * major case's host, joint and assisting agencies (R2.5). Each gets full access and a line on the
 * timeline. Runs in the facade's transaction, which joins the caller's.
 */
@Component
record CaseParticipation(CaseRecords records, CaseTimeline timeline, CaseAccess grants, JdbcClient jdbc,
		ApplicationEventPublisher events, Clock clock) {

	void involve(long id, String agencyCode, ParticipantRole role, SignedInUser actor, String why) {
		Instant now = clock.instant();
		Editor editor = Editor.of(actor);
		// one row of its own instead of the case rewritten with all its participants (issue 18); an agency
		// already on the case, as host, registering agency or participant, is not added again
		int added = jdbc.sql("""
				insert into case_participant (case_id, agency, role)
				select c.id, ?, ? from enforcement_case c
				where c.id = ? and c.host_agency <> ? and c.registering_agency <> ?
				on conflict do nothing""")
			.params(agencyCode, role.name(), id, agencyCode, agencyCode)
			.update();
		if (added == 0) {
			return;
		}
		// a newer version, so that an edit of the case begun before this one is refused as stale rather
		// than saving the participants it read, without this one
		jdbc.sql("""
				update enforcement_case set last_changed_at = ?, last_changed_by = ?, last_changed_by_name = ?,
				    version = version + 1
				where id = ?""")
			.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), editor.username(), editor.describe(), id)
			.update();
		grants.grantFull(id, agencyCode);
		timeline.append(id, editor, "PARTICIPANT_ADDED",
				"%s作为%s单位加入本案：%s".formatted(name(records.agencyMap(), agencyCode), role.label(), why), now);
	}

	void designate(long id, Map<String, ParticipantRole> roles, SignedInUser designator, String why) {
		EnforcementCase found = records.found(id);
		Instant now = clock.instant();
		String hostBefore = found.hostAgency();
		found.designate(roles, Editor.of(designator), now);
		found = records.saveOrStale(found);
		grants.grantFull(found, agenciesOn(found));
		Map<String, AgencySummary> names = records.agencyMap();
		String parties = roles.entrySet().stream()
			.map(e -> name(names, e.getKey()) + e.getValue().label())
			.collect(Collectors.joining("、"));
		timeline.append(id, Editor.of(designator), "DESIGNATED", "%s：%s%s".formatted(why, parties,
				hostBefore.equals(found.hostAgency()) ? "" : "；主办单位由%s改为%s".formatted(name(names, hostBefore),
						name(names, found.hostAgency()))), now);
		events.publishEvent(new CaseChanged(id, found.number(), "指定管辖：" + parties));
	}
}
