package org.policygraph.system;

import java.util.Map;
import java.util.function.Function;

/**
 * How one feature turns a node of its label into the record the API returns; {@code node(id)} and
 * {@code search} find nodes of any label and use these to answer with the right type. Each feature declares
 * one bean per label it owns.
 *
 * @param label the node label, e.g. {@code Program}
 * @param read the API record for a node's properties (its {@code key} and the rest)
 */
public record NodeReader(String label, Function<Map<String, Object>, Object> read) {
}
