package org.liandong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.liandong.security.AccessRules.Actor;
import org.liandong.security.AccessRules.Rule;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix (issue 9, issue 19, X2): every endpoint of the API and of the pages,
 * read from the running application's own mappings, tried by every actor of {@link AccessRules#ACTORS}
 * against real records of every kind ({@link MatrixRecords}) that belong to 新华区 or to the pair
 * 新华区 and 宝丰县. What each answer must be follows from the endpoint's rule in
 * {@link EndpointRules}, written from the requirements; an endpoint without a rule fails the test.
 * An API write by an actor the rule permits gets a fresh record, so that every other probe sees the
 * records as made; the pages come after the API (their paths sort after {@code /api/}) and their
 * posts, judged for refusals only, use the shared records.
 */
@LiandongIntegrationTest
class AuthorizationMatrixIT {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	JdbcClient jdbc;

	@Test
	void every_endpoint_answers_every_actor_as_its_rule_says() throws IOException {
		Map<String, Rule> rules = EndpointRules.all();
		MatrixRecords records = new MatrixRecords(port, jdbc);
		Map<String, Callers> callers = new LinkedHashMap<>();
		AccessRules.ACTORS.forEach(actor -> callers.put(actor.alias(), new Callers(actor)));

		List<String> failures = new ArrayList<>();
		Map<String, String> table = new TreeMap<>();
		List<Endpoint> endpoints = Endpoints.of(mapping);
		Map<String, Integer> keys = new HashMap<>();
		endpoints.forEach(endpoint -> keys.merge(endpoint.key(), 1, Integer::sum));
		int probes = 0;
		for (Endpoint endpoint : endpoints) {
			String key = keys.get(endpoint.key()) > 1 && endpoint.multipart() ? endpoint.key() + " (file)" : endpoint.key();
			Rule rule = rules.remove(key);
			if (rule == null) {
				failures.add("%s (%s) has no rule in EndpointRules: say who may use it and on which record"
					.formatted(key, endpoint.handler()));
				continue;
			}
			StringBuilder expectedRow = new StringBuilder();
			StringBuilder observedRow = new StringBuilder();
			for (Actor actor : AccessRules.ACTORS) {
				String expected = rule.expected(actor, !endpoint.api(), endpoint.writes());
				// a page's post is judged only for who is refused, whatever it changes: the shared records serve
				boolean changes = endpoint.api() && endpoint.writes() && expected.matches("[AR]+");
				Map<String, String> values = values(rule, records, changes);
				Callers caller = callers.get(actor.alias());
				char observed = caller.outcome(endpoint, rule, values);
				probes++;
				expectedRow.append(expected.charAt(0));
				observedRow.append(observed);
				if (expected.indexOf(observed) < 0) {
					failures.add("%s as %s (%s): expected %s, answered %s: %s%s".formatted(key, actor.alias(),
							actor.username(), describe(expected.charAt(0)), describe(observed), caller.last,
							rule.why.isEmpty() ? "" : " [" + rule.why + "]"));
				}
			}
			table.put(key, expectedRow + " " + observedRow);
		}
		rules.keySet().forEach(key -> failures.add(key + " has a rule but is no longer an endpoint"));

		Path written = Path.of("target", "authorization-matrix.txt");
		Files.createDirectories(written.getParent());
		Files.writeString(written, render(table, probes));

		assertThat(endpoints).as("the application's own endpoints").hasSizeGreaterThan(200);
		assertThat(failures).as("see " + written.toAbsolutePath() + " for every expected and observed answer").isEmpty();
	}

	private static Map<String, String> values(Rule rule, MatrixRecords records, boolean changes) {
		Map<String, String> values = new HashMap<>();
		if (rule.kind != null) {
			values.putAll(changes ? records.fresh(rule.kind) : records.shared(rule.kind));
		}
		if (!values.containsKey("username") && rule.kind == null) {
			values.put("username", "nobody.here");
		}
		values.putAll(rule.fixed);
		return values;
	}

	private static String describe(char outcome) {
		return switch (outcome) {
			case 'U' -> "sign-in (U)";
			case 'D' -> "403 (D)";
			case 'H' -> "404 (H)";
			case 'A' -> "allowed, 2xx/3xx (A)";
			case 'R' -> "reached, 4xx other than 401/403/404 (R)";
			default -> "a server error (X)";
		};
	}

	private static String render(Map<String, String> table, int probes) {
		StringBuilder text = new StringBuilder();
		text.append("# ").append(table.size()).append(" endpoints, ").append(probes).append(" probes. Per actor (")
			.append(AccessRules.ACTORS.stream().map(Actor::alias).collect(Collectors.joining(" ")))
			.append("): expected, then observed.\n");
		table.forEach((key, rows) -> text.append("%-75s %s%n".formatted(key, rows)));
		return text.toString();
	}

	/** One actor's two ways in: HTTP Basic on the API, a signed-in browser session on the pages. */
	private final class Callers {

		private final Actor actor;

		private final Api api;

		private final PageSession pages;

		/** The status and the start of the body of the last answer, for a failure's message. */
		String last = "";

		Callers(Actor actor) {
			this.actor = actor;
			this.api = actor.anonymous() ? Api.at(port).anonymous() : Api.at(port).as(actor.username(), Fixtures.PASSWORD);
			this.pages = new PageSession(port);
			if (!actor.anonymous()) {
				pages.signIn(actor.username(), Fixtures.PASSWORD);
			}
		}

		char outcome(Endpoint endpoint, Rule rule, Map<String, String> values) {
			String query = rule.query.apply(values);
			String params = endpoint.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("&"));
			String all = String.join("&", List.of(query, params).stream().filter(s -> !s.isEmpty()).toList());
			String path = endpoint.path(values);
			String target = all.isEmpty() ? path : path + "?" + all;
			if (endpoint.api()) {
				Reply reply;
				if (endpoint.multipart()) {
					reply = rule.file != null && rule.file.endsWith(".csv")
							? api.upload(target, rule.file, "text/csv", ("\uFEFF名称,统一社会信用代码\n甲公司,"
									+ Fixtures.uscc("410403") + "\n").getBytes(StandardCharsets.UTF_8))
							: api.upload(target, "材料.pdf", "application/pdf", MatrixRecords.PDF);
				}
				else {
					String body = rule.body.apply(values, actor);
					reply = endpoint.writes() ? api.call(endpoint.method(), target, body == null ? "{}" : body)
							: api.download(target);
				}
				last = reply.status() + " " + abbreviated(reply.body());
				return classify(reply.status(), "");
			}
			PageSession.Page page;
			if (!endpoint.writes()) {
				page = pages.get(target);
			}
			else if (endpoint.multipart()) {
				page = pages.upload(path, "材料.pdf", "application/pdf", MatrixRecords.PDF);
			}
			else {
				Map<String, String> form = new LinkedHashMap<>(endpoint.params());
				form.putAll(rule.form.apply(values));
				page = pages.post(path, form);
			}
			last = page.status() + " " + page.location();
			return classify(page.status(), page.location());
		}

		private static String abbreviated(String body) {
			String text = body == null ? "" : body.replaceAll("\\s+", " ");
			return text.length() > 160 ? text.substring(0, 160) + "…" : text;
		}

		private char classify(int status, String location) {
			if (status == 401 || (status == 302 && location.matches(".*/login(\\?.*)?$"))) {
				return 'U';
			}
			if (status >= 500) {
				return 'X';
			}
			return switch (status) {
				case 403 -> 'D';
				case 404 -> 'H';
				default -> status < 400 ? 'A' : 'R';
			};
		}
	}

}
