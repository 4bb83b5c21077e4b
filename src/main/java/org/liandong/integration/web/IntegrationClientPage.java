package org.liandong.integration.web;

import org.liandong.agency.Agencies;
import org.liandong.integration.IntegrationClients;
import org.liandong.integration.NewIntegrationClient;
import org.liandong.integration.Scope;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * The system administrator's page of integration clients (issue 20, X5): the list, registration with
 * the secret shown once, revocation. The secret is shown in the answer to the registration itself,
 * never kept for a later page (not even in the session).
 */
@Controller
@RequestMapping("/admin/integration-clients")
@PreAuthorize(Access.SYSTEM_ADMIN)
class IntegrationClientPage {

	private final IntegrationClients clients;
	private final Agencies agencies;

	IntegrationClientPage(IntegrationClients clients, Agencies agencies) {
		this.clients = clients;
		this.agencies = agencies;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("client")) {
			model.addAttribute("client", new NewIntegrationClient("", "", null));
		}
		model.addAttribute("clients", clients.list());
		model.addAttribute("allAgencies", agencies.all());
		model.addAttribute("scopes", Scope.values());
		return "integration/clients";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("client") NewIntegrationClient client, BindingResult errors,
			@AuthenticationPrincipal SignedInUser admin, Model model, HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				model.addAttribute("registration", clients.register(client, admin));
				// the secret is on this answer alone: no cache may keep it
				response.setHeader("Cache-Control", "no-store");
				return "integration/client-registered";
			}
			catch (DomainException refused) {
				errors.reject(refused.shownOnPage().code(), refused.getMessage());
			}
		}
		return list(model);
	}

	@PostMapping("/{id}/revoke")
	@RefusalShownOn("/admin/integration-clients")
	String revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "已吊销接入客户端“%s”：不再签发令牌，已签发的令牌一律拒绝"
			.formatted(clients.revoke(id, admin).name()));
		return "redirect:/admin/integration-clients";
	}
}
