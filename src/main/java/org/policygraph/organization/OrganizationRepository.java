package org.policygraph.organization;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.policygraph.graph.GraphReads;
import org.policygraph.reading.BatchQuery;
import org.policygraph.source.Citations;
import org.policygraph.source.SourceRef;

import org.springframework.stereotype.Repository;

/**
 * Reads organizations (局・部・課), partner bodies (政策連携団体) and facilities; every method
 * answers a whole batch of parents in one statement.
 */
@Repository
class OrganizationRepository {

	private final GraphReads reads;

	OrganizationRepository(GraphReads reads) {
		this.reads = reads;
	}

	/**
	 * Organizations in key order, of one kind when {@code kind} is given
	 * ({@code UNKNOWN}: no kind stated).
	 */
	List<Organization> findOrganizations(String kind) {
		return this.reads.list("""
				MATCH (o:Organization)
				WHERE $kind IS NULL OR coalesce(o.kind, 'UNKNOWN') = $kind
				RETURN o {.*} AS organization
				ORDER BY o.key""", Collections.singletonMap("kind", kind), OrganizationRepository::organization);
	}

	List<PartnerBody> findPartnerBodies() {
		return this.reads.list("""
				MATCH (b:PartnerBody)
				RETURN b {.*} AS partner
				ORDER BY b.key""", Map.of(), row -> PartnerBody.of(row.get("partner").asMap()));
	}

	/** The unit each organization belongs to (上位組織), by organization key. */
	Map<String, List<Organization>> findParents(Collection<String> organizationIds) {
		return children("""
				MATCH (o:Organization)-[:PART_OF]->(parent:Organization) WHERE o.key IN $ids
				RETURN o.key AS id, parent {.*} AS organization
				ORDER BY o.key, parent.key""", organizationIds, OrganizationRepository::organization);
	}

	/**
	 * Where the documents place each organization: the source of its parent link, if it
	 * has one (the first by parent key when, against the rules, it has several).
	 */
	Map<String, Placement> findPlacements(Collection<String> organizationIds) {
		Map<String, Placement> byKey = new HashMap<>();
		this.reads.rows("""
				MATCH (o:Organization) WHERE o.key IN $ids
				OPTIONAL CALL (o) {
				  MATCH (o)-[r:PART_OF]->(parent:Organization)
				  RETURN r ORDER BY parent.key LIMIT 1
				}
				RETURN o.key AS id, o.kind AS kind, r {.sourceId, .section} AS link""", Map.of("ids", organizationIds))
			.forEach(row -> byKey.put(row.get("id").asString(),
					Placement.of(row.get("kind").isNull() ? null : row.get("kind").asString(),
							row.get("link").isNull() ? null : SourceRef.of(row.get("link").asMap()))));
		return byKey;
	}

	/** The units directly inside each organization (下位組織), in key order. */
	Map<String, List<Organization>> findChildren(Collection<String> organizationIds) {
		return children("""
				MATCH (child:Organization)-[:PART_OF]->(o:Organization) WHERE o.key IN $ids
				RETURN o.key AS id, child {.*} AS organization
				ORDER BY o.key, child.key""", organizationIds, OrganizationRepository::organization);
	}

	/** The bureau in charge of each partner body (所管局). */
	Map<String, List<Organization>> findSupervisors(Collection<String> partnerBodyIds) {
		return children("""
				MATCH (b:PartnerBody)-[:SUPERVISED_BY]->(o:Organization) WHERE b.key IN $ids
				RETURN b.key AS id, o {.*} AS organization
				ORDER BY b.key, o.key""", partnerBodyIds, OrganizationRepository::organization);
	}

	/** The bureau in charge of each facility (所管). */
	Map<String, List<Organization>> findManagers(Collection<String> facilityIds) {
		return children("""
				MATCH (f:Facility)-[:MANAGED_BY]->(o:Organization) WHERE f.key IN $ids
				RETURN f.key AS id, o {.*} AS organization
				ORDER BY f.key, o.key""", facilityIds, OrganizationRepository::organization);
	}

	/** Facilities each organization is in charge of (所管の公共施設), in key order. */
	Map<String, List<Facility>> findFacilities(Collection<String> organizationIds) {
		return children("""
				MATCH (f:Facility)-[:MANAGED_BY]->(o:Organization) WHERE o.key IN $ids
				RETURN o.key AS id, f {.*} AS facility
				ORDER BY o.key, f.key""", organizationIds, row -> Facility.of(row.get("facility").asMap()));
	}

	/** Notes on each partner body, by document, section and topic. */
	Map<String, List<Note>> findNotes(Collection<String> partnerBodyIds) {
		return children("""
				MATCH (b:PartnerBody)-[:HAS_NOTE]->(n:Note) WHERE b.key IN $ids
				RETURN b.key AS id, n {.*} AS note
				ORDER BY b.key, n.sourceId, n.section, n.topic""", partnerBodyIds,
				row -> Note.of(row.get("note").asMap()));
	}

	Map<String, List<SourceRef>> findOrganizationSources(Collection<String> ids) {
		return Citations.of(this.reads, "Organization", ids);
	}

	Map<String, List<SourceRef>> findPartnerBodySources(Collection<String> ids) {
		return Citations.of(this.reads, "PartnerBody", ids);
	}

	Map<String, List<SourceRef>> findFacilitySources(Collection<String> ids) {
		return Citations.of(this.reads, "Facility", ids);
	}

	private <V> Map<String, List<V>> children(String cypher, Collection<String> ids, Function<Record, V> value) {
		return BatchQuery.children(this.reads, cypher, ids, value);
	}

	private static Organization organization(Record row) {
		return Organization.of(row.get("organization").asMap());
	}

}
