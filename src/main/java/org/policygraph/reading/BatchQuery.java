package org.policygraph.reading;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Runs the one statement that answers a relationship field for a whole batch of parents: the statement takes
 * the parents' keys as {@code $ids} and returns one row per (parent {@code id}, child).
 */
public final class BatchQuery {

	private BatchQuery() {
	}

	/** (parent id, child) pairs in the statement's order. */
	public static <V> List<Map.Entry<String, V>> pairs(Neo4jClient client, String cypher, Collection<String> ids,
			Function<Record, V> child) {
		return pairs(client, cypher, ids, Map.of(), child);
	}

	/** (parent id, child) pairs in the statement's order, for a statement with parameters besides {@code $ids}. */
	public static <V> List<Map.Entry<String, V>> pairs(Neo4jClient client, String cypher, Collection<String> ids,
			Map<String, Object> parameters, Function<Record, V> child) {
		return client.query(cypher)
			.bindAll(parameters)
			.bind(ids).to("ids")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, row) -> Map.entry(row.get("id").asString(), child.apply(row)))
			.all()
			.stream()
			.map(entry -> {
				@SuppressWarnings("unchecked")
				Map.Entry<String, V> typed = (Map.Entry<String, V>) entry;
				return typed;
			})
			.toList();
	}

	/** (parent id, child) pairs in the statement's order, with parameters besides {@code $ids}. */
	public static <V> List<Map.Entry<String, V>> pairs(Neo4jClient client, String cypher, Map<String, Object> parameters,
			Function<Record, V> child) {
		return client.query(cypher)
			.bindAll(parameters)
			.fetchAs(Map.Entry.class)
			.mappedBy((types, row) -> Map.entry(row.get("id").asString(), child.apply(row)))
			.all()
			.stream()
			.map(entry -> {
				@SuppressWarnings("unchecked")
				Map.Entry<String, V> typed = (Map.Entry<String, V>) entry;
				return typed;
			})
			.toList();
	}

	/** The distinct ids of a batch of parents, for {@code $ids}. */
	public static <T> List<String> ids(Collection<T> parents, Function<T, String> id) {
		return parents.stream().map(id).distinct().toList();
	}

	/** (parent id, child) pairs grouped by parent id, in their order. */
	public static <V> Map<String, List<V>> grouped(List<Map.Entry<String, V>> pairs) {
		return pairs.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** The answer of a batch mapping: every parent, in the batch's order, with its value. */
	public static <K, V> Map<K, V> ordered(List<K> parents, Function<K, V> value) {
		Map<K, V> result = new LinkedHashMap<>();
		parents.forEach(parent -> result.put(parent, value.apply(parent)));
		return result;
	}

	/** Each parent, in the batch's order, with the children paired with its id (an empty list when none). */
	public static <P, V> Map<P, List<V>> children(List<P> parents, Function<P, String> id,
			List<Map.Entry<String, V>> pairs) {
		Map<String, List<V>> byId = grouped(pairs);
		return ordered(parents, parent -> byId.getOrDefault(id.apply(parent), List.of()));
	}

	/** Each parent with the first child paired with its id; a parent without one is left out (null in GraphQL). */
	public static <P, V> Map<P, V> child(List<P> parents, Function<P, String> id, List<Map.Entry<String, V>> pairs) {
		Map<String, V> byId = new LinkedHashMap<>();
		pairs.forEach(pair -> byId.putIfAbsent(pair.getKey(), pair.getValue()));
		Map<P, V> result = new LinkedHashMap<>();
		parents.stream()
			.filter(parent -> byId.containsKey(id.apply(parent)))
			.forEach(parent -> result.put(parent, byId.get(id.apply(parent))));
		return result;
	}

}
