package org.liandong.assistance.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.stereotype.Component;

/** The agency questions this module asks: names, the city level, the city bureau above a bureau. */
@Component
record AgencyDirectory(Agencies agencies) {

	boolean cityLevel(SignedInUser reader) {
		return agencies.isCityLevel(reader.agencyCode());
	}

	String name(String code) {
		return agencies.find(code).map(AgencySummary::name).orElse(code);
	}

	Map<String, String> names() {
		return agencies.all().stream().collect(Collectors.toMap(AgencySummary::code, AgencySummary::name));
	}

	/** An emergency-management agency (not another department) by code, or a Chinese refusal naming {@code what}. */
	AgencySummary emergencyAgency(String code, String what) {
		String wanted = code == null ? "" : code.trim();
		AgencySummary agency = agencies.find(wanted)
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "%s %s 不存在".formatted(what, wanted)));
		if (agency.kind() == AgencyKind.EXTERNAL_DEPARTMENT) {
			throw DomainException.invalid("not-emergency-agency",
					"%s须为应急管理部门，“%s”是其他部门，请通过行政协议联系".formatted(what, agency.name()));
		}
		return agency;
	}

	/** Where a city's major-case reports go: its legal office, or the city bureau itself if it has none. */
	List<String> legalOfficesOf(String cityCode) {
		List<String> offices = agencies.all().stream()
			.filter(agency -> agency.kind() == AgencyKind.LEGAL_OFFICE && cityCode.equals(agency.parentCode()))
			.map(AgencySummary::code)
			.toList();
		return offices.isEmpty() ? List.of(cityCode) : offices;
	}

	/** The city bureau an agency belongs to: itself, or its parent for the city's offices and the counties. */
	String cityOf(String agencyCode) {
		AgencySummary agency = agencies.find(agencyCode).orElseThrow();
		return agency.cityCode();
	}
}
