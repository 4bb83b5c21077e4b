package org.liandong.cases.internal;

import org.liandong.cases.PartyCheck;
import org.liandong.cases.PartyElsewhere;
import org.liandong.cases.PartyInSeveralBureaus;

import java.util.List;
import java.util.Map;

import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseChange;
import org.liandong.cases.CaseFilter;
import org.liandong.cases.CaseSummary;
import org.liandong.cases.CaseView;
import org.liandong.cases.CaseView.NotificationView;
import org.liandong.cases.Cases;
import org.liandong.cases.HostProposal;
import org.liandong.cases.NewCase;
import org.liandong.cases.NewNotification;
import org.liandong.cases.ParticipantRole;
import org.liandong.cases.SupervisionLevel;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The case register, its visibility rules and notifications. The module's facade: validates, opens
 * the transaction of each call (or joins the caller's) and hands it to the use case, which runs in
 * it.
 */
@Service
@Validated
@Transactional
class CaseService implements Cases {

	private final TerritorialHosting hosting;
	private final CaseRegistration registration;
	private final CaseReading reading;
	private final CaseEditing editing;
	private final CaseNotification notification;
	private final CaseParticipation participation;
	private final PartyLinkage linkage;

	CaseService(TerritorialHosting hosting, CaseRegistration registration, CaseReading reading, CaseEditing editing,
			CaseNotification notification, CaseParticipation participation, PartyLinkage linkage) {
		this.linkage = linkage;
		this.hosting = hosting;
		this.registration = registration;
		this.reading = reading;
		this.editing = editing;
		this.notification = notification;
		this.participation = participation;
	}

	@Override
	@Transactional(readOnly = true)
	public HostProposal proposeHost(String divisionCode, SupervisionLevel level) {
		return hosting.propose(divisionCode, level);
	}

	@Override
	public CaseView register(NewCase request, SignedInUser registrar) {
		return registration.register(request, registrar);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<CaseSummary> list(CaseFilter filter, SignedInUser reader, Pageable pageable) {
		return reading.list(filter, reader, pageable);
	}

	@Override
	public CaseView find(long id, SignedInUser reader) {
		return reading.find(id, reader);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaseSummary> openEnterpriseCases(List<String> divisionCodes, SignedInUser reader, int limit) {
		return reading.openEnterpriseCases(divisionCodes, reader, limit);
	}

	@Override
	public CaseView change(long id, CaseChange change, SignedInUser editor) {
		return editing.change(id, change, editor);
	}

	@Override
	public List<NotificationView> notify(long id, NewNotification notification, SignedInUser sender) {
		return this.notification.notify(id, notification, sender);
	}

	@Override
	@Transactional(readOnly = true)
	public PartyElsewhere partyElsewhere(long id, SignedInUser reader) {
		return linkage.ofCase(id, reader);
	}

	@Override
	public PartyElsewhere checkParty(PartyCheck check, SignedInUser checker) {
		return linkage.check(check, checker);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<PartyInSeveralBureaus> partiesInSeveralBureaus(SignedInUser reader, Pageable pageable) {
		return linkage.inSeveralBureaus(reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public CaseBrief brief(long id, SignedInUser reader) {
		return reading.brief(id, reader);
	}

	@Override
	public void involve(long id, String agencyCode, ParticipantRole role, SignedInUser actor, String why) {
		participation.involve(id, agencyCode, role, actor, why);
	}

	@Override
	public void designate(long id, Map<String, ParticipantRole> roles, SignedInUser designator, String why) {
		participation.designate(id, roles, designator, why);
	}

	@Override
	public void record(long id, SignedInUser actor, String kind, String detail) {
		editing.record(id, actor, kind, detail);
	}
}
