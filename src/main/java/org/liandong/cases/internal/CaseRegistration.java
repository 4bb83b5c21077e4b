package org.liandong.cases.internal;

import static org.liandong.cases.internal.CaseRecords.agenciesOn;
import static org.liandong.cases.internal.CaseRecords.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionSummary;
import org.liandong.cases.CaseRegistered;
import org.liandong.cases.CaseView;
import org.liandong.cases.HostProposal;
import org.liandong.cases.NewCase;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.liandong.platform.ResidentIdNumber;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Registering a case (R2.1) with its host (R2.2): the next case number of the registering agency,
 * the party checked (an enterprise's USCC, a person's ID-card number SM4-encrypted and masked), the
 * host the territorial principle proposes or another one with a reason, both on the timeline. Runs
 * in the facade's transaction, which holds the case number until it commits.
 */
@Component
record CaseRegistration(CaseRecords records, CaseRepository cases, CaseNumbers numbers, CaseTimeline timeline,
		CaseAccess grants, TerritorialHosting hosting, Agencies agencies, FieldCipher cipher,
		MajorCaseReportDeadline reportDeadline, ApplicationEventPublisher events, Clock clock) {

	CaseView register(NewCase request, SignedInUser registrar) {
		Editor editor = Editor.of(registrar);
		PartyFacts party = party(request);
		DivisionSummary place = agencies.division(request.divisionCode())
			.orElseThrow(() -> DomainException.invalid("unknown-division",
					"案件发生地的行政区划代码 %s 不存在".formatted(request.divisionCode())));
		HostProposal proposal = hosting.propose(place.code(), request.supervisionLevel());
		AgencySummary host = host(request, proposal);
		List<String> assisting = records.knownAgencies(request.participantCodes(), "协办单位");
		AgencySummary registering = agencies.find(registrar.agencyCode()).orElseThrow();
		Instant now = clock.instant();
		int year = now.atZone(ChineseTime.ZONE).getYear();
		int seq = numbers.next(registering.code(), year);
		String number = CaseNumbers.format(registering.shortName(), year, seq);
		boolean overridden = !host.code().equals(proposal.agencyCode());
		EnforcementCase registered = cases.save(EnforcementCase.register(new EnforcementCase.Registration(
				number, registering.code(), year, seq, request.partyKind(), request.partyName().trim(), party.uscc(),
				cipher.encrypt(party.idNumber(), idContext(number)), party.idMasked(),
				cipher.keyedHash(party.idNumber(), PartyLinkage.ID_HASH_PURPOSE),
				request.supervisionLevel(), place.code(), request.violationType().trim(), request.severity(),
				blankToNull(request.summary()), request.occurredOn(), host.code(), proposal.agencyCode(),
				overridden ? request.hostOverrideReason().trim() : null), assisting, editor, now));
		long id = registered.id();
		grants.grantFull(registered, agenciesOn(registered));
		timeline.append(id, editor, "REGISTERED", "立案登记，案号 %s（%s）".formatted(registered.number(),
				request.severity().label()), now);
		timeline.append(id, editor, overridden ? "HOST_OVERRIDDEN" : "HOST_CONFIRMED", overridden
				? "%s。登记人改由%s主办，理由：%s".formatted(proposal.reasoning(), host.name(), registered.hostOverrideReason())
				: "%s；登记人确认".formatted(proposal.reasoning()), now);
		events.publishEvent(new CaseRegistered(id, registered.number(), host.code(), request.severity()));
		reportDeadline.severitySet(registered, Severity.GENERAL, now);
		return records.view(registered, CaseView.Access.FULL, registrar);
	}

	/** Where a party's ID number is sealed (issue 19): bound to the case by its number. */
	static String idContext(String caseNumber) {
		return "enforcement_case.party_id_cipher:" + caseNumber;
	}

	private PartyFacts party(NewCase request) {
		if (request.partyKind() == PartyKind.ENTERPRISE) {
			if (request.partyUscc() == null || request.partyUscc().isBlank()) {
				throw DomainException.invalid("missing-uscc", "当事人为企业或其他组织时，请填写统一社会信用代码");
			}
			return new PartyFacts(UnifiedSocialCreditCode.of(request.partyUscc()).value(), null, null);
		}
		if (request.partyIdNumber() == null || request.partyIdNumber().isBlank()) {
			throw DomainException.invalid("missing-id-number", "当事人为个人时，请填写公民身份号码");
		}
		ResidentIdNumber id = ResidentIdNumber.of(request.partyIdNumber());
		return new PartyFacts(null, id.value(), id.masked());
	}

	private AgencySummary host(NewCase request, HostProposal proposal) {
		String wanted = blankToNull(request.hostAgencyCode());
		if (wanted == null) {
			if (!proposal.found()) {
				throw DomainException.invalid("no-host", proposal.reasoning());
			}
			return agencies.find(proposal.agencyCode()).orElseThrow();
		}
		AgencySummary host = agencies.find(wanted)
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "主办机构 %s 不存在".formatted(wanted)));
		if (host.kind() == AgencyKind.EXTERNAL_DEPARTMENT) {
			throw DomainException.invalid("host-not-emergency", "主办机构须为应急管理部门，“%s”是其他部门".formatted(host.name()));
		}
		if (!host.code().equals(proposal.agencyCode()) && blankToNull(request.hostOverrideReason()) == null) {
			throw DomainException.invalid("override-needs-reason", proposal.found()
					? "按属地原则应由%s主办；改由%s主办时，请说明理由".formatted(proposal.agencyName(), host.name())
					: proposal.reasoning());
		}
		return host;
	}

	private record PartyFacts(String uscc, String idNumber, String idMasked) {
	}
}
