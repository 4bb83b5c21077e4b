package org.liandong.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.liandong.assistance.AssistanceRequestTransitioned;
import org.liandong.platform.MissedDeadline;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the modules tell oversight's obligation ledger (R7.1): each {@link ObligationDue},
 * {@link ObligationSettled} and {@link MissedDeadline}, and the assistance requests' moves (for the
 * reason of a return), recorded once their transaction committed. Requests are handled on server
 * threads, so the record is thread-safe. An event published outside a transaction is kept apart:
 * the ledger must change with the obligation or not at all.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ObligationEvents {

	/** How the ledger names an obligation: its subject, its words and its owner. */
	public record Key(String subjectType, long subjectId, String obligation, String ownerAgencyCode) {

		public static Key of(ObligationDue due) {
			return new Key(due.subjectType(), due.subjectId(), due.obligation(), due.ownerAgencyCode());
		}

		public static Key of(ObligationSettled settled) {
			return new Key(settled.subjectType(), settled.subjectId(), settled.obligation(), settled.ownerAgencyCode());
		}

		public static Key of(MissedDeadline missed) {
			return new Key(missed.subjectType(), missed.subjectId(), missed.obligationLabel(), missed.ownerAgencyCode());
		}
	}

	// one record for every application context of the run, each event with the database it was
	// committed to: on PostgreSQL the contexts share one database, and the deadline scan of another
	// context may be the one to find a miss; on H2 each context has its own, whose ids start again at 1.
	// Appended to without copying: the benchmarks run in this context too, and a copy-on-write list's
	// copy of every earlier event at each commit was 6.9 % of the JVM's processor time in the lifecycle's
	// in-process part (run alone, 2026-12-08)
	private static final Queue<Recorded> committed = new ConcurrentLinkedQueue<>();
	private static final Queue<Object> outsideTransactions = new ConcurrentLinkedQueue<>();

	private record Recorded(String database, Object event) {
	}

	private final String database;

	ObligationEvents(javax.sql.DataSource dataSource) {
		try (java.sql.Connection connection = dataSource.getConnection()) {
			this.database = connection.getMetaData().getURL();
		}
		catch (java.sql.SQLException unreachable) {
			throw new IllegalStateException(unreachable);
		}
	}

	@EventListener
	void on(ObligationDue due) {
		record(due);
	}

	@EventListener
	void on(ObligationSettled settled) {
		record(settled);
	}

	@EventListener
	void on(MissedDeadline missed) {
		record(missed);
	}

	@EventListener
	void on(AssistanceRequestTransitioned moved) {
		record(moved);
	}

	private void record(Object event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			outsideTransactions.add(event);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				committed.add(new Recorded(database, event));
			}
		});
	}

	/** The obligations opened (or moved) about one subject, in the order they were published. */
	public List<ObligationDue> dues(String subjectType, long subjectId) {
		return of(ObligationDue.class).stream()
			.filter(due -> due.subjectType().equals(subjectType) && due.subjectId() == subjectId)
			.toList();
	}

	public List<ObligationSettled> settlements(String subjectType, long subjectId) {
		return of(ObligationSettled.class).stream()
			.filter(settled -> settled.subjectType().equals(subjectType) && settled.subjectId() == subjectId)
			.toList();
	}

	public List<MissedDeadline> misses(String subjectType, long subjectId) {
		return of(MissedDeadline.class).stream()
			.filter(missed -> missed.subjectType().equals(subjectType) && missed.subjectId() == subjectId)
			.toList();
	}

	public List<AssistanceRequestTransitioned> moves(long requestId) {
		return of(AssistanceRequestTransitioned.class).stream().filter(moved -> moved.requestId() == requestId).toList();
	}

	/** How many obligations were opened so far, to see that a refused action opened none. */
	public int dueCount() {
		return of(ObligationDue.class).size();
	}

	/** Every event published without a transaction to commit with; none should be. */
	public List<Object> outsideTransactions() {
		return List.copyOf(outsideTransactions);
	}

	private <T> List<T> of(Class<T> type) {
		return committed.stream()
			.filter(recorded -> recorded.database().equals(database))
			.map(Recorded::event)
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}
}
