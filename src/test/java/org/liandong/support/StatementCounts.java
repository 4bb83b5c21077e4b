package org.liandong.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.lifecycle.JdbcLifecycleEventListenerAdapter;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements and the transactions that one API call costs the database (issue 18,
 * P2a), through datasource-proxy around the connections the application's DataSource hands out while
 * a step is counted (a connection taken before is not counted). Only the work of an HTTP
 * request is counted: the request's own thread, and the threads of the asynchronous event listeners
 * it hands work to (the application's task executor, whose tasks inherit the mark), until the last of
 * them has finished. Timed jobs, which run on the scheduler's threads, and the test's own queries are
 * not counted.
 * <p>
 * A transaction is a commit or a rollback of a connection out of auto-commit, or a statement run in
 * auto-commit mode (the database commits it on its own).
 */
public final class StatementCounts {

	private static final ThreadLocal<Boolean> COUNTED = new ThreadLocal<>();

	private final AtomicInteger pending = new AtomicInteger();
	private volatile Tally tally;

	/** The statements and transactions of one step, by normalised SQL in the order first run. */
	public static final class Tally {

		private final Map<String, Integer> statements = new LinkedHashMap<>();
		private int commits;
		private int rollbacks;
		private int autoCommitted;

		synchronized void statement(String sql, int executions, boolean autoCommit) {
			statements.merge(sql, executions, Integer::sum);
			if (autoCommit) {
				autoCommitted += executions;
			}
		}

		synchronized void commit() {
			commits++;
		}

		synchronized void rollback() {
			rollbacks++;
		}

		public synchronized int statements() {
			return statements.values().stream().mapToInt(Integer::intValue).sum();
		}

		/** Commits and rollbacks, and statements the database committed on their own. */
		public synchronized int transactions() {
			return commits + rollbacks + autoCommitted;
		}

		public synchronized int commits() {
			return commits;
		}

		public synchronized Map<String, Integer> bySql() {
			return new LinkedHashMap<>(statements);
		}

		/** The breakdown, most frequent statement first. */
		public synchronized String describe() {
			StringBuilder out = new StringBuilder();
			out.append("%d statements, %d transactions (%d commits, %d rollbacks, %d statements in auto-commit)%n"
				.formatted(statements(), transactions(), commits, rollbacks, autoCommitted));
			List<Map.Entry<String, Integer>> sorted = new ArrayList<>(statements.entrySet());
			sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
			for (Map.Entry<String, Integer> entry : sorted) {
				String sql = entry.getKey();
				out.append("  %3d × %s%n".formatted(entry.getValue(), sql.length() > 160 ? sql.substring(0, 160) + "…" : sql));
			}
			return out.toString();
		}
	}

	/**
	 * Runs the step (one HTTP call, which it answers) and counts what the application did for it: the
	 * request and the asynchronous work it handed over, waited for up to ten seconds.
	 */
	public <T> Counted<T> count(Supplier<T> step) {
		// the asynchronous work of earlier calls is not this step's
		awaitQuiet();
		Tally counting = new Tally();
		tally = counting;
		try {
			T result = step.get();
			awaitQuiet();
			return new Counted<>(result, counting);
		}
		finally {
			tally = null;
		}
	}

	/**
	 * Runs work in the test's own thread and counts it (what a background job does, called directly):
	 * only that thread's statements.
	 */
	public Tally countHere(Runnable work) {
		awaitQuiet();
		Tally counting = new Tally();
		tally = counting;
		COUNTED.set(Boolean.TRUE);
		try {
			work.run();
			return counting;
		}
		finally {
			COUNTED.remove();
			tally = null;
		}
	}

	private void awaitQuiet() {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (pending.get() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("asynchronous work of an API call still running after 10 s");
			}
			sleep();
		}
	}

	public record Counted<T>(T result, Tally tally) {
	}

	private static void sleep() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private Tally current() {
		Tally counting = tally;
		return counting != null && Boolean.TRUE.equals(COUNTED.get()) ? counting : null;
	}

	private static String normalised(String sql) {
		return sql.replaceAll("\\s+", " ").strip();
	}

	private final class Listener extends JdbcLifecycleEventListenerAdapter {

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			Tally counting = current();
			if (counting == null) {
				return;
			}
			boolean autoCommit;
			try {
				autoCommit = execution.getStatement().getConnection().getAutoCommit();
			}
			catch (SQLException e) {
				autoCommit = false;
			}
			for (QueryInfo query : queries) {
				int executions = execution.isBatch() && !query.getParametersList().isEmpty()
						? query.getParametersList().size() : 1;
				counting.statement(normalised(query.getQuery()), executions, autoCommit);
			}
		}

		@Override
		public void afterCommit(MethodExecutionContext context) {
			Tally counting = current();
			if (counting != null) {
				counting.commit();
			}
		}

		@Override
		public void afterRollback(MethodExecutionContext context) {
			Tally counting = current();
			if (counting != null) {
				counting.rollback();
			}
		}
	}

	/**
	 * The application's DataSource, whose connections go through datasource-proxy only while a step is
	 * counted: the proxy calls its listener by reflection on every JDBC call, which the benchmarks, in
	 * the same context, would otherwise pay for on every statement of every measurement (issue 18).
	 */
	private static final class CountingDataSource extends DelegatingDataSource {

		private final DataSource counted;
		private final StatementCounts counts;

		CountingDataSource(String name, DataSource pool, StatementCounts counts) {
			super(pool);
			this.counted = ProxyDataSourceBuilder.create(name, pool).listener(counts.new Listener()).build();
			this.counts = counts;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counts.tally != null ? counted.getConnection() : super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counts.tally != null ? counted.getConnection(username, password)
					: super.getConnection(username, password);
		}
	}

	/**
	 * Part of every {@link LiandongIntegrationTest} context (one context, so that the static record of
	 * {@link ObligationEvents} never meets the same request ids from two H2 databases): the DataSource
	 * wrapped, requests and their asynchronous work marked; nothing is counted unless a test asks.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		StatementCounts statementCounts() {
			return new StatementCounts();
		}

		@Bean
		static BeanPostProcessor countingDataSource(org.springframework.beans.factory.ObjectProvider<StatementCounts> counts) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
						return new CountingDataSource(name, dataSource, counts.getObject());
					}
					return bean;
				}
			};
		}

		/** The application's task executor (Boot's) hands the mark on to the listener it runs. */
		@Bean
		TaskDecorator countedAsynchronousWork(StatementCounts counts) {
			return task -> {
				if (!Boolean.TRUE.equals(COUNTED.get())) {
					return task;
				}
				counts.pending.incrementAndGet();
				return () -> {
					COUNTED.set(Boolean.TRUE);
					try {
						task.run();
					}
					finally {
						COUNTED.remove();
						counts.pending.decrementAndGet();
					}
				};
			};
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> countedRequests() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							COUNTED.set(Boolean.TRUE);
							try {
								chain.doFilter(request, response);
							}
							finally {
								COUNTED.remove();
							}
						}
					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}
	}
}
