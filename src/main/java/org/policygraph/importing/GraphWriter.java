package org.policygraph.importing;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.policygraph.history.ImportRun;
import org.policygraph.history.Supersede;
import org.policygraph.history.Touch;
import org.policygraph.model.Catalogue;

/**
 * Writes validated rows with MERGE on stable keys, inside the caller's transaction,
 * counting what is created, updated and unchanged. The labels, relationship types and
 * property names in these statements are the {@link Catalogue}'s, checked against its
 * closed sets where the text is made; every value travels as a parameter.
 */
final class GraphWriter {

	private static final String MERGE_NODES = """
			UNWIND $rows AS row
			OPTIONAL MATCH (existing:%1$s {key: row.key})
			WITH row, existing IS NULL AS isNew, properties(existing) AS before
			MERGE (n:%1$s {key: row.key})
			SET n += row.props
			WITH row, n, isNew, before, properties(n) AS after
			RETURN count(*) AS rows,
			       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
			       sum(CASE WHEN NOT isNew AND before <> after THEN 1 ELSE 0 END) AS updated,
			       collect(CASE WHEN isNew OR before <> after
			               THEN {node: elementId(n), isNew: isNew, before: before, after: after} END) AS changes""";

	private static final String MERGE_RELATIONSHIPS = """
			UNWIND $rows AS row
			MATCH (a:%1$s {key: row.from})
			MATCH (b:%2$s {key: row.to})
			OPTIONAL MATCH (a)-[existing:%3$s%4$s]->(b)
			WITH row, a, b, existing IS NULL AS isNew, properties(existing) AS before
			MERGE (a)-[r:%3$s%4$s]->(b)
			SET r += row.props
			WITH row, a, b, isNew, before, properties(r) AS after
			RETURN count(*) AS rows,
			       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
			       sum(CASE WHEN NOT isNew AND before <> after THEN 1 ELSE 0 END) AS updated,
			       collect(CASE WHEN isNew OR before <> after
			               THEN {from: elementId(a), fromId: row.from, to: elementId(b), toId: row.to, isNew: isNew,
			                     before: before, after: after} END) AS changes""";

	private GraphWriter() {
	}

	/**
	 * What a write did: counts per label and type, and every node it touched, for the
	 * change record.
	 */
	record Result(List<ImportRun.Count> counts, List<Touch> touches) {
	}

	static Result write(SimpleQueryRunner tx, GraphWrites writes, ZonedDateTime at) {
		List<ImportRun.Count> counts = new ArrayList<>();
		List<Touch> touches = new ArrayList<>();
		for (GraphWrites.Nodes nodes : writes.nodes) {
			Record result = tx.run(MERGE_NODES.formatted(Catalogue.label(nodes.label())), Map.of("rows", nodes.rows()))
				.single();
			counts.add(count("NODE", nodes.label(), nodes.rows().size(), result));
			List<Map<String, Object>> changes = result.get("changes").asList(Value::asMap);
			for (Map<String, Object> change : changes) {
				boolean isNew = Boolean.TRUE.equals(change.get("isNew"));
				touches.add(Touch.node((String) change.get("node"), isNew ? "CREATED" : "UPDATED",
						map(change.get("before")), map(change.get("after"))));
			}
			if (Supersede.keeps(nodes.label())) {
				Supersede.snapshot(tx, nodes.label(),
						changes.stream().filter(c -> !Boolean.TRUE.equals(c.get("isNew"))).toList(), at);
			}
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
						: rels.mergeOn()
							.stream()
							.map(Catalogue::property)
							.map(p -> p + ": row.props." + p)
							.collect(Collectors.joining(", ", " {", "}"));
				Record result = tx
					.run(MERGE_RELATIONSHIPS.formatted(Catalogue.label(rels.fromLabel()),
							Catalogue.label(rels.toLabel()), Catalogue.relationshipType(type), mergeOn),
							Map.of("rows", rels.rows()))
					.single();
				if (result.get("rows").asLong() != rels.rows().size()) {
					throw new IllegalStateException(type + ": " + rels.rows().size() + " rows but "
							+ result.get("rows").asLong() + " matched both ends");
				}
				rows += rels.rows().size();
				created += result.get("created").asLong();
				updated += result.get("updated").asLong();
				for (Map<String, Object> change : result.get("changes").asList(Value::asMap)) {
					boolean isNew = Boolean.TRUE.equals(change.get("isNew"));
					touches.addAll(List.of(Touch.link((String) change.get("from"), (String) change.get("fromId"),
							(String) change.get("to"), (String) change.get("toId"), type, isNew ? "LINKED" : "RELINKED",
							map(change.get("before")), map(change.get("after")))));
				}
			}
			counts.add(new ImportRun.Count("RELATIONSHIP", type, rows, created, updated, rows - created - updated));
		});
		return new Result(counts, touches);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static ImportRun.Count count(String kind, String name, long rows, Record result) {
		long created = result.get("created").asLong();
		long updated = result.get("updated").asLong();
		return new ImportRun.Count(kind, name, rows, created, updated, rows - created - updated);
	}

}
