package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.liandong.platform.contract.Description;
import org.liandong.platform.contract.Harvest;
import org.liandong.platform.contract.Operation;
import org.liandong.platform.contract.Requests;
import org.liandong.platform.contract.Requests.Request;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.TestDatabases;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API does what its description at {@code /v3/api-docs} says (issue 20, X5). For every operation
 * of the description, requests are built from the description alone (not from the Java code):
 * valid ones from the schemas of its parameters and body, invalid ones each breaking one stated
 * rule (see {@link Requests}), sent over HTTP as each of several demo accounts and anonymously.
 * Every answer must:
 * <ul>
 * <li>not be a server error (5xx);</li>
 * <li>have a status the operation declares;</li>
 * <li>have a content type the operation declares for that status, and a body that conforms to the
 * schema declared for it, nullability and formats included;</li>
 * <li>for an error, be problem details ({@code application/problem+json}, RFC 9457);</li>
 * <li>for an invalid request, be a refusal (4xx), and for an anonymous caller of an operation that
 * requires authentication, 401.</li>
 * </ul>
 * The generation is random with a fixed seed, a few requests per operation and account, so a
 * failure repeats. The test has a database of its own: valid requests change data, and none of it
 * should meet another test's expectations.
 */
@LiandongIntegrationTest
class OpenApiContractIT {

	static final long SEED = 20_2026L;

	/** The callers: anonymous, the three administrators (with their second factor), and people of each level. */
	static final List<String> CALLERS = Arrays.asList(null, "sysadmin", "secadmin", "auditor", "city.leader",
			"city.legal", "city.detachment", "xinhua.enforcer", "xinhua.liaison", "baofeng.enforcer", "samr.leader");

	static final int VALID_PER_CALLER = 2;

	static final int INVALID_PER_OPERATION = 10;

	static final String DATABASE = TestDatabases.fresh();

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
	}

	@LocalServerPort
	int port;

	private final Map<String, Api> apis = new LinkedHashMap<>();

	@Test
	void every_operation_answers_as_its_description_says() {
		JsonNode api = Api.at(port).anonymous().get("/v3/api-docs").json();
		write("target/openapi-contract/api-docs.json", api.toPrettyString());
		Description description = new Description(api);
		Set<String> reserved = new LinkedHashSet<>(CALLERS.subList(1, CALLERS.size()));
		Harvest harvest = new Harvest(reserved);
		Random random = new Random(SEED);
		Requests requests = new Requests(description, harvest, random);
		Map<String, List<String>> failures = new TreeMap<>();
		int sent = 0;

		List<Operation> operations = description.operations();
		for (Operation operation : operations) {
			List<String> reached = new ArrayList<>();
			for (String caller : CALLERS) {
				for (int i = 0; i < VALID_PER_CALLER; i++) {
					Request request = requests.valid(operation);
					Reply reply = send(caller, operation, request);
					sent++;
					check(description, api, operation, caller, request, reply, failures);
					if (reply.status() == 200 && operation.method().equals("GET") && reply.contentType().contains("json")) {
						harvest.take(operation.path(), reply.json());
					}
					if (caller != null && reply.status() != 401 && reply.status() != 403 && !reached.contains(caller)) {
						reached.add(caller);
					}
				}
			}
			List<String> callers = reached.isEmpty() ? List.of("sysadmin") : reached;
			for (Request request : requests.invalid(operation, INVALID_PER_OPERATION)) {
				String caller = callers.get(random.nextInt(callers.size()));
				Reply reply = send(caller, operation, request);
				sent++;
				check(description, api, operation, caller, request, reply, failures);
			}
		}

		assertThat(operations).as("operations described").hasSizeGreaterThan(100);
		assertThat(sent).as("requests sent").isGreaterThan(3_000);
		List<String> report = report(failures);
		write("target/openapi-contract/failures.txt", String.join("\n", report));
		write("target/openapi-contract/summary.txt", "%d operations, %d requests, %d answers differing%n"
			.formatted(operations.size(), sent, report.size()));
		assertThat(report).as("answers that differ from the description (also in target/openapi-contract/failures.txt)")
			.isEmpty();
	}

	private Reply send(String caller, Operation operation, Request request) {
		Api api = apis.computeIfAbsent(String.valueOf(caller),
				name -> caller == null ? Api.at(port).anonymous() : Api.at(port).as(caller, Fixtures.PASSWORD));
		return api.exchange(operation.method(), request.path(), request.contentType(), request.body(), operation.accept());
	}

	private static void check(Description description, JsonNode api, Operation operation, String caller,
			Request request, Reply reply, Map<String, List<String>> failures) {
		int status = reply.status();
		String who = caller == null ? "anonymous" : caller;
		List<String> found = new ArrayList<>();
		if (status >= 500) {
			found.add("server error " + status);
		}
		if (!operation.declares(status)) {
			found.add("status " + status + " not declared");
		}
		if (request.invalid() && status < 400) {
			found.add("invalid request accepted with " + status);
		}
		if (caller == null && operation.secured(api) && status != 401) {
			found.add("anonymous answered " + status + ", not 401");
		}
		if (status >= 400 && !reply.contentType().startsWith("application/problem+json")) {
			found.add("error " + status + " as " + reply.contentType() + ", not problem details");
		}
		if (!reply.body().isEmpty() && operation.declares(status)) {
			found.addAll(conformance(description, operation, status, reply));
		}
		for (String failure : found) {
			failures.computeIfAbsent(operation.key() + " [" + operation.id() + "]", key -> new ArrayList<>())
				.add(failure + " — as " + who + ": " + request + " → " + abbreviated(reply.body()));
		}
	}

	private static List<String> conformance(Description description, Operation operation, int status, Reply reply) {
		String mediaType = operation.mediaTypeFor(status, reply.contentType()).orElse(null);
		if (mediaType == null) {
			return List.of("content type " + reply.contentType() + " not declared for " + status + " (declared: "
					+ operation.answers(status).keySet() + ")");
		}
		JsonNode schema = operation.answers(status).get(mediaType);
		if (!reply.contentType().contains("json") || schema == null || schema.isMissingNode() || schema.isEmpty()) {
			return List.of();
		}
		JsonNode body;
		try {
			body = JsonMapper.builder().build().readTree(reply.body());
		}
		catch (RuntimeException e) {
			return List.of("body is not JSON");
		}
		return description.violations(schema, body).stream().limit(5).map(v -> "body against schema: " + v).toList();
	}

	/** The description and the failures kept for reading after a run. */
	private static void write(String file, String content) {
		try {
			java.nio.file.Path path = java.nio.file.Path.of(file);
			java.nio.file.Files.createDirectories(path.getParent());
			java.nio.file.Files.writeString(path, content);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static String abbreviated(String body) {
		String shown = body.replaceAll("\\s+", " ");
		return shown.length() > 300 ? shown.substring(0, 300) + "…" : shown;
	}

	/** Each operation's failures, the same kind of failure shown once with how often it happened. */
	private static List<String> report(Map<String, List<String>> failures) {
		List<String> lines = new ArrayList<>();
		failures.forEach((operation, list) -> {
			Map<String, Integer> kinds = new LinkedHashMap<>();
			Map<String, String> example = new LinkedHashMap<>();
			for (String failure : list) {
				String kind = failure.substring(0, failure.indexOf(" — ")).replaceAll("/\\d+/", "/*/");
				kinds.merge(kind, 1, Integer::sum);
				example.putIfAbsent(kind, failure);
			}
			kinds.forEach((kind, count) -> lines.add(operation + ": " + count + "× " + example.get(kind)));
		});
		return lines;
	}
}
