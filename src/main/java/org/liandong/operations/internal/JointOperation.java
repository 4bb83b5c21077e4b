package org.liandong.operations.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.liandong.operations.JointOperationState;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;

/**
 * The facts of an operation its rules are decided on (issue 22): its state, period and units. The
 * guards refuse with the sentence the user reads; changes are written by the use cases after them,
 * under the row lock of {@link OperationRecords#lock}.
 */
record JointOperation(long id, String cityAgencyCode, String organiserAgencyCode, String leadAgencyCode, String theme,
		LocalDate startsOn, LocalDate endsOn, JointOperationState state, long version, List<UnitRow> units) {

	record UnitRow(String agencyCode, String role, List<String> people, boolean confirmed) {
	}

	Optional<UnitRow> unit(String agencyCode) {
		return units.stream().filter(u -> u.agencyCode().equals(agencyCode)).findFirst();
	}

	boolean hasUnit(String agencyCode) {
		return unit(agencyCode).isPresent();
	}

	void requireOpen(String action) {
		if (state != JointOperationState.OPEN) {
			throw DomainException.conflict("operation-concluded", "联合执法行动已结束（总结通报已印发），不能再%s".formatted(action));
		}
	}

	/** The organising unit arranges the operation: targets, teams, the summary. */
	void requireOrganiser(SignedInUser user, String action) {
		if (!organiserAgencyCode.equals(user.agencyCode())) {
			throw DomainException.forbidden("not-organiser", "只有组织单位可以%s".formatted(action));
		}
	}

	boolean within(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}
}
