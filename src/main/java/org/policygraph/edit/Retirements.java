package org.policygraph.edit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.policygraph.history.Touch;
import org.policygraph.model.Catalogue;
import org.policygraph.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies retirements dated in the future once their day has come (Japan time): every
 * minute, and at start-up. Each applied retirement gets its own change record, by the
 * actor "retirement" on behalf of the editor who scheduled it (whose record is already in
 * history).
 */
@Component
class Retirements {

	private static final Logger log = LoggerFactory.getLogger(Retirements.class);

	static final Actor ACTOR = Actor.RETIREMENT;

	/**
	 * Takes a node out of ordinary queries: its label goes, {@code :Retired} remembers
	 * it.
	 */
	static final String RETIRE_NODE = """
			MATCH (n) WHERE elementId(n) = $node
			REMOVE n:%s:RetirementScheduled, n.retiresOn
			SET n:Retired, n.retiredLabel = $label, n += $retirement""";

	private static final String DUE_NODES = """
			MATCH (n:RetirementScheduled) WHERE n.retiresOn <= $today
			RETURN elementId(n) AS node, [l IN labels(n) WHERE l IN $live][0] AS label, n.retiresOn AS on,
			       properties(n) AS before""";

	/**
	 * Links retiring on a day, per editable relationship type (each has an index on
	 * retiresOn).
	 */
	private static final String DUE_LINKS = """
			MATCH (a)-[r:%s]->(b) WHERE r.retiresOn <= $today
			RETURN elementId(r) AS rel, elementId(a) AS from, a.key AS fromId, elementId(b) AS to,
			       b.key AS toId, type(r) AS type, properties(r) AS before""";

	private final GraphEditor editor;

	private final Clock clock;

	private final boolean enabled;

	Retirements(GraphEditor editor, Clock clock, @Value("${policygraph.retirements.enabled:true}") boolean enabled) {
		this.editor = editor;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(initialDelayString = "${policygraph.retirements.initial-delay:5s}",
			fixedDelayString = "${policygraph.retirements.every:60s}")
	void applyDue() {
		if (!this.enabled) {
			return;
		}
		try {
			int applied = apply(LocalDate.now(this.clock));
			if (applied > 0) {
				log.info("Applied {} scheduled retirement(s)", applied);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not apply scheduled retirements now; will try again: {}", ex.getMessage());
		}
	}

	/** Applies every retirement due on the day; answers how many. */
	int apply(LocalDate today) {
		return this.editor.write(tx -> {
			GraphStore store = new GraphStore(tx);
			int applied = 0;
			for (Record row : store.run(DUE_NODES, Map.of("today", today, "live", GraphStore.LIVE_LABELS))) {
				// a label read from the graph enters the statement only as one of
				// the catalogue's
				String label = Catalogue.label(row.get("label").asString());
				Map<String, Object> before = row.get("before").asMap();
				Map<String, Object> retirement = GraphEditor.retirement(row.get("on").asLocalDate(), null);
				store.run(RETIRE_NODE.formatted(label), GraphStore.params("node", row.get("node").asString(), "label",
						label, "retirement", retirement));
				this.editor.record(tx, ACTOR, "retire", source(before),
						List.of(Touch.node(row.get("node").asString(), "RETIRED", before, retirement)));
				applied++;
			}
			List<Record> dueLinks = new java.util.ArrayList<>();
			for (LinkKind kind : LinkKind.values()) {
				dueLinks.addAll(store.run(DUE_LINKS.formatted(Catalogue.relationshipType(kind.type())),
						Map.of("today", today)));
			}
			for (Record row : dueLinks) {
				store.run("MATCH ()-[r]->() WHERE elementId(r) = $rel DELETE r",
						Map.of("rel", row.get("rel").asString()));
				Map<String, Object> before = row.get("before").asMap();
				this.editor.record(tx, ACTOR, "unlink", source(before),
						List.of(Touch.link(row.get("from").asString(), row.get("fromId").asString(),
								row.get("to").asString(), row.get("toId").asString(), row.get("type").asString(),
								"UNLINKED", before, null)));
				applied++;
			}
			return applied;
		});
	}

	private static EditInputs.SourceInput source(Map<String, Object> props) {
		return new EditInputs.SourceInput((String) props.get("sourceId"), (String) props.get("section"));
	}

}
