package org.liandong.assistance.web;

import java.time.LocalDate;

import org.liandong.agency.Agencies;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The collaboration panel of a case page, loaded into it by htmx (the cases module does not know
 * this one): the case's assistance requests, and the forms to request assistance, report the
 * case as major and, for the city bureau, dispatch a bureau.
 */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class CaseCollaborationPanel {

	private final AssistanceRequests requests;
	private final Cases cases;
	private final Agencies agencies;

	CaseCollaborationPanel(AssistanceRequests requests, Cases cases, Agencies agencies) {
		this.requests = requests;
		this.cases = cases;
		this.agencies = agencies;
	}

	@GetMapping("/assistance/case/{caseId}")
	String panel(@AuthenticationPrincipal SignedInUser reader, @PathVariable long caseId, Model model) {
		CaseBrief about = cases.brief(caseId, reader);
		boolean party = about.access() == CaseView.Access.FULL;
		boolean officer = reader.hasRole("ENFORCER") || reader.hasRole("DETACHMENT_OFFICER");
		boolean city = agencies.isCityLevel(reader.agencyCode());
		model.addAttribute("about", about);
		model.addAttribute("requests", party ? requests.forCase(caseId, reader) : java.util.List.of());
		model.addAttribute("mayRequest", party && officer);
		model.addAttribute("mayReport", party && officer);
		model.addAttribute("mayDispatch", city && (reader.hasRole("LEADER") || reader.hasRole("DETACHMENT_OFFICER")));
		model.addAttribute("bureaus", AssistancePages.emergencyAgencies(agencies).stream()
			.filter(a -> !a.kind().isCityLevel())
			.toList());
		model.addAttribute("defaultDue", LocalDate.now(ChineseTime.ZONE).plusDays(7));
		return "assistance/case-panel :: panel";
	}
}
