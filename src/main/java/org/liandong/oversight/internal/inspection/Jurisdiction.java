package org.liandong.oversight.internal.inspection;

import java.util.HashMap;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Who oversees whom: a county bureau belongs to the city bureau above it; the city bureau's leaders
 * and its enforcement detachment inspect the county bureaus of their city (R8.1, R2.6).
 */
@Component
record Jurisdiction(Agencies agencies) {

	/** The city bureau an agency belongs to: itself for the city bureau, its parent otherwise. */
	String cityOf(String agencyCode) {
		AgencySummary agency = agency(agencyCode);
		return agency.cityCode();
	}

	boolean cityLevel(SignedInUser user) {
		return agencies.isCityLevel(user.agencyCode());
	}

	/** The city level sees everything of its own city. */
	boolean oversees(SignedInUser user, String cityAgencyCode) {
		return cityLevel(user) && cityOf(user.agencyCode()).equals(cityAgencyCode);
	}

	/** The city bureau's leaders and enforcement detachment inspect and plan campaigns. */
	void requireInspector(SignedInUser user) {
		if (!cityLevel(user) || !(user.hasRole("LEADER") || user.hasRole("DETACHMENT_OFFICER"))) {
			throw DomainException.forbidden("not-city-inspector", "只有市局领导和执法支队人员可以开展督导检查、组织互查");
		}
	}

	/** A county bureau of the city, or a refusal naming what was chosen instead. */
	AgencySummary countyBureau(String code, String city) {
		AgencySummary bureau = code == null ? null : agencies.find(code.trim()).orElse(null);
		if (bureau == null) {
			throw DomainException.invalid("unknown-agency", "单位 %s 不存在".formatted(code));
		}
		if (bureau.kind() != AgencyKind.COUNTY_BUREAU || !city.equals(bureau.parentCode())) {
			throw DomainException.invalid("not-a-county-bureau",
					"%s不是本市的县（市、区）应急管理局，不能作为检查对象".formatted(bureau.name()));
		}
		return bureau;
	}

	AgencySummary agency(String code) {
		return agencies.find(code)
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "单位 %s 不存在".formatted(code)));
	}

	Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}
}
