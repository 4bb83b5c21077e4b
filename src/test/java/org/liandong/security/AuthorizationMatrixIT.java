package org.liandong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix (issue 9, X2): every endpoint of the API and of the pages, read from
 * the running application's own mappings, tried as every role and as an enforcer of a foreign
 * bureau. The expected outcome of each is declared in one table,
 * {@code src/test/resources/security/authorization-matrix.txt}; an endpoint missing from the
 * table fails the test, so a new endpoint cannot escape it. Independently of the table, three
 * rules hold: nobody reaches anything without signing in, administrators reach no business
 * endpoint, and the foreign bureau never reaches the cases and requests of another (404).
 */
@LiandongIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

	static final String TABLE = "security/authorization-matrix.txt";

	/** The people, in the table's column order; null is nobody signed in. */
	static final Map<String, String> USERS = new LinkedHashMap<>();
	static {
		USERS.put("anon", null);
		USERS.put("sys", "sysadmin");
		USERS.put("sec", "secadmin");
		USERS.put("aud", "auditor");
		USERS.put("leader", "city.leader");
		USERS.put("legal", "city.legal");
		USERS.put("det", "city.detachment");
		USERS.put("enf", "xinhua.enforcer");
		USERS.put("liai", "xinhua.liaison");
		USERS.put("foreign", "weidong.enforcer");
	}

	static final Set<String> ADMINISTRATORS = Set.of("sys", "sec", "aud");

	static final Set<String> BUSINESS = Set.of("leader", "legal", "det", "enf", "liai", "foreign");

	/**
	 * What every signed-in person may reach, administrators included: their own account, the shell,
	 * and the reference data that the administrators' own forms need (agencies, divisions, the
	 * working calendar, issuers' prefixes and public signing keys).
	 */
	static final Predicate<String> SHARED = pattern -> pattern.equals("/") || pattern.startsWith("/account/")
			|| pattern.startsWith("/api/v1/me") || pattern.startsWith("/login")
			|| pattern.matches("/api/v1/(agencies|divisions|calendar)(/.*)?")
			|| pattern.matches("/api/v1/documents/(issuers|signing-keys/agencies)/\\{agencyCode}")
			// integration clients' token endpoint: nobody's person, every person's empty form a 400
			|| pattern.equals("/oauth2/token");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	/** Values of the path variables: a case and a request of 新华区 with an attachment, a fresh account. */
	final Map<String, String> values = new TreeMap<>();

	/** Variables naming a resource that belongs to 新华区 alone. */
	final Map<String, String> privateToXinhua = new TreeMap<>();

	@BeforeAll
	void fixtures() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", Fixtures.PASSWORD);
		String caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asString();
		Reply request = xinhua.post("/api/v1/assistance-requests", """
				{"caseId": %s, "assistingAgencyCode": "410421", "matters": "核实该企业在贵辖区的经营场所。",
				 "legalBasis": "《中华人民共和国安全生产法》第二十八条", "answerBy": "%s"}"""
			.formatted(caseId, LocalDate.now().plusDays(20)));
		assertThat(request.status()).as(request.body()).isEqualTo(201);
		String requestId = request.json().path("id").asString();
		Reply attachment = xinhua.upload("/api/v1/assistance-requests/" + requestId + "/attachments", "现场照片.pdf",
				"application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(attachment.status()).as(attachment.body()).isEqualTo(201);
		values.put("case", caseId);
		values.put("request", requestId);
		values.put("attachmentId", attachment.json().path("id").asString());
		values.put("username", Fixtures.newAccount(Api.at(port), "410402"));
		values.put("year", String.valueOf(LocalDate.now().getYear()));
		values.put("day", "2099-01-05");
		values.put("role", "LEADER");
		values.put("agencyCode", "999999");
		values.put("code", "410402");
		values.put("action", "accept");
	}

	@Test
	void every_endpoint_answers_every_role_as_the_table_declares() throws IOException {
		Map<String, String> expected = table();
		Map<String, Callers> callers = new LinkedHashMap<>();
		USERS.forEach((alias, username) -> callers.put(alias, new Callers(username)));

		Map<String, String> observed = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		List<Endpoint> endpoints = Endpoints.of(mapping);
		for (Endpoint endpoint : endpoints) {
			String path = endpoint.path(variablesFor(endpoint));
			StringBuilder row = new StringBuilder();
			callers.forEach((alias, caller) -> {
				char outcome = caller.outcome(endpoint, path);
				row.append(outcome);
				if (outcome == 'X') {
					failures.add("%s as %s: server error".formatted(endpoint.key(), alias));
				}
			});
			observed.put(endpoint.key(), row.toString());
			checkRules(endpoint, row.toString(), failures);
		}

		Path written = Path.of("target", "authorization-matrix.observed.txt");
		Files.createDirectories(written.getParent());
		Files.writeString(written, render(observed));

		observed.forEach((key, row) -> {
			if (!expected.containsKey(key)) {
				failures.add("%s is not in the table (observed %s)".formatted(key, row));
			}
			else if (!expected.get(key).equals(row)) {
				failures.add("%s: table says %s, observed %s".formatted(key, expected.get(key), row));
			}
		});
		expected.keySet().stream().filter(key -> !observed.containsKey(key))
			.forEach(key -> failures.add(key + " is in the table but no longer an endpoint"));

		assertThat(endpoints).as("the application's own endpoints").hasSizeGreaterThan(200);
		assertThat(failures).as("see " + written.toAbsolutePath() + " for the whole observed table").isEmpty();
	}

	/** The rules that hold whatever the table says. */
	private void checkRules(Endpoint endpoint, String row, List<String> failures) {
		List<String> aliases = List.copyOf(USERS.keySet());
		for (int i = 0; i < row.length(); i++) {
			String alias = aliases.get(i);
			char outcome = row.charAt(i);
			// a page's form post without a session is refused by the CSRF check before sign-in is asked for
			boolean refusedForm = outcome == 'D' && !endpoint.api() && endpoint.writes();
			// the token endpoint authenticates the integration client itself (RFC 6749 §2.3): 400 to an empty form
			if (alias.equals("anon") && outcome != 'U' && !refusedForm && !endpoint.pattern().startsWith("/login")
					&& !endpoint.pattern().equals("/error")
					&& !(endpoint.pattern().equals("/oauth2/token") && outcome == 'B')) {
				failures.add("%s answers %s without sign-in".formatted(endpoint.key(), outcome));
			}
			if (ADMINISTRATORS.contains(alias) && reached(outcome) && !SHARED.test(endpoint.pattern())
					&& businessReaches(row, aliases)) {
				failures.add("%s: administrator %s reaches a business endpoint".formatted(endpoint.key(), alias));
			}
			if (alias.equals("foreign") && outcome == 'R'
					&& endpoint.variables().stream().anyMatch(privateToXinhua::containsKey)) {
				failures.add("%s: another bureau reaches 新华区's own resource".formatted(endpoint.key()));
			}
		}
	}

	private static boolean businessReaches(String row, List<String> aliases) {
		for (int i = 0; i < row.length(); i++) {
			if (BUSINESS.contains(aliases.get(i)) && reached(row.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static boolean reached(char outcome) {
		return outcome == 'R' || outcome == 'B';
	}

	/** {id} means the case under /cases, the request under /assistance; both belong to 新华区 alone. */
	private Map<String, String> variablesFor(Endpoint endpoint) {
		Map<String, String> variables = new TreeMap<>(values);
		privateToXinhua.clear();
		String pattern = endpoint.pattern();
		if (pattern.matches("(/api/v1)?/cases/\\{id}.*")) {
			variables.put("id", values.get("case"));
			privateToXinhua.put("id", values.get("case"));
		}
		else if (pattern.matches("(/api/v1/assistance-requests|/assistance)/\\{id}.*")) {
			variables.put("id", values.get("request"));
			privateToXinhua.put("id", values.get("request"));
			privateToXinhua.put("attachmentId", values.get("attachmentId"));
		}
		if (pattern.contains("{caseId}")) {
			variables.put("caseId", values.get("case"));
			privateToXinhua.put("caseId", values.get("case"));
		}
		return variables;
	}

	/** One person's two ways in: HTTP Basic on the API, a signed-in browser session on the pages. */
	private final class Callers {

		private final String username;

		private final Api api;

		private final PageSession pages;

		Callers(String username) {
			this.username = username;
			this.api = username == null ? Api.at(port).anonymous() : Api.at(port).as(username, Fixtures.PASSWORD);
			this.pages = new PageSession(port);
			if (username != null) {
				pages.signIn(username, Fixtures.PASSWORD);
			}
		}

		/** U sign-in required, D refused, H not found, B bad request, R reached otherwise, X a server error. */
		char outcome(Endpoint endpoint, String path) {
			String query = endpoint.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("&"));
			if (endpoint.api()) {
				String target = query.isEmpty() ? path : path + "?" + query;
				Reply reply = endpoint.multipart()
						? api.upload(target, "材料.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
						: api.call(endpoint.method(), target, endpoint.writes() ? "{}" : null);
				char outcome = classify(reply.status(), "");
				if (outcome == 'B' && username != null && username.equals(USERS.get("foreign"))
						&& endpoint.variables().stream().anyMatch(privateToXinhua::containsKey)) {
					// the body is judged before the resource is looked up: the same answer as for none at all
					Map<String, String> absent = new TreeMap<>(values);
					privateToXinhua.keySet().forEach(name -> absent.put(name, "987654321"));
					String other = endpoint.path(absent) + (query.isEmpty() ? "" : "?" + query);
					assertThat(api.call(endpoint.method(), other, "{}").status())
						.as("%s for a resource that does not exist", endpoint.key()).isEqualTo(400);
				}
				return outcome;
			}
			PageSession.Page page;
			if (!endpoint.writes()) {
				page = pages.get(query.isEmpty() ? path : path + "?" + query);
			}
			else if (endpoint.multipart()) {
				page = pages.upload(path, "材料.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
			}
			else {
				page = pages.post(path, endpoint.params());
			}
			return classify(page.status(), page.location());
		}

		private char classify(int status, String location) {
			if (status == 401 || (status == 302 && location.matches(".*/login(\\?.*)?$"))) {
				return 'U';
			}
			return switch (status) {
				case 403 -> 'D';
				case 404 -> 'H';
				case 400 -> 'B';
				default -> status >= 500 ? 'X' : 'R';
			};
		}
	}

	/** The table: for each endpoint's key, one outcome letter per person in the order of {@link #USERS}. */
	static Map<String, String> table() throws IOException {
		Map<String, String> rows = new TreeMap<>();
		try (InputStream in = AuthorizationMatrixIT.class.getClassLoader().getResourceAsStream(TABLE)) {
			assertThat(in).as(TABLE).isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				String[] fields = text.split("\\s+");
				assertThat(fields).as(line).hasSize(2 + USERS.size());
				rows.put(fields[0] + " " + fields[1],
						String.join("", List.of(fields).subList(2, fields.length)));
			}
		}
		return rows;
	}

	private static String render(Map<String, String> observed) {
		StringBuilder text = new StringBuilder();
		text.append("# method path").append(" ".repeat(55)).append(String.join(" ", USERS.keySet())).append('\n');
		observed.forEach((key, row) -> {
			String[] parts = key.split(" ", 2);
			text.append("%-7s %-60s".formatted(parts[0], parts[1]));
			for (char outcome : row.toCharArray()) {
				text.append(' ').append(outcome);
			}
			text.append('\n');
		});
		return text.toString();
	}
}
