package org.policygraph.search;

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

	private final GraphReads reads;

	private final NodeRecords records;

	/**
	 * One unique-key lookup per label with a reader, joined by UNION, so each is
	 * index-backed.
	 */
	private final String findByKey;

	/**
	 * The same, with the fields a selection looks ahead, by their expression (selections
	 * are few and alike).
	 */
	private final Map<String, String> findByKeyLookingAhead = new ConcurrentHashMap<>();

	SearchRepository(GraphReads reads, NodeRecords records) {
		this.reads = reads;
		this.records = records;
		this.findByKey = Renderer.getDefaultRenderer()
			.render(findByKeyStatement(List.copyOf(records.labels()), "null"));
	}

	/**
	 * The record of the node with this key, empty when none of a readable label has it;
	 * the fields looked ahead are read by the same statement, into {@code answered}.
	 */
	Optional<Object> findNode(String key, LookAhead.Selected selected, LookAhead.Answered answered) {
		String statement = selected.isEmpty() ? this.findByKey
				: this.findByKeyLookingAhead.computeIfAbsent(selected.expression(),
						expression -> Renderer.getDefaultRenderer()
							.render(findByKeyStatement(List.copyOf(this.records.labels()), expression)));
		return this.reads.first(statement, Map.of("id", key), row -> row).flatMap(row -> read(row).map(node -> {
			selected.read(node, node.getClass().getSimpleName(), row.get("lookAhead"), answered);
			return node;
		}));
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
