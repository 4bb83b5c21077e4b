package org.liandong.platform.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's description as read from {@code /v3/api-docs}: its operations, its schemas with their
 * references followed, and a JSON Schema validator for any schema in it (the OpenAPI dialect of its
 * version, so {@code nullable} and the formats are checked too).
 */
public final class Description {

	private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

	private final JsonNode api;
	private final SchemaRegistry registry;
	private final Map<JsonNode, Schema> validators = new ConcurrentHashMap<>();

	public Description(JsonNode api) {
		this.api = api;
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		this.registry = SchemaRegistry.withDefaultDialect(
				openApi31() ? Dialects.getOpenApi31() : Dialects.getOpenApi30(),
				builder -> builder.schemaRegistryConfig(config));
	}

	public boolean openApi31() {
		return api.path("openapi").asString().startsWith("3.1");
	}

	/** Every operation under {@code /api/}, those that read first, those that delete last. */
	public List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().path(method);
				if (!operation.isMissingNode() && path.getKey().startsWith("/api/")) {
					operations.add(new Operation(this, method.toUpperCase(), path.getKey(), operation));
				}
			}
		}
		operations.sort(Comparator.comparingInt(Operation::order).thenComparing(Operation::path)
			.thenComparing(Operation::method));
		return operations;
	}

	/** The schema itself, its reference followed (repeatedly), or a missing node. */
	public JsonNode resolve(JsonNode schema) {
		JsonNode resolved = schema;
		for (int depth = 0; depth < 10 && resolved.has("$ref"); depth++) {
			String ref = resolved.path("$ref").asString();
			resolved = api.at(ref.substring(1));
		}
		return resolved;
	}

	/** Whether the schema admits JSON null: {@code nullable: true} (3.0) or a type list with null (3.1). */
	public boolean nullable(JsonNode schema) {
		if (schema.path("nullable").asBoolean(false)) {
			return true;
		}
		for (JsonNode type : schema.path("type")) {
			if (type.asString().equals("null")) {
				return true;
			}
		}
		for (String combination : List.of("oneOf", "anyOf")) {
			for (JsonNode alternative : schema.path(combination)) {
				if (alternative.path("type").asString().equals("null") || nullable(resolve(alternative))
						&& !alternative.has("$ref")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The type a schema names, whatever the version writes: {@code type: string} (3.0) or
	 * {@code type: [string, null]} (3.1), or that of the first alternative that is not null.
	 */
	public String type(JsonNode schema) {
		JsonNode resolved = resolve(schema);
		JsonNode type = resolved.path("type");
		if (type.isString()) {
			return type.asString();
		}
		for (JsonNode each : type) {
			if (!each.asString().equals("null")) {
				return each.asString();
			}
		}
		for (String combination : List.of("allOf", "oneOf", "anyOf")) {
			for (JsonNode alternative : resolved.path(combination)) {
				String inner = type(alternative);
				if (!inner.isEmpty() && !inner.equals("null")) {
					return inner;
				}
			}
		}
		return resolved.has("properties") ? "object" : "";
	}

	/**
	 * The schema's own constraints with those of an {@code allOf}'s or a non-null alternative's
	 * parts brought up: {@code properties}, {@code required}, {@code enum}, limits.
	 */
	public JsonNode flatten(JsonNode schema) {
		JsonNode resolved = resolve(schema);
		ObjectNode flat = resolved.isObject() ? ((ObjectNode) resolved).deepCopy() : JsonNodeFactory.instance.objectNode();
		for (String combination : List.of("allOf", "oneOf", "anyOf")) {
			for (JsonNode part : resolved.path(combination)) {
				JsonNode inner = flatten(part);
				if (inner.path("type").asString().equals("null")) {
					continue;
				}
				inner.properties().forEach(entry -> {
					if (!flat.has(entry.getKey())) {
						flat.set(entry.getKey(), entry.getValue());
					}
				});
				if (!combination.equals("allOf")) {
					break;
				}
			}
		}
		return flat;
	}

	/** What the value breaks of the schema; empty if it conforms. */
	public List<String> violations(JsonNode schema, JsonNode value) {
		Schema validator = validators.computeIfAbsent(schema, this::validator);
		return validator.validate(value).stream().map(Error::toString).toList();
	}

	private Schema validator(JsonNode schema) {
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		document.putArray("allOf").add(schema);
		document.set("components", api.path("components"));
		return registry.getSchema(SchemaLocation.of("urn:liandong:api-docs:" + validators.size()), document);
	}
}
