package org.policygraph.reading;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A relationship field answered by one Cypher expression over its parent node {@code n} (a {@code COLLECT}
 * subquery): the one definition of what the field reads. The same expression answers the field
 * for a batch of parents in one statement ({@link #batch}) and, looked ahead, inside the statement that finds the
 * parent ({@link LookAhead}), so the field costs no statement of its own.
 *
 * @param type the GraphQL type of the parent, e.g. {@code Program}
 * @param field the field, e.g. {@code measures}
 * @param label the parent's node label
 * @param expression a list-valued Cypher expression over {@code n} (a {@code COLLECT} subquery); values only ever
 * enter as parameters
 * @param read the field's value from the expression's value
 */
public record FieldQuery<T>(String type, String field, String label, String expression, Function<Value, T> read) {

	/** Each parent's value, in the batch's order, by one statement for the whole batch. */
	public <P> Map<P, T> batch(Neo4jClient client, List<P> parents, Function<P, String> id) {
		Map<String, T> byId = byId(client, BatchQuery.ids(parents, id));
		Map<P, T> result = new LinkedHashMap<>();
		parents.forEach(parent -> result.put(parent, byId.computeIfAbsent(id.apply(parent), none -> none())));
		return result;
	}

	/** The value of each parent with one of these ids (ids that name no parent are left out). */
	public Map<String, T> byId(Neo4jClient client, Collection<String> ids) {
		Map<String, T> byId = new HashMap<>();
		client.query("MATCH (n:" + this.label + ") WHERE n.key IN $ids RETURN n.key AS id, " + this.expression
				+ " AS value")
			.bind(ids).to("ids")
			.fetchAs(Record.class)
			.mappedBy((types, row) -> row)
			.all()
			.forEach(row -> byId.put(row.get("id").asString(), this.read.apply(row.get("value"))));
		return byId;
	}

	/** The value for a parent without any related node. */
	T none() {
		return this.read.apply(Values.value(List.of()));
	}

}
