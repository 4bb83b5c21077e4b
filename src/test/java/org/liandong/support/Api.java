package org.liandong.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the API, as a script of another government system would use it. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;
	private final String base;
	private final HttpClient http = HttpClient.newHttpClient();
	private String authorization;
	private String username;
	private String otpSecret;
	private String fixedOtp;

	private Api(int port) {
		this.port = port;
		this.base = "http://localhost:" + port;
	}

	public static Api at(int port) {
		return new Api(port);
	}

	/**
	 * Sends HTTP Basic credentials of the given account on every following call; for the demo
	 * administrators, who must use a second factor, also their current one-time password (X-OTP).
	 */
	public Api as(String username, String password) {
		Api api = new Api(port);
		api.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		api.username = username;
		api.otpSecret = SecondFactor.DEMO_ADMINISTRATORS.contains(username) ? SecondFactor.DEMO_SECRET : null;
		return api;
	}

	/** The same credentials with the current one-time password of this secret on every call. */
	public Api withOtpSecret(String secret) {
		Api api = as(username);
		api.otpSecret = secret;
		return api;
	}

	/** The same credentials without a one-time password. */
	public Api withoutOtp() {
		return withOtpSecret(null);
	}

	/** The same credentials with this one-time password, as given, on every call. */
	public Api withOtp(String code) {
		Api api = as(username);
		api.otpSecret = null;
		api.fixedOtp = code;
		return api;
	}

	private Api as(String name) {
		Api api = new Api(port);
		api.authorization = authorization;
		api.username = name;
		return api;
	}

	/** Sends this bearer token (an integration client's, issue 20) on every following call. */
	public Api withBearer(String token) {
		Api api = new Api(port);
		api.authorization = "Bearer " + token;
		return api;
	}

	public Api anonymous() {
		return new Api(port);
	}

	public Reply get(String path) {
		return send(request(path).GET());
	}

	/** A GET that accepts any type (a PDF, a workbook, a CSV), whatever its status; the body read as text. */
	public Reply download(String path) {
		return send(request(path).setHeader("Accept", "*/*").GET());
	}

	/** The body as bytes, accepting any type (a PDF, a workbook); fails unless the status is 200. */
	public byte[] getBytes(String path) {
		try {
			HttpResponse<byte[]> response = http.send(request(path).setHeader("Accept", "*/*").GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("GET %s: %d %s".formatted(path, response.statusCode(),
						new String(response.body(), StandardCharsets.UTF_8)));
			}
			return response.body();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public Reply post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Reply put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Reply delete(String path) {
		return send(request(path).DELETE());
	}

	public Reply patch(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/** Any method with an optional JSON body, for tests that walk every endpoint. */
	public Reply call(String method, String path, String json) {
		HttpRequest.Builder request = request(path);
		return send(json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
				: request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/** Any method with raw bytes as the body, declared as the given content type. */
	public Reply callRaw(String method, String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * Any method with an optional body of the given content type, accepting the given type: a request
	 * as a client built it from the API description.
	 */
	public Reply exchange(String method, String path, String contentType, byte[] body, String accept) {
		HttpRequest.Builder request = request(path).setHeader("Accept", accept);
		if (body == null) {
			return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
		}
		return send(request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Uploads one file as the form field {@code file}, the way a browser's file input sends it. */
	public Reply upload(String path, String fileName, String contentType, byte[] content) {
		String boundary = "----liandong" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder request(String path) {
		// Chinese in a query is sent percent-encoded, as a browser sends it
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(URI.create(base + path).toASCIIString()))
			.header("Accept", "application/json");
		if (otpSecret != null) {
			builder.header("X-OTP", SecondFactor.freshCode(port, username, otpSecret));
		}
		else if (fixedOtp != null) {
			builder.header("X-OTP", fixedOtp);
		}
		return authorization == null ? builder : builder.header("Authorization", authorization);
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A response: status, body and content type; {@link #json()} parses the body. */
	public record Reply(int status, String body, String contentType, HttpHeaders headers) {

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		/** The {@code code} of a problem-details body. */
		public String problemCode() {
			return json().path("code").asString();
		}

		public String detail() {
			return json().path("detail").asString();
		}
	}
}
