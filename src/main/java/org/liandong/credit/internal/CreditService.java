package org.liandong.credit.internal;

import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditList;
import org.liandong.credit.EntryState;
import org.liandong.credit.Proposal;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The dishonest-list procedure, each step a formal document (R4.2, R4.4). Each use case is a class of
 * its own; each call here is one transaction, which the use case runs in.
 */
@Service
@Validated
@Transactional
class CreditService implements CreditList {

	static final String SOURCE = "credit-entry";

	private final CreditProposal proposing;
	private final CreditDefence defence;
	private final CreditDecision decision;
	private final CreditRepair repair;
	private final CreditExpiry expiry;
	private final CreditListing listing;
	private final EntryAccess access;

	CreditService(CreditProposal proposing, CreditDefence defence, CreditDecision decision, CreditRepair repair,
			CreditExpiry expiry, CreditListing listing, EntryAccess access) {
		this.proposing = proposing;
		this.defence = defence;
		this.decision = decision;
		this.repair = repair;
		this.expiry = expiry;
		this.listing = listing;
		this.access = access;
	}

	@Override
	public CreditEntryView propose(Proposal proposal, SignedInUser proposer) {
		return proposing.propose(proposal, proposer);
	}

	@Override
	public CreditEntryView recordDefence(long id, String statement, SignedInUser actor) {
		return defence.recordDefence(id, statement, actor);
	}

	@Override
	public CreditEntryView decide(long id, boolean list, String reason, SignedInUser legalOfficer) {
		return decision.decide(id, list, reason, legalOfficer);
	}

	@Override
	public CreditEntryView repair(long id, String reason, SignedInUser legalOfficer) {
		return repair.repair(id, reason, legalOfficer);
	}

	/** Not read-only: reading an entry off the public list writes its audit record (X1). */
	@Override
	public CreditEntryView find(long id, SignedInUser reader) {
		return listing.entry(id, reader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<CreditEntryView> entries(EntryState state, String subject, SignedInUser reader, Pageable pageable) {
		return listing.entries(state, subject, reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<CreditEntryView> publishedRegisteredIn(java.util.List<String> divisionCodes, int limit) {
		return listing.publishedRegisteredIn(divisionCodes, limit);
	}

	/** Ends the publication of entries whose period is over; safe on several instances. */
	int expire() {
		return expiry.expire();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayDecide(long id, SignedInUser user) {
		return access.mayDecide(id, user);
	}
}
