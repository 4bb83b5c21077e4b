package org.liandong.oversight;

import java.util.List;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * Accountability (R7.2): the city bureau (its leaders and enforcement detachment) opens a record
 * against a unit of its city with the facts and the unit's conduct records, then decides it once
 * with measures and a deduction for the year-end evaluation. The unit is told at both steps and
 * sees its own records; other units do not learn of them.
 */
public interface Accountability {

	AccountabilityView open(@Valid NewAccountabilityRecord record, SignedInUser opener);

	AccountabilityView decide(long id, @Valid AccountabilityDecision decision, SignedInUser decider);

	/** Records the reader may see, newest first; {@code state} {@code null} for all. */
	Page<AccountabilityView> list(AccountabilityState state, SignedInUser reader, Pageable pageable);

	AccountabilityView find(long id, SignedInUser reader);

	/** The conduct records of a unit of the reader's city, newest first, to link to a record. */
	List<AccountabilityView.Conduct> conductOf(String agencyCode, SignedInUser opener);

	/** Every decided record of the units of a city decided in the year (Beijing time), for the year-end evaluation (R8.2). */
	List<Deduction> deductions(String cityAgencyCode, int year);
}
