package org.liandong.agency.internal;

import java.util.Optional;

import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionLevel;
import org.liandong.agency.DivisionSummary;
import org.liandong.platform.DomainException;

/**
 * The shape of the hierarchy (R1.1): provinces hold cities, cities hold counties and functional
 * zones; one city bureau per city with its legal office and enforcement detachment under it; one
 * county bureau per county or zone. External departments (R1.2) may sit at any level.
 */
final class AgencyHierarchy {

	private AgencyHierarchy() {
	}

	static void checkLevel(DivisionLevel level, DivisionSummary parent) {
		DivisionLevel expected = switch (level) {
			case PROVINCE -> null;
			case CITY -> DivisionLevel.PROVINCE;
			case COUNTY, ZONE -> DivisionLevel.CITY;
		};
		if (expected == null && parent != null) {
			throw misplaced("省级区划不能有上级区划");
		}
		if (level == DivisionLevel.CITY && parent != null && parent.level() != expected) {
			throw misplaced("市级区划的上级应为省级区划，“%s”是%s".formatted(parent.name(), parent.levelLabel()));
		}
		if ((level == DivisionLevel.COUNTY || level == DivisionLevel.ZONE)
				&& (parent == null || parent.level() != expected)) {
			throw misplaced("%s的上级应为市级区划".formatted(level.label()));
		}
	}

	static void checkPlace(AgencyKind kind, DivisionSummary division, AgencySummary parent,
			Optional<AgencySummary> sameKindThere) {
		switch (kind) {
			case CITY_BUREAU -> {
				requireLevel(kind, division, DivisionLevel.CITY);
				unique(kind, division, sameKindThere);
			}
			case LEGAL_OFFICE, ENFORCEMENT_DETACHMENT -> {
				requireLevel(kind, division, DivisionLevel.CITY);
				if (parent == null || parent.kind() != AgencyKind.CITY_BUREAU) {
					throw misplaced("%s的上级机构应为市应急管理局".formatted(kind.label()));
				}
				unique(kind, division, sameKindThere);
			}
			case COUNTY_BUREAU -> {
				if (division.level() != DivisionLevel.COUNTY && division.level() != DivisionLevel.ZONE) {
					throw misplaced("县级应急管理局应设在县级区划或功能区，“%s”是%s".formatted(division.name(), division.levelLabel()));
				}
				if (parent != null && parent.kind() != AgencyKind.CITY_BUREAU) {
					throw misplaced("县级应急管理局的上级机构应为市应急管理局");
				}
				unique(kind, division, sameKindThere);
			}
			case EXTERNAL_DEPARTMENT -> {
			}
		}
	}

	private static void requireLevel(AgencyKind kind, DivisionSummary division, DivisionLevel level) {
		if (division.level() != level) {
			throw misplaced("%s应设在%s区划，“%s”是%s".formatted(kind.label(), level.label(), division.name(),
					division.levelLabel()));
		}
	}

	private static void unique(AgencyKind kind, DivisionSummary division, Optional<AgencySummary> existing) {
		existing.ifPresent(agency -> {
			throw DomainException.conflict("duplicate-agency-in-division",
					"%s已有%s“%s”".formatted(division.name(), kind.label(), agency.name()));
		});
	}

	private static DomainException misplaced(String why) {
		return DomainException.invalid("hierarchy-violation", why);
	}
}
