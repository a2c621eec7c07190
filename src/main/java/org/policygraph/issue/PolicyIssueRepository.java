package org.policygraph.issue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.graph.GraphReads;
import org.policygraph.model.SearchText;
import org.policygraph.plan.Plan;
import org.policygraph.reading.BatchQuery;
import org.policygraph.reading.NodeRecords;
import org.policygraph.reading.Paging;
import org.policygraph.source.Citations;
import org.policygraph.source.SourceRef;

import org.springframework.stereotype.Repository;

/**
 * Reads policy issues (課題) and what they concern; every method answers a whole batch of
 * parents in one statement. Issues are always listed newest fiscal year first, then by
 * area (A, B, C), number and key.
 */
@Repository
class PolicyIssueRepository {

	/**
	 * The issues matching a filter: every filter is a parameter and an absent one
	 * ({@code null}) matches everything. The matches are counted before the page after
	 * the cursor is cut, so totalCount is every match; the cursor condition follows the
	 * order (fiscal year descending, then area, number, key ascending).
	 */
	private static final String PAGE = """
			MATCH (i:PolicyIssue)
			WHERE ($text IS NULL
			       OR any(field IN [i.searchName, i.searchText]
			              WHERE coalesce(field, '') CONTAINS $text))
			  AND ($fiscalYear IS NULL OR i.fiscalYear = $fiscalYear)
			  AND ($area IS NULL OR i.area = $area)
			  AND ($partnerBodyId IS NULL OR EXISTS { (i)-[:CONCERNS]->(:PartnerBody {key: $partnerBodyId}) })
			WITH i ORDER BY i.fiscalYear DESC, i.area, i.number, i.key
			WITH collect(i) AS matches
			RETURN size(matches) AS totalCount,
			       [m IN matches WHERE $after IS NULL
			           OR m.fiscalYear < $after.fiscalYear
			           OR (m.fiscalYear = $after.fiscalYear AND m.area > $after.area)
			           OR (m.fiscalYear = $after.fiscalYear AND m.area = $after.area AND m.number > $after.number)
			           OR (m.fiscalYear = $after.fiscalYear AND m.area = $after.area AND m.number = $after.number
			               AND m.key > $after.key)
			        | m {.*}][0..$limit] AS page""";

	private final GraphReads reads;

	private final NodeRecords records;

	PolicyIssueRepository(GraphReads reads, NodeRecords records) {
		this.reads = reads;
		this.records = records;
	}

	/** A page of issues after the cursor's position, with up to {@code limit} rows. */
	Paging.Page<PolicyIssue> findPage(PolicyIssueWhere where, IssueCursor after, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("text", SearchText.fold(where.text()));
		parameters.put("fiscalYear", where.fiscalYear());
		parameters.put("area", where.area());
		parameters.put("partnerBodyId", where.partnerBodyId());
		parameters.put("after", (after != null) ? Map.of("fiscalYear", after.fiscalYear(), "area", after.area(),
				"number", after.number(), "key", after.key()) : null);
		parameters.put("limit", limit);
		return Paging.page(this.reads, PAGE, parameters, PolicyIssue::of);
	}

	boolean partnerBodyExists(String partnerBodyId) {
		return this.reads
			.first("RETURN EXISTS { (:PartnerBody {key: $id}) }", Map.of("id", partnerBodyId),
					row -> row.get(0).asBoolean())
			.orElse(false);
	}

	/** The bureau policy each issue belongs to (局区X方針). */
	Map<String, List<Plan>> findPlans(Collection<String> issueIds) {
		return BatchQuery.children(this.reads, """
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(p:Plan) WHERE i.key IN $ids
				RETURN i.key AS id, p {.*} AS node""", issueIds, row -> read("Plan", Plan.class, row));
	}

	/**
	 * The nodes of one label each issue concerns, in key order (pillars by plan, then in
	 * document order).
	 * @param label the label of the field's type, one of the callers' constants
	 */
	<T> Map<String, List<T>> findConcerned(String label, Class<T> type, Collection<String> issueIds) {
		return BatchQuery.children(this.reads, """
				MATCH (i:PolicyIssue)-[:CONCERNS]->(n) WHERE i.key IN $ids AND $label IN labels(n)
				OPTIONAL MATCH (plan:Plan)-[:HAS_PILLAR]->(n)
				RETURN i.key AS id, n {.*, planId: plan.key} AS node
				ORDER BY i.key, plan.key, n.ordinal, n.key""", issueIds, Map.of("label", label),
				row -> read(label, type, row));
	}

	/**
	 * Every node each issue concerns, with the link's quote and source, by source and
	 * section, then key.
	 */
	Map<String, List<Concern>> findConcerns(Collection<String> issueIds) {
		return BatchQuery.children(this.reads, """
				MATCH (i:PolicyIssue)-[r:CONCERNS]->(n) WHERE i.key IN $ids
				OPTIONAL MATCH (plan:Plan)-[:HAS_PILLAR]->(n)
				RETURN i.key AS id, labels(n) AS labels, n {.*, planId: plan.key} AS node, r {.*} AS link
				ORDER BY i.key, r.sourceId, r.section, n.key""", issueIds,
				row -> new Concern(
						this.records.read(row.get("labels").asList(Value::asString), row.get("node").asMap())
							.orElseThrow(),
						(String) row.get("link").asMap().get("evidence"), SourceRef.of(row.get("link").asMap())));
	}

	/** Every document and section stating each issue (出典). */
	Map<String, List<SourceRef>> findSources(Collection<String> issueIds) {
		return Citations.of(this.reads, "PolicyIssue", issueIds);
	}

	/**
	 * The issues concerning each node of one label, newest first.
	 * @param label the label of the nodes: {@code Program} or {@code PartnerBody}
	 */
	Map<String, List<PolicyIssue>> findIssuesConcerning(String label, Collection<String> ids) {
		return BatchQuery.children(this.reads, """
				MATCH (n:Program|PartnerBody) WHERE n.key IN $ids AND $label IN labels(n)
				MATCH (n)<-[:CONCERNS]-(i:PolicyIssue)
				RETURN n.key AS id, i {.*} AS issue
				ORDER BY n.key, i.fiscalYear DESC, i.area, i.number, i.key""", ids, Map.of("label", label),
				row -> PolicyIssue.of(row.get("issue").asMap()));
	}

	private <T> T read(String label, Class<T> type, Record row) {
		return this.records.read(label, row.get("node").asMap(), type);
	}

}
