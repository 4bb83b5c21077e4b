package org.liandong.credit;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * The serious-dishonesty list (R4.2), following the procedure of the safety-production list: a
 * proposal from a major case is served on the party as a written notice; after the defence period
 * (or the party's statement) the city bureau decides; a listed party is published for a period,
 * after a minimum of which it may be repaired; at the end it expires. Every step is a formal
 * document. Entries leave the public list but never the history.
 */
public interface CreditList {

	CreditEntryView propose(@Valid Proposal proposal, SignedInUser proposer);

	CreditEntryView recordDefence(long id, String statement, SignedInUser actor);

	/** The city bureau's decision: list (publish) or not, with its reasons. */
	CreditEntryView decide(long id, boolean list, String reason, SignedInUser legalOfficer);

	CreditEntryView repair(long id, String reason, SignedInUser legalOfficer);

	CreditEntryView find(long id, SignedInUser reader);

	/** Whether the user may record the defence, decide and repair: a legal officer of the deciding city's legal office. */
	boolean mayDecide(long id, SignedInUser user);

	Page<CreditEntryView> entries(EntryState state, String subject, SignedInUser reader, Pageable pageable);

	/**
	 * The public list's entries (published now) of parties registered in these divisions, by the division code
	 * within their USCC; newest first, at most {@code limit}: a source of a joint operation's targets (issue 22).
	 */
	java.util.List<CreditEntryView> publishedRegisteredIn(java.util.List<String> divisionCodes, int limit);
}
