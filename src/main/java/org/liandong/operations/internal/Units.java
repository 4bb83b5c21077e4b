package org.liandong.operations.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionSummary;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * The organisation as operations need it (R1.1, R1.2, X2): who may organise, which agencies may take
 * part, which divisions lie in a city, and whose jurisdiction a division is.
 */
@Component
record Units(Agencies agencies) {

	static final String ORGANISERS = "只有市局执法支队、法制机构或县（市、区）应急管理局的执法人员可以组织联合执法行动";

	/** X2 as the issue states it: the city's detachment or legal office, or a county bureau's enforcer. */
	AgencySummary requireOrganiser(SignedInUser user) {
		AgencySummary agency = agency(user.agencyCode());
		boolean cityOffice = (agency.kind() == AgencyKind.ENFORCEMENT_DETACHMENT && user.hasRole("DETACHMENT_OFFICER"))
				|| (agency.kind() == AgencyKind.LEGAL_OFFICE && user.hasRole("LEGAL_OFFICER"));
		boolean countyEnforcer = agency.kind() == AgencyKind.COUNTY_BUREAU && user.hasRole("ENFORCER");
		if (!cityOffice && !countyEnforcer) {
			throw DomainException.forbidden("not-an-organiser", ORGANISERS);
		}
		return agency;
	}

	/** A unit that may take part: an agency of the organiser's city, or a registered department. */
	AgencySummary participant(String code, String city) {
		AgencySummary agency = agencies.find(code.trim())
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "参加单位 %s 不存在".formatted(code.trim())));
		if (agency.kind() != AgencyKind.EXTERNAL_DEPARTMENT && !agency.cityCode().equals(city)) {
			throw DomainException.invalid("agency-of-another-city", "%s不属于本市，不能参加本市组织的联合执法行动".formatted(agency.name()));
		}
		return agency;
	}

	/** A division of the city, named by its code. */
	DivisionSummary divisionOfCity(String code, String cityDivision) {
		DivisionSummary division = agencies.division(code.trim())
			.orElseThrow(() -> DomainException.invalid("unknown-division", "行政区划 %s 不存在".formatted(code.trim())));
		if (path(division.code()).stream().noneMatch(cityDivision::equals)) {
			throw DomainException.invalid("division-of-another-city", "%s不在本市范围内".formatted(division.name()));
		}
		return division;
	}

	/** The divisions of the area and every division below them, as codes. */
	List<String> divisionsWithin(List<String> area) {
		return agencies.divisions().stream().map(DivisionSummary::code)
			.filter(code -> path(code).stream().anyMatch(area::contains))
			.toList();
	}

	/** The division's code and those of its ancestors, nearest first. */
	List<String> path(String divisionCode) {
		return agencies.divisionPath(divisionCode).stream().map(DivisionSummary::code).toList();
	}

	/**
	 * Whether an emergency-management unit of the operation supervises the division: a county bureau
	 * its own county, the city level the whole city. Departments of other trades do not host work-safety
	 * cases, so they do not count.
	 */
	boolean covered(String divisionCode, List<String> unitCodes) {
		List<String> path = path(divisionCode);
		return unitCodes.stream().map(agencies::find).flatMap(java.util.Optional::stream)
			.filter(a -> a.kind() != AgencyKind.EXTERNAL_DEPARTMENT)
			.anyMatch(a -> path.contains(a.divisionCode()));
	}

	boolean cityLevel(SignedInUser user) {
		return agencies.isCityLevel(user.agencyCode());
	}

	String cityOf(String agencyCode) {
		return agency(agencyCode).cityCode();
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

	Map<String, String> divisionNames() {
		Map<String, String> names = new HashMap<>();
		agencies.divisions().forEach(d -> names.put(d.code(), d.name()));
		return names;
	}
}
