package org.policygraph.alias;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.policygraph.model.Catalogue;
import org.policygraph.reading.BatchQuery;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The aliases of a batch of nodes of one label. */
@Repository
@Transactional(readOnly = true)
class AliasRepository {

	/**
	 * One statement per label an alias may name, written out when the class loads, so
	 * each finds its nodes through its key's index and no label is put into a statement
	 * at request time.
	 */
	private static final Map<String, String> STATEMENTS = Catalogue.TARGET_LABELS.keySet()
		.stream()
		.collect(Collectors.toUnmodifiableMap(Function.identity(), label -> "MATCH (n:" + label + """
				)-[:HAS_ALIAS]->(a:Alias) WHERE n.key IN $ids
				RETURN n.key AS id, a {.name, .sourceId, .section} AS alias
				ORDER BY n.key, a.sourceId, a.section, a.name"""));

	private final Neo4jClient client;

	AliasRepository(Neo4jClient client) {
		this.client = client;
	}

	/** Each node key's aliases, by document, section and name. */
	Map<String, List<Alias>> find(String label, Collection<String> ids) {
		String statement = STATEMENTS.get(label);
		if (statement == null) {
			throw new IllegalArgumentException("No aliases are read for label " + label);
		}
		return BatchQuery.children(this.client, statement, ids, row -> Alias.of(row.get("alias").asMap()));
	}

}
