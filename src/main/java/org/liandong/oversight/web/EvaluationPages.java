package org.liandong.oversight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.SignOffPolicies;
import org.liandong.oversight.Evaluation;
import org.liandong.oversight.Evaluation.BureauScore;
import org.liandong.oversight.Evaluations;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The year-end evaluation page (R8.2): ranking, every point's records, Excel and the official report. */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class EvaluationPages {

	private final Evaluations evaluations;
	private final Agencies agencies;
	private final ScoreboardCard scoreboard;
	private final SignOffPolicies signOffPolicies;
	private final Clock clock;

	EvaluationPages(Evaluations evaluations, Agencies agencies, ScoreboardCard scoreboard,
			SignOffPolicies signOffPolicies, Clock clock) {
		this.evaluations = evaluations;
		this.signOffPolicies = signOffPolicies;
		this.agencies = agencies;
		this.scoreboard = scoreboard;
		this.clock = clock;
	}

	@GetMapping("/oversight/evaluations")
	String evaluation(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) Integer year,
			Model model) {
		LocalDate today = clock.instant().atZone(ChineseTime.ZONE).toLocalDate();
		// early in a year the year just ended is what people evaluate; later, the running one
		int shown = year != null ? year : today.getMonthValue() <= 2 ? today.getYear() - 1 : today.getYear();
		try {
			Evaluation e = evaluations.evaluate(shown, reader);
			model.addAttribute("e", e);
			model.addAttribute("reportSignOffNeeded", signOffPolicies.required(e.cityAgencyCode(),
					DocumentKind.EVALUATION_REPORT));
			scoreboard.addTo(model, shown, e.ranking().stream()
				.collect(Collectors.toMap(BureauScore::agencyCode, BureauScore::agencyName, (a, b) -> a, LinkedHashMap::new)));
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
		}
		model.addAttribute("year", shown);
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(today.getYear() - 4, today.getYear()).boxed()
			.sorted(java.util.Comparator.reverseOrder()).toList());
		model.addAttribute("issuer", agencies.isCityLevel(reader.agencyCode())
				&& (reader.hasRole("LEADER") || reader.hasRole("DETACHMENT_OFFICER")));
		model.addAttribute("leader", agencies.isCityLevel(reader.agencyCode()) && reader.hasRole("LEADER"));
		return "oversight/evaluation";
	}

	@GetMapping("/oversight/evaluations/{year}/export.xlsx")
	ResponseEntity<byte[]> excel(@AuthenticationPrincipal SignedInUser reader, @PathVariable int year) {
		return EvaluationApiController.excel(evaluations.excel(year, reader), year);
	}

	@PostMapping("/oversight/evaluations/{year}/report")
	@RefusalShownOn("/oversight/evaluations?year={year}")
	String report(@AuthenticationPrincipal SignedInUser issuer, @PathVariable int year, RedirectAttributes redirect) {
		Evaluation done = evaluations.issueReport(year, issuer);
		redirect.addFlashAttribute("notice", done.reportDocumentId() == null
				? "%d 年度考评结果通报已送市局领导签发".formatted(year) : "%d 年度考评结果通报已印发".formatted(year));
		return "redirect:/oversight/evaluations?year=" + year;
	}

	@PostMapping("/oversight/evaluations/{year}/report/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/oversight/evaluations?year={year}")
	String sendBackReport(@AuthenticationPrincipal SignedInUser leader, @PathVariable int year,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		evaluations.sendBackReport(year, text, leader);
		redirect.addFlashAttribute("notice", "%d 年度考评结果通报已退回，未印发".formatted(year));
		return "redirect:/oversight/evaluations?year=" + year;
	}
}
