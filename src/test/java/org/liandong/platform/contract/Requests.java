package org.liandong.platform.contract;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.liandong.platform.contract.Operation.Parameter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests built from an operation's description alone: valid ones from the schemas of its
 * parameters and body (required properties always, optional ones at random; enums, formats,
 * lengths, limits and examples respected; ids and codes taken from earlier answers where there
 * are some), and invalid ones, each breaking one thing the description states: a required
 * property missing, a value of the wrong type, beyond its limits, too long, outside its enum or
 * pattern, an impossible date, JSON or multipart that is malformed.
 */
public final class Requests {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final String TEXT = "联动测试事项说明";

	private final Description description;
	private final Harvest harvest;
	private final Random random;

	public Requests(Description description, Harvest harvest, Random random) {
		this.description = description;
		this.harvest = harvest;
		this.random = random;
	}

	/** A request to send: the path with its query, a body of a content type, and whether it is invalid. */
	public record Request(String label, String path, String contentType, byte[] body, boolean invalid) {

		@Override
		public String toString() {
			String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
			return label + " " + path + (shown.isEmpty() ? "" : " " + (shown.length() > 160 ? shown.substring(0, 160) + "…" : shown));
		}
	}

	// ---------------------------------------------------------------- valid

	public Request valid(Operation operation) {
		Map<String, String> variables = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		for (Parameter parameter : operation.parameters()) {
			if (parameter.in().equals("path")) {
				variables.put(parameter.name(), text(pathValue(operation, parameter)));
			}
			else if (parameter.in().equals("query") && (parameter.required() || random.nextBoolean())) {
				JsonNode value = value(parameter.schema(), parameter.name(), 0);
				if (value.isObject()) {
					// an object in the query is its properties, each a parameter (style form, exploded)
					value.properties().forEach(entry -> query.put(entry.getKey(), text(entry.getValue())));
				}
				else {
					query.put(parameter.name(), text(value));
				}
			}
		}
		Map<String, JsonNode> bodies = operation.bodies();
		if (bodies.isEmpty()) {
			return new Request("valid", path(operation.path(), variables, query), null, null, false);
		}
		if (bodies.containsKey("application/json")) {
			JsonNode body = value(bodies.get("application/json"), "", 0);
			return new Request("valid", path(operation.path(), variables, query), "application/json",
					body.toString().getBytes(StandardCharsets.UTF_8), false);
		}
		if (bodies.containsKey("multipart/form-data")) {
			return multipart("valid", path(operation.path(), variables, query), bodies.get("multipart/form-data"),
					"sample.csv", "统一社会信用代码,名称\n91410400MA0000000X,平顶山测试有限公司\n".getBytes(StandardCharsets.UTF_8),
					false);
		}
		String type = bodies.keySet().iterator().next();
		return new Request("valid", path(operation.path(), variables, query), type, new byte[0], false);
	}

	private JsonNode pathValue(Operation operation, Parameter parameter) {
		List<JsonNode> seen = fitting(harvest.forPathVariable(operation.path(), parameter.name()), parameter.schema());
		if (!seen.isEmpty() && random.nextInt(5) > 0) {
			return seen.get(random.nextInt(seen.size()));
		}
		return value(parameter.schema(), parameter.name(), 0);
	}

	private List<JsonNode> fitting(List<JsonNode> values, JsonNode schema) {
		return values.stream()
			.map(value -> description.type(schema).equals("string") && !value.isString() ? JSON.stringNode(value.asString()) : value)
			.filter(value -> description.violations(schema, value).isEmpty())
			.toList();
	}

	/** A value the schema admits. */
	JsonNode value(JsonNode schema, String name, int depth) {
		JsonNode flat = description.flatten(schema);
		if (!name.isEmpty() && depth < 3) {
			List<JsonNode> seen = fitting(harvest.forProperty(name), schema);
			if (!seen.isEmpty() && random.nextInt(4) > 0) {
				return seen.get(random.nextInt(seen.size()));
			}
		}
		if (flat.has("example") && random.nextInt(3) > 0) {
			return flat.path("example");
		}
		if (flat.path("examples").isArray() && !flat.path("examples").isEmpty()) {
			return flat.path("examples").get(0);
		}
		if (flat.path("enum").isArray() && !flat.path("enum").isEmpty()) {
			List<JsonNode> choices = flat.path("enum").valueStream().filter(each -> !each.isNull()).toList();
			return choices.get(random.nextInt(choices.size()));
		}
		return switch (description.type(flat)) {
			case "integer" -> JSON.numberNode(integer(flat));
			case "number" -> JSON.numberNode(integer(flat) + 0.5);
			case "boolean" -> JSON.booleanNode(random.nextBoolean());
			case "array" -> array(flat, name, depth);
			case "object" -> object(flat, depth);
			default -> JSON.stringNode(string(flat));
		};
	}

	private long integer(JsonNode schema) {
		long min = schema.has("minimum") ? schema.path("minimum").asLong() : 1;
		long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 0) + 50;
		if (schema.path("exclusiveMinimum").isNumber()) {
			min = schema.path("exclusiveMinimum").asLong() + 1;
		}
		if (schema.path("exclusiveMaximum").isNumber()) {
			max = schema.path("exclusiveMaximum").asLong() - 1;
		}
		return min + (long) (random.nextDouble() * (Math.min(max, min + 100) - min + 1));
	}

	private String string(JsonNode schema) {
		String format = schema.path("format").asString();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		switch (format) {
			case "date":
				return today.plusDays(1 + random.nextInt(60)).toString();
			case "date-time":
				return Instant.now().plus(1 + random.nextInt(60), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
			case "email":
				return "test" + random.nextInt(1000) + "@example.cn";
			case "uuid":
				return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
			default:
		}
		int min = schema.path("minLength").asInt(0);
		int max = schema.has("maxLength") ? schema.path("maxLength").asInt() : 40;
		int length = Math.max(min, Math.min(max, 1 + random.nextInt(Math.max(1, Math.min(max, 24)))));
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			text.append(TEXT);
		}
		return text.substring(0, length);
	}

	private ArrayNode array(JsonNode schema, String name, int depth) {
		ArrayNode array = JSON.arrayNode();
		int min = schema.path("minItems").asInt(0);
		int max = Math.min(schema.has("maxItems") ? schema.path("maxItems").asInt() : 2, 2);
		int count = Math.max(min, depth > 2 ? 0 : random.nextInt(max + 1));
		for (int i = 0; i < count; i++) {
			array.add(value(schema.path("items"), singular(name), depth + 1));
		}
		return array;
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

	private ObjectNode object(JsonNode schema, int depth) {
		ObjectNode object = JSON.objectNode();
		List<String> required = required(schema);
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode propertySchema = property.getValue();
			if (description.flatten(propertySchema).path("readOnly").asBoolean(false)) {
				continue;
			}
			boolean include = required.contains(property.getKey()) || depth < 3 && random.nextInt(3) > 0;
			if (!include) {
				continue;
			}
			if (!required.contains(property.getKey()) && description.nullable(description.flatten(propertySchema))
					&& random.nextInt(6) == 0) {
				object.putNull(property.getKey());
			}
			else {
				object.set(property.getKey(), value(propertySchema, property.getKey(), depth + 1));
			}
		}
		return object;
	}

	private static List<String> required(JsonNode schema) {
		List<String> required = new ArrayList<>();
		schema.path("required").forEach(name -> required.add(name.asString()));
		return required;
	}

	// ---------------------------------------------------------------- invalid

	/** Invalid requests for the operation, each breaking one stated rule, shuffled, at most {@code limit}. */
	public List<Request> invalid(Operation operation, int limit) {
		Request valid = valid(operation);
		List<Request> invalid = new ArrayList<>();
		invalidParameters(operation, invalid);
		Map<String, JsonNode> bodies = operation.bodies();
		if (bodies.containsKey("application/json")) {
			invalidJson(operation, valid, bodies.get("application/json"), invalid);
		}
		else if (bodies.containsKey("multipart/form-data")) {
			invalidMultipart(valid, bodies.get("multipart/form-data"), invalid);
		}
		Collections.shuffle(invalid, random);
		return invalid.subList(0, Math.min(limit, invalid.size()));
	}

	private void invalidParameters(Operation operation, List<Request> invalid) {
		List<Parameter> parameters = operation.parameters();
		for (Parameter broken : parameters) {
			for (Map.Entry<String, String> value : wrongValues(broken.schema()).entrySet()) {
				invalid.add(withParameters(operation, broken, value.getValue(), "parameter " + broken.name() + ": " + value.getKey()));
			}
			if (broken.required() && broken.in().equals("query")) {
				invalid.add(withParameters(operation, broken, null, "parameter " + broken.name() + " missing"));
			}
		}
	}

	private Request withParameters(Operation operation, Parameter broken, String brokenValue, String label) {
		Map<String, String> variables = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		for (Parameter parameter : operation.parameters()) {
			String value = parameter.equals(broken) ? brokenValue
					: parameter.in().equals("path") ? text(pathValue(operation, parameter))
					: parameter.required() ? text(value(parameter.schema(), parameter.name(), 0)) : null;
			if (value != null) {
				(parameter.in().equals("path") ? variables : query).put(parameter.name(), value);
			}
		}
		Request valid = valid(operation);
		return new Request(label, path(operation.path(), variables, query), valid.contentType(), valid.body(), true);
	}

	/** Text that breaks the schema of a parameter, by what it breaks. */
	private Map<String, String> wrongValues(JsonNode schema) {
		JsonNode flat = description.flatten(schema);
		Map<String, String> wrong = new LinkedHashMap<>();
		switch (description.type(flat)) {
			case "integer", "number" -> {
				wrong.put("not a number", "abc");
				if (flat.has("maximum")) {
					wrong.put("above maximum", String.valueOf(flat.path("maximum").asLong() + 1));
				}
				if (flat.has("minimum")) {
					wrong.put("below minimum", String.valueOf(flat.path("minimum").asLong() - 1));
				}
			}
			case "boolean" -> wrong.put("not a boolean", "perhaps");
			case "string" -> {
				if (flat.has("enum")) {
					wrong.put("outside enum", "NOT_A_VALUE");
				}
				if (flat.path("format").asString().equals("date")) {
					wrong.put("impossible date", "2026-02-30");
				}
				if (flat.has("maxLength")) {
					wrong.put("too long", "测".repeat(flat.path("maxLength").asInt() + 1));
				}
				if (flat.has("pattern")) {
					wrong.put("against pattern", "不符!");
				}
			}
			default -> {
			}
		}
		return wrong;
	}

	private void invalidJson(Operation operation, Request valid, JsonNode schema, List<Request> invalid) {
		String path = valid.path();
		JsonNode flat = description.flatten(schema);
		JsonNode body = JSON.objectNode();
		try {
			body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(valid.body());
		}
		catch (RuntimeException e) {
			// keep the empty object
		}
		String text = body.toString();
		invalid.add(json("malformed JSON (cut short)", path, text.substring(0, Math.max(1, text.length() / 2))));
		invalid.add(json("malformed JSON (not JSON)", path, "这不是 JSON"));
		if (!description.type(flat).equals("object") || !body.isObject()) {
			if (description.type(flat).equals("array")) {
				invalid.add(json("an object where an array is described", path, "{}"));
			}
			return;
		}
		invalid.add(json("an array where an object is described", path, "[]"));
		ObjectNode object = (ObjectNode) body;
		for (String name : required(flat)) {
			invalid.add(json("required " + name + " missing", path, object.deepCopy().without(name).toString()));
			if (!description.nullable(description.flatten(flat.path("properties").path(name)))) {
				invalid.add(json("required " + name + " null", path, object.deepCopy().putNull(name).toString()));
			}
		}
		for (Map.Entry<String, JsonNode> property : flat.path("properties").properties()) {
			JsonNode propertySchema = description.flatten(property.getValue());
			if (propertySchema.path("readOnly").asBoolean(false)) {
				continue;
			}
			for (Map.Entry<String, JsonNode> wrong : wrongJson(propertySchema).entrySet()) {
				invalid.add(json(property.getKey() + ": " + wrong.getKey(), path,
						object.deepCopy().set(property.getKey(), wrong.getValue()).toString()));
			}
		}
	}

	/** JSON that breaks the schema of a property, by what it breaks. */
	private Map<String, JsonNode> wrongJson(JsonNode schema) {
		Map<String, JsonNode> wrong = new LinkedHashMap<>();
		switch (description.type(schema)) {
			case "string" -> {
				wrong.put("a boolean for text", JSON.booleanNode(false));
				wrong.put("a number for text", JSON.numberNode(12));
				if (schema.has("maxLength")) {
					wrong.put("too long", JSON.stringNode("测".repeat(schema.path("maxLength").asInt() + 1)));
				}
				if (schema.path("minLength").asInt(0) > 0) {
					wrong.put("too short", JSON.stringNode(""));
				}
				if (schema.has("enum")) {
					wrong.put("outside enum", JSON.stringNode("NOT_A_VALUE"));
				}
				if (schema.has("pattern")) {
					wrong.put("against pattern", JSON.stringNode("不符!"));
				}
				if (schema.path("format").asString().startsWith("date")) {
					wrong.put("impossible date", JSON.stringNode("2026-02-30"));
				}
			}
			case "integer", "number" -> {
				wrong.put("text for a number", JSON.stringNode("abc"));
				if (schema.has("maximum")) {
					wrong.put("above maximum", JSON.numberNode(schema.path("maximum").asLong() + 1));
				}
				if (schema.has("minimum")) {
					wrong.put("below minimum", JSON.numberNode(schema.path("minimum").asLong() - 1));
				}
			}
			case "boolean" -> wrong.put("text for a boolean", JSON.stringNode("perhaps"));
			case "array" -> {
				wrong.put("text for a list", JSON.stringNode("abc"));
				if (schema.has("maxItems") && schema.path("maxItems").asInt() < 50) {
					ArrayNode many = JSON.arrayNode();
					for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
						many.add(value(schema.path("items"), "", 3));
					}
					wrong.put("too many items", many);
				}
			}
			case "object" -> wrong.put("a number for an object", JSON.numberNode(1));
			default -> {
			}
		}
		return wrong;
	}

	private static Request json(String label, String path, String body) {
		return new Request(label, path, "application/json", body.getBytes(StandardCharsets.UTF_8), true);
	}

	private void invalidMultipart(Request valid, JsonNode schema, List<Request> invalid) {
		byte[] body = valid.body();
		String contentType = valid.contentType();
		invalid.add(new Request("multipart cut short", valid.path(), contentType,
				java.util.Arrays.copyOf(body, body.length / 2), true));
		invalid.add(multipart("file name with NUL", valid.path(), schema, "a\u0000.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8), true));
		String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
		invalid.add(new Request("multipart without its part", valid.path(), contentType,
				("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8), true));
		invalid.add(new Request("JSON where multipart is described", valid.path(), "application/json",
				"{}".getBytes(StandardCharsets.UTF_8), true));
	}

	private Request multipart(String label, String path, JsonNode schema, String fileName, byte[] content, boolean invalid) {
		String boundary = "----contract" + Long.toHexString(random.nextLong());
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, JsonNode> property : description.flatten(schema).path("properties").properties()) {
			JsonNode flat = description.flatten(property.getValue());
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + property.getKey() + "\"")
				.getBytes(StandardCharsets.UTF_8));
			if (flat.path("format").asString().equals("binary")) {
				body.writeBytes(("; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.writeBytes(content);
			}
			else {
				body.writeBytes(("\r\n\r\n" + text(value(property.getValue(), property.getKey(), 1))).getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Request(label, path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), invalid);
	}

	// ---------------------------------------------------------------- paths

	private static String text(JsonNode value) {
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach(item -> items.add(item.asString()));
			return String.join(",", items);
		}
		return value.isNull() || value.isObject() ? "" : value.asString();
	}

	private static String path(String template, Map<String, String> variables, Map<String, String> query) {
		String path = template;
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", encode(variable.getValue()).replace("+", "%20"));
		}
		if (query.isEmpty()) {
			return path;
		}
		List<String> pairs = new ArrayList<>();
		query.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
		return path + "?" + String.join("&", pairs);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
