package org.liandong.assistance.internal;

import org.liandong.assistance.MajorCases;
import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportSummary;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.NewDesignation;
import org.liandong.assistance.NewMajorReport;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Major-case reports, the legal office's queue and its designations (R2.5). Each use case is a class
 * of its own; each call here is one transaction, which the use case runs in.
 */
@Service
@Validated
@Transactional
class MajorCaseService implements MajorCases {

	static final String SOURCE = "major-report";

	private final MajorCaseReporting reporting;
	private final MajorReportQueue queue;
	private final MajorReportAccess access;
	private final JurisdictionDesignation jurisdiction;
	private final MajorCaseDeclining declining;
	private final DesignatedTaskReporting tasks;

	MajorCaseService(MajorCaseReporting reporting, MajorReportQueue queue, MajorReportAccess access,
			JurisdictionDesignation jurisdiction, MajorCaseDeclining declining, DesignatedTaskReporting tasks) {
		this.reporting = reporting;
		this.queue = queue;
		this.access = access;
		this.jurisdiction = jurisdiction;
		this.declining = declining;
		this.tasks = tasks;
	}

	@Override
	public MajorReportView report(long caseId, NewMajorReport report, SignedInUser reporter) {
		return reporting.report(caseId, report, reporter);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<MajorReportSummary> queue(MajorReportState state, SignedInUser reader, Pageable pageable) {
		return queue.queue(state, reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public MajorReportView find(long id, SignedInUser reader) {
		return jurisdiction.withDraft(access.find(id, reader), reader);
	}

	@Override
	public MajorReportView designate(long id, NewDesignation designation, SignedInUser legalOfficer) {
		return jurisdiction.designate(id, designation, legalOfficer);
	}

	@Override
	public MajorReportView signOff(long id, Long version, SignedInUser leader) {
		return jurisdiction.signOff(id, version, leader);
	}

	@Override
	public MajorReportView sendBack(long id, String comments, Long version, SignedInUser leader) {
		return jurisdiction.sendBack(id, comments, version, leader);
	}

	@Override
	public MajorReportView decline(long id, String reason, Long version, SignedInUser legalOfficer) {
		return declining.decline(id, reason, version, legalOfficer);
	}

	@Override
	public MajorReportView reportTask(long id, String text, SignedInUser actor) {
		return tasks.reportTask(id, text, actor);
	}

	@Override
	public boolean decides(MajorReportView report, SignedInUser user) {
		return access.decides(report, user);
	}

	@Override
	public boolean needsSignOff(MajorReportView report) {
		return jurisdiction.needsSignOff(report);
	}

	@Override
	public boolean signsOff(MajorReportView report, SignedInUser user) {
		return access.signsOff(report, user);
	}
}
