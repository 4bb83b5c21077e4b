package org.liandong.oversight;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The obligation ledger (R7.1): every obligation of every module, fed by the modules' events
 * ({@code platform.ObligationDue}, {@code ObligationSettled}, {@code MissedDeadline}); reminded
 * before its due instant and escalated to the city bureau when missed, each exactly once. A county
 * bureau sees its own obligations; the city level sees those of its city.
 */
public interface Obligations {

	Page<ObligationView> list(ObligationFilter filter, SignedInUser reader, Pageable pageable);

	ObligationView find(long id, SignedInUser reader);

	/** The reader's open obligations (a county bureau's own, the city level's city), for the home page. */
	OpenObligations open(SignedInUser reader);

	/** The dashboard of one bureau, or (agencyCode null, city level only) of the whole city. */
	Dashboard dashboard(String agencyCode, SignedInUser reader);
}
