package org.policygraph.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.renderer.Renderer;
import org.neo4j.driver.Record;
import org.policygraph.graph.GraphReads;
import org.policygraph.model.Catalogue;
import org.policygraph.reading.LookAhead;
import org.policygraph.reading.NodeRecords;

import org.springframework.stereotype.Repository;

/**
 * Finds nodes of any label that has a {@link org.policygraph.reading.NodeReader}: by key,
 * and by full-text search. Both return a node's properties plus {@code planId} (the key
 * of the plan a pillar belongs to), which the Pillar reader needs.
 */
@Repository
class SearchRepository {

	/**
	 * The full-text query; hits of labels without a reader are dropped before the limit,
	 * so {@code first} counts only hits the API can show. Equal scores are ordered by
	 * key, so the answer is stable.
	 */
	private static final String SEARCH = """
			CALL db.index.fulltext.queryNodes('policy_text', $query) YIELD node, score
			WHERE any(label IN labels(node) WHERE label IN $labels)
			RETURN labels(node) AS labels,
			       node {.*, planId: [(plan:Plan)-[:HAS_PILLAR]->(node) | plan.key][0]} AS properties,
			       score
			ORDER BY score DESC, node.key
			LIMIT $first""";

	/**
	 * How many look-up statements are kept for each set of labels: a client can ask for
	 * many selections, and those past this many are rendered for each request instead.
	 */
	private static final int KEPT_STATEMENTS = 256;

	private final GraphReads reads;

	private final NodeRecords records;

	/**
	 * The look-up statements by the labels they seek and the fields a selection looks
	 * ahead (selections are few and alike): one unique-key look-up per label, joined by
	 * UNION when there are several, so each is index-backed.
	 */
	private final Map<List<String>, Map<String, String>> findByKey = new ConcurrentHashMap<>();

	SearchRepository(GraphReads reads, NodeRecords records) {
		this.reads = reads;
		this.records = records;
	}

	/**
	 * The record of the node with this key, empty when none of a readable label has it;
	 * the fields looked ahead are read by the same statement, into {@code answered}. An
	 * id that begins with a type's key prefix is sought under that label alone; under
	 * every label when it does not, or when it is not found there (a dataset's keys need
	 * not follow the prefixes).
	 */
	Optional<Object> findNode(String key, LookAhead.Selected selected, LookAhead.Answered answered) {
		Optional<Record> found = Catalogue
			.underLabelOfKey(key, List.copyOf(this.records.labels()),
					labels -> find(key, labels, selected).stream().toList())
			.stream()
			.findFirst();
		return found.flatMap(row -> read(row).map(node -> {
			selected.read(node, node.getClass().getSimpleName(), row.get("lookAhead"), answered);
			return node;
		}));
	}

	private Optional<Record> find(String key, List<String> labels, LookAhead.Selected selected) {
		String expression = selected.isEmpty() ? "null" : selected.expression();
		Map<String, String> byExpression = this.findByKey.computeIfAbsent(labels, l -> new ConcurrentHashMap<>());
		String statement = byExpression.get(expression);
		if (statement == null) {
			statement = Renderer.getDefaultRenderer().render(findByKeyStatement(labels, expression));
			if (byExpression.size() < KEPT_STATEMENTS) {
				byExpression.put(expression, statement);
			}
		}
		Map<String, Object> parameters = new HashMap<>(selected.parameters());
		parameters.put("id", key);
		return this.reads.first(statement, parameters, row -> row);
	}

	/** The best {@code first} hits for a Lucene query, best first. */
	List<SearchHit> search(String luceneQuery, int first) {
		return this.reads
			.list(SEARCH, Map.of("query", luceneQuery, "labels", List.copyOf(this.records.labels()), "first", first),
					row -> read(row).map(node -> new SearchHit(node, row.get("score").asDouble())).orElse(null))
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	private Optional<Object> read(Record row) {
		return this.records.read(row.get("labels").asList(value -> value.asString()), row.get("properties").asMap());
	}

	/**
	 * {@code CALL { MATCH (n:Plan {key: $id}) RETURN n UNION MATCH (n:Pillar {key: $id})
	 * RETURN n … }} with the node's labels and properties, and {@code lookAhead}; labels
	 * come from the reader beans and are escaped by Cypher-DSL, the look-ahead expression
	 * from the registered {@link org.policygraph.reading.FieldQuery}s.
	 */
	private static Statement findByKeyStatement(List<String> labels, String lookAhead) {
		if (labels.isEmpty()) {
			throw new IllegalStateException("No NodeReader beans: node(id) could find nothing");
		}
		List<Statement> lookups = labels.stream().map(label -> {
			Node n = Cypher.node(label).named("n").withProperties("key", Cypher.parameter("id"));
			return (Statement) Cypher.match(n).returning(n).build();
		}).toList();
		Statement union = (lookups.size() == 1) ? lookups.getFirst() : Cypher.union(lookups);
		Node n = Cypher.anyNode("n");
		Node plan = Cypher.node("Plan").named("plan");
		return Cypher.call(union)
			.returning(Cypher.labels(n).as("labels"),
					n.project(Cypher.asterisk(), "planId",
							Cypher.valueAt(Cypher.listBasedOn(plan.relationshipTo(n, "HAS_PILLAR"))
								.returning(plan.property("key")), 0))
						.as("properties"),
					Cypher.raw(lookAhead).as("lookAhead"))
			.limit(1)
			.build();
	}

}
