package org.policygraph.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.policygraph.graph.GraphReads;
import org.policygraph.model.Catalogue;
import org.policygraph.model.SearchText;
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

	/** The node looked up under every label it may have. */
	private static final String UNDER_EVERY_LABEL = HISTORY.formatted("""
			MATCH (n:Plan {key: $id}) RETURN n
			  UNION MATCH (n:Pillar {key: $id}) RETURN n
			  UNION MATCH (n:Measure {key: $id}) RETURN n
			  UNION MATCH (n:Program {key: $id}) RETURN n
			  UNION MATCH (n:Kpi {key: $id}) RETURN n
			  UNION MATCH (n:Organization {key: $id}) RETURN n
			  UNION MATCH (n:PartnerBody {key: $id}) RETURN n
			  UNION MATCH (n:Facility {key: $id}) RETURN n
			  UNION MATCH (n:PolicyIssue {key: $id}) RETURN n
			  UNION MATCH (n:Milestone {key: $id}) RETURN n
			  UNION MATCH (n:Observation {key: $id}) RETURN n
			  UNION MATCH (n:Budget {key: $id}) RETURN n
			  UNION MATCH (n:Source {key: $id}) RETURN n
			  UNION MATCH (n:Retired {key: $id}) RETURN n""");

	/**
	 * The node looked up under the label its id's prefix names
	 * ({@link Catalogue#labelOfKey}), live or retired, by label.
	 */
	private static final Map<String, String> UNDER_ITS_LABEL = Catalogue.KEY_PREFIXES.keySet()
		.stream()
		.collect(Collectors.toUnmodifiableMap(label -> label, label -> HISTORY.formatted("MATCH (n:"
				+ Catalogue.label(label) + " {key: $id}) RETURN n\n  UNION MATCH (n:Retired {key: $id}) RETURN n")));

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
		List<HistoryEntry> entries = Catalogue.labelOfKey(id)
			.map(label -> history(UNDER_ITS_LABEL.get(label), id, first))
			.orElse(List.of());
		return entries.isEmpty() ? history(UNDER_EVERY_LABEL, id, first) : entries;
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
	 * them; derived search text left out.
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
