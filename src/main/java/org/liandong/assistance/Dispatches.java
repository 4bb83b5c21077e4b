package org.liandong.assistance;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * Unified command (R2.7): the city bureau's leaders and enforcement detachment direct any bureau
 * to act on a case by a date, with a formal notice; the bureau reports what it did, the city
 * bureau closes the dispatch. Tracked like an assistance request, overdue included.
 */
public interface Dispatches {

	/**
	 * Issues the dispatch; where the city's dispatch notices need its leader's sign-off (issue 23), one
	 * drafted by the detachment waits for it ({@link DispatchState#AWAITING_SIGN_OFF}), unsent, while a
	 * leader's own dispatch is signed off by issuing it.
	 */
	DispatchView issue(@Valid NewDispatch dispatch, SignedInUser issuer);

	/** A leader of the city bureau signs the notice off: numbered, sealed and sent by this act. */
	DispatchView signOff(long id, Long version, SignedInUser leader);

	/** A leader of the city bureau sends the draft back with comments: it is never sent. */
	DispatchView sendBack(long id, String comments, Long version, SignedInUser leader);

	/** All dispatches for the city bureau and its offices, a bureau's own for a bureau. */
	Page<DispatchView> list(DispatchState state, SignedInUser reader, Pageable pageable);

	DispatchView find(long id, SignedInUser reader);

	DispatchView report(long id, String report, Long version, SignedInUser actor);

	DispatchView close(long id, Long version, SignedInUser actor);
}
