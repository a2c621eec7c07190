package org.policygraph.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;

/**
 * Writes validated rows with MERGE on stable keys, inside the caller's transaction, counting what is created,
 * updated and unchanged. The labels and relationship types in these statements come from
 * {@link DatasetValidator}'s fixed mapping; every value travels as a parameter.
 */
final class GraphWriter {

	private static final String MERGE_NODES = """
			UNWIND $rows AS row
			OPTIONAL MATCH (existing:%1$s {key: row.key})
			WITH row, existing IS NULL AS isNew, properties(existing) AS before
			MERGE (n:%1$s {key: row.key})
			SET n += row.props
			RETURN count(*) AS rows,
			       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
			       sum(CASE WHEN NOT isNew AND before <> properties(n) THEN 1 ELSE 0 END) AS updated""";

	private static final String MERGE_RELATIONSHIPS = """
			UNWIND $rows AS row
			MATCH (a:%1$s {key: row.from})
			MATCH (b:%2$s {key: row.to})
			OPTIONAL MATCH (a)-[existing:%3$s%4$s]->(b)
			WITH row, a, b, existing IS NULL AS isNew, properties(existing) AS before
			MERGE (a)-[r:%3$s%4$s]->(b)
			SET r += row.props
			RETURN count(*) AS rows,
			       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
			       sum(CASE WHEN NOT isNew AND before <> properties(r) THEN 1 ELSE 0 END) AS updated""";

	private GraphWriter() {
	}

	static List<ImportReport.Count> write(Transaction tx, GraphWrites writes) {
		List<ImportReport.Count> counts = new ArrayList<>();
		for (GraphWrites.Nodes nodes : writes.nodes) {
			Record result = tx.run(MERGE_NODES.formatted(nodes.label()), Map.of("rows", nodes.rows())).single();
			counts.add(count("NODE", nodes.label(), nodes.rows().size(), result));
		}
		Map<String, List<GraphWrites.Relationships>> byType = writes.relationships.stream()
			.collect(Collectors.groupingBy(GraphWrites.Relationships::type, java.util.LinkedHashMap::new,
					Collectors.toList()));
		byType.forEach((type, groups) -> {
			long rows = 0;
			long created = 0;
			long updated = 0;
			for (GraphWrites.Relationships rels : groups) {
				String mergeOn = rels.mergeOn().isEmpty() ? ""
						: rels.mergeOn().stream().map(p -> p + ": row.props." + p).collect(Collectors.joining(", ", " {", "}"));
				Record result = tx
					.run(MERGE_RELATIONSHIPS.formatted(rels.fromLabel(), rels.toLabel(), type, mergeOn),
							Map.of("rows", rels.rows()))
					.single();
				if (result.get("rows").asLong() != rels.rows().size()) {
					throw new IllegalStateException(type + ": " + rels.rows().size() + " rows but "
							+ result.get("rows").asLong() + " matched both ends");
				}
				rows += rels.rows().size();
				created += result.get("created").asLong();
				updated += result.get("updated").asLong();
			}
			counts.add(new ImportReport.Count("RELATIONSHIP", type, rows, created, updated, rows - created - updated));
		});
		return counts;
	}

	private static ImportReport.Count count(String kind, String name, long rows, Record result) {
		long created = result.get("created").asLong();
		long updated = result.get("updated").asLong();
		return new ImportReport.Count(kind, name, rows, created, updated, rows - created - updated);
	}

}
