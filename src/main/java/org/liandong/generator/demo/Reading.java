package org.liandong.generator.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liandong.inbox.Inbox;
import org.liandong.inbox.InboxItem;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's people have read what reached them before the last two weeks (issue 20): a bureau that
 * has worked for a year does not face hundreds of unread messages, while the recent ones still wait in
 * its inbox as they would. Each message is read through the inbox, by its recipient, a few hours after
 * it arrived (on the demo clock), so read receipts such as a notified case's are dated then too.
 */
final class Reading {

	/** Messages younger than this at the start are left unread. */
	static final Duration RECENT = Duration.ofDays(14);

	private final Inbox inbox;
	private final Cast cast;
	private final DemoClock clock;
	private final TransactionTemplate transactions;

	Reading(Inbox inbox, Cast cast, DemoClock clock, TransactionTemplate transactions) {
		this.inbox = inbox;
		this.cast = cast;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** Reads, for every person of the demo, the unread messages that arrived before {@code start} less two weeks. */
	int readBefore(Instant start) {
		Instant cutoff = start.minus(RECENT);
		int read = 0;
		for (String username : cast.everyone()) {
			SignedInUser reader = cast.person(username);
			for (InboxItem message : unreadBefore(reader, cutoff)) {
				// between one and twenty hours after arrival, never inside the two weeks left unread
				Instant at = message.createdAt().plus(Duration.ofHours(1 + message.id() % 20));
				clock.moveTo(at.isBefore(cutoff) ? at : cutoff);
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
				try {
					transactions.executeWithoutResult(status -> inbox.markRead(message.id(), reader));
					read++;
				}
				finally {
					SecurityContextHolder.clearContext();
					clock.release();
				}
			}
		}
		return read;
	}

	private List<InboxItem> unreadBefore(SignedInUser reader, Instant cutoff) {
		List<InboxItem> old = new ArrayList<>();
		Page<InboxItem> page;
		int number = 0;
		do {
			page = inbox.messages(reader, true, PageRequest.of(number++, 200));
			page.filter(message -> message.createdAt().isBefore(cutoff)).forEach(old::add);
		}
		while (page.hasNext());
		return old;
	}
}
