package org.policygraph.reading;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.policygraph.graph.GraphReads;

/**
 * A relationship field answered by one Cypher expression over its parent node {@code n}
 * (a {@code COLLECT} subquery): the one definition of what the field reads. The same
 * expression answers the field for a batch of parents in one statement ({@link #read})
 * and, looked ahead, inside the statement that finds the parent ({@link LookAhead}), so
 * the field costs no statement of its own.
 *
 * @param type the GraphQL type of the parent, e.g. {@code Program}
 * @param field the field, e.g. {@code measures}
 * @param label the parent's node label
 * @param expression a list-valued Cypher expression over {@code n} (a {@code COLLECT}
 * subquery); values only ever enter as parameters
 * @param read the field's value from the expression's value
 */
public record FieldQuery<T>(String type, String field, String label, String expression, Function<Value, T> read) {

	/**
	 * The value of each parent key, by one statement for the whole batch; a key that
	 * names no parent, or a parent without any related node, has {@link #none()}.
	 */
	public Map<String, T> read(GraphReads reads, Collection<String> keys) {
		Map<String, T> byKey = new HashMap<>();
		reads
			.rows("MATCH (n:" + this.label + ") WHERE n.key IN $ids RETURN n.key AS id, " + this.expression
					+ " AS value", Map.of("ids", keys))
			.forEach(row -> byKey.put(row.get("id").asString(), this.read.apply(row.get("value"))));
		keys.forEach(key -> byKey.computeIfAbsent(key, none -> none()));
		return byKey;
	}

	/** The value for a parent without any related node. */
	T none() {
		return this.read.apply(Values.value(List.of()));
	}

}
