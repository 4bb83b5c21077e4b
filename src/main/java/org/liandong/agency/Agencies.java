package org.liandong.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * The agency hierarchy (R1.1, R1.2): divisions and the agencies keyed to them. Input is validated
 * here, at the module's edge, whoever the caller is.
 */
public interface Agencies {

	Page<AgencySummary> list(String keyword, AgencyKind kind, Pageable pageable);

	/** Every agency, for choosing one in a form; the hierarchy of a province is a few hundred rows. */
	List<AgencySummary> all();

	Optional<AgencySummary> find(String code);

	/**
	 * Whether the agency acts at city level (the city bureau, its legal office or detachment): what
	 * decides whether a reader sees the whole city's records (X2). False for an unknown code.
	 */
	boolean isCityLevel(String code);

	AgencySummary register(@Valid NewAgency agency);

	List<DivisionSummary> divisions();

	Optional<DivisionSummary> division(String code);

	/** The division and its ancestors, nearest first (a county, then its city, then its province). */
	List<DivisionSummary> divisionPath(String code);

	/** The agency of the given kind keyed to exactly this division, e.g. the county bureau of 410402. */
	Optional<AgencySummary> agencyFor(String divisionCode, AgencyKind kind);

	DivisionSummary registerDivision(@Valid NewDivision division);
}
