package org.policygraph.reading;

import java.util.Map;
import java.util.function.Function;

/**
 * How one feature turns a node of its label into the record the API returns;
 * {@code node(id)} and {@code search} find nodes of any label and use these to answer
 * with the right type. Each feature declares one bean per label it owns.
 *
 * @param label the node label, e.g. {@code Program}
 * @param type the API record's class, which the schema inspection maps the GraphQL type
 * of the same name to (types returned only through the {@code Node} interface cannot be
 * found otherwise)
 * @param read the API record for a node's properties (its {@code key} and the rest)
 */
public record NodeReader(String label, Class<?> type, Function<Map<String, Object>, Object> read) {

	public static <T> NodeReader of(String label, Class<T> type, Function<Map<String, Object>, T> read) {
		return new NodeReader(label, type, read::apply);
	}

}
