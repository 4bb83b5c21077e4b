package org.liandong.platform.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** One operation of the description: its method and path, its parameters, body and declared answers. */
public record Operation(Description description, String method, String path, JsonNode node) {

	public record Parameter(String name, String in, boolean required, JsonNode schema) {
	}

	public String key() {
		return method + " " + path;
	}

	public String id() {
		return node.path("operationId").asString();
	}

	/** Reads before writes, deletions last; among reads, those without path variables first (they show the ids). */
	int order() {
		return switch (method) {
			case "GET" -> path.contains("{") ? 1 : 0;
			case "DELETE" -> 3;
			default -> 2;
		};
	}

	public List<Parameter> parameters() {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : node.path("parameters")) {
			JsonNode resolved = description.resolve(parameter);
			parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
					resolved.path("required").asBoolean(false), resolved.path("schema")));
		}
		return parameters;
	}

	/** The media types the body may have, with their schemas; empty if the operation takes no body. */
	public Map<String, JsonNode> bodies() {
		Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
		description.resolve(node.path("requestBody")).path("content").properties()
			.forEach(entry -> bodies.put(entry.getKey(), entry.getValue().path("schema")));
		return bodies;
	}

	public boolean bodyRequired() {
		return description.resolve(node.path("requestBody")).path("required").asBoolean(false);
	}

	/** Whether a caller must authenticate: the operation's own requirements, or else the document's. */
	public boolean secured(JsonNode api) {
		JsonNode security = node.has("security") ? node.path("security") : api.path("security");
		if (security.isEmpty()) {
			return false;
		}
		for (JsonNode requirement : security) {
			if (requirement.isEmpty()) {
				return false; // {} among the alternatives: anonymous allowed
			}
		}
		return true;
	}

	public boolean declares(int status) {
		JsonNode responses = node.path("responses");
		return responses.has(String.valueOf(status)) || responses.has(status / 100 + "XX") || responses.has("default");
	}

	/** The declared answer for the status: its media types and their schemas. */
	public Map<String, JsonNode> answers(int status) {
		JsonNode responses = node.path("responses");
		JsonNode response = responses.has(String.valueOf(status)) ? responses.path(String.valueOf(status))
				: responses.has(status / 100 + "XX") ? responses.path(status / 100 + "XX") : responses.path("default");
		Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
		description.resolve(response).path("content").properties()
			.forEach(entry -> answers.put(entry.getKey(), entry.getValue().path("schema")));
		return answers;
	}

	/** The declared media type that the answer's content type matches (exactly, or by a wildcard). */
	public Optional<String> mediaTypeFor(int status, String contentType) {
		String actual = contentType.split(";")[0].trim().toLowerCase();
		for (String declared : answers(status).keySet()) {
			String type = declared.toLowerCase();
			if (type.equals(actual) || type.equals("*/*")
					|| type.endsWith("/*") && actual.startsWith(type.substring(0, type.length() - 1))) {
				return Optional.of(declared);
			}
		}
		return Optional.empty();
	}

	/** The media type a successful answer is declared in, for the Accept header; JSON if several. */
	public String accept() {
		for (String status : List.of("200", "201", "202", "204")) {
			JsonNode content = node.path("responses").path(status).path("content");
			if (content.has("application/json")) {
				return "application/json";
			}
			if (!content.isEmpty()) {
				return content.propertyNames().iterator().next();
			}
		}
		return "application/json";
	}
}
