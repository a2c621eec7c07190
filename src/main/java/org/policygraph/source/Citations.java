package org.policygraph.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.policygraph.reading.BatchQuery;

import org.springframework.data.neo4j.core.Neo4jClient;

/** Every place a document states each node of a batch: its {@code CITED_IN} relationships, as source references. */
public final class Citations {

	private static final String CITATIONS = """
			MATCH (n:%s)-[c:CITED_IN]->(:Source) WHERE n.key IN $ids
			RETURN n.key AS id, c {.sourceId, .section} AS citation
			ORDER BY n.key, c.sourceId, c.section""";

	private Citations() {
	}

	/**
	 * (node id, source reference) pairs, by node, then document and section.
	 * @param label the caller's own node label (a constant, never input)
	 */
	public static List<Map.Entry<String, SourceRef>> of(Neo4jClient client, String label, Collection<String> ids) {
		return BatchQuery.pairs(client, CITATIONS.formatted(label), ids,
				row -> SourceRef.of(row.get("citation").asMap()));
	}

}
