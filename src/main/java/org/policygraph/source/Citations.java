package org.policygraph.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.policygraph.graph.GraphReads;
import org.policygraph.reading.BatchQuery;

/**
 * Every place a document states each node of a batch: its {@code CITED_IN} relationships,
 * as source references.
 */
public final class Citations {

	/**
	 * One statement per label whose nodes have a {@code sources} field, written out when
	 * the class loads, so that each finds its nodes through its key's index and no label
	 * is put into a statement at request time.
	 */
	private static final Map<String, String> STATEMENTS = Stream
		.of("Plan", "Pillar", "Measure", "Program", "Organization", "PartnerBody", "Facility", "Kpi", "PolicyIssue")
		.collect(Collectors.toUnmodifiableMap(Function.identity(), label -> "MATCH (n:" + label + """
				)-[c:CITED_IN]->(:Source) WHERE n.key IN $ids
				RETURN n.key AS id, c {.sourceId, .section} AS citation
				ORDER BY n.key, c.sourceId, c.section"""));

	private Citations() {
	}

	/** Each node key's source references, by document and section. */
	public static Map<String, List<SourceRef>> of(GraphReads reads, String label, Collection<String> ids) {
		String statement = STATEMENTS.get(label);
		if (statement == null) {
			throw new IllegalArgumentException("No citations are read for label " + label);
		}
		return BatchQuery.children(reads, statement, ids, row -> SourceRef.of(row.get("citation").asMap()));
	}

}
