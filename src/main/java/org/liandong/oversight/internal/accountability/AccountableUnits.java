package org.liandong.oversight.internal.accountability;

import java.util.HashMap;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Who holds whom to account (R7.2): the city bureau's leaders and enforcement detachment, over the
 * county bureaus and the offices of their own city, never over the city bureau itself or another
 * department.
 */
@Component
record AccountableUnits(Agencies agencies) {

	void requireOverseer(SignedInUser user) {
		if (!cityLevel(user) || !(user.hasRole("LEADER") || user.hasRole("DETACHMENT_OFFICER"))) {
			throw DomainException.forbidden("not-city-overseer", "只有市局领导和执法支队人员可以立案问责、作出问责决定");
		}
	}

	/** A unit of the city that may be held to account, or the reason it may not. */
	AgencySummary unit(String code, String city) {
		if (code == null || code.isBlank()) {
			throw DomainException.invalid("unit-required", "请选择被问责单位");
		}
		AgencySummary unit = agencies.find(code.trim())
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "单位 %s 不存在".formatted(code)));
		if (unit.kind() == AgencyKind.EXTERNAL_DEPARTMENT || unit.kind() == AgencyKind.CITY_BUREAU
				|| !city.equals(cityOf(unit.code()))) {
			throw DomainException.invalid("not-accountable-unit",
					"%s不是本市局可以问责的单位（本市的县（市、区）应急管理局或市局内设机构）".formatted(unit.name()));
		}
		return unit;
	}

	/** The city bureau an agency belongs to: itself for the city bureau, its parent otherwise. */
	String cityOf(String agencyCode) {
		AgencySummary agency = agencies.find(agencyCode).orElseThrow();
		return agency.cityCode();
	}

	boolean cityLevel(SignedInUser user) {
		return agencies.isCityLevel(user.agencyCode());
	}

	/** The city level of the record's city sees it; so does the unit. */
	boolean mayRead(SignedInUser reader, String city, String unit) {
		return reader.agencyCode().equals(unit) || cityLevel(reader) && cityOf(reader.agencyCode()).equals(city);
	}

	Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}
}
