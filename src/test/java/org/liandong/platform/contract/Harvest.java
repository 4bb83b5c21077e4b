package org.liandong.platform.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Values the application itself has answered with, by property name (an {@code id} of a list at
 * {@code /api/v1/cases}, every {@code agencyCode} seen), so that a request built from the
 * description names records that exist, as a client that listed them first would. Values in
 * {@code reserved} (the accounts the test acts as) are never handed out, so that no request
 * disables, locks or re-roles the test's own callers.
 */
public final class Harvest {

	private static final int KEPT = 12;

	private final Map<String, Set<JsonNode>> byName = new LinkedHashMap<>();
	private final Map<String, Map<String, Set<JsonNode>>> byCollection = new LinkedHashMap<>();
	private final Set<String> reserved;

	public Harvest(Set<String> reserved) {
		this.reserved = reserved;
	}

	/** Takes in the answer to a read of the path: items of a list under the path, every scalar by its name. */
	public void take(String path, JsonNode body) {
		JsonNode items = body.isArray() ? body : body.path("content");
		if (items.isArray()) {
			Map<String, Set<JsonNode>> collection = byCollection.computeIfAbsent(path, p -> new LinkedHashMap<>());
			for (JsonNode item : items) {
				item.properties().forEach(entry -> keep(collection, entry.getKey(), entry.getValue()));
			}
		}
		walk(body, 0);
	}

	private void walk(JsonNode node, int depth) {
		if (depth > 6) {
			return;
		}
		if (node.isArray()) {
			node.values().forEach(each -> walk(each, depth + 1));
		}
		else if (node.isObject()) {
			node.properties().forEach(entry -> {
				keep(byName, entry.getKey(), entry.getValue());
				walk(entry.getValue(), depth + 1);
			});
		}
	}

	private void keep(Map<String, Set<JsonNode>> into, String name, JsonNode value) {
		if (!value.isValueNode() || value.isNull() || reserved.contains(value.asString())) {
			return;
		}
		Set<JsonNode> values = into.computeIfAbsent(name, n -> new LinkedHashSet<>());
		if (values.size() < KEPT) {
			values.add(value);
		}
	}

	/**
	 * Values for a path variable: the named property of the items listed at the path before it
	 * ({@code id} of {@code /api/v1/cases} for {@code /api/v1/cases/{id}}), else values seen under
	 * the variable's name.
	 */
	public List<JsonNode> forPathVariable(String path, String name) {
		String before = path.substring(0, path.indexOf("{" + name + "}"));
		String collection = before.endsWith("/") ? before.substring(0, before.length() - 1) : before;
		List<JsonNode> values = new ArrayList<>(byCollection.getOrDefault(collection, Map.of()).getOrDefault(name, Set.of()));
		if (values.isEmpty()) {
			values.addAll(forProperty(name));
		}
		return values;
	}

	/**
	 * Values seen under the name, or under its last two words ({@code agencyCode} for
	 * {@code assistingAgencyCode}).
	 */
	public List<JsonNode> forProperty(String name) {
		Set<JsonNode> values = byName.get(name);
		if (values != null) {
			return new ArrayList<>(values);
		}
		String[] words = name.split("(?=[A-Z])");
		if (words.length > 2) {
			String tail = words[words.length - 2].toLowerCase() + words[words.length - 1];
			return new ArrayList<>(byName.getOrDefault(tail, Set.of()));
		}
		return List.of();
	}
}
