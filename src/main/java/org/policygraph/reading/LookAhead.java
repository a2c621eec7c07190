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
 * level below; a field looked ahead is answered from it, any other (one asked with
 * arguments its registration cannot express, or one under a field that is not looked
 * ahead) by its own batched statement as usual. The fields' answers are the same either
 * way: both come from the one {@link FieldQuery}.
 * <p>
 * Arguments: a field registered with {@link Arguments} (e.g.
 * {@code Measure.programs(first:)}) is looked ahead when its registration can express the
 * values asked (their variables are known by then); the values travel as parameters of
 * the statement, each looked-ahead query's renamed apart ({@code $l1_first},
 * {@code $l2_first}, …; {@link Selected#parameters()}), never as text. Values it cannot
 * express (e.g. a {@code first} outside 1..100, which the fetcher refuses) leave the
 * field to its fetcher, which answers or refuses as always. A field registered without
 * {@link Arguments} is looked ahead only when asked without any (e.g.
 * {@code Kpi.observations(asOf:)} is read apart). The answers are kept by field and
 * argument values ({@link Answered}), so one field asked under two aliases with different
 * values (e.g. {@code a: programs(first: 1) b: programs(first: 5)}) is answered twice,
 * each as asked; asked twice with the same values but different selections of its
 * elements, it is left to its fetcher.
 */
@Component
public class LookAhead {

	/**
	 * How many levels of fields below the fetcher are looked ahead at most (below the
	 * query depth limit, so any request the limits let through nests in full).
	 */
	static final int DEPTH = 8;

	/**
	 * By GraphQL type, then field: the field's query for the argument values asked and
	 * what is selected under it.
	 */
	private final Map<String, Map<String, Arguments>> queries = new ConcurrentHashMap<>();

	/**
	 * A field's query for the argument values it is asked with and what is selected under
	 * it; null when the values cannot be expressed in the query (the field is then left
	 * to its fetcher).
	 */
	@FunctionalInterface
	public interface Arguments {

		FieldQuery<?> query(Map<String, Object> arguments, DataFetchingFieldSelectionSet selection);

	}

	/**
	 * Makes a field answerable by looking ahead when it is asked without arguments; the
	 * features call this once for each such field.
	 */
	public <T> FieldQuery<T> register(FieldQuery<T> query) {
		register(query.type(), query.field(), selection -> query);
		return query;
	}

	/**
	 * Makes a field answerable by looking ahead, when asked without arguments, whose
	 * query depends on what is selected under it (e.g. the properties it reads of its
	 * elements).
	 */
	public void register(String type, String field, Function<DataFetchingFieldSelectionSet, FieldQuery<?>> query) {
		register(type, field,
				(Arguments) (arguments, selection) -> arguments.isEmpty() ? query.apply(selection) : null);
	}

	/**
	 * Makes a field that takes arguments answerable by looking ahead, for the argument
	 * values {@code query} can express as parameters of its {@link FieldQuery}
	 * ({@link FieldQuery#with}).
	 */
	public void register(String type, String field, Arguments query) {
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
	 * on: registered, and asked without arguments or with values their registration can
	 * express; with, for each, those of its own selection, down to {@link #DEPTH} levels.
	 * The values are parameters of {@link Selected#expression()}, named apart
	 * ({@link Selected#parameters()}).
	 */
	public Selected selected(DataFetchingFieldSelectionSet selection) {
		return selected(selection, DEPTH, Set.of()).numbered(new int[] { 0 });
	}

	/**
	 * @param above the fields ({@code Type.field}) looked ahead on the way down: a field
	 * is not looked ahead inside itself, so no subquery declares a variable of one around
	 * it
	 */
	private Selected selected(DataFetchingFieldSelectionSet selection, int depth, Set<String> above) {
		Map<String, Map<Asked, Nested>> byType = new LinkedHashMap<>();
		if (depth == 0 || selection == null) {
			return new Selected(byType);
		}
		// a field selected twice (under aliases) with the same arguments, asking
		// different things of its elements, is left to its fetcher: the look-ahead
		// answers each field and arguments once
		Map<String, Set<Asked>> twice = new HashMap<>();
		for (SelectedField field : selection.getImmediateFields()) {
			for (String type : field.getObjectTypeNames()) {
				Arguments query = this.queries.getOrDefault(type, Map.of()).get(field.getName());
				String name = type + "." + field.getName();
				if (query == null || above.contains(name)) {
					continue;
				}
				FieldQuery<?> fieldQuery = query.query(field.getArguments(), field.getSelectionSet());
				if (fieldQuery == null) {
					continue;
				}
				Selected below = Selected.NONE;
				if (fieldQuery.nests()) {
					Set<String> path = new HashSet<>(above);
					path.add(name);
					below = selected(field.getSelectionSet(), depth - 1, path);
				}
				Asked asked = new Asked(field.getName(), field.getArguments());
				Nested nested = new Nested(fieldQuery, below);
				Nested before = byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).putIfAbsent(asked, nested);
				if (before != null && !before.same(nested)) {
					twice.computeIfAbsent(type, t -> new HashSet<>()).add(asked);
				}
			}
		}
		twice.forEach((type, asked) -> {
			Map<Asked, Nested> fields = byType.get(type);
			fields.keySet().removeAll(asked);
			if (fields.isEmpty()) {
				byType.remove(type);
			}
		});
		return new Selected(byType);
	}

	/**
	 * A field as asked: its name and argument values (as graphql-java resolves them, the
	 * same for the look-ahead and for the field's fetcher).
	 */
	record Asked(String field, Map<String, Object> arguments) {

		Asked {
			arguments = (arguments != null) ? new HashMap<>(arguments) : Map.of();
		}

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

		/** Whether it reads the same as {@code other} (text and parameter values). */
		boolean same(Nested other) {
			Nested mine = numbered(new int[] { 0 });
			Nested theirs = other.numbered(new int[] { 0 });
			return mine.expression("n").equals(theirs.expression("n")) && mine.parameters().equals(theirs.parameters());
		}

		/**
		 * The parameters of its query and of the fields below (named apart once
		 * {@link #numbered}).
		 */
		Map<String, Object> parameters() {
			Map<String, Object> parameters = new HashMap<>(this.query.parameters());
			if (nests()) {
				parameters.putAll(this.below.parameters());
			}
			return parameters;
		}

		/** The same with its query's parameters, and those below, numbered apart. */
		Nested numbered(int[] count) {
			FieldQuery<?> renamed = this.query;
			if (!renamed.parameters().isEmpty()) {
				count[0]++;
				renamed = renamed.renamed("l" + count[0] + "_");
			}
			return new Nested(renamed, this.below.numbered(count));
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
			if (data instanceof List<?> elements && elements.size() == rows.size()) {
				// read once: the field reads one element per row, in order
				for (int i = 0; i < rows.size(); i++) {
					Object element = elements.get(i);
					if (element != null) {
						this.below.read(element, element.getClass().getSimpleName(), rows.get(i).get("lookAhead"),
								below);
					}
				}
			}
			else {
				for (Value row : rows) {
					// the element the row stands for, read as the field reads it: equal
					// to the one in its value
					for (Object element : elements(
							this.query.read().apply(Values.value(new Value[] { row.get("value") })))) {
						this.below.read(element, element.getClass().getSimpleName(), row.get("lookAhead"), below);
					}
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

		private final Map<String, Map<Asked, Nested>> byType;

		Selected(Map<String, Map<Asked, Nested>> byType) {
			this.byType = byType;
		}

		public boolean isEmpty() {
			return this.byType.isEmpty();
		}

		/**
		 * A Cypher expression over the node {@code n}: a map of the selected fields'
		 * expressions for the node's label, null for a label with none selected. Labels,
		 * variables and expressions come from the registered queries; argument values are
		 * {@link #parameters()}.
		 */
		public String expression() {
			return expression("n");
		}

		/**
		 * The values of the parameters {@link #expression()} names, to run it with (none
		 * when no field is asked with arguments).
		 */
		public Map<String, Object> parameters() {
			Map<String, Object> parameters = new HashMap<>();
			this.byType.values()
				.forEach(fields -> fields.values().forEach(field -> parameters.putAll(field.parameters())));
			return parameters;
		}

		Selected numbered(int[] count) {
			if (this.byType.isEmpty()) {
				return this;
			}
			Map<String, Map<Asked, Nested>> numbered = new LinkedHashMap<>();
			this.byType.forEach((type, fields) -> {
				Map<Asked, Nested> byField = new LinkedHashMap<>();
				fields.forEach((asked, field) -> byField.put(asked, field.numbered(count)));
				numbered.put(type, byField);
			});
			return new Selected(numbered);
		}

		String expression(String node) {
			if (this.byType.isEmpty()) {
				return "null";
			}
			return this.byType.values()
				.stream()
				.map(fields -> "WHEN " + node + ":" + Catalogue.label(fields.values().iterator().next().query().label())
						+ " THEN {"
						+ keys(fields).entrySet()
							.stream()
							.map(field -> field.getValue() + ": " + fields.get(field.getKey()).expression(node))
							.collect(Collectors.joining(", "))
						+ "}")
				.collect(Collectors.joining(" ", "CASE ", " END"));
		}

		/**
		 * The key of each field in the expression's map: its name when asked without
		 * arguments, else its name and its position ({@code programs__1}; no GraphQL name
		 * of ours holds two underscores).
		 */
		private static Map<Asked, String> keys(Map<Asked, Nested> fields) {
			Map<Asked, String> keys = new LinkedHashMap<>();
			int position = 0;
			for (Asked asked : fields.keySet()) {
				keys.put(asked, asked.arguments().isEmpty() ? asked.field() : asked.field() + "__" + position);
				position++;
			}
			return keys;
		}

		/**
		 * Reads the value of {@link #expression()} for a node answered as {@code type},
		 * into {@code answered}.
		 */
		public void read(Object node, String type, Value value, Answered answered) {
			Map<Asked, Nested> fields = this.byType.get(type);
			if (fields == null || value == null || value.isNull()) {
				return;
			}
			Map<Asked, Object> values = new HashMap<>();
			keys(fields).forEach((asked, key) -> values.put(asked, fields.get(asked).read(value.get(key))));
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
	 * elements are records read from its value), then by field and argument values, the
	 * local context of everything below the fetcher. A field whose elements' fields were
	 * looked ahead too is answered with their answers as the local context of its own
	 * fields.
	 */
	public static final class Answered {

		private final Map<Object, Map<Asked, Object>> byNode;

		public Answered() {
			this(new IdentityHashMap<>());
		}

		private Answered(Map<Object, Map<Asked, Object>> byNode) {
			this.byNode = byNode;
		}

		void put(Object node, Map<Asked, Object> values) {
			this.byNode.put(node, values);
		}

		/**
		 * Whether the field of this node, asked with these argument values, was answered
		 * ahead (its value may be null).
		 */
		boolean has(Object node, String field, Map<String, Object> arguments) {
			Map<Asked, Object> values = this.byNode.get(node);
			return values != null && values.containsKey(new Asked(field, arguments));
		}

		Object get(Object node, String field, Map<String, Object> arguments) {
			return this.byNode.get(node).get(new Asked(field, arguments));
		}

		/** The fetcher's answer with this as the local context of its fields. */
		public <T> DataFetcherResult<T> with(T data) {
			return DataFetcherResult.<T>newResult().data(data).localContext(this).build();
		}

	}

}
