package org.policygraph.reading;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.policygraph.graph.GraphReads;

/**
 * A relationship field answered by one Cypher expression over its parent node {@code n}
 * (a {@code COLLECT} subquery): the one definition of what the field reads. The same
 * expression answers the field for a batch of parents in one statement ({@link #read})
 * and, looked ahead, inside the statement that finds the parent ({@link LookAhead}), so
 * the field costs no statement of its own.
 * <p>
 * A field whose subquery ends in {@code RETURN} of a projection of one related node (the
 * {@code element}) is written in parts ({@link #collect}), so the fields selected on its
 * elements can be looked ahead too, inside its subquery: each element then returns its
 * projection and their values.
 * <p>
 * A field asked with arguments (e.g. {@code Measure.programs(first:)}) is one query per
 * set of argument values: its text names the arguments as parameters ({@code $first}) and
 * {@code parameters} holds their values ({@link #with}). Looked ahead, each such query's
 * parameters are renamed apart ({@link #renamed}), so the fields of every level keep
 * their own values in the one statement.
 *
 * @param type the GraphQL type of the parent, e.g. {@code Program}
 * @param field the field, e.g. {@code measures}
 * @param label the parent's node label
 * @param match the subquery up to its {@code RETURN}, over {@code n}; null for a field
 * written as a whole expression
 * @param element the variable of the related node each row of {@code match} returns; null
 * for a field written as a whole expression
 * @param projection what each row returns (a Cypher expression over {@code element}), or
 * the whole list-valued expression over {@code n} for a field written as one; values only
 * ever enter as parameters
 * @param read the field's value from the expression's value
 * @param parameters the values of the parameters the text names (none for a field without
 * arguments); only ever values, never text
 */
public record FieldQuery<T>(String type, String field, String label, String match, String element, String projection,
		Function<Value, T> read, Map<String, Object> parameters) {

	public FieldQuery {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * The parent's variable {@code n}: an {@code n} standing alone (not part of a name, a
	 * property, a parameter or a quoted word), so no map key, and no word of a string
	 * standing alone, may be {@code n}.
	 */
	private static final Pattern PARENT = Pattern.compile("(?<![\\w.$`'\"])n(?![\\w`'\"])");

	/**
	 * A field answered by a list-valued expression over {@code n} as a whole (its
	 * elements' fields are not looked ahead).
	 */
	public FieldQuery(String type, String field, String label, String expression, Function<Value, T> read) {
		this(type, field, label, null, null, expression, read, Map.of());
	}

	/**
	 * A field answered by {@code COLLECT { match RETURN projection }}, whose rows each
	 * return a projection of the related node {@code element}.
	 */
	public static <T> FieldQuery<T> collect(String type, String field, String label, String match, String element,
			String projection, Function<Value, T> read) {
		return new FieldQuery<>(type, field, label, match, element, projection, read, Map.of());
	}

	/**
	 * The same query with these parameter values (a null value allowed: e.g. no
	 * {@code first}, all of them).
	 */
	public FieldQuery<T> with(Map<String, ?> values) {
		Map<String, Object> all = new LinkedHashMap<>(this.parameters);
		all.putAll(values);
		return new FieldQuery<>(this.type, this.field, this.label, this.match, this.element, this.projection, this.read,
				all);
	}

	/**
	 * The same query with each parameter {@code $name} of its text renamed
	 * {@code $<prefix>name}, its values with it.
	 */
	FieldQuery<T> renamed(String prefix) {
		if (this.parameters.isEmpty()) {
			return this;
		}
		String match = this.match;
		String projection = this.projection;
		Map<String, Object> renamed = new LinkedHashMap<>();
		for (Map.Entry<String, Object> parameter : this.parameters.entrySet()) {
			Pattern name = Pattern.compile("\\$" + Pattern.quote(parameter.getKey()) + "(?![\\w`])");
			String replacement = Matcher.quoteReplacement("$" + prefix + parameter.getKey());
			match = (match != null) ? name.matcher(match).replaceAll(replacement) : null;
			projection = name.matcher(projection).replaceAll(replacement);
			renamed.put(prefix + parameter.getKey(), parameter.getValue());
		}
		return new FieldQuery<>(this.type, this.field, this.label, match, this.element, projection, this.read, renamed);
	}

	/** Whether the fields of its elements can be looked ahead inside its subquery. */
	boolean nests() {
		return this.match != null;
	}

	/** The list-valued Cypher expression over {@code n}. */
	public String expression() {
		return expression("n");
	}

	/** The list-valued Cypher expression over the parent variable {@code parent}. */
	String expression(String parent) {
		return nests() ? expression(parent, null) : over(parent, this.projection);
	}

	/**
	 * The subquery over {@code parent}, each row returning its projection or, with
	 * {@code below} (an expression over {@link #element()}), the map of its projection
	 * ({@code value}) and {@code below} ({@code lookAhead}).
	 */
	String expression(String parent, String below) {
		String projection = over(parent, this.projection);
		return "COLLECT {\n" + over(parent, this.match) + "\nRETURN "
				+ ((below != null) ? "{value: " + projection + ", lookAhead: " + below + "}" : projection) + "\n}";
	}

	private static String over(String parent, String cypher) {
		return "n".equals(parent) ? cypher : PARENT.matcher(cypher).replaceAll(Matcher.quoteReplacement(parent));
	}

	/**
	 * The value of each parent key, by one statement for the whole batch; a key that
	 * names no parent, or a parent without any related node, has {@link #none()}.
	 */
	public Map<String, T> read(GraphReads reads, Collection<String> keys) {
		Map<String, T> byKey = new HashMap<>();
		Map<String, Object> parameters = new HashMap<>(this.parameters);
		parameters.put("ids", keys);
		reads
			.rows("MATCH (n:" + this.label + ") WHERE n.key IN $ids RETURN n.key AS id, " + expression() + " AS value",
					parameters)
			.forEach(row -> byKey.put(row.get("id").asString(), this.read.apply(row.get("value"))));
		keys.forEach(key -> byKey.computeIfAbsent(key, none -> none()));
		return byKey;
	}

	/** The value for a parent without any related node. */
	T none() {
		return this.read.apply(Values.value(List.of()));
	}

}
