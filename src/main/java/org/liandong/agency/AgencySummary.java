package org.liandong.agency;

/** An agency as other modules and API clients see it. */
public record AgencySummary(String code, String name, String shortName, AgencyKind kind, String kindLabel,
		String divisionCode, String divisionName, String parentCode) {
}
