package org.policygraph.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON for the benchmark: reading answers, reshaping the peer's, and comparing them. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static JsonNode parse(String text) {
		return MAPPER.readTree(text);
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** Driver values (maps, lists, numbers, strings) as JSON. */
	static JsonNode of(Object value) {
		return MAPPER.valueToTree(value);
	}

	/**
	 * A connection's {@code edges[].node} as a plain list, as PolicyGraph answers a list
	 * field.
	 */
	static ArrayNode nodes(JsonNode connection) {
		ArrayNode list = JsonNodeFactory.instance.arrayNode();
		connection.get("edges").forEach(edge -> list.add(edge.get("node")));
		return list;
	}

	/** The object with a field replaced. */
	static ObjectNode with(JsonNode object, String field, JsonNode value) {
		ObjectNode copy = ((ObjectNode) object).deepCopy();
		copy.set(field, value);
		return copy;
	}

	/** The object with a field renamed. */
	static ObjectNode renamed(JsonNode object, String from, String to) {
		ObjectNode copy = ((ObjectNode) object).deepCopy();
		copy.set(to, copy.remove(from));
		return copy;
	}

	/** Each element of an array mapped. */
	static ArrayNode map(JsonNode array, java.util.function.Function<JsonNode, JsonNode> each) {
		ArrayNode list = JsonNodeFactory.instance.arrayNode();
		array.forEach(element -> list.add(each.apply(element)));
		return list;
	}

	/**
	 * The same JSON with every number as its exact decimal value (49.0 and 49 are one
	 * number, whichever server wrote it) and the fields of every object in name order.
	 */
	static JsonNode canonical(JsonNode node) {
		if (node.isNumber()) {
			BigDecimal value = node.decimalValue().stripTrailingZeros();
			return JsonNodeFactory.instance.numberNode(value);
		}
		if (node.isArray()) {
			ArrayNode list = JsonNodeFactory.instance.arrayNode();
			node.forEach(element -> list.add(canonical(element)));
			return list;
		}
		if (node.isObject()) {
			// fields in name order: a Cypher map has no order of its own
			ObjectNode object = JsonNodeFactory.instance.objectNode();
			new TreeMap<>(node.propertyStream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
				.forEach((name, value) -> object.set(name, canonical(value)));
			return object;
		}
		return node;
	}

	/**
	 * Where two JSON values first differ (a path and both values), or null when they are
	 * equal.
	 */
	static String firstDifference(JsonNode expected, JsonNode actual) {
		return difference("$", canonical(expected), canonical(actual));
	}

	private static String difference(String path, JsonNode a, JsonNode b) {
		if (a.equals(b)) {
			return null;
		}
		if (a.isArray() && b.isArray()) {
			if (a.size() != b.size()) {
				return path + ": " + a.size() + " elements vs " + b.size();
			}
			for (int i = 0; i < a.size(); i++) {
				String d = difference(path + "[" + i + "]", a.get(i), b.get(i));
				if (d != null) {
					return d;
				}
			}
		}
		if (a.isObject() && b.isObject()) {
			List<String> names = new ArrayList<>(a.propertyNames());
			if (!names.equals(new ArrayList<>(b.propertyNames()))) {
				return path + ": fields " + names + " vs " + b.propertyNames();
			}
			for (String name : names) {
				String d = difference(path + "." + name, a.get(name), b.get(name));
				if (d != null) {
					return d;
				}
			}
		}
		return path + ": " + abbreviate(a) + " vs " + abbreviate(b);
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
