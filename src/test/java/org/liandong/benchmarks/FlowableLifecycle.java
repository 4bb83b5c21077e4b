package org.liandong.benchmarks;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The assistance-request lifecycle on the Flowable engine (issue 10), for the side-by-side benchmark:
 * the process of {@code benchmarks/assistance-lifecycle.bpmn20.xml} — started (the draft), then its user
 * tasks send, accept, answer and confirm completed by the bureau whose turn it is — on a standalone
 * Flowable process engine (history level {@code audit}, no async executor, nothing else) over its own
 * schema of the same PostgreSQL database, made afresh for each run, UUIDs as ids, with a pool as large as the
 * application's. Five transactions that change state, as in the application, plus the task lookup
 * before each completion. Flowable is a test dependency only: the application never depends on it.
 */
final class FlowableLifecycle implements AutoCloseable {

	static final String SCHEMA = "liandong_flowable";

	private final HikariDataSource dataSource;
	private final ProcessEngine engine;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final HistoryService history;

	/** Drops and creates the schema, builds the engine (creating its tables) and deploys the process. */
	FlowableLifecycle(JdbcTemplate jdbc, String applicationUrl, String username, String password, int poolSize) {
		jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
		jdbc.execute("create schema " + SCHEMA);
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(applicationUrl.replaceFirst("currentSchema=[^&]*", "currentSchema=" + SCHEMA));
		pool.setUsername(username);
		pool.setPassword(password);
		pool.setMaximumPoolSize(poolSize);
		pool.setPoolName("flowable");
		this.dataSource = new HikariDataSource(pool);
		ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setDataSource(dataSource)
			.setDatabaseSchema(SCHEMA)
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setAsyncExecutorActivate(false)
			.setHistory("audit");
		// the default id generator fetches a block of ids in a transaction of its own, on a second pooled
		// connection while the first is held: with more clients than connections every connection ends up
		// held by a client waiting for a second one (seen: 0 lifecycles, every client timed out). UUIDs, as
		// Flowable advises for concurrent use, need no database round trip.
		configuration.setIdGenerator(new StrongUuidGenerator());
		this.engine = configuration.buildProcessEngine();
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.history = engine.getHistoryService();
		engine.getRepositoryService()
			.createDeployment()
			.name("liandong-benchmark")
			.addClasspathResource("benchmarks/assistance-lifecycle.bpmn20.xml")
			.deploy();
	}

	String version() {
		return ProcessEngine.class.getPackage().getImplementationVersion() == null ? ProcessEngine.VERSION
				: ProcessEngine.class.getPackage().getImplementationVersion();
	}

	DataSource dataSource() {
		return dataSource;
	}

	/** One whole request: start (draft), send, accept, answer, confirm; fails unless the process ended. */
	void lifecycle(long caseId, String requester, String assisting, String matters, String legalBasis,
			LocalDate answerBy, String answer) {
		ProcessInstance request = runtime.startProcessInstanceByKey("assistanceRequest", Long.toString(caseId),
				Map.of("caseId", caseId, "requester", requester, "assisting", assisting, "matters", matters,
						"legalBasis", legalBasis, "answerBy", answerBy.toString()));
		complete(request, "send", requester, Map.of());
		complete(request, "accept", assisting, Map.of());
		complete(request, "answer", assisting, Map.of("answer", answer));
		complete(request, "confirm", requester, Map.of());
		if (runtime.createProcessInstanceQuery().processInstanceId(request.getId()).count() != 0) {
			throw new IllegalStateException("process " + request.getId() + " did not end");
		}
	}

	private void complete(ProcessInstance request, String step, String assignee, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(request.getId()).taskAssignee(assignee).singleResult();
		if (task == null || !task.getTaskDefinitionKey().equals(step)) {
			throw new IllegalStateException("process %s: expected task %s of %s, found %s".formatted(request.getId(),
					step, assignee, task == null ? "none" : task.getTaskDefinitionKey()));
		}
		tasks.complete(task.getId(), variables);
	}

	/** Processes ended and still running, and history rows (activities, tasks, variables) per ended process. */
	record Outcome(long ended, long running, double historyRowsPerLifecycle) {
	}

	Outcome outcome() {
		long ended = history.createHistoricProcessInstanceQuery().finished().count();
		long running = runtime.createProcessInstanceQuery().count();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long rows = jdbc.queryForObject("""
				select (select count(*) from act_hi_actinst) + (select count(*) from act_hi_taskinst)
				     + (select count(*) from act_hi_varinst) + (select count(*) from act_hi_procinst)""", Long.class);
		return new Outcome(ended, running, ended == 0 ? 0 : (double) rows / ended);
	}

	@Override
	public void close() {
		engine.close();
		dataSource.close();
	}
}
