package org.policygraph.edit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.policygraph.model.Catalogue;

/**
 * The Cypher of editing, run inside the caller's write transaction. Labels and
 * relationship types in these statements are the {@link Catalogue}'s
 * ({@link #LIVE_LABELS}, {@link LinkKind}), checked against its closed sets where the
 * text is made; every value is a parameter.
 */
final class GraphStore {

	/**
	 * Every label whose nodes have a key that editors may name, in the order ids are
	 * looked up.
	 */
	static final List<String> LIVE_LABELS = List.of("Plan", "Pillar", "Measure", "Program", "Kpi", "Organization",
			"PartnerBody", "Facility", "PolicyIssue");

	/** What each label is called in messages. */
	static final Map<String, String> NAMES = Map.of("Plan", "plan", "Pillar", "pillar", "Measure", "measure", "Program",
			"program", "Kpi", "KPI", "Organization", "organization", "PartnerBody", "partner body", "Facility",
			"facility", "PolicyIssue", "policy issue");

	/**
	 * The statements that find a node by key, live or retired, by the labels they seek
	 * through each label's own key index.
	 */
	private static final Map<List<String>, String> FIND = new ConcurrentHashMap<>();

	/**
	 * Finds or creates the node and takes its write lock before reading it, so that of
	 * concurrent upserts of one id exactly one creates the node and each sees the fields
	 * the one before it left.
	 */
	private static final String LOCK = """
			MERGE (n:%s {key: $id})
			ON CREATE SET n.`_new` = true
			SET n.`_lock` = true
			WITH n, n.`_new` IS NOT NULL AS isNew
			REMOVE n.`_new`, n.`_lock`
			RETURN elementId(n) AS node, isNew, properties(n) AS before""";

	private static final String UPDATE = """
			MATCH (n) WHERE elementId(n) = $node
			SET n += $props
			WITH n
			MATCH (s:Source {key: $sourceId})
			MERGE (n)-[c:CITED_IN {section: $section}]->(s)
			ON CREATE SET c.sourceId = $sourceId
			RETURN properties(n) AS after""";

	private static final String READ = """
			MATCH (n) WHERE elementId(n) = $node
			RETURN labels(n) AS labels, n {.*, planId: [(plan:Plan)-[:HAS_PILLAR]->(n) | plan.key][0]} AS record""";

	private static final String FIND_LINK = """
			MATCH (a:%1$s {key: $from})-[r:%3$s]->(b:%2$s {key: $to})
			RETURN elementId(a) AS from, elementId(b) AS to, elementId(r) AS rel, properties(r) AS before""";

	private static final String LINK = """
			MATCH (a:%1$s {key: $from})
			MATCH (b:%2$s {key: $to})
			MERGE (a)-[r:%3$s]->(b)
			ON CREATE SET r.`_new` = true, r += $defaults, r.sourceId = $sourceId, r.section = $section
			SET r.`_lock` = true
			WITH a, b, r, r.`_new` IS NOT NULL AS isNew
			REMOVE r.`_new`, r.`_lock`
			WITH a, b, r, isNew, properties(r) AS before
			SET r += $props
			RETURN elementId(a) AS from, elementId(b) AS to, isNew, before, properties(r) AS after""";

	private final TransactionContext tx;

	GraphStore(TransactionContext tx) {
		this.tx = tx;
	}

	/** The transaction, for checks that run their own statements (the hierarchy rule). */
	TransactionContext tx() {
		return this.tx;
	}

	/** A node found by key. */
	record Found(String node, List<String> labels, String retiredOn, String retiredLabel) {

		boolean retired() {
			return this.labels.contains("Retired");
		}

		/** The node's live label, or the one it had before it was retired. */
		String label() {
			if (retired()) {
				return this.retiredLabel;
			}
			return this.labels.stream().filter(LIVE_LABELS::contains).findFirst().orElse(this.labels.getFirst());
		}

	}

	private static String find(List<String> labels) {
		return labels.stream()
			.map(label -> "MATCH (n:" + Catalogue.label(label) + " {key: $id}) RETURN n")
			.collect(Collectors.joining(" UNION ", "CALL () { ",
					" UNION MATCH (n:Retired {key: $id}) RETURN n } RETURN labels(n) AS labels, n.retiredOn AS retiredOn, "
							+ "n.retiredLabel AS retiredLabel, elementId(n) AS node LIMIT 1"));
	}

	Optional<Found> find(String id) {
		List<Record> rows = Catalogue.underLabelOfKey(id, LIVE_LABELS,
				labels -> this.tx.run(FIND.computeIfAbsent(labels, GraphStore::find), Map.of("id", id)).list());
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Record row = rows.getFirst();
		return Optional.of(new Found(row.get("node").asString(), row.get("labels").asList(Value::asString),
				row.get("retiredOn").isNull() ? null : row.get("retiredOn").toString().replace("\"", ""),
				row.get("retiredLabel").isNull() ? null : row.get("retiredLabel").asString()));
	}

	boolean sourceExists(String sourceId) {
		return exists("Source", sourceId);
	}

	/** Whether a node of a reference label (Source, Unit) has the key. */
	boolean exists(String label, String key) {
		return this.tx
			.run("MATCH (n:%s {key: $key}) RETURN count(n) > 0 AS found".formatted(Catalogue.label(label)),
					Map.of("key", key))
			.single()
			.get("found")
			.asBoolean();
	}

	/** The node locked for change: new or with its fields before the change. */
	record Locked(String node, boolean isNew, Map<String, Object> before) {
	}

	Locked lock(String label, String id) {
		Record row = this.tx.run(LOCK.formatted(Catalogue.label(label)), Map.of("id", id)).single();
		boolean isNew = row.get("isNew").asBoolean();
		return new Locked(row.get("node").asString(), isNew, isNew ? null : row.get("before").asMap());
	}

	/**
	 * Sets fields (leaving the others) and cites the source; answers the fields after.
	 */
	Map<String, Object> update(String node, Map<String, Object> props, String sourceId, String section) {
		Map<String, Object> params = new HashMap<>();
		params.put("node", node);
		params.put("props", props);
		params.put("sourceId", sourceId);
		params.put("section", section);
		return this.tx.run(UPDATE, params).single().get("after").asMap();
	}

	/** The names of a node's aliases, for its search text. */
	List<String> aliasNames(String node) {
		return this.tx.run("""
				MATCH (n)-[:HAS_ALIAS]->(a:Alias) WHERE elementId(n) = $node
				RETURN a.name AS name ORDER BY a.key""", params("node", node)).list(row -> row.get("name").asString());
	}

	/** A node's labels and its fields as the API's records read them. */
	record Read(List<String> labels, Map<String, Object> record) {
	}

	Read read(String node) {
		Record row = this.tx.run(READ, Map.of("node", node)).single();
		return new Read(row.get("labels").asList(Value::asString), row.get("record").asMap());
	}

	/** An existing link between two nodes. */
	record FoundLink(String from, String to, String rel, Map<String, Object> before) {
	}

	Optional<FoundLink> findLink(String fromLabel, String toLabel, String type, String from, String to) {
		List<Record> rows = this.tx
			.run(FIND_LINK.formatted(Catalogue.label(fromLabel), Catalogue.label(toLabel),
					Catalogue.relationshipType(type)), Map.of("from", from, "to", to))
			.list();
		return rows.isEmpty() ? Optional.empty()
				: Optional
					.of(new FoundLink(rows.getFirst().get("from").asString(), rows.getFirst().get("to").asString(),
							rows.getFirst().get("rel").asString(), rows.getFirst().get("before").asMap()));
	}

	/** Every node of a label linked from a node by a type, by key. */
	List<String> linkedKeys(String fromLabel, String type, String toLabel, String from) {
		return keys("MATCH (:%s {key: $key})-[:%s]->(b:%s) RETURN b.key AS key ORDER BY key", fromLabel, type, toLabel,
				from);
	}

	/** Every node of a label linking to a node by a type, by key. */
	List<String> linkingKeys(String fromLabel, String type, String toLabel, String to) {
		return keys("MATCH (a:%s)-[:%s]->(:%s {key: $key}) RETURN a.key AS key ORDER BY key", fromLabel, type, toLabel,
				to);
	}

	/**
	 * The keys a statement of one link's pattern returns for the node with the key at its
	 * known end; labels and type are the catalogue's.
	 */
	private List<String> keys(String pattern, String fromLabel, String type, String toLabel, String key) {
		return this.tx
			.run(pattern.formatted(Catalogue.label(fromLabel), Catalogue.relationshipType(type),
					Catalogue.label(toLabel)), Map.of("key", key))
			.list(row -> row.get("key").asString());
	}

	/** A link made or updated. */
	record Linked(String from, String to, boolean isNew, Map<String, Object> before, Map<String, Object> after) {

		boolean changed() {
			return this.isNew || !this.before.equals(this.after);
		}

	}

	/**
	 * Makes a link or updates its fields.
	 * @param defaults the fields a new link has when {@code props} leave them out
	 */
	Linked link(String fromLabel, String toLabel, String type, String from, String to, Map<String, Object> props,
			Map<String, Object> defaults, String sourceId, String section) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		params.put("props", props);
		params.put("defaults", defaults);
		params.put("sourceId", sourceId);
		params.put("section", section);
		Record row = this.tx
			.run(LINK.formatted(Catalogue.label(fromLabel), Catalogue.label(toLabel), Catalogue.relationshipType(type)),
					params)
			.single();
		boolean isNew = row.get("isNew").asBoolean();
		return new Linked(row.get("from").asString(), row.get("to").asString(), isNew,
				isNew ? null : row.get("before").asMap(), row.get("after").asMap());
	}

	/** Runs a statement of the editing code's own. */
	List<Record> run(String cypher, Map<String, Object> params) {
		return this.tx.run(cypher, params).list();
	}

	static Map<String, Object> params(Object... pairs) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			params.put((String) pairs[i], pairs[i + 1]);
		}
		return params;
	}

}
