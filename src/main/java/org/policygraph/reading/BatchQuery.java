package org.policygraph.reading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.policygraph.graph.GraphReads;

/**
 * Runs the one statement that answers a relationship field for a whole batch of parents.
 * The statement takes the parents' keys as {@code $ids} and returns one row per (parent
 * {@code id}, child); the answer is each parent key's children in the statement's order,
 * the shape every repository answers in ({@link Batches} turns it into a
 * {@code @BatchMapping}'s answer).
 */
public final class BatchQuery {

	private BatchQuery() {
	}

	/**
	 * Each parent key's children, for a statement whose only parameter is {@code $ids}.
	 */
	public static <V> Map<String, List<V>> children(GraphReads reads, String cypher, Collection<String> ids,
			Function<Record, V> child) {
		return children(reads, cypher, ids, Map.of(), child);
	}

	/**
	 * Each parent key's children, for a statement with parameters besides {@code $ids}.
	 */
	public static <V> Map<String, List<V>> children(GraphReads reads, String cypher, Collection<String> ids,
			Map<String, Object> parameters, Function<Record, V> child) {
		Map<String, List<V>> byKey = new LinkedHashMap<>();
		Map<String, Object> all = new HashMap<>(parameters);
		all.put("ids", ids);
		reads.rows(cypher, all)
			.forEach(row -> byKey.computeIfAbsent(row.get("id").asString(), key -> new ArrayList<>())
				.add(child.apply(row)));
		return byKey;
	}

}
