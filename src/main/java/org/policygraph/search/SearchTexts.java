package org.policygraph.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.policygraph.model.SearchText;

/**
 * Makes the search text ({@link SearchText}) of nodes from what the graph holds of them:
 * their fields and every alias they have, in the caller's transaction.
 */
public final class SearchTexts {

	/**
	 * The nodes written before the search text was kept, among the labels search finds
	 * ({@link SearchText#LABELS}, those of the full-text index).
	 */
	private static final String WITHOUT_SEARCH_TEXT = """
			MATCH (n:$any($labels))
			WHERE n.searchName IS NULL AND (n.name IS NOT NULL OR n.title IS NOT NULL)
			RETURN elementId(n) AS node, properties(n) AS properties,
			       [(n)-[:HAS_ALIAS]->(a:Alias) | a.name] AS aliases""";

	/** Nodes by label and key. */
	private static final String NODES = """
			UNWIND $nodes AS wanted
			MATCH (n:$(wanted.label) {key: wanted.key})
			RETURN elementId(n) AS node, properties(n) AS properties,
			       [(n)-[:HAS_ALIAS]->(a:Alias) | a.name] AS aliases""";

	private static final String SET_SEARCH_TEXT = """
			UNWIND $rows AS row
			MATCH (n) WHERE elementId(n) = row.node
			SET n += row.search""";

	private SearchTexts() {
	}

	/** Gives the nodes without search text theirs; how many. */
	public static int keepMissing(SimpleQueryRunner tx) {
		return set(tx, WITHOUT_SEARCH_TEXT, Map.of("labels", SearchText.LABELS));
	}

	/**
	 * Makes the search text of these nodes again, e.g. after aliases were added to them.
	 * @param nodes each {@code {label, key}}
	 */
	public static int renew(SimpleQueryRunner tx, Collection<Map<String, Object>> nodes) {
		return nodes.isEmpty() ? 0 : set(tx, NODES, Map.of("nodes", List.copyOf(nodes)));
	}

	private static int set(SimpleQueryRunner tx, String read, Map<String, Object> parameters) {
		List<Map<String, Object>> rows = new ArrayList<>();
		tx.run(read, parameters).forEachRemaining(row -> {
			Map<String, Object> search = new HashMap<>(SearchText.properties(row.get("properties").asMap(),
					row.get("aliases").asList(value -> value.asString())));
			rows.add(Map.of("node", row.get("node").asString(), "search", search));
		});
		if (!rows.isEmpty()) {
			tx.run(SET_SEARCH_TEXT, Map.of("rows", rows)).consume();
		}
		return rows.size();
	}

}
