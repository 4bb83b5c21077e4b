package org.liandong.agency;

/** An agency as other modules and API clients see it. */
public record AgencySummary(String code, String name, String shortName, AgencyKind kind, String kindLabel,
		String divisionCode, String divisionName, String parentCode) {

	/** The city bureau this agency belongs to: itself, or its parent for the city's offices and the counties. */
	public String cityCode() {
		return kind == AgencyKind.CITY_BUREAU || parentCode == null ? code : parentCode;
	}
}
