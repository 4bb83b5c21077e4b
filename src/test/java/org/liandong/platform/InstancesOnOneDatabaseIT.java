package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liandong.LiandongApplication;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import tools.jackson.databind.JsonNode;

/**
 * Issue 19: instances on one database behave as one. Two instances of the application (two
 * application contexts in this JVM, each with its own web server, connection pool and scheduler)
 * share one database: an H2 in-memory database, or a PostgreSQL schema of their own in the
 * PostgreSQL run.
 * <ul>
 * <li>Every timed job runs on exactly one instance per due time: each job's next run is made due
 * now, and db-scheduler's own record of the runs (its listener in each instance) shows one start per
 * job and due time over both instances. Alone, each instance runs every job.</li>
 * <li>The rate limits are one count for both: a person's credit checks up to the limit through one
 * instance leave none through the other, and so do an address's failed sign-ins.</li>
 * <li>Reference data held in memory (issue 18): an agency registered through one instance is seen by
 * the other within seconds; so are a lock, a change of roles and a change of password of an account
 * the other instance had just signed in, a number prefix, a rotated signing key and an agreement put in
 * force.</li>
 * </ul>
 */
class InstancesOnOneDatabaseIT {

	/** Every job of the application; a new one belongs here too. */
	private static final List<String> JOBS = List.of("obligation-scan", "stale-event-resubmission", "deadline-watch",
			"sharing-watch", "meeting-deadlines", "credit-expiry", "stalled-screenings", "credit-check-audit",
			"instrument-expiry", "audit-retention", "personal-data-retention", "event-publication-cleanup",
			"rate-limit-cleanup", "expired-sessions", "audit-checkpoint", "message-channels", "city-dashboard-history",
			"audit-pending-sweep");

	private static final int CREDIT_CHECKS = 3;

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** Reference data changed on one instance is seen by the other within this (checked every second). */
	private static final int REFERENCE_DATA_BOUND_SECONDS = 3;

	private static final int SIGN_IN_FAILURES = 3;

	/** Every job run started in either instance, as db-scheduler reports it. */
	private final Queue<Run> started = new ConcurrentLinkedQueue<>();

	private final Queue<Run> completed = new ConcurrentLinkedQueue<>();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private Instant lastDue = Instant.EPOCH;

	record Run(String instance, String job, Instant due) {
	}

	@AfterEach
	void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void each_job_runs_on_one_instance_per_due_time_and_the_rate_limits_count_across_instances() {
		String database = TestDatabases.fresh();
		ConfigurableApplicationContext a = start("a", database);
		assertThat(a.getBeansOfType(RecurringTask.class).values().stream().map(RecurringTask::getName))
			.as("the application's timed jobs").containsExactlyInAnyOrderElementsOf(JOBS);
		assertThat(a.containsBean("org.springframework.context.annotation.internalScheduledAnnotationProcessor"))
			.as("no job on Spring's own scheduler, which every instance would run").isFalse();

		// alone, A runs every job
		Map<String, Instant> alone = makeDue(a);
		awaitRuns(alone);
		assertThat(startsOf(alone)).as("with A alone").hasSize(JOBS.size()).allMatch(run -> run.instance().equals("a"));

		// together, each job's due time is run by one of them
		ConfigurableApplicationContext b = start("b", database);
		Map<String, Instant> together = makeDue(b);
		awaitRuns(together);
		assertThat(startsOf(together)).as("each job started once for its due time").hasSize(JOBS.size());
		assertThat(startsOf(together).stream().map(Run::job)).containsExactlyInAnyOrderElementsOf(JOBS);

		creditChecksCountAcrossInstances(port(a), port(b));
		agenciesRegisteredOnOneAreSeenByTheOther(port(a), port(b));
		failedSignInsCountAcrossInstances(port(a), port(b));

		// with A gone, B runs every job
		a.close();
		Map<String, Instant> afterA = makeDue(b);
		awaitRuns(afterA);
		assertThat(startsOf(afterA)).as("with B alone").hasSize(JOBS.size()).allMatch(run -> run.instance().equals("b"));

		// over the whole test, the jobs' own due times included: never two starts for one due time
		Map<String, Long> startsPerDueTime = started.stream()
			.collect(Collectors.groupingBy(run -> run.job() + " @ " + run.due(), Collectors.counting()));
		assertThat(startsPerDueTime).as("starts per job and due time").allSatisfy((due, starts) -> assertThat(starts)
			.as(due).isEqualTo(1));
	}

	/**
	 * Issue 18: each instance holds the accounts signed in over the API for half a minute. A lock, a
	 * change of roles and a change of password made through A apply to B's next calls within
	 * {@value #REFERENCE_DATA_BOUND_SECONDS} seconds, and to A's at once, though both had just
	 * signed the account in.
	 */
	@Test
	void a_lock_a_change_of_roles_or_of_password_on_one_instance_applies_to_the_other_within_seconds() {
		String database = TestDatabases.fresh();
		// five wrong passwords from this address must reach the account's lock, not the address's pause
		Map<String, String> lockable = Map.of("liandong.security.rate-limit.sign-in-failures-per-address", "100");
		int portA = port(start("a", database, lockable));
		int portB = port(start("b", database, lockable));
		Api admin = Api.at(portA);
		String username = Fixtures.person(admin, "410403", "ENFORCER");
		Api onA = Api.at(portA).as(username, Fixtures.NEW_USER_PASSWORD);
		Api onB = Api.at(portB).as(username, Fixtures.NEW_USER_PASSWORD);
		for (Api instance : List.of(onA, onB, onA, onB)) {
			assertThat(roles(instance)).containsExactly("ENFORCER");
		}

		Api secadmin = Api.at(portA).as("secadmin", Fixtures.PASSWORD);
		long version = secadmin.get("/api/v1/users/" + username).json().path("version").asLong();
		assertThat(secadmin.put("/api/v1/users/" + username + "/roles",
				"{\"roles\": [\"LIAISON\"], \"version\": %d}".formatted(version)).status()).isEqualTo(200);
		assertThat(roles(onA)).as("on A at once").containsExactly("LIAISON");
		awaitOnB("the new roles on B", () -> roles(onB).equals(List.of("LIAISON")));

		assertThat(roles(onB)).containsExactly("LIAISON");
		for (int i = 0; i < 5; i++) {
			assertThat(Api.at(portA).as(username, "Cuowu#2026").get("/api/v1/me").status()).isEqualTo(401);
		}
		assertThat(onA.get("/api/v1/me").problemCode()).as("locked, on A at once").isEqualTo("account-locked");
		awaitOnB("the lock on B", () -> "account-locked".equals(onB.get("/api/v1/me").problemCode()));

		assertThat(secadmin.post("/api/v1/users/" + username + "/unlock", "").status()).isEqualTo(200);
		awaitOnB("the unlock on B", () -> onB.get("/api/v1/me").status() == 200);
		assertThat(onA.put("/api/v1/me/password", """
				{"currentPassword": "%s", "newPassword": "Genghuan#2026"}""".formatted(Fixtures.NEW_USER_PASSWORD))
			.status()).isEqualTo(204);
		assertThat(onA.get("/api/v1/me").status()).as("the old password, on A at once").isEqualTo(401);
		awaitOnB("the old password refused on B", () -> onB.get("/api/v1/me").status() == 401);
		assertThat(Api.at(portB).as(username, "Genghuan#2026").get("/api/v1/me").status()).isEqualTo(200);
	}

	/**
	 * Issue 18: each instance holds the issuers' number prefixes and the agencies' current signing keys in
	 * memory. A new prefix and a rotated key set through A number and sign the letters B issues within
	 * {@value #REFERENCE_DATA_BOUND_SECONDS} seconds, though B had issued a letter with the old ones just before.
	 */
	@Test
	void a_new_prefix_and_a_rotated_key_set_on_one_instance_number_and_sign_the_others_letters_within_seconds() {
		String database = TestDatabases.fresh();
		int portA = port(start("a", database));
		int portB = port(start("b", database));
		Api onB = Api.at(portB).as("xinhua.enforcer", Fixtures.PASSWORD);
		JsonNode before = letter(onB);
		assertThat(before.path("number").asString()).startsWith("新华应急");

		Api sysadmin = Api.at(portA).as("sysadmin", Fixtures.PASSWORD);
		assertThat(sysadmin.put("/api/v1/documents/issuers/410402", "{\"prefix\": \"新华应管\"}").status()).isEqualTo(200);
		Reply rotated = sysadmin.post("/api/v1/documents/signing-keys/agencies/410402", "");
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
		long newKey = rotated.json().path("id").asLong();
		assertThat(newKey).isNotEqualTo(before.path("signature").path("keyId").asLong());

		Instant changed = Instant.now();
		await("B numbering and signing with what A set").atMost(Duration.ofSeconds(REFERENCE_DATA_BOUND_SECONDS))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				JsonNode after = letter(onB);
				return after.path("number").asString().startsWith("新华应管")
						&& after.path("signature").path("keyId").asLong() == newKey;
			});
		System.out.printf("a prefix and a key set on A used on B after %d ms%n",
				Duration.between(changed, Instant.now()).toMillis());
	}

	/**
	 * Issue 18: each instance holds the agreements in force in memory. An agreement between 鲁山县 and 郏县
	 * that comes into force through A sets the deadlines of the requests B sends between them within
	 * {@value #REFERENCE_DATA_BOUND_SECONDS} seconds, though B had sent one without it just before.
	 */
	@Test
	void an_agreement_in_force_on_one_instance_sets_the_deadlines_of_the_others_requests_within_seconds() {
		String database = TestDatabases.fresh();
		int portA = port(start("a", database));
		int portB = port(start("b", database));
		Api lushanOnB = Api.at(portB).as("lushan.enforcer", Fixtures.PASSWORD);
		long before = sentToJiaxian(lushanOnB).path("deadlineAgreementId").asLong(0);

		Api lushan = Api.at(portA).as("lushan.enforcer", Fixtures.PASSWORD);
		Api jiaxian = Api.at(portA).as("jiaxian.enforcer", Fixtures.PASSWORD);
		Reply drafted = lushan.post("/api/v1/instruments", """
				{"kind": "AGREEMENT", "title": "鲁山郏县协查协议（两实例）", "scope": "双方辖区内安全生产行政执法",
				 "text": "第一条 双方互相协助调查。", "partyCodes": ["410425"], "effectiveFrom": "%s", "effectiveUntil": "%s",
				 "acceptWorkingDays": 1, "answerWorkingDays": 4}""".formatted(LocalDate.now(BEIJING).minusDays(1),
				LocalDate.now(BEIJING).plusYears(1)));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		long agreement = drafted.json().path("id").asLong();
		assertThat(agreement).isNotEqualTo(before);
		assertThat(lushan.post("/api/v1/instruments/" + agreement + "/submit", "{}").status()).isEqualTo(200);
		assertThat(lushan.post("/api/v1/instruments/" + agreement + "/sign", "{}").status()).isEqualTo(200);
		Reply inForce = jiaxian.post("/api/v1/instruments/" + agreement + "/sign", "{}");
		assertThat(inForce.json().path("state").asString()).as(inForce.body()).isEqualTo("IN_FORCE");

		awaitOnB("B's deadlines set by the agreement A put in force",
				() -> sentToJiaxian(lushanOnB).path("deadlineAgreementId").asLong(0) == agreement);
		assertThat(sentToJiaxian(lushanOnB).path("deadlineBasis").asString()).contains("4 个工作日");
	}

	/** An assistance request 鲁山县 sends to 郏县 through the given instance, as sent. */
	private static JsonNode sentToJiaxian(Api lushan) {
		long caseId = Fixtures.enterpriseCase(lushan, "410423", "COUNTY").path("id").asLong();
		Reply draft = lushan.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410425", "matters": "核实情况", "legalBasis": "《安全生产法》",
				 "answerBy": "%s"}""".formatted(caseId, LocalDate.now(BEIJING).plusDays(40)));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		Reply sent = lushan.post("/api/v1/assistance-requests/" + draft.json().path("id").asLong() + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.json();
	}

	/** A letter 新华区 sends through the given instance, as its API shows it: number and signature. */
	private static JsonNode letter(Api requester) {
		return requester.get("/api/v1/documents/" + Fixtures.sentLetter(requester, "410403")).json();
	}

	private static List<String> roles(Api api) {
		Reply me = api.get("/api/v1/me");
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		return me.json().path("roles").findValuesAsString("code");
	}

	private static void awaitOnB(String what, java.util.concurrent.Callable<Boolean> condition) {
		Instant changed = Instant.now();
		await(what).atMost(Duration.ofSeconds(REFERENCE_DATA_BOUND_SECONDS))
			.pollInterval(Duration.ofMillis(100))
			.until(condition);
		System.out.printf("%s after %d ms%n", what, Duration.between(changed, Instant.now()).toMillis());
	}

	/** A person's checks through A use up the limit through B (429, problem+json). */
	private void creditChecksCountAcrossInstances(int portA, int portB) {
		Api throughA = Api.at(portA).as("xinhua.enforcer", Fixtures.PASSWORD);
		for (int i = 0; i < CREDIT_CHECKS; i++) {
			Reply check = throughA.get("/api/v1/credit/checks?name=两实例核查企业" + i);
			assertThat(check.status()).as(check.body()).isEqualTo(200);
		}
		Reply throughB = Api.at(portB).as("xinhua.enforcer", Fixtures.PASSWORD).get("/api/v1/credit/checks?name=两实例核查企业");
		assertThat(throughB.status()).as(throughB.body()).isEqualTo(429);
		assertThat(throughB.contentType()).startsWith("application/problem+json");
		assertThat(throughB.problemCode()).isEqualTo("too-many-credit-checks");
		assertThat(throughB.detail()).contains("信用核查过于频繁");
		assertThat(Api.at(portB).as("weidong.enforcer", Fixtures.PASSWORD).get("/api/v1/credit/checks?name=两实例核查企业")
			.status()).as("another person, through B").isEqualTo(200);
	}

	/**
	 * Issue 18: each instance holds the agency hierarchy in memory. A bureau registered through A is
	 * there at once on A, and on B, which had loaded the hierarchy before, within
	 * {@value #REFERENCE_DATA_BOUND_SECONDS} seconds (it compares the version every second).
	 */
	private void agenciesRegisteredOnOneAreSeenByTheOther(int portA, int portB) {
		Api readerOnB = Api.at(portB).as("xinhua.enforcer", Fixtures.PASSWORD);
		String code = Fixtures.unique("gx");
		assertThat(readerOnB.get("/api/v1/agencies/" + code).status()).as("not registered yet").isEqualTo(404);
		assertThat(readerOnB.get("/api/v1/agencies?size=5").status()).isEqualTo(200);

		Api sysadmin = Api.at(portA).as("sysadmin", Fixtures.PASSWORD);
		Reply division = sysadmin.post("/api/v1/divisions", """
				{"code": "410450", "name": "平顶山高新区", "level": "ZONE", "parentCode": "410400"}""");
		assertThat(division.status()).as(division.body()).isEqualTo(201);
		Reply registered = sysadmin.post("/api/v1/agencies", """
				{"code": "%s", "name": "平顶山高新区应急管理局", "shortName": "高新区应急局", "kind": "COUNTY_BUREAU",
				 "divisionCode": "410450", "parentCode": "410400"}""".formatted(code));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);

		assertThat(Api.at(portA).as("xinhua.enforcer", Fixtures.PASSWORD).get("/api/v1/agencies/" + code).status())
			.as("at once on the instance that registered it").isEqualTo(200);
		Instant registeredAt = Instant.now();
		await("the new bureau on B").atMost(Duration.ofSeconds(REFERENCE_DATA_BOUND_SECONDS))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> readerOnB.get("/api/v1/agencies/" + code).status() == 200);
		assertThat(readerOnB.get("/api/v1/agencies/" + code).json().path("divisionName").asString())
			.isEqualTo("平顶山高新区");
		System.out.printf("A bureau registered on A was seen on B after %d ms%n",
				Duration.between(registeredAt, Instant.now()).toMillis());
	}

	/** An address's failed sign-ins through A pause it on B, even with the right password. Last: it stays paused. */
	private void failedSignInsCountAcrossInstances(int portA, int portB) {
		String[] accounts = { "xinhua.liaison", "weidong.liaison", "shilong.liaison" };
		for (int i = 0; i < SIGN_IN_FAILURES; i++) {
			// one wrong password per account: no account reaches its own lock
			assertThat(Api.at(portA).as(accounts[i], "Cuowu#2026").get("/api/v1/me").status()).isEqualTo(401);
		}
		Reply throughB = Api.at(portB).as("zhanhe.liaison", Fixtures.PASSWORD).get("/api/v1/me");
		assertThat(throughB.status()).as(throughB.body()).isEqualTo(429);
		assertThat(throughB.contentType()).startsWith("application/problem+json");
		assertThat(throughB.problemCode()).isEqualTo("too-many-sign-in-attempts");
	}

	/** Makes every job due now, through this instance's scheduler (once it is not running it). */
	private Map<String, Instant> makeDue(ConfigurableApplicationContext instance) {
		Scheduler scheduler = instance.getBean(Scheduler.class);
		Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		due = due.isAfter(lastDue) ? due : lastDue.plusMillis(1);
		lastDue = due;
		Map<String, Instant> dues = new LinkedHashMap<>();
		for (String job : JOBS) {
			Instant at = due;
			await(job).atMost(Duration.ofSeconds(60)).ignoreExceptions()
				.until(() -> scheduler.reschedule(TaskInstanceId.of(job, RecurringTask.INSTANCE), at));
			dues.put(job, at);
		}
		return dues;
	}

	private void awaitRuns(Map<String, Instant> dues) {
		await().atMost(Duration.ofSeconds(120)).until(() -> dues.entrySet().stream()
			.allMatch(due -> completed.stream().anyMatch(run -> run.job().equals(due.getKey()) && run.due().equals(due.getValue()))));
	}

	private List<Run> startsOf(Map<String, Instant> dues) {
		return started.stream().filter(run -> run.due().equals(dues.get(run.job()))).toList();
	}

	private ConfigurableApplicationContext start(String name, String database) {
		return start(name, database, Map.of());
	}

	private ConfigurableApplicationContext start(String name, String database, Map<String, String> overrides) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", database);
		settings.put("spring.datasource.username", TestDatabases.username());
		settings.put("spring.datasource.password", TestDatabases.password());
		settings.put("server.port", "0");
		settings.put("db-scheduler.scheduler-name", name);
		// the jobs are due when the test makes them due, not meanwhile
		settings.put("liandong.oversight.scan-interval", "1h");
		settings.put("liandong.oversight.stale-events-after", "1h");
		settings.put("liandong.assistance.deadline-scan", "1h");
		settings.put("liandong.credit.audit-interval", "1h");
		settings.put("liandong.audit.checkpoint-interval", "1h");
		settings.put("liandong.audit.sweep-interval", "1h");
		settings.put("liandong.security.rate-limit.credit-checks-per-person", String.valueOf(CREDIT_CHECKS));
		settings.put("liandong.security.rate-limit.sign-in-failures-per-address", String.valueOf(SIGN_IN_FAILURES));
		settings.putAll(overrides);
		Recorder recorder = new Recorder(name);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LiandongApplication.class)
			.profiles("test", "demo")
			.initializers(starting -> starting.getBeanFactory().registerSingleton("jobRunRecorder", recorder))
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		instances.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** db-scheduler's listener in one instance: which job run, for which due time, it started and completed. */
	private final class Recorder extends AbstractSchedulerListener {

		private final String instance;

		Recorder(String instance) {
			this.instance = instance;
		}

		@Override
		public void onExecutionStart(CurrentlyExecuting executing) {
			started.add(new Run(instance, executing.getExecution().getTaskName(), millis(executing.getExecution().executionTime)));
		}

		@Override
		public void onExecutionComplete(ExecutionComplete done) {
			completed.add(new Run(instance, done.getExecution().getTaskName(), millis(done.getExecution().executionTime)));
		}

		private static Instant millis(Instant instant) {
			return instant.truncatedTo(ChronoUnit.MILLIS);
		}
	}
}
