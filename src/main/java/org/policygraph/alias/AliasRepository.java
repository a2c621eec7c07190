package org.policygraph.alias;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.policygraph.graph.GraphReads;
import org.policygraph.model.Catalogue;
import org.policygraph.reading.BatchQuery;

import org.springframework.stereotype.Repository;

/** The aliases of a batch of nodes, of one label or several. */
@Repository
class AliasRepository {

	/**
	 * One statement for a batch of nodes of any labels an alias may name, written out
	 * when the class loads: a branch per label, each finding its nodes through its key's
	 * index, so no label is put into a statement at request time. A row's id is its
	 * node's label and key ({@link #labelledKey}), since keys are kept per label.
	 */
	private static final String STATEMENT = "CALL () {\n" + Catalogue.TARGET_LABELS.keySet()
		.stream()
		.map(label -> "MATCH (n:" + label + ")-[:HAS_ALIAS]->(a:Alias) WHERE n.key IN $ids RETURN '" + label
				+ "' AS label, n.key AS key, a {.name, .sourceId, .section} AS alias")
		.collect(Collectors.joining("\nUNION ALL\n")) + """

				}
				RETURN label + ':' + key AS id, alias
				ORDER BY id, alias.sourceId, alias.section, alias.name""";

	private final GraphReads reads;

	AliasRepository(GraphReads reads) {
		this.reads = reads;
	}

	/** A node's label and key, as {@link #find} takes and answers them. */
	static String labelledKey(String label, String key) {
		return label + ":" + key;
	}

	/**
	 * Each node's aliases, by document, section and name, for nodes given by
	 * {@link #labelledKey}: one statement for the whole batch.
	 */
	Map<String, List<Alias>> find(Collection<String> labelledKeys) {
		List<String> keys = labelledKeys.stream().map(k -> k.substring(k.indexOf(':') + 1)).distinct().toList();
		Map<String, List<Alias>> found = BatchQuery.children(this.reads, STATEMENT, keys,
				row -> Alias.of(row.get("alias").asMap()));
		found.keySet().retainAll(labelledKeys);
		return found;
	}

}
