package org.policygraph.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.policygraph.graph.GraphReads;
import org.policygraph.model.Catalogue;
import org.policygraph.model.SearchText;
import org.policygraph.program.BudgetRollups;
import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Repository;

/** Reads change records. */
@Repository
class HistoryRepository {

	/**
	 * The node with the id, live or retired, then it and the observations and budgets it
	 * holds or held, then the changes that touched any of them; the look-up of the node
	 * goes in the first {@code CALL}, each label through its own key index.
	 */
	private static final String HISTORY = """
			CALL () {
			  %s
			}
			CALL (n) {
			  RETURN n AS m
			  UNION MATCH (n)-[:HAS_OBSERVATION|HAD_OBSERVATION|HAS_BUDGET|HAD_BUDGET]->(m) RETURN m
			}
			MATCH (c:Change)-[ch:CHANGED]->(m)
			RETURN c {.id, .actor, .actorName, .operation, .sourceId, .section, at: c.at} AS change, ch {.*} AS touch
			ORDER BY c.at DESC, ch.nodeId, ch.type, ch.otherId
			LIMIT $first""";

	/** The labels of what has a history: whatever a change may touch. */
	private static final List<String> LABELS = List.of("Plan", "Pillar", "Measure", "Program", "Kpi", "Organization",
			"PartnerBody", "Facility", "PolicyIssue", "Milestone", "Observation", "Budget", "Source");

	/** The statements by the labels they seek the node under (live or retired). */
	private static final Map<List<String>, String> UNDER = new ConcurrentHashMap<>();

	private final GraphReads reads;

	private final JsonMapper json;

	HistoryRepository(GraphReads reads, JsonMapper json) {
		this.reads = reads;
		this.json = json;
	}

	/**
	 * The changes of the node with the id, sought under the label its prefix names; under
	 * every label when it has none, or when nothing is found there (a dataset's keys need
	 * not follow the prefixes; an observation's or a budget's key begins with its
	 * indicator's or program's).
	 */
	List<HistoryEntry> history(String id, int first) {
		return Catalogue.underLabelOfKey(id, LABELS,
				labels -> history(UNDER.computeIfAbsent(labels, HistoryRepository::statement), id, first));
	}

	private static String statement(List<String> labels) {
		return HISTORY.formatted(labels.stream()
			.map(label -> "MATCH (n:" + Catalogue.label(label) + " {key: $id}) RETURN n")
			.collect(Collectors.joining("\n  UNION ", "", "\n  UNION MATCH (n:Retired {key: $id}) RETURN n")));
	}

	private List<HistoryEntry> history(String statement, String id, int first) {
		return this.reads.list(statement, Map.of("id", id, "first", first),
				row -> entry(row.get("change").asMap(), row.get("touch").asMap()));
	}

	private HistoryEntry entry(Map<String, Object> c, Map<String, Object> touch) {
		SourceRef source = (c.get("sourceId") != null)
				? new SourceRef((String) c.get("sourceId"), (String) c.get("section")) : null;
		HistoryEntry.Change change = new HistoryEntry.Change((String) c.get("id"), Props.instant(c, "at"),
				(String) c.get("actor"), (String) c.get("actorName"), (String) c.get("operation"), source);
		HistoryEntry.LinkChange link = (touch.get("type") != null) ? new HistoryEntry.LinkChange(
				(String) touch.get("type"), (String) touch.get("otherId"), (String) touch.get("direction")) : null;
		return new HistoryEntry(change, (String) touch.get("action"), (String) touch.get("nodeId"),
				fields(Props.string(touch, "before"), Props.string(touch, "after")), link);
	}

	/**
	 * The fields whose values differ, in name order; for a new or retired node, all of
	 * them; derived search text and budget totals left out.
	 */
	private List<HistoryEntry.FieldChange> fields(String beforeJson, String afterJson) {
		JsonNode before = (beforeJson != null) ? this.json.readTree(beforeJson) : null;
		JsonNode after = (afterJson != null) ? this.json.readTree(afterJson) : null;
		TreeSet<String> names = new TreeSet<>();
		if (before != null) {
			names.addAll(before.propertyNames());
		}
		if (after != null) {
			names.addAll(after.propertyNames());
		}
		List<HistoryEntry.FieldChange> fields = new ArrayList<>();
		// the folded search text follows the names and texts it is made from
		names.removeAll(SearchText.PROPERTIES);
		// and the budget totals follow the budgets and links they are summed over
		names.removeAll(BudgetRollups.PROPERTIES);
		for (String name : names) {
			String was = (before != null && before.has(name)) ? before.get(name).toString() : null;
			String is = (after != null && after.has(name)) ? after.get(name).toString() : null;
			if (!Objects.equals(was, is)) {
				fields.add(new HistoryEntry.FieldChange(name, was, is));
			}
		}
		return fields;
	}

}
