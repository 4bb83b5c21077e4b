package org.liandong.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An operation with its units, area, targets and teams, as its units and the city see it. */
public record JointOperationView(long id, String theme, String legalBasis, LocalDate startsOn, LocalDate endsOn,
		JointOperationState state, String stateLabel, String cityAgencyCode, String organiserAgencyCode,
		String organiserName, String leadAgencyCode, String leadAgencyName, List<Division> divisions, List<Unit> units,
		List<Target> targets, List<Team> teams, Long summaryDocumentId, String summaryNumber, String createdByName,
		Instant createdAt, long version) {

	public record Division(String code, String name) {
	}

	/** A unit of the operation; {@code people} empty until it confirms. */
	public record Unit(String agencyCode, String agencyName, String role, boolean lead, List<String> people,
			Instant confirmedAt, String confirmedByName) {

		public boolean confirmed() {
			return confirmedAt != null;
		}
	}

	/**
	 * An enterprise to inspect.
	 *
	 * @param outsideJurisdiction no unit of the operation supervises its division: it is referred to the
	 *        competent bureau rather than inspected
	 * @param referredTo the competent bureau it was referred to, null while it was not
	 */
	public record Target(long id, String uscc, String name, String divisionCode, String divisionName, String source,
			Long teamId, String teamName, Long recordId, boolean outsideJurisdiction, String referredTo) {

		public boolean inspected() {
			return recordId != null;
		}
	}

	public record Team(long id, String name, String leadAgencyCode, String leadAgencyName, LocalDate inspectFrom,
			LocalDate inspectTo, List<Member> members, int targets, int inspected) {
	}

	public record Member(String agencyCode, String agencyName, String name) {
	}
}
