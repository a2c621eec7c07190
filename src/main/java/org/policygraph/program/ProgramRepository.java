package org.policygraph.program;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.source.SourceRef;
import org.policygraph.reading.BatchQuery;
import org.policygraph.reading.FieldQuery;
import org.policygraph.reading.LookAhead;
import org.policygraph.reading.NodeRecords;
import org.policygraph.source.Citations;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads programs (事務事業) and what hangs off them; every method answers a whole batch of parents in one
 * statement. A program serves a measure when it is listed under it or under one of its sub-measures
 * ({@code (:Program)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(measure)}), and serves a pillar or plan
 * through those measures.
 */
@Repository
@Transactional(readOnly = true)
class ProgramRepository {

	/**
	 * The programs matching a filter: every filter is a parameter and an absent one ({@code null}) matches
	 * everything. The matches are counted before the page after the cursor is cut, so totalCount is every match;
	 * only the page's programs are read beyond their key.
	 * The candidates come from {@link #CANDIDATES}: from the node a filter names when one does, so the cost grows
	 * with that node's programs rather than with all programs in the graph.
	 */
	private static final String PAGE = """
			%s
			WHERE ($text IS NULL
			       OR toLower(p.name) CONTAINS $text
			       OR toLower(coalesce(p.nameEn, '')) CONTAINS $text
			       OR toLower(coalesce(p.summary, '')) CONTAINS $text)
			  AND ($anchor = 'planId' OR $planId IS NULL
			       OR EXISTS { (p)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:IN_PLAN]->(:Plan {key: $planId}) })
			  AND ($anchor = 'pillarId' OR $pillarId IS NULL
			       OR EXISTS { (p)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(:Pillar {key: $pillarId}) })
			  AND ($anchor = 'measureId' OR $measureId IS NULL
			       OR EXISTS { (p)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure {key: $measureId}) })
			  AND ($anchor = 'organizationId' OR $organizationId IS NULL
			       OR EXISTS { (p)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(:Organization {key: $organizationId}) })
			  AND ($anchor = 'partnerBodyId' OR $partnerBodyId IS NULL
			       OR EXISTS { (p)-[:WORKS_WITH]->(:PartnerBody {key: $partnerBodyId}) })
			WITH p ORDER BY p.key
			WITH collect(p) AS matches
			RETURN size(matches) AS totalCount,
			       [m IN [m IN matches WHERE $after IS NULL OR m.key > $after][0..$limit] | m {.*}] AS page""";

	/**
	 * Where the candidates of a page come from, by the filter that names a node (the first given, in this order);
	 * each pattern is the reverse of that filter's condition in {@link #PAGE}, which the statement then skips
	 * ({@code $anchor}: testing every candidate's path to the node again cost more than finding them).
	 */
	private static final Map<String, String> CANDIDATES = candidates();

	private static Map<String, String> candidates() {
		Map<String, String> anchors = new LinkedHashMap<>();
		anchors.put("measureId", """
				MATCH (:Measure {key: $measureId})<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(candidate:Program)""");
		anchors.put("partnerBodyId", """
				MATCH (:PartnerBody {key: $partnerBodyId})<-[:WORKS_WITH]-(candidate:Program)""");
		anchors.put("organizationId", """
				MATCH (:Organization {key: $organizationId})<-[:PART_OF*0..]-(:Organization)<-[:RUN_BY]-(candidate:Program)""");
		anchors.put("pillarId", """
				MATCH (:Pillar {key: $pillarId})<-[:UNDER]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(candidate:Program)""");
		anchors.put("planId", """
				MATCH (:Plan {key: $planId})<-[:IN_PLAN]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(candidate:Program)""");
		return anchors;
	}

	/** Which of the ids a filter names exist, in one statement; absent ids count as existing. */
	private static final String IDS_EXIST = """
			RETURN ($planId IS NULL OR EXISTS { (:Plan {key: $planId}) }) AS planId,
			       ($pillarId IS NULL OR EXISTS { (:Pillar {key: $pillarId}) }) AS pillarId,
			       ($measureId IS NULL OR EXISTS { (:Measure {key: $measureId}) }) AS measureId,
			       ($organizationId IS NULL OR EXISTS { (:Organization {key: $organizationId}) }) AS organizationId,
			       ($partnerBodyId IS NULL OR EXISTS { (:PartnerBody {key: $partnerBodyId}) }) AS partnerBodyId""";

	private final Neo4jClient client;

	private final NodeRecords records;

	/** The measures each program is listed under, each once, in the order of its numbers there. */
	private final FieldQuery<List<Measure>> measures;

	/** The pillars each program serves through its measures and their parent measures, each pillar once. */
	private final FieldQuery<List<Pillar>> pillars;

	/**
	 * The organization running each program (担当課): of those documents name, the one named by the newest
	 * ({@link ProgramGraphQlController#NEWEST_FIRST}); null when none is named.
	 */
	private final FieldQuery<Organization> organization;

	/** Partner bodies each program works through, in key order. */
	private final FieldQuery<List<PartnerBody>> partners;

	ProgramRepository(Neo4jClient client, NodeRecords records, LookAhead lookAhead) {
		this.client = client;
		this.records = records;
		this.measures = lookAhead.register(new FieldQuery<>("Program", "measures", "Program", """
				COLLECT { MATCH (n)-[l:LISTED_UNDER]->(m:Measure) WITH l, m ORDER BY l.number, m.key RETURN m {.*} }""",
				value -> value.asList(m -> read("Measure", Measure.class, m)).stream().distinct().toList()));
		this.pillars = lookAhead.register(new FieldQuery<>("Program", "pillars", "Program", """
				COLLECT {
				  MATCH (n)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar:Pillar)
				        <-[:HAS_PILLAR]-(plan:Plan)
				  WITH DISTINCT pillar, plan ORDER BY plan.key, pillar.ordinal
				  RETURN pillar {.*, planId: plan.key}
				}""", value -> value.asList(pillar -> read("Pillar", Pillar.class, pillar))));
		this.organization = lookAhead.register(new FieldQuery<>("Program", "organization", "Program", """
				COLLECT {
				  MATCH (n)-[r:RUN_BY]->(o:Organization)
				  OPTIONAL MATCH (s:Source {key: r.sourceId})
				  RETURN {organization: o {.*}, asOf: s.asOf}
				}""", value -> value.asList(row -> new RunBy(Organization.of(row.get("organization").asMap()),
				row.get("asOf").isNull() ? null : row.get("asOf").asString()))
			.stream()
			.min(ProgramGraphQlController.NEWEST_FIRST)
			.map(RunBy::organization)
			.orElse(null)));
		this.partners = lookAhead.register(new FieldQuery<>("Program", "partners", "Program", """
				COLLECT { MATCH (n)-[:WORKS_WITH]->(b:PartnerBody) WITH DISTINCT b ORDER BY b.key RETURN b {.*} }""",
				value -> value.asList(b -> PartnerBody.of(b.asMap()))));
	}

	Map<Program, List<Measure>> measures(List<Program> programs) {
		return this.measures.batch(this.client, programs, Program::id);
	}

	Map<Program, List<Pillar>> pillars(List<Program> programs) {
		return this.pillars.batch(this.client, programs, Program::id);
	}

	Map<Program, Organization> organization(List<Program> programs) {
		return this.organization.batch(this.client, programs, Program::id);
	}

	Map<Program, List<PartnerBody>> partners(List<Program> programs) {
		return this.partners.batch(this.client, programs, Program::id);
	}

	/** A page of programs in key order after {@code afterKey}, with up to {@code limit} rows. */
	Page findPage(ProgramWhere where, String afterKey, int limit) {
		Map<String, Object> parameters = filterParameters(where);
		parameters.put("text", (where.text() != null) ? where.text().toLowerCase(Locale.ROOT) : null);
		parameters.put("after", afterKey);
		parameters.put("limit", limit);
		Map.Entry<String, String> anchor = CANDIDATES.entrySet()
			.stream()
			.filter(candidates -> parameters.get(candidates.getKey()) != null)
			.findFirst()
			.orElse(null);
		parameters.put("anchor", (anchor != null) ? anchor.getKey() : "");
		String candidates = (anchor != null) ? anchor.getValue() + "\nWITH DISTINCT candidate AS p" : "MATCH (p:Program)";
		return this.client.query(PAGE.formatted(candidates))
			.bindAll(parameters)
			.fetchAs(Page.class)
			.mappedBy((types, row) -> new Page(row.get("page").asList(v -> Program.of(v.asMap())),
					row.get("totalCount").asLong()))
			.one()
			.orElseThrow();
	}

	/** The names of the filter's id fields that name no node. */
	List<String> unknownIds(ProgramWhere where) {
		Map<String, Boolean> exist = this.client.query(IDS_EXIST)
			.bindAll(filterParameters(where))
			.fetch()
			.one()
			.orElseThrow()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> (Boolean) entry.getValue()));
		return List.of("planId", "pillarId", "measureId", "organizationId", "partnerBodyId")
			.stream()
			.filter(name -> !exist.get(name))
			.toList();
	}

	/** The listings of each program (掲載), in the order of their numbers, as (program id, listing) pairs. */
	List<Map.Entry<String, ProgramListing>> findListings(Collection<String> programIds) {
		return pairs("""
				MATCH (p:Program)-[l:LISTED_UNDER]->(m:Measure) WHERE p.key IN $ids
				RETURN p.key AS id, m {.*} AS measure, l.number AS number, coalesce(l.reposted, false) AS reposted
				ORDER BY p.key, l.number, m.key""", programIds,
				row -> new ProgramListing(read("Measure", Measure.class, row.get("measure")),
						row.get("number").isNull() ? null : row.get("number").asInt(), row.get("reposted").asBoolean()));
	}

	/** Budgets of each program, oldest fiscal year first. */
	List<Map.Entry<String, Budget>> findBudgets(Collection<String> programIds) {
		return pairs("""
				MATCH (p:Program)-[:HAS_BUDGET]->(b:Budget) WHERE p.key IN $ids
				RETURN p.key AS id, b {.*} AS budget
				ORDER BY p.key, b.fiscalYear""", programIds, row -> Budget.of(row.get("budget").asMap()));
	}

	/** Budgets of each program as the graph stood at an instant (see the KPI observations' as-of read). */
	List<Map.Entry<String, Budget>> findBudgets(Collection<String> programIds, ZonedDateTime asOf) {
		if (asOf == null) {
			return findBudgets(programIds);
		}
		return BatchQuery.pairs(this.client, """
				MATCH (p:Program) WHERE p.key IN $ids
				CALL (p) {
				  MATCH (p)-[:HAS_BUDGET]->(b:Budget)
				  WHERE b.recordedAt IS NULL OR b.recordedAt <= $asOf
				  RETURN b
				  UNION
				  MATCH (p)-[:HAD_BUDGET]->(b:SupersededBudget)
				  WHERE (b.recordedAt IS NULL OR b.recordedAt <= $asOf) AND b.supersededAt > $asOf
				  RETURN b
				}
				RETURN p.key AS id, b {.*} AS budget
				ORDER BY p.key, b.fiscalYear""", Map.of("ids", programIds, "asOf", asOf),
				row -> Budget.of(row.get("budget").asMap()));
	}

	/** Earlier plans' programs each program continues (前身事業), in key order. */
	List<Map.Entry<String, Program>> findContinued(Collection<String> programIds) {
		return pairs("""
				MATCH (p:Program)-[:CONTINUES]->(earlier:Program) WHERE p.key IN $ids
				RETURN DISTINCT p.key AS id, earlier {.*} AS program
				ORDER BY id, program.key""", programIds, ProgramRepository::program);
	}

	/** Every place a document states each program (出典), by document and section. */
	List<Map.Entry<String, SourceRef>> findSources(Collection<String> programIds) {
		return Citations.of(this.client, "Program", programIds);
	}

	/**
	 * Programs listed under each measure or its sub-measures, each once, in key order; the first {@code first} of
	 * each measure, or all when {@code first} is null.
	 */
	List<Map.Entry<String, Program>> findProgramsOfMeasures(Collection<String> measureIds, Integer first) {
		return BatchQuery.pairs(this.client, """
				MATCH (m:Measure) WHERE m.key IN $ids
				CALL (m) {
				  MATCH (p:Program)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(m)
				  WITH DISTINCT p
				  RETURN p ORDER BY p.key
				  LIMIT coalesce($first, 2147483647)
				}
				RETURN m.key AS id, p {.*} AS program
				ORDER BY id, program.key""", measureIds, nullable("first", first), ProgramRepository::program);
	}

	/** Programs serving each pillar through its measures and their sub-measures, each once, in key order. */
	List<Map.Entry<String, Program>> findProgramsOfPillars(Collection<String> pillarIds) {
		return pairs("""
				MATCH (p:Program)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar:Pillar)
				WHERE pillar.key IN $ids
				RETURN DISTINCT pillar.key AS id, p {.*} AS program
				ORDER BY id, program.key""", pillarIds, ProgramRepository::program);
	}

	/** Programs run by each organization or by a unit inside it (any depth), each once, in key order. */
	List<Map.Entry<String, Program>> findProgramsOfOrganizations(Collection<String> organizationIds) {
		return pairs("""
				MATCH (p:Program)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(o:Organization) WHERE o.key IN $ids
				RETURN DISTINCT o.key AS id, p {.*} AS program
				ORDER BY id, program.key""", organizationIds, ProgramRepository::program);
	}

	/** Pillars served by the programs of each organization and its units, each once. */
	List<Map.Entry<String, Pillar>> findPillarsOfOrganizations(Collection<String> organizationIds) {
		return pairs("""
				MATCH (o:Organization)<-[:PART_OF*0..]-(:Organization)<-[:RUN_BY]-(:Program)
				      -[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar:Pillar)<-[:HAS_PILLAR]-(plan:Plan)
				WHERE o.key IN $ids
				WITH DISTINCT o, pillar, plan
				RETURN o.key AS id, pillar {.*, planId: plan.key} AS pillar
				ORDER BY o.key, plan.key, pillar.ordinal""", organizationIds,
				row -> read("Pillar", Pillar.class, row.get("pillar")));
	}

	/** Programs working through each partner body, each once, in key order. */
	List<Map.Entry<String, Program>> findProgramsOfPartnerBodies(Collection<String> partnerBodyIds) {
		return pairs("""
				MATCH (p:Program)-[:WORKS_WITH]->(b:PartnerBody) WHERE b.key IN $ids
				RETURN DISTINCT b.key AS id, p {.*} AS program
				ORDER BY id, program.key""", partnerBodyIds, ProgramRepository::program);
	}

	/** One parameter that may be null (which {@code Map.of} refuses). */
	private static Map<String, Object> nullable(String name, Object value) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(name, value);
		return parameters;
	}

	private <V> List<Map.Entry<String, V>> pairs(String cypher, Collection<String> ids, Function<Record, V> value) {
		return BatchQuery.pairs(this.client, cypher, ids, value);
	}

	private <T> T read(String label, Class<T> type, Value node) {
		return this.records.read(label, node.asMap(), type);
	}

	private static Program program(Record row) {
		return Program.of(row.get("program").asMap());
	}

	private static Map<String, Object> filterParameters(ProgramWhere where) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("planId", where.planId());
		parameters.put("pillarId", where.pillarId());
		parameters.put("measureId", where.measureId());
		parameters.put("organizationId", where.organizationId());
		parameters.put("partnerBodyId", where.partnerBodyId());
		return parameters;
	}

	/** Programs of one page (up to the limit) and how many match in all. */
	record Page(List<Program> programs, long totalCount) {
	}

	/** An organization named as running a program, and the {@code asOf} of the document that names it. */
	record RunBy(Organization organization, String asOf) {
	}

}
