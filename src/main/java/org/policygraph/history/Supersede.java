package org.policygraph.history;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;

/**
 * Keeps what an observation or a budget said before it changed: a copy of its old fields,
 * labelled {@code SupersededObservation} or {@code SupersededBudget}, held by the owner
 * through {@code HAD_OBSERVATION} or {@code HAD_BUDGET} and pointed at by the current
 * node through {@code SUPERSEDES}. The current node keeps its key. As-of reads and
 * history read these copies. Imports and the API both supersede through here.
 */
public final class Supersede {

	/**
	 * The superseded label, the current and the kept relationship of each label whose
	 * changes are kept.
	 */
	private static final Map<String, List<String>> KEPT = Map.of("Observation",
			List.of("SupersededObservation", "HAS_OBSERVATION", "HAD_OBSERVATION"), "Budget",
			List.of("SupersededBudget", "HAS_BUDGET", "HAD_BUDGET"));

	private static final String SNAPSHOT = """
			UNWIND $changes AS change
			MATCH (n) WHERE elementId(n) = change.node
			MATCH (owner)-[:%2$s]->(n)
			CREATE (old:%1$s)
			SET old = change.before, old.supersededAt = $at
			CREATE (owner)-[:%3$s]->(old), (n)-[:SUPERSEDES]->(old)
			SET n.recordedAt = $at""";

	private Supersede() {
	}

	/** Whether changes to nodes of this label are kept as superseded copies. */
	public static boolean keeps(String label) {
		return KEPT.containsKey(label);
	}

	/**
	 * Keeps the old fields of changed nodes of a label whose changes are kept.
	 * @param changes each {@code {node: elementId, before: fields}} of a node about to
	 * change or just changed
	 */
	public static void snapshot(SimpleQueryRunner tx, String label, List<Map<String, Object>> changes,
			ZonedDateTime at) {
		List<String> kept = KEPT.get(label);
		if (kept != null && !changes.isEmpty()) {
			tx.run(SNAPSHOT.formatted(kept.get(0), kept.get(1), kept.get(2)), Map.of("changes", changes, "at", at))
				.consume();
		}
	}

}
