package org.policygraph.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.neo4j.driver.SimpleQueryRunner;
import org.policygraph.security.Actor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes change records: one {@code (:Change)} per mutation or import, with a
 * {@code [:CHANGED]} relationship to every node it touched carrying the fields before and
 * after as JSON. Always inside the transaction that makes the change, so a change and its
 * record are kept or lost together.
 */
@Component
public class ChangeLog {

	private static final String WRITE = """
			CREATE (c:Change {id: $id, at: $at, actor: $actor, actorName: $actorName, operation: $operation,
			                  sourceId: $sourceId, section: $section, report: $report})
			WITH c
			UNWIND $touches AS t
			MATCH (n) WHERE elementId(n) = t.node
			CREATE (c)-[:CHANGED {action: t.action, before: t.before, after: t.after, type: t.type, otherId: t.otherId,
			                      direction: t.direction, nodeId: n.key}]->(n)""";

	private final JsonMapper json;

	public ChangeLog(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Records a change.
	 * @param id the record's id (an import's run id), or null for a new one
	 * @param report an import's report as JSON, or null
	 * @return the record's id
	 */
	public String record(SimpleQueryRunner tx, String id, Instant at, Actor actor, String operation, String sourceId,
			String section, List<Touch> touches, String report) {
		String changeId = (id != null) ? id : UUID.randomUUID().toString();
		Map<String, Object> params = new HashMap<>();
		params.put("id", changeId);
		params.put("at", at.atZone(ZoneOffset.UTC));
		params.put("actor", actor.id());
		params.put("actorName", actor.name());
		params.put("operation", operation);
		params.put("sourceId", sourceId);
		params.put("section", section);
		params.put("report", report);
		params.put("touches", touches.stream().map(this::row).toList());
		tx.run(WRITE, params).consume();
		return changeId;
	}

	private Map<String, Object> row(Touch touch) {
		Map<String, Object> row = new HashMap<>();
		row.put("node", touch.node());
		row.put("action", touch.action());
		row.put("before", toJson(touch.before()));
		row.put("after", toJson(touch.after()));
		row.put("type", touch.linkType());
		row.put("otherId", touch.otherId());
		row.put("direction", (touch.outgoing() == null) ? null : touch.outgoing() ? "OUT" : "IN");
		return row;
	}

	private String toJson(Map<String, Object> fields) {
		// sorted, so that the same fields always read the same
		return (fields != null) ? this.json.writeValueAsString(new TreeMap<>(fields)) : null;
	}

}
