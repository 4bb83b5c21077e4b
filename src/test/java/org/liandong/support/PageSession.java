package org.liandong.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser session at the HTTP level: cookies, the CSRF token of the last page, form posts. */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;
	private final String base;
	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();
	private String csrf;

	public PageSession(int port) {
		this.port = port;
		this.base = "http://localhost:" + port;
	}

	/**
	 * Signs in through the login form and returns where the application sent the browser. A demo
	 * administrator, who must use a second factor, also passes the second step with the current code.
	 */
	public Page signIn(String username, String password) {
		get("/login");
		Page signedIn = post("/login", Map.of("username", username, "password", password));
		if (SecondFactor.DEMO_ADMINISTRATORS.contains(username) && signedIn.location().endsWith("/")) {
			secondStep(SecondFactor.freshCode(port, username, SecondFactor.DEMO_SECRET));
		}
		return signedIn;
	}

	/** Only the password: the session then waits at the second step (or the binding) if the account needs one. */
	public Page signInWithPasswordOnly(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	/** Gives a one-time password (or a recovery code) at the second step of the sign-in. */
	public Page secondStep(String code) {
		get("/login/two-factor");
		return post("/login/two-factor", Map.of("code", code));
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(URI.create(base + path).toASCIIString()))
			.header("Accept", "text/html,*/*;q=0.8")
			.GET());
	}

	public Page post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null) {
			fields.put("_csrf", csrf);
		}
		return postFields(path, fields);
	}

	/** Posts a form whose fields may repeat, as checked checkboxes of one name do, with the CSRF token. */
	public Page post(String path, List<Map.Entry<String, String>> form) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(form);
		if (csrf != null) {
			fields.add(Map.entry("_csrf", csrf));
		}
		return postEntries(path, fields);
	}

	/** Posts a form with one file in the field {@code file}, as a browser's file input sends it, with the CSRF token. */
	public Page upload(String path, String fileName, String contentType, byte[] content) {
		String boundary = "----liandong" + System.nanoTime();
		StringBuilder head = new StringBuilder();
		if (csrf != null) {
			head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
				.append(csrf).append("\r\n");
		}
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName).append("\"\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + content.length + tail.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(content, 0, body, start.length, content.length);
		System.arraycopy(tail, 0, body, start.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * Opens a server-sent event stream with the session, as a page's EventSource does, and hands each of
	 * its lines to {@code line} on a thread of its own until the stream ends or the returned handle is closed.
	 */
	public AutoCloseable stream(String path, java.util.function.Consumer<String> line) {
		java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response = http.sendAsync(
				HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build(),
				HttpResponse.BodyHandlers.ofLines());
		java.util.concurrent.CompletableFuture<Void> reading = response
			.thenAcceptAsync(lines -> lines.body().forEach(line));
		return () -> {
			response.cancel(true);
			reading.cancel(true);
			response.thenAccept(lines -> lines.body().close());
		};
	}

	/** A forged post: the session's cookie goes along, the page's CSRF token does not. */
	public Page postWithoutCsrf(String path, Map<String, String> form) {
		return postFields(path, form);
	}

	private Page postFields(String path, Map<String, String> fields) {
		return postEntries(path, List.copyOf(fields.entrySet()));
	}

	private Page postEntries(String path, List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Page(int status, String html, String location) {
	}
}
