package org.liandong.cases.internal;

import java.util.List;
import java.util.Optional;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionLevel;
import org.liandong.agency.DivisionSummary;
import org.liandong.cases.HostProposal;
import org.liandong.cases.SupervisionLevel;
import org.springframework.stereotype.Component;

/**
 * The territorial principle (R2.2, §二(一)2): a general case is hosted by the enforcement
 * department of the place where it occurred, at the level that supervises the party. A party
 * supervised at county level goes to the county bureau of the place; one supervised at city level
 * goes to the city bureau above the place. The hierarchy is data, so this holds for any city.
 */
@Component
record TerritorialHosting(Agencies agencies) {

	HostProposal propose(String divisionCode, SupervisionLevel level) {
		List<DivisionSummary> path = agencies.divisionPath(divisionCode);
		if (path.isEmpty()) {
			return new HostProposal(null, null, "行政区划代码 %s 不存在".formatted(divisionCode));
		}
		DivisionSummary place = path.get(0);
		Optional<AgencySummary> host = level == SupervisionLevel.COUNTY ? countyBureau(path) : cityBureau(path);
		return host.map(agency -> new HostProposal(agency.code(), agency.name(),
				"案件发生地为%s，当事人由%s，依属地原则由%s主办".formatted(place.name(), level.label(), agency.name())))
			.orElseGet(() -> new HostProposal(null, null,
					"未找到%s对应的%s应急管理部门，请指定主办机构并说明理由".formatted(place.name(),
							level == SupervisionLevel.COUNTY ? "县级" : "市级")));
	}

	/** The county bureau of the place itself (a county, district or functional zone). */
	private Optional<AgencySummary> countyBureau(List<DivisionSummary> path) {
		DivisionSummary place = path.get(0);
		if (place.level() == DivisionLevel.CITY || place.level() == DivisionLevel.PROVINCE) {
			return Optional.empty();
		}
		return agencies.agencyFor(place.code(), AgencyKind.COUNTY_BUREAU);
	}

	/** The city bureau of the nearest city-level division at or above the place. */
	private Optional<AgencySummary> cityBureau(List<DivisionSummary> path) {
		return path.stream()
			.filter(division -> division.level() == DivisionLevel.CITY)
			.findFirst()
			.flatMap(city -> agencies.agencyFor(city.code(), AgencyKind.CITY_BUREAU));
	}
}
