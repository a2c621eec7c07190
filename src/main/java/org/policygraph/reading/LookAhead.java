package org.policygraph.reading;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.neo4j.driver.Value;
import org.policygraph.model.Catalogue;

import org.springframework.stereotype.Component;

/**
 * Looks ahead from a fetcher that finds nodes to the relationship fields the request
 * selects on them, so the statement that finds the nodes answers those fields too (each a
 * {@link FieldQuery} the features register). What it read travels to the fields' fetchers
 * as the local context ({@link Answered}); a field looked ahead is answered from it, any
 * other (one with arguments, or deeper down) by its own batched statement as usual. The
 * fields' answers are the same either way: both come from the one {@link FieldQuery}.
 */
@Component
public class LookAhead {

	/** By GraphQL type, then field. */
	private final Map<String, Map<String, FieldQuery<?>>> queries = new ConcurrentHashMap<>();

	/**
	 * Makes a field answerable by looking ahead; the features call this once for each
	 * such field.
	 */
	public <T> FieldQuery<T> register(FieldQuery<T> query) {
		FieldQuery<?> previous = this.queries.computeIfAbsent(query.type(), type -> new ConcurrentHashMap<>())
			.putIfAbsent(query.field(), query);
		if (previous != null) {
			throw new IllegalStateException("Two FieldQuery for " + query.type() + "." + query.field());
		}
		return query;
	}

	boolean answers(String type, String field) {
		return this.queries.getOrDefault(type, Map.of()).containsKey(field);
	}

	/**
	 * The fields of the selection that can be looked ahead, by the type they are selected
	 * on: registered, and asked without arguments (a field with arguments is left to its
	 * own statement).
	 */
	public Selected selected(DataFetchingFieldSelectionSet selection) {
		Map<String, Map<String, FieldQuery<?>>> byType = new LinkedHashMap<>();
		for (SelectedField field : selection.getImmediateFields()) {
			if (!field.getArguments().isEmpty()) {
				continue;
			}
			for (String type : field.getObjectTypeNames()) {
				FieldQuery<?> query = this.queries.getOrDefault(type, Map.of()).get(field.getName());
				if (query != null) {
					byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(field.getName(), query);
				}
			}
		}
		return new Selected(byType);
	}

	/** The fields looked ahead, by the type they are selected on. */
	public record Selected(Map<String, Map<String, FieldQuery<?>>> byType) {

		public boolean isEmpty() {
			return this.byType.isEmpty();
		}

		/**
		 * A Cypher expression over the node {@code n}: a map of the selected fields'
		 * expressions for the node's label, null for a label with none selected. Labels
		 * and expressions come from the registered queries.
		 */
		public String expression() {
			if (this.byType.isEmpty()) {
				return "null";
			}
			return this.byType.values()
				.stream()
				.map(fields -> "WHEN n:" + Catalogue.label(fields.values().iterator().next().label()) + " THEN {"
						+ fields.values()
							.stream()
							.map(query -> query.field() + ": " + query.expression())
							.collect(Collectors.joining(", "))
						+ "}")
				.collect(Collectors.joining(" ", "CASE ", " END"));
		}

		/**
		 * Reads the value of {@link #expression()} for a node answered as {@code type},
		 * into {@code answered}.
		 */
		public void read(Object node, String type, Value value, Answered answered) {
			Map<String, FieldQuery<?>> fields = this.byType.get(type);
			if (fields == null || value.isNull()) {
				return;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			fields.forEach((name, query) -> values.put(name, query.read().apply(value.get(name))));
			answered.put(node, values);
		}

	}

	/**
	 * The fields answered ahead, by the node object they belong to (by identity: the very
	 * records the fetcher returned); the local context of everything below the fetcher.
	 */
	public static final class Answered {

		private final Map<Object, Map<String, Object>> byNode = new IdentityHashMap<>();

		void put(Object node, Map<String, Object> values) {
			this.byNode.put(node, values);
		}

		/** Whether the field of this node was answered ahead (its value may be null). */
		boolean has(Object node, String field) {
			Map<String, Object> values = this.byNode.get(node);
			return values != null && values.containsKey(field);
		}

		Object get(Object node, String field) {
			return this.byNode.get(node).get(field);
		}

		/** The fetcher's answer with this as the local context of its fields. */
		public <T> DataFetcherResult<T> with(T data) {
			return DataFetcherResult.<T>newResult().data(data).localContext(this).build();
		}

	}

}
