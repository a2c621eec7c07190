package org.policygraph.graph;

import java.lang.reflect.Array;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.value.NodeValue;
import org.neo4j.driver.internal.value.RelationshipValue;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

/**
 * Values between the in-process API and the driver's: what a statement returns in-process
 * (Java values, {@link Node}s and {@link Relationship}s of the transaction, arrays for
 * list properties, Neo4j's own durations) as the {@link Value}s the driver would have
 * given for it, and parameters the way the driver would have sent them.
 */
final class InProcessValues {

	private InProcessValues() {
	}

	static Value value(Object value) {
		return Values.value(java(value));
	}

	/**
	 * The plain Java form (lists, maps, the driver's nodes) of an in-process value, read
	 * while its transaction is open.
	 */
	private static Object java(Object value) {
		return switch (value) {
			case null -> null;
			case Node node -> new NodeValue(new InternalNode(-1, node.getElementId(), labels(node), properties(node)));
			case Relationship relationship -> new RelationshipValue(new InternalRelationship(-1,
					relationship.getElementId(), -1, relationship.getStartNode().getElementId(), -1,
					relationship.getEndNode().getElementId(), relationship.getType().name(), properties(relationship)));
			case Map<?, ?> map -> {
				Map<String, Object> converted = new LinkedHashMap<>();
				map.forEach((key, item) -> converted.put(String.valueOf(key), java(item)));
				yield converted;
			}
			case Iterable<?> list -> {
				List<Object> converted = new ArrayList<>();
				list.forEach(item -> converted.add(java(item)));
				yield converted;
			}
			case byte[] bytes -> bytes;
			case TemporalAmount duration when !(duration instanceof java.time.Duration)
					&& !(duration instanceof java.time.Period) ->
				Values.isoDuration(duration.get(ChronoUnit.MONTHS), duration.get(ChronoUnit.DAYS),
						duration.get(ChronoUnit.SECONDS), Math.toIntExact(duration.get(ChronoUnit.NANOS)));
			default -> value.getClass().isArray() ? array(value) : value;
		};
	}

	private static List<Object> array(Object array) {
		List<Object> converted = new ArrayList<>(Array.getLength(array));
		for (int i = 0; i < Array.getLength(array); i++) {
			converted.add(java(Array.get(array, i)));
		}
		return converted;
	}

	private static List<String> labels(Node node) {
		List<String> labels = new ArrayList<>();
		for (Label label : node.getLabels()) {
			labels.add(label.name());
		}
		return labels;
	}

	private static Map<String, Value> properties(Entity entity) {
		Map<String, Value> properties = new LinkedHashMap<>();
		entity.getAllProperties().forEach((key, item) -> properties.put(key, value(item)));
		return properties;
	}

	/**
	 * Parameters as the in-process API takes them: the driver's values as Java values,
	 * enums by name (as Spring Data's client sends them), collections as lists.
	 */
	static Map<String, Object> parameters(Map<String, Object> parameters) {
		if (parameters.isEmpty()) {
			return parameters;
		}
		Map<String, Object> converted = new LinkedHashMap<>();
		parameters.forEach((key, item) -> converted.put(key, parameter(item)));
		return converted;
	}

	private static Object parameter(Object value) {
		return switch (value) {
			case null -> null;
			case Value driverValue -> driverValue.asObject();
			case Enum<?> constant -> constant.name();
			case Map<?, ?> map -> {
				Map<String, Object> converted = new LinkedHashMap<>();
				map.forEach((key, item) -> converted.put(String.valueOf(key), parameter(item)));
				yield converted;
			}
			case Iterable<?> list -> {
				List<Object> converted = new ArrayList<>();
				list.forEach(item -> converted.add(parameter(item)));
				yield converted;
			}
			default -> value;
		};
	}

}
