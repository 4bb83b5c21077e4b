package org.liandong.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference data held in each instance's memory instead of read on every call (issue 18): the
 * agency hierarchy, the working calendar. Each kind has a version row in {@code reference_data};
 * whoever changes the data calls {@link #changed} in the changing transaction, which bumps the
 * version there. After that transaction commits, this instance loads the data again at its next
 * use; every other instance compares the versions it loaded with the table's every
 * {@code liandong.reference-data.check-interval} (1 second) and loads again what changed, so a
 * change is seen everywhere within about that interval. Within the changing transaction itself the
 * data is read from the database, so the change's own checks and listeners see it.
 * <p>
 * Kinds: {@code agency} (agencies and divisions), {@code calendar} (the working calendar),
 * {@code account} (what signing in and the second step read of an account: identity's
 * SignInCache), {@code sign-off-policy} (which bureaus' letters need their leader's sign-off, issue 23),
 * {@code document-issuer} (the prefixes of the bureaus' document numbers), {@code signing-key}
 * (each agency's current SM2 key; documents' DocumentService and KeyService) and {@code instrument}
 * (the agreements in force and their deadlines; instruments' InstrumentsInForce).
 */
@Component
public class ReferenceData implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate reads;
	private final TransactionTemplate writes;
	private final Duration interval;
	private final List<Cached<?>> caches = new CopyOnWriteArrayList<>();
	private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
	private final Map<String, Long> watchedVersions = new ConcurrentHashMap<>();
	private ScheduledExecutorService checker;
	private ScheduledFuture<?> checking;

	ReferenceData(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${liandong.reference-data.check-interval:1s}") Duration interval) {
		this.jdbc = jdbc;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.writes = new TransactionTemplate(transactions);
		this.interval = interval;
	}

	/** A value built from the database by {@code loader}, kept until the data of this name changes. */
	public <T> Cached<T> cache(String name, Supplier<T> loader) {
		Cached<T> cached = new Cached<>(name, loader);
		caches.add(cached);
		return cached;
	}

	/**
	 * Runs {@code drop} whenever the data of this name changes: here once the changing transaction
	 * commits, on the other instances at their next comparison of the versions (and once at the first
	 * comparison after start). For what is kept per key rather than loaded whole (the signed-in
	 * accounts of identity).
	 */
	public void whenChanged(String name, Runnable drop) {
		watchers.add(new Watcher(name, drop));
	}

	private record Watcher(String name, Runnable drop) {
	}

	/**
	 * Records, in the current transaction, that the data of this name changes: its version is bumped
	 * (the row stays locked until the transaction ends, so changes of one kind follow one another), and
	 * this instance's copies are dropped once the transaction commits.
	 */
	public void changed(String name) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			writes.executeWithoutResult(status -> changed(name));
			return;
		}
		jdbc.sql("update reference_data set version = version + 1 where name = ?").param(name).update();
		String key = resourceKey(name);
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
				if (status == STATUS_COMMITTED) {
					caches.stream().filter(cache -> cache.name.equals(name)).forEach(Cached::drop);
					watchers.stream().filter(watcher -> watcher.name().equals(name)).forEach(watcher -> watcher.drop().run());
				}
			}
		});
	}

	/** Loads again what another instance changed; run every check interval. */
	void check() {
		Map<String, Long> versions = versions();
		for (Cached<?> cache : caches) {
			Long version = versions.get(cache.name);
			if (version != null && cache.staleAgainst(version)) {
				cache.drop();
				cache.get();
			}
		}
		for (Map.Entry<String, Long> version : versions.entrySet()) {
			Long seen = watchedVersions.put(version.getKey(), version.getValue());
			if (!version.getValue().equals(seen)) {
				watchers.stream()
					.filter(watcher -> watcher.name().equals(version.getKey()))
					.forEach(watcher -> watcher.drop().run());
			}
		}
	}

	private Map<String, Long> versions() {
		return jdbc.sql("select name, version from reference_data")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static String resourceKey(String name) {
		return ReferenceData.class.getName() + ".changed." + name;
	}

	/** One kind of reference data as this instance holds it. */
	public final class Cached<T> {

		private record Snapshot<T>(long version, T value) {
		}

		private final String name;
		private final Supplier<T> loader;
		private volatile Snapshot<T> snapshot;
		private final AtomicLong drops = new AtomicLong();

		private Cached(String name, Supplier<T> loader) {
			this.name = name;
			this.loader = loader;
		}

		/** The data: this instance's copy, or read afresh inside a transaction that changes it. */
		public T get() {
			if (TransactionSynchronizationManager.hasResource(resourceKey(name))) {
				return loader.get();
			}
			Snapshot<T> held = snapshot;
			return held != null ? held.value() : load();
		}

		private T load() {
			long dropsBefore = drops.get();
			Snapshot<T> loaded = reads.execute(status -> new Snapshot<>(
					jdbc.sql("select version from reference_data where name = ?").param(name).query(Long.class).single(),
					loader.get()));
			// a change committed while loading: keep nothing, the next use loads again
			if (drops.get() == dropsBefore) {
				snapshot = loaded;
			}
			return loaded.value();
		}

		private boolean staleAgainst(long version) {
			Snapshot<T> held = snapshot;
			return held != null && held.version() < version;
		}

		private void drop() {
			drops.incrementAndGet();
			snapshot = null;
		}
	}

	@Override
	public synchronized void start() {
		checker = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "reference-data");
			thread.setDaemon(true);
			return thread;
		});
		checking = checker.scheduleWithFixedDelay(() -> {
			try {
				check();
			}
			catch (RuntimeException e) {
				log.warn("Could not compare the reference data's versions with the database: {}", e.toString());
			}
		}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (checking != null) {
			checking.cancel(false);
			checker.shutdownNow();
			checking = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return checking != null;
	}
}
