package org.liandong.cases.internal;

import static org.liandong.cases.internal.CaseRecords.agenciesOn;
import static org.liandong.cases.internal.CaseRecords.name;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.AgencySummary;
import org.liandong.cases.CaseChanged;
import org.liandong.cases.ParticipantRole;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who takes part in a case, as other modules decide it: a bureau joining as assisting through an
 * assistance request (R2.4) or a city dispatch (R2.7), and the city legal office's designation of a
 * major case's host, joint and assisting agencies (R2.5). Each gets full access and a line on the
 * timeline. Runs in the facade's transaction, which joins the caller's.
 */
@Component
record CaseParticipation(CaseRecords records, CaseTimeline timeline, CaseAccess grants,
		ApplicationEventPublisher events, Clock clock) {

	void involve(long id, String agencyCode, ParticipantRole role, SignedInUser actor, String why) {
		EnforcementCase found = records.found(id);
		Instant now = clock.instant();
		if (found.involve(agencyCode, role, Editor.of(actor), now)) {
			found = records.saveOrStale(found);
			grants.grantFull(found, List.of(agencyCode));
			timeline.append(id, Editor.of(actor), "PARTICIPANT_ADDED",
					"%s作为%s单位加入本案：%s".formatted(name(records.agencyMap(), agencyCode), role.label(), why), now);
		}
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
