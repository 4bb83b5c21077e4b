package org.liandong.cases.internal;

import static org.liandong.cases.internal.CaseRecords.agenciesOn;
import static org.liandong.cases.internal.CaseRecords.name;
import static org.liandong.cases.internal.CaseRecords.stale;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liandong.agency.AgencySummary;
import org.liandong.cases.CaseChange;
import org.liandong.cases.CaseChanged;
import org.liandong.cases.CaseStatus;
import org.liandong.cases.CaseView;
import org.liandong.cases.Severity;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Keeping a registered case up to date (R2.1): the host or registering agency edits it on the
 * version it read, each change on the timeline; other modules note there what they did about the
 * case. Runs in the facade's transaction.
 */
@Component
record CaseEditing(CaseRecords records, CaseTimeline timeline, CaseAccess grants,
		MajorCaseReportDeadline reportDeadline, ApplicationEventPublisher events, Clock clock) {

	CaseView change(long id, CaseChange change, SignedInUser editor) {
		EnforcementCase found = records.found(id);
		records.accessOf(found, editor);
		if (!found.editableBy(editor.agencyCode())) {
			throw DomainException.forbidden("not-case-owner", "只有主办单位或立案单位可以修改该案件");
		}
		if (change.version() != found.version()) {
			throw stale(found);
		}
		records.knownAgencies(change.addParticipantCodes(), "协办单位");
		Instant now = clock.instant();
		CaseStatus statusBefore = found.status();
		Severity severityBefore = found.severity();
		Map<String, AgencySummary> names = records.agencyMap();
		List<String> changes = found.apply(change, Editor.of(editor), now, code -> name(names, code));
		if (changes.isEmpty()) {
			return records.view(found, CaseView.Access.FULL, editor);
		}
		found = records.saveOrStale(found);
		grants.grantFull(found, agenciesOn(found));
		if (found.status() != statusBefore) {
			grants.statusChanged(found);
		}
		String description = String.join("；", changes);
		timeline.append(id, Editor.of(editor), "CHANGED", description, now);
		events.publishEvent(new CaseChanged(id, found.number(), description));
		reportDeadline.severitySet(found, severityBefore, now);
		return records.view(found, CaseView.Access.FULL, editor);
	}

	/**
	 * An entry on the timeline of a case another module works on. The case is not loaded for it: the
	 * timeline's reference to the case refuses an unknown one (issue 18: two statements fewer a step).
	 */
	void record(long id, SignedInUser actor, String kind, String detail) {
		try {
			timeline.append(id, Editor.of(actor), kind, detail, clock.instant());
			// with the entries the transaction added before (a sending's new participant) in one statement
			timeline.flush();
		}
		catch (DataIntegrityViolationException unknownCase) {
			throw CaseRecords.notFound(id);
		}
	}
}
