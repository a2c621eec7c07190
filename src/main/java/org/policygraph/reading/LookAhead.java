package org.policygraph.reading;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.policygraph.model.Catalogue;

import org.springframework.stereotype.Component;

/**
 * Looks ahead from a fetcher that finds nodes to the relationship fields the request
 * selects on them, so the statement that finds the nodes answers those fields too (each a
 * {@link FieldQuery} the features register), and from those fields on to the registered
 * fields selected on their elements, and so on down ({@link #DEPTH} levels at most): each
 * level a subquery inside the one above. What it read travels to the fields' fetchers as
 * the local context ({@link Answered}), each level's answers as the local context of the
 * level below; a field looked ahead is answered from it, any other (one with arguments,
 * or one under a field that is not looked ahead) by its own batched statement as usual.
 * The fields' answers are the same either way: both come from the one {@link FieldQuery}.
 */
@Component
public class LookAhead {

	/**
	 * How many levels of fields below the fetcher are looked ahead at most (below the
	 * query depth limit, so any request the limits let through nests in full).
	 */
	static final int DEPTH = 8;

	/**
	 * By GraphQL type, then field: the field's query for what is selected under it.
	 */
	private final Map<String, Map<String, Function<DataFetchingFieldSelectionSet, FieldQuery<?>>>> queries = new ConcurrentHashMap<>();

	/**
	 * Makes a field answerable by looking ahead; the features call this once for each
	 * such field.
	 */
	public <T> FieldQuery<T> register(FieldQuery<T> query) {
		register(query.type(), query.field(), selection -> query);
		return query;
	}

	/**
	 * Makes a field answerable by looking ahead whose query depends on what is selected
	 * under it (e.g. the properties it reads of its elements).
	 */
	public void register(String type, String field, Function<DataFetchingFieldSelectionSet, FieldQuery<?>> query) {
		Object previous = this.queries.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).putIfAbsent(field, query);
		if (previous != null) {
			throw new IllegalStateException("Two FieldQuery for " + type + "." + field);
		}
	}

	boolean answers(String type, String field) {
		return this.queries.getOrDefault(type, Map.of()).containsKey(field);
	}

	/**
	 * The fields of the selection that can be looked ahead, by the type they are selected
	 * on: registered, and asked without arguments (a field with arguments is left to its
	 * own statement); with, for each, those of its own selection, down to {@link #DEPTH}
	 * levels.
	 */
	public Selected selected(DataFetchingFieldSelectionSet selection) {
		return selected(selection, DEPTH, Set.of());
	}

	/**
	 * @param above the fields ({@code Type.field}) looked ahead on the way down: a field
	 * is not looked ahead inside itself, so no subquery declares a variable of one around
	 * it
	 */
	private Selected selected(DataFetchingFieldSelectionSet selection, int depth, Set<String> above) {
		Map<String, Map<String, Nested>> byType = new LinkedHashMap<>();
		if (depth == 0 || selection == null) {
			return new Selected(byType);
		}
		// a field selected twice (under aliases) asking different things of its elements
		// is left to its fetcher: the look-ahead answers each field once
		Set<String> twice = new HashSet<>();
		for (SelectedField field : selection.getImmediateFields()) {
			if (!field.getArguments().isEmpty()) {
				continue;
			}
			for (String type : field.getObjectTypeNames()) {
				var query = this.queries.getOrDefault(type, Map.of()).get(field.getName());
				String name = type + "." + field.getName();
				if (query != null && !above.contains(name)) {
					FieldQuery<?> fieldQuery = query.apply(field.getSelectionSet());
					Selected below = Selected.NONE;
					if (fieldQuery.nests()) {
						Set<String> path = new HashSet<>(above);
						path.add(name);
						below = selected(field.getSelectionSet(), depth - 1, path);
					}
					Nested nested = new Nested(fieldQuery, below);
					Nested before = byType.computeIfAbsent(type, t -> new LinkedHashMap<>())
						.putIfAbsent(field.getName(), nested);
					if (before != null && !before.expression("n").equals(nested.expression("n"))) {
						twice.add(name);
					}
				}
			}
		}
		for (String name : twice) {
			String[] typeAndField = name.split("\\.", 2);
			Map<String, Nested> fields = byType.get(typeAndField[0]);
			fields.remove(typeAndField[1]);
			if (fields.isEmpty()) {
				byType.remove(typeAndField[0]);
			}
		}
		return new Selected(byType);
	}

	/** A field looked ahead, with the fields looked ahead on its elements. */
	record Nested(FieldQuery<?> query, Selected below) {

		boolean nests() {
			return this.query.nests() && !this.below.isEmpty();
		}

		/** The field's expression over {@code parent}. */
		String expression(String parent) {
			if (!nests()) {
				return this.query.expression(parent);
			}
			return this.query.expression(parent, this.below.expression(this.query.element()));
		}

		/**
		 * The field's value from the expression's; when it nests, with the answers of its
		 * elements' fields as the local context of the level below.
		 */
		Object read(Value value) {
			if (!nests()) {
				return this.query.read().apply(value);
			}
			List<Value> rows = value.asList(row -> row);
			Object data = this.query.read()
				.apply(Values.value(rows.stream().map(row -> row.get("value")).toArray(Value[]::new)));
			Answered below = new Answered(new HashMap<>());
			for (Value row : rows) {
				// the element the row stands for, read as the field reads it: equal to
				// the one in its value
				for (Object element : elements(
						this.query.read().apply(Values.value(new Value[] { row.get("value") })))) {
					this.below.read(element, element.getClass().getSimpleName(), row.get("lookAhead"), below);
				}
			}
			return DataFetcherResult.newResult().data(data).localContext(below).build();
		}

		private static Collection<?> elements(Object read) {
			if (read instanceof Collection<?> collection) {
				return collection;
			}
			return (read != null) ? List.of(read) : List.of();
		}

	}

	/** The fields looked ahead, by the type they are selected on. */
	public static final class Selected {

		static final Selected NONE = new Selected(Map.of());

		private final Map<String, Map<String, Nested>> byType;

		Selected(Map<String, Map<String, Nested>> byType) {
			this.byType = byType;
		}

		public boolean isEmpty() {
			return this.byType.isEmpty();
		}

		/**
		 * A Cypher expression over the node {@code n}: a map of the selected fields'
		 * expressions for the node's label, null for a label with none selected. Labels,
		 * variables and expressions come from the registered queries.
		 */
		public String expression() {
			return expression("n");
		}

		String expression(String node) {
			if (this.byType.isEmpty()) {
				return "null";
			}
			return this.byType.values()
				.stream()
				.map(fields -> "WHEN " + node + ":" + Catalogue.label(fields.values().iterator().next().query().label())
						+ " THEN {"
						+ fields.entrySet()
							.stream()
							.map(field -> field.getKey() + ": " + field.getValue().expression(node))
							.collect(Collectors.joining(", "))
						+ "}")
				.collect(Collectors.joining(" ", "CASE ", " END"));
		}

		/**
		 * Reads the value of {@link #expression()} for a node answered as {@code type},
		 * into {@code answered}.
		 */
		public void read(Object node, String type, Value value, Answered answered) {
			Map<String, Nested> fields = this.byType.get(type);
			if (fields == null || value == null || value.isNull()) {
				return;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			fields.forEach((name, field) -> values.put(name, field.read(value.get(name))));
			answered.put(node, values);
		}

		@Override
		public String toString() {
			return expression();
		}

	}

	/**
	 * The fields answered ahead, by the node object they belong to (by identity: the very
	 * records the fetcher returned; by equality below a field looked ahead, whose
	 * elements are records read apart from its value), the local context of everything
	 * below the fetcher. A field whose elements' fields were looked ahead too is answered
	 * with their answers as the local context of its own fields.
	 */
	public static final class Answered {

		private final Map<Object, Map<String, Object>> byNode;

		public Answered() {
			this(new IdentityHashMap<>());
		}

		private Answered(Map<Object, Map<String, Object>> byNode) {
			this.byNode = byNode;
		}

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
