package org.liandong.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.liandong.audit.AuditTrail.Chaining;
import org.liandong.audit.AuditTrail.Pending;
import org.liandong.platform.ClusterSchedule;
import org.liandong.platform.MultiRowInsert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The audit chain off the business transactions (issue 18). A transaction's records are written to
 * {@code audit_pending} in one insert just before it commits, so they commit or roll back with the
 * change and no business commit waits for the chain head; once it has committed, this instance
 * appends them to the chain in the background, many transactions' records under one lock of the head,
 * deleting their pending rows in the same transaction. Readers of the trail chain what is waiting
 * first ({@link #chainPending()}).
 * <p>
 * While a record waits (a few milliseconds, {@link #chaining()}), the instance keeps it in memory as
 * well: a pending row deleted in that window is found missing when it is chained, written to the chain
 * from memory all the same, and followed by an {@code AUDIT_PENDING_DELETED} record. Rows an instance
 * left behind when it stopped are chained by any instance's sweep after {@code liandong.audit.orphan-after} (a minute); a row of
 * a crashed instance deleted before the sweep is not detected.
 */
@Component
class AuditChainer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	/** Records chained at most in one transaction. */
	static final int BATCH = 1000;


	private final JdbcClient jdbc;
	private final ChainAppender appender;
	private final Clock clock;
	private final TransactionTemplate ownTransaction;
	private final TransactionTemplate anyTransaction;
	private final ChainConnection connection;
	private final Duration linger;
	/** A pending row older than this has no instance left to chain it (or one that cannot reach the database). */
	private final Duration orphanAfter;

	/** The committed records waiting to be chained, in commit order; guarded by itself. */
	private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
	/** Held by each chaining, so that a reader's waits for one under way. */
	private final ReentrantLock chaining = new ReentrantLock();

	private final AtomicLong passes = new AtomicLong();
	private final AtomicLong chained = new AtomicLong();
	private final AtomicLong longestWaitNanos = new AtomicLong();
	private final AtomicLong restored = new AtomicLong();
	private final AtomicLongArray waits = new AtomicLongArray(Chaining.WAIT_BOUNDS_MS.size() + 1);

	private volatile Thread thread;
	private volatile boolean running;

	private record Waiting(ChainEntry entry, long committedAt) {
	}

	AuditChainer(JdbcClient jdbc, ChainAppender appender, Clock clock, PlatformTransactionManager transactionManager,
			DataSource dataSource, @Value("${liandong.audit.chain-linger:PT0.02S}") Duration linger,
			@Value("${liandong.audit.orphan-after:PT1M}") Duration orphanAfter) {
		this.orphanAfter = orphanAfter;
		this.connection = new ChainConnection(dataSource);
		this.jdbc = jdbc;
		this.appender = appender;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.anyTransaction = new TransactionTemplate(transactionManager);
		this.linger = linger;
	}

	/**
	 * Keeps a record for the chain: written with the rest of the current transaction's just before it
	 * commits, in a transaction of its own where there is none.
	 */
	void keep(Pending record) {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			batch().entries.add(ChainEntry.of(UUID.randomUUID(), record));
		}
		else {
			anyTransaction.executeWithoutResult(status -> keep(record));
		}
	}

	/** The transaction's batch, registered with its first record (a suspended outer transaction keeps its own). */
	private Batch batch() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Batch batch) {
				return batch;
			}
		}
		Batch batch = new Batch();
		TransactionSynchronizationManager.registerSynchronization(batch);
		return batch;
	}

	/** The records of one transaction: written last before its commit, queued for the chain after it. */
	private final class Batch implements TransactionSynchronization {

		private final List<ChainEntry> entries = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			// PostgreSQL refuses the write in a read-only transaction and H2 lets it through: refused
			// here on both, so the embedded test run finds a sensitive read that could not be audited
			if (readOnly) {
				throw new IllegalStateException("audit record %s in a read-only transaction".formatted(entries.get(0).action()));
			}
			MultiRowInsert.into(jdbc, "audit_pending", ChainEntry.PENDING_COLUMNS,
					entries.stream().map(ChainEntry::pendingRow).toList());
		}

		@Override
		public void afterCommit() {
			committed(entries);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}

	private void committed(List<ChainEntry> entries) {
		long now = System.nanoTime();
		synchronized (queue) {
			entries.forEach(entry -> queue.add(new Waiting(entry, now)));
			queue.notifyAll();
		}
	}

	/**
	 * Chains, in the caller's thread, every record this instance has committed and not chained yet,
	 * after the chaining under way if any. Cheap when nothing waits: no statement.
	 */
	void chainPending() {
		chaining.lock();
		try {
			List<Waiting> batch;
			while (!(batch = take()).isEmpty()) {
				try {
					chain(batch);
				}
				catch (RuntimeException e) {
					// nothing lost: the records wait again, first in line, and their pending rows are still there
					synchronized (queue) {
						for (int i = batch.size() - 1; i >= 0; i--) {
							queue.addFirst(batch.get(i));
						}
					}
					// the finally gives the connection back, so a broken one is not taken again
					throw e;
				}
			}
		}
		finally {
			// nothing waits: the connection goes back to the pool until records come again
			connection.release();
			chaining.unlock();
		}
	}

	private List<Waiting> take() {
		synchronized (queue) {
			List<Waiting> batch = new ArrayList<>(Math.min(queue.size(), BATCH));
			while (batch.size() < BATCH && !queue.isEmpty()) {
				batch.add(queue.poll());
			}
			return batch;
		}
	}

	private void chain(List<Waiting> batch) {
		List<ChainEntry> entries = batch.stream().map(Waiting::entry).toList();
		List<UUID> ids = entries.stream().map(ChainEntry::id).toList();
		JdbcClient held = connection.jdbc();
		ChainAppender chain = new ChainAppender(held);
		boolean whole = Boolean.TRUE.equals(connection.transactions().execute(status -> {
			ChainAppender.Link head = chain.lockHead();
			int removed = held.sql("delete from audit_pending where id in (:ids)").param("ids", ids).update();
			if (removed != ids.size()) {
				// some were chained by a sweep, or deleted: sorted out record by record below
				status.setRollbackOnly();
				return false;
			}
			chain.append(head, entries);
			return true;
		}));
		if (!whole) {
			connection.transactions().executeWithoutResult(status -> chainChecked(held, chain, entries, ids));
		}
		long waited = System.nanoTime() - batch.get(0).committedAt();
		longestWaitNanos.accumulateAndGet(waited, Math::max);
		waits.incrementAndGet(Chaining.bucket(Duration.ofNanos(waited)));
		passes.incrementAndGet();
		chained.addAndGet(entries.size());
	}

	/** The pass where rows were missing: which a sweep chained, and which were deleted before their chaining. */
	private void chainChecked(JdbcClient held, ChainAppender chain, List<ChainEntry> entries, List<UUID> ids) {
		ChainAppender.Link head = chain.lockHead();
		Set<UUID> present = new HashSet<>(
				held.sql("select id from audit_pending where id in (:ids)").param("ids", ids).query(UUID.class).list());
		Set<UUID> chainedElsewhere = new HashSet<>(
				held.sql("select entry_id from audit_record where entry_id in (:ids)").param("ids", ids).query(UUID.class).list());
		if (!present.isEmpty()) {
			held.sql("delete from audit_pending where id in (:ids)").param("ids", present).update();
		}
		List<ChainEntry> toChain = new ArrayList<>();
		for (ChainEntry entry : entries) {
			if (present.contains(entry.id())) {
				toChain.add(entry);
			}
			else if (!chainedElsewhere.contains(entry.id())) {
				log.error("audit record {} ({} on {} {}) was deleted from audit_pending before it was chained; chained from memory",
						entry.id(), entry.action(), entry.objectType(), entry.objectId());
				toChain.add(entry);
				toChain.add(deleted(entry));
				restored.incrementAndGet();
			}
		}
		chain.append(head, toChain);
	}

	private ChainEntry deleted(ChainEntry entry) {
		return ChainEntry.of(null, new Pending(clock.instant(), JdbcAuditTrail.SYSTEM_ACTOR, null, "AUDIT_PENDING_DELETED",
				"audit-pending", entry.id().toString(),
				"待入链的审计记录（%s，%s %s，%s）在入链前被从数据库中删除；已按本实例内存中的副本补记入链".formatted(entry.action(),
						entry.objectType(), entry.objectId(), entry.actor()),
				null));
	}

	/** Rows no instance chained within {@code liandong.audit.orphan-after} (a minute): an instance stopped or crashed before it could. */
	@Bean
	RecurringTask<Void> auditPendingSweep(@Value("${liandong.audit.sweep-interval:PT30S}") Duration every) {
		return ClusterSchedule.every("audit-pending-sweep", every, this::sweep);
	}

	void sweep() {
		OffsetDateTime before = ChainEntry.utc(clock.instant().minus(orphanAfter));
		if (jdbc.sql("select id from audit_pending where occurred_at < ? limit 1").param(before).query(UUID.class)
			.optional()
			.isEmpty()) {
			return;
		}
		int swept;
		do {
			swept = ownTransaction.execute(status -> {
				ChainAppender.Link head = appender.lockHead();
				List<ChainEntry> orphans = jdbc.sql("""
						select * from audit_pending where occurred_at < ? order by occurred_at, id limit ?""")
					.params(before, BATCH)
					.query((rs, n) -> ChainEntry.of(rs.getObject("id", UUID.class),
							new Pending(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
									rs.getString("actor"), rs.getString("actor_agency"), rs.getString("action"),
									rs.getString("object_type"), rs.getString("object_id"), rs.getString("detail"),
									rs.getString("client_address"))))
					.list();
				if (!orphans.isEmpty()) {
					jdbc.sql("delete from audit_pending where id in (:ids)")
						.param("ids", orphans.stream().map(ChainEntry::id).toList())
						.update();
					appender.append(head, orphans);
					log.warn("chained {} audit records left pending by an instance for over {}", orphans.size(), orphanAfter);
				}
				return orphans.size();
			});
		}
		while (swept == BATCH);
	}

	Chaining chaining() {
		int waiting;
		synchronized (queue) {
			waiting = queue.size();
		}
		long[] byWait = new long[waits.length()];
		for (int i = 0; i < byWait.length; i++) {
			byWait[i] = waits.get(i);
		}
		return new Chaining(passes.get(), chained.get(), waiting, Duration.ofNanos(longestWaitNanos.get()),
				restored.get(), byWait);
	}

	// the background thread: waits for committed records, lets the transactions committing meanwhile join them, chains

	private void run() {
		while (running) {
			try {
				synchronized (queue) {
					while (running && queue.isEmpty()) {
						queue.wait(1000);
					}
				}
				if (!linger.isZero()) {
					TimeUnit.NANOSECONDS.sleep(linger.toNanos());
				}
				chainPending();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.warn("chaining audit records failed; trying again in a second", e);
				pause();
			}
		}
	}

	private static void pause() {
		try {
			TimeUnit.SECONDS.sleep(1);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		running = true;
		Thread chainer = new Thread(this::run, "audit-chainer");
		chainer.setDaemon(true);
		thread = chainer;
		chainer.start();
	}

	/** After the web server and the jobs have stopped (a lower phase stops later): what they committed is chained. */
	@Override
	public void stop() {
		running = false;
		Thread chainer = thread;
		if (chainer != null) {
			synchronized (queue) {
				queue.notifyAll();
			}
			try {
				chainer.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			chainPending();
		}
		catch (RuntimeException e) {
			// the pending rows stay; another instance's sweep, or this one's after a restart, chains them
			log.warn("audit records left pending at shutdown", e);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return 0;
	}
}
