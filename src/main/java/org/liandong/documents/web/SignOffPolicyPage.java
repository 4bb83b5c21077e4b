package org.liandong.documents.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.documents.Approval;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.SignOffPolicies;
import org.liandong.documents.SignOffPolicies.SignOffPolicy;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator's page of which bureaus' letters need their leader's sign-off (issue 23, N2). */
@Controller
@PreAuthorize(Access.SYSTEM_ADMIN)
class SignOffPolicyPage {

	/** The agencies that send letters in their own name and have leaders to sign them off. */
	private static final Set<AgencyKind> ISSUING = Set.of(AgencyKind.CITY_BUREAU, AgencyKind.COUNTY_BUREAU,
			AgencyKind.LEGAL_OFFICE, AgencyKind.ENFORCEMENT_DETACHMENT);

	private final SignOffPolicies policies;
	private final Agencies agencies;

	SignOffPolicyPage(SignOffPolicies policies, Agencies agencies) {
		this.policies = policies;
		this.agencies = agencies;
	}

	@GetMapping("/admin/sign-off-policies")
	String page(Model model) {
		model.addAttribute("rows", agencies.all().stream()
			.filter(a -> ISSUING.contains(a.kind()))
			.map(a -> new Row(a.code(), a.name(), policies.of(a.code()).stream()
				.collect(Collectors.toMap(SignOffPolicy::kind, Function.identity()))))
			.toList());
		model.addAttribute("kinds", SignOffPolicies.SIGNABLE);
		model.addAttribute("approvals", Approval.values());
		return "documents/sign-off-policies";
	}

	/** One choice per kind, named by the kind: none, the leader's sign-off, or review and sign-off. */
	@PostMapping("/admin/sign-off-policies/{agencyCode}")
	String save(@AuthenticationPrincipal SignedInUser administrator, @PathVariable String agencyCode,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		// the kinds the agency issues: a county bureau has no designation notices to sign off
		policies.of(agencyCode).forEach(p -> policies.set(agencyCode, p.kind(), approval(form.get(p.kind().name())),
				administrator));
		redirect.addFlashAttribute("notice", "已保存%s的签发设置。".formatted(agencies.find(agencyCode).map(a -> a.name())
			.orElse(agencyCode)));
		return "redirect:/admin/sign-off-policies";
	}

	private static Approval approval(String chosen) {
		return Arrays.stream(Approval.values()).filter(a -> a.name().equals(chosen)).findFirst().orElse(null);
	}

	/** An agency's policies by kind; a kind it does not issue has none. */
	record Row(String agencyCode, String agencyName, Map<DocumentKind, SignOffPolicy> policies) {
	}
}
