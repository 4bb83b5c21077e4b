package org.liandong.oversight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.oversight.Dashboard;
import org.liandong.oversight.Dashboard.BureauRow;
import org.liandong.oversight.Obligations;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The oversight dashboard and the obligation ledger's pages (R7.1). */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class DashboardPages {

	private final Obligations obligations;
	private final Agencies agencies;
	private final ScoreboardCard scoreboard;
	private final Clock clock;

	DashboardPages(Obligations obligations, Agencies agencies, ScoreboardCard scoreboard, Clock clock) {
		this.obligations = obligations;
		this.agencies = agencies;
		this.scoreboard = scoreboard;
		this.clock = clock;
	}

	@GetMapping("/oversight")
	String dashboard(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) String agency,
			Model model) {
		Dashboard dashboard = obligations.dashboard(agency, reader);
		model.addAttribute("d", dashboard);
		model.addAttribute("cityLevel", agencies.isCityLevel(reader.agencyCode()));
		scoreboard.addTo(model, clock.instant().atZone(ChineseTime.ZONE).getYear(), dashboard.bureaus().stream()
			.collect(Collectors.toMap(BureauRow::agencyCode, BureauRow::agencyName, (a, b) -> a, LinkedHashMap::new)));
		return "oversight/dashboard";
	}

	/** The home page's first card, loaded by htmx: the reader's open obligations and their clocks. */
	@GetMapping("/oversight/panel")
	String panel(@AuthenticationPrincipal SignedInUser reader, Model model) {
		model.addAttribute("d", obligations.open(reader));
		return "oversight/panel :: panel";
	}

	@GetMapping("/oversight/obligations")
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String obligation,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) LocalDate dueFrom,
			@RequestParam(required = false) LocalDate dueTo, @PageableDefault(size = 20) Pageable pageable, Model model) {
		try {
			model.addAttribute("page", obligations.list(
					ObligationApiController.filter(owner, subjectType, obligation, outcome, dueFrom, dueTo), reader, pageable));
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
			model.addAttribute("page", obligations.list(ObligationApiController.filter(owner, null, null, null, null, null),
					reader, pageable));
		}
		model.addAttribute("now", clock.instant());
		model.addAttribute("owner", owner);
		model.addAttribute("subjectType", subjectType);
		model.addAttribute("obligation", obligation);
		model.addAttribute("outcome", outcome);
		model.addAttribute("dueFrom", dueFrom);
		model.addAttribute("dueTo", dueTo);
		model.addAttribute("cityLevel", agencies.isCityLevel(reader.agencyCode()));
		String city = agencies.find(reader.agencyCode()).map(AgencySummary::cityCode).orElse("");
		model.addAttribute("bureaus", agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU && a.cityCode().equals(city)).toList());
		return "oversight/obligations";
	}

}
