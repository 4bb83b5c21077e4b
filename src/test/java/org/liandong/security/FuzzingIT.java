package org.liandong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Endpoints;
import org.liandong.support.Endpoints.Endpoint;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input to every endpoint (issue 9): wrong types, huge strings, SQL fragments, invalid
 * UTF-8, negative and enormous numbers, unknown enum values, malformed JSON, in path variables,
 * parameters, form fields and JSON bodies, sent as a person the authorization matrix lets in.
 * Nothing may answer with a server error and nothing may be saved: the rows of every business
 * table are counted before and after.
 */
@LiandongIntegrationTest
class FuzzingIT {

	/**
	 * Tables that record reads and the machinery's own bookkeeping, which hostile reads may touch,
	 * and those the deadline scans write on their own schedule (reminders and escalations to inboxes,
	 * conduct records) as the audit trail's checkpoints are signed on theirs, whatever the requests
	 * of the moment.
	 */
	static final Set<String> NOT_BUSINESS = Set.of("audit_record", "audit_chain_head", "audit_checkpoint",
			"event_publication", "event_publication_archive", "credit_check", "scheduled_tasks",
			"flyway_schema_history", "spring_session", "spring_session_attributes", "two_factor_client_code",
			"inbox_message", "conduct_record", "meeting_lapse_warning");

	static final String HUGE = "测".repeat(100_000);

	/**
	 * Values for any text: the parser and the validators must turn every one of them away or store it
	 * harmlessly. The long one stays under the 8 KB a request line may have once percent-encoded;
	 * longer text goes in bodies ({@link #HUGE}).
	 */
	static final List<String> HOSTILE_TEXT = List.of("abc", "-1", "-9223372036854775809", "99999999999999999999999",
			"1e309", "NaN", "' OR '1'='1' --", "1; DROP TABLE enforcement_case; --", "<script>alert(1)</script>",
			"\u0000", "NOT_A_VALUE", "2026-02-30", "../../etc/passwd", "%s%n", "测".repeat(700));

	/** Raw percent escapes that decode to invalid UTF-8. */
	static final String INVALID_UTF8 = "%C3%28%FF%FE";

	static final List<String> MALFORMED_JSON = List.of("{", "[1,2", "\"text\"", "null", "[]", "{\"a\":}", "{}}",
			"{\"version\": 1e999999}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hostile_input_to_every_endpoint_gets_no_server_error_and_a_refusal_saves_nothing() throws Exception {
		Map<String, String> reachers = whoReaches();
		Map<String, Api> apis = new LinkedHashMap<>();
		Map<String, PageSession> pages = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		int sent = 0;

		Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
		for (Endpoint endpoint : Endpoints.of(mapping)) {
			if (endpoint.pattern().equals("/error") || endpoint.pattern().startsWith("/login")) {
				continue;
			}
			HandlerMethod handler = handlerOf(handlers, endpoint);
			Inputs inputs = Inputs.of(handler);
			if (endpoint.variables().isEmpty() && inputs.isEmpty()) {
				continue; // nothing a caller can put in
			}
			String username = reachers.getOrDefault(endpoint.key(), "xinhua.enforcer");
			Map<String, Long> before = endpoint.api() ? settledRows() : Map.of();
			int accepted = 0;
			for (Attempt attempt : attempts(endpoint, inputs)) {
				int status;
				if (endpoint.api()) {
					Api api = apis.computeIfAbsent(username, name -> Api.at(port).as(name, Fixtures.PASSWORD));
					try {
						Reply reply = attempt.rawBody() != null
								? api.callRaw(endpoint.method(), attempt.path(), "application/json", attempt.rawBody())
								: api.call(endpoint.method(), attempt.path(), attempt.json());
						status = reply.status();
					}
					catch (IllegalStateException noAnswer) {
						failures.add("%s as %s: no answer (%s) for %s".formatted(endpoint.key(), username,
								noAnswer.getMessage(), attempt));
						continue;
					}
				}
				else {
					PageSession session = pages.computeIfAbsent(username, name -> {
						PageSession signedIn = new PageSession(port);
						signedIn.signIn(name, Fixtures.PASSWORD);
						return signedIn;
					});
					try {
						status = endpoint.writes() ? session.post(attempt.path(), attempt.form()).status()
								: session.get(attempt.path()).status();
					}
					catch (IllegalStateException noAnswer) {
						failures.add("%s as %s: no answer (%s) for %s".formatted(endpoint.key(), username,
								noAnswer.getMessage(), attempt));
						pages.remove(username);
						continue;
					}
				}
				sent++;
				if (status >= 500) {
					failures.add("%s as %s: %d for %s".formatted(endpoint.key(), username, status, attempt));
				}
				if (endpoint.api() && status < 300) {
					accepted++;
					if (attempt.malformed() && endpoint.writes()) {
						failures.add("%s as %s: malformed input accepted (%d) for %s".formatted(endpoint.key(), username,
								status, attempt));
					}
				}
			}
			// every attempt refused: nothing of any of them may be left behind, not even in part
			if (endpoint.api() && accepted == 0) {
				Map<String, Long> after = businessRows();
				if (!after.equals(before)) {
					failures.add("%s: refused requests changed rows: %s".formatted(endpoint.key(), changed(before, after)));
				}
			}
		}

		assertThat(sent).as("hostile requests sent").isGreaterThan(2_000);
		assertThat(failures).as("server errors, malformed input accepted, rows left by refusals").isEmpty();
	}

	private static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
		Map<String, String> changed = new TreeMap<>();
		after.forEach((table, rows) -> {
			if (!rows.equals(before.get(table))) {
				changed.put(table, before.get(table) + " → " + rows);
			}
		});
		return changed;
	}

	/** For each endpoint, the first person whom the authorization matrix's rules let reach it. */
	private static Map<String, String> whoReaches() {
		Map<String, String> reachers = new TreeMap<>();
		EndpointRules.all().forEach((key, rule) -> AccessRules.ACTORS.stream()
			.filter(actor -> !actor.anonymous())
			.filter(actor -> "AR".indexOf(rule.expected(actor, !key.contains(" /api/"), !key.startsWith("GET ")).charAt(0)) >= 0)
			.findFirst()
			.ifPresent(actor -> reachers.put(key, actor.username())));
		return reachers;
	}

	private static HandlerMethod handlerOf(Map<RequestMappingInfo, HandlerMethod> handlers, Endpoint endpoint) {
		return handlers.entrySet().stream()
			.filter(e -> e.getKey().getPatternValues().contains(endpoint.pattern()))
			.filter(e -> e.getKey().getMethodsCondition().getMethods().isEmpty() || e.getKey()
				.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals(endpoint.method())))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * One hostile request: a path with its query, and a JSON body, raw bytes or form fields.
	 * Malformed ones (a bad path variable, invalid UTF-8, broken or huge JSON, wrong types) must be
	 * refused; the others carry attacks as text (SQL, markup), which a text field may well store,
	 * as text.
	 */
	record Attempt(String path, String json, byte[] rawBody, Map<String, String> form, boolean malformed) {

		@Override
		public String toString() {
			String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
			String body = json == null ? "" : json.length() > 80 ? json.substring(0, 80) + "…" : json;
			return shown + " " + body + (form.isEmpty() ? "" : " form " + form.keySet());
		}
	}

	private static List<Attempt> attempts(Endpoint endpoint, Inputs inputs) {
		List<Attempt> attempts = new ArrayList<>();
		Map<String, String> ordinary = new TreeMap<>();
		endpoint.variables().forEach(name -> ordinary.put(name, "1"));
		String plain = endpoint.path(ordinary);
		String required = endpoint.params().isEmpty() ? "" : "?" + query(endpoint.params());

		for (String variable : endpoint.variables()) {
			for (String value : HOSTILE_TEXT) {
				Map<String, String> hostile = new TreeMap<>(ordinary);
				hostile.put(variable, URLEncoder.encode(value, StandardCharsets.UTF_8));
				attempts.add(new Attempt(endpoint.path(hostile) + required, inputs.body() ? "{}" : null, null,
						endpoint.params(), true));
			}
			Map<String, String> broken = new TreeMap<>(ordinary);
			broken.put(variable, INVALID_UTF8);
			attempts.add(new Attempt(endpoint.path(broken) + required, null, null, endpoint.params(), true));
		}
		for (String field : inputs.params()) {
			for (String value : HOSTILE_TEXT) {
				Map<String, String> params = new LinkedHashMap<>(endpoint.params());
				params.put(field, value);
				boolean inQuery = endpoint.api() || !endpoint.writes();
				String path = inQuery ? plain + "?" + query(params) : plain + required;
				attempts.add(new Attempt(path, inputs.body() ? "{}" : null, null, inQuery ? Map.of() : params, false));
			}
			attempts.add(new Attempt(plain + "?" + query(endpoint.params()) + (endpoint.params().isEmpty() ? "" : "&")
					+ field + "=" + INVALID_UTF8, null, null, endpoint.params(), true));
		}
		if (inputs.body()) {
			for (String json : MALFORMED_JSON) {
				attempts.add(new Attempt(plain + required, json, null, Map.of(), true));
			}
			attempts.add(new Attempt(plain + required, null, new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3,
					0x28, (byte) 0xFF, '"', '}' }, Map.of(), true));
			attempts.add(new Attempt(plain + required, "\"" + HUGE + "\"", null, Map.of(), true));
			inputs.hostileBodies().forEach((json, malformed) -> attempts.add(
					new Attempt(plain + required, json, null, Map.of(), malformed)));
		}
		return attempts;
	}

	private static String query(Map<String, String> params) {
		return String.join("&", params.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.toList());
	}

	/** What a handler reads from a request besides its path: named parameters and a JSON body's fields. */
	record Inputs(List<String> params, Class<?> bodyType) {

		static Inputs of(HandlerMethod handler) {
			List<String> params = new ArrayList<>();
			Class<?> bodyType = null;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				Parameter reflected = parameter.getParameter();
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null) {
					params.add(!param.name().isEmpty() ? param.name()
							: !param.value().isEmpty() ? param.value() : reflected.getName());
				}
				else if (parameter.hasParameterAnnotation(RequestBody.class)) {
					bodyType = parameter.getParameterType();
				}
				else if (parameter.hasParameterAnnotation(ModelAttribute.class)
						|| (parameter.getParameterType().isRecord()
								&& parameter.getParameterType().getPackageName().startsWith("org.liandong"))) {
					for (RecordComponent component : components(parameter.getParameterType())) {
						params.add(component.getName());
					}
				}
			}
			params.removeIf(name -> name.equals("page") || name.equals("size") || name.equals("sort"));
			params.addAll(List.of("page", "size", "sort"));
			return new Inputs(params, bodyType);
		}

		boolean isEmpty() {
			return params.size() == 3 && bodyType == null;
		}

		boolean body() {
			return bodyType != null;
		}

		/**
		 * Bodies with every field hostile at once, of each kind, and one with wrong types; each
		 * with whether it is malformed (huge strings, wrong types) or only odd text.
		 */
		Map<String, Boolean> hostileBodies() {
			Map<String, Boolean> bodies = new LinkedHashMap<>();
			RecordComponent[] fields = components(bodyType);
			if (fields.length == 0) {
				return bodies;
			}
			for (String value : List.of("\"" + HUGE + "\"", "\"' OR 1=1; --\"", "-1", "-9223372036854775808",
					"99999999999999999999999999", "\"NOT_A_VALUE\"", "\"2026-02-30\"", "[null]", "{\"x\": [[]]}",
					"true", "null")) {
				StringBuilder json = new StringBuilder("{");
				for (RecordComponent field : fields) {
					json.append('"').append(field.getName()).append("\": ").append(value).append(',');
				}
				json.setCharAt(json.length() - 1, '}');
				bodies.put(json.toString(), value.length() > 1_000);
			}
			StringBuilder wrongTypes = new StringBuilder("{");
			for (RecordComponent field : fields) {
				wrongTypes.append('"').append(field.getName()).append("\": ").append(wrongType(field.getType()))
					.append(',');
			}
			wrongTypes.setCharAt(wrongTypes.length() - 1, '}');
			bodies.put(wrongTypes.toString(), true);
			return bodies;
		}

		private static String wrongType(Class<?> type) {
			if (type == String.class) {
				return "{\"nested\": true}";
			}
			if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
				return "\"abc\"";
			}
			if (Temporal.class.isAssignableFrom(type)) {
				return "12345";
			}
			if (Collection.class.isAssignableFrom(type)) {
				return "\"not a list\"";
			}
			return "[1, \"x\"]";
		}

		private static RecordComponent[] components(Class<?> type) {
			return type != null && type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
		}
	}

	/**
	 * Counted once the work that earlier requests set off in the background (deliveries to inboxes,
	 * which may set off more) has settled: the same counts twice, a moment apart.
	 */
	private Map<String, Long> settledRows() throws Exception {
		Map<String, Long> rows = businessRows();
		for (int i = 0; i < 50; i++) {
			Thread.sleep(200);
			Map<String, Long> again = businessRows();
			if (again.equals(rows)) {
				return rows;
			}
			rows = again;
		}
		return rows;
	}

	/** Counted once the deliveries of earlier tests' events have settled, so only this test's requests count. */
	private Map<String, Long> businessRows() throws SQLException {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
		Map<String, Long> rows = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
					new String[] { "TABLE" })) {
				while (tables.next()) {
					String table = tables.getString("TABLE_NAME").toLowerCase();
					if (!NOT_BUSINESS.contains(table)) {
						rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
					}
				}
			}
		}
		return rows;
	}
}
