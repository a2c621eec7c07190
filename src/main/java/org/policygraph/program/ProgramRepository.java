package org.policygraph.program;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.graph.GraphReads;
import org.policygraph.model.SearchText;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Serves;
import org.policygraph.reading.AsOf;
import org.policygraph.reading.BatchQuery;
import org.policygraph.reading.FieldQuery;
import org.policygraph.reading.LookAhead;
import org.policygraph.reading.NodeRecords;
import org.policygraph.reading.Paging;
import org.policygraph.source.Citations;
import org.policygraph.source.SourceRef;

import org.springframework.stereotype.Repository;

/**
 * Reads programs (事務事業) and what hangs off them; every method answers a whole batch of
 * parents in one statement. A program serves a measure when it is listed under it or
 * under one of its sub-measures
 * ({@code (:Program)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(measure)}), and serves
 * a pillar or plan through those measures.
 */
@Repository
class ProgramRepository {

	/**
	 * The programs matching a filter: every filter is a parameter and an absent one
	 * ({@code null}) matches everything. The matches are counted before the page after
	 * the cursor is cut, so totalCount is every match; only the page's programs are read
	 * beyond their key. The candidates come from the node a filter names when one does
	 * ({@link #PAGES}), so the cost grows with that node's programs rather than with all
	 * programs in the graph.
	 */
	private static final String PAGE = Serves.expand("""
			WHERE ($text IS NULL
			       OR coalesce(p.searchName, '') CONTAINS $text
			       OR coalesce(p.searchText, '') CONTAINS $text)
			  AND ($anchor = 'planId' OR $planId IS NULL
			       OR EXISTS { (p)${programToPlan}(:Plan {key: $planId}) })
			  AND ($anchor = 'pillarId' OR $pillarId IS NULL
			       OR EXISTS { (p)${programToPillar}(:Pillar {key: $pillarId}) })
			  AND ($anchor = 'measureId' OR $measureId IS NULL
			       OR EXISTS { (p)${programToMeasure}(:Measure {key: $measureId}) })
			  AND ($anchor = 'organizationId' OR $organizationId IS NULL
			       OR EXISTS { (p)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(:Organization {key: $organizationId}) })
			  AND ($anchor = 'partnerBodyId' OR $partnerBodyId IS NULL
			       OR EXISTS { (p)-[:WORKS_WITH]->(:PartnerBody {key: $partnerBodyId}) })
			WITH p ORDER BY p.key
			WITH collect(p) AS matches
			RETURN size(matches) AS totalCount,
			       [m IN [m IN matches WHERE $after IS NULL OR m.key > $after][0..$limit] | m {.*}] AS page""");

	/**
	 * The page statement for each filter that names a node (the first given, in this
	 * order), starting from that node's programs; each pattern is the reverse of that
	 * filter's condition in {@link #PAGE}, which the statement then skips
	 * ({@code $anchor}: testing every candidate's path to the node again cost more than
	 * finding them). Without such a filter ({@code ""}) the page starts from every
	 * program.
	 */
	private static final Map<String, String> PAGES = pages();

	private static Map<String, String> pages() {
		Map<String, String> anchors = new LinkedHashMap<>();
		anchors.put("measureId", Serves.expand("""
				MATCH (:Measure {key: $measureId})${measureToProgram}(candidate:Program)"""));
		anchors.put("partnerBodyId", """
				MATCH (:PartnerBody {key: $partnerBodyId})<-[:WORKS_WITH]-(candidate:Program)""");
		anchors.put("organizationId",
				"""
						MATCH (:Organization {key: $organizationId})<-[:PART_OF*0..]-(:Organization)<-[:RUN_BY]-(candidate:Program)""");
		anchors.put("pillarId", Serves.expand("""
				MATCH (:Pillar {key: $pillarId})${pillarToProgram}(candidate:Program)"""));
		anchors.put("planId", Serves.expand("""
				MATCH (:Plan {key: $planId})${planToProgram}(candidate:Program)"""));
		Map<String, String> pages = new LinkedHashMap<>();
		anchors
			.forEach((anchor, candidates) -> pages.put(anchor, candidates + "\nWITH DISTINCT candidate AS p\n" + PAGE));
		pages.put("", "MATCH (p:Program)\n" + PAGE);
		return pages;
	}

	/**
	 * Which of the ids a filter names exist, in one statement; absent ids count as
	 * existing.
	 */
	private static final String IDS_EXIST = """
			RETURN ($planId IS NULL OR EXISTS { (:Plan {key: $planId}) }) AS planId,
			       ($pillarId IS NULL OR EXISTS { (:Pillar {key: $pillarId}) }) AS pillarId,
			       ($measureId IS NULL OR EXISTS { (:Measure {key: $measureId}) }) AS measureId,
			       ($organizationId IS NULL OR EXISTS { (:Organization {key: $organizationId}) }) AS organizationId,
			       ($partnerBodyId IS NULL OR EXISTS { (:PartnerBody {key: $partnerBodyId}) }) AS partnerBodyId""";

	/** Each program's budgets at {@code $asOf}, oldest fiscal year first. */
	private static final String BUDGETS_AT = "MATCH (p:Program) WHERE p.key IN $ids\n"
			+ AsOf.valuesAt("p", "HAS_BUDGET", "b", "Budget", "HAD_BUDGET", "SupersededBudget")
			+ "\nRETURN p.key AS id, b {.*} AS budget ORDER BY p.key, b.fiscalYear";

	private final GraphReads reads;

	private final NodeRecords records;

	/**
	 * The measures each program is listed under, each once, in the order of its numbers
	 * there.
	 */
	private final FieldQuery<List<Measure>> measures;

	/**
	 * The pillars each program serves through its measures and their parent measures,
	 * each pillar once.
	 */
	private final FieldQuery<List<Pillar>> pillars;

	/**
	 * The organization running each program (担当課): of those documents name, the one named
	 * by the newest ({@link ProgramGraphQlController#NEWEST_FIRST}); null when none is
	 * named.
	 */
	private final FieldQuery<Organization> organization;

	/**
	 * Programs listed under each measure or its sub-measures, each once, in key order,
	 * the first {@code $first} (all when null); a variable of its own (not p or m), as it
	 * is looked ahead under a plan's pillars and their measures.
	 */
	private final FieldQuery<List<Program>> programsOfMeasures = FieldQuery
		.collect("Measure", "programs", "Measure", Serves.expand("""
				MATCH (measureProgram:Program)${programToMeasure}(n)
				WITH DISTINCT measureProgram ORDER BY measureProgram.key
				LIMIT coalesce($first, 2147483647)"""), "measureProgram", "measureProgram {.*}",
				value -> value.asList(p -> Program.of(p.asMap())))
		.with(nullable("first", null));

	/** Partner bodies each program works through, in key order. */
	private final FieldQuery<List<PartnerBody>> partners;

	ProgramRepository(GraphReads reads, NodeRecords records, LookAhead lookAhead) {
		this.reads = reads;
		this.records = records;
		// variables of its own (not m): looked ahead under a measure's programs, inside a
		// pillar's measures (m)
		this.measures = lookAhead.register(new FieldQuery<>("Program", "measures", "Program", """
				COLLECT {
				  MATCH (n)-[listing:LISTED_UNDER]->(listedMeasure:Measure)
				  WITH listing, listedMeasure ORDER BY listing.number, listedMeasure.key
				  RETURN listedMeasure {.*}
				}""", value -> value.asList(m -> read("Measure", Measure.class, m)).stream().distinct().toList()));
		// variables of its own (not pillar, plan): the fields of its pillars, looked
		// ahead
		// inside it, declare those
		this.pillars = lookAhead.register(FieldQuery.collect("Program", "pillars", "Program", Serves.expand("""
				MATCH (n)${programToPillar}(programPillar:Pillar)<-[:HAS_PILLAR]-(pillarPlan:Plan)
				WITH DISTINCT programPillar, pillarPlan ORDER BY pillarPlan.key, programPillar.ordinal"""),
				"programPillar", "programPillar {.*, planId: pillarPlan.key}",
				value -> value.asList(pillar -> read("Pillar", Pillar.class, pillar))));
		this.organization = lookAhead.register(new FieldQuery<>("Program", "organization", "Program", """
				COLLECT {
				  MATCH (n)-[r:RUN_BY]->(o:Organization)
				  OPTIONAL MATCH (s:Source {key: r.sourceId})
				  RETURN {organization: o {.*}, asOf: s.asOf}
				}""",
				value -> value
					.asList(row -> new RunBy(Organization.of(row.get("organization").asMap()),
							row.get("asOf").isNull() ? null : row.get("asOf").asString()))
					.stream()
					.min(ProgramGraphQlController.NEWEST_FIRST)
					.map(RunBy::organization)
					.orElse(null)));
		this.partners = lookAhead.register(new FieldQuery<>("Program", "partners", "Program", """
				COLLECT { MATCH (n)-[:WORKS_WITH]->(b:PartnerBody) WITH DISTINCT b ORDER BY b.key RETURN b {.*} }""",
				value -> value.asList(b -> PartnerBody.of(b.asMap()))));
		lookAhead.register("Measure", "programs", (LookAhead.Arguments) (arguments, selection) -> {
			// first, as the fetcher takes it: omitted or null means all, 1 to 100 a limit
			// (any other value, refused by the fetcher, is left to it)
			Object first = arguments.get("first");
			if (!arguments.keySet().stream().allMatch("first"::equals)
					|| (first != null && !(first instanceof Integer n && n >= 1 && n <= Paging.MAX_FIRST))) {
				return null;
			}
			return this.programsOfMeasures.with(nullable("first", first));
		});
	}

	Map<String, List<Measure>> measures(Collection<String> programIds) {
		return this.measures.read(this.reads, programIds);
	}

	Map<String, List<Pillar>> pillars(Collection<String> programIds) {
		return this.pillars.read(this.reads, programIds);
	}

	Map<String, Organization> organization(Collection<String> programIds) {
		return this.organization.read(this.reads, programIds);
	}

	Map<String, List<PartnerBody>> partners(Collection<String> programIds) {
		return this.partners.read(this.reads, programIds);
	}

	/**
	 * A page of programs in key order after {@code afterKey}, with up to {@code limit}
	 * rows.
	 */
	Paging.Page<Program> findPage(ProgramWhere where, String afterKey, int limit) {
		Map<String, Object> parameters = filterParameters(where);
		parameters.put("text", SearchText.fold(where.text()));
		parameters.put("after", afterKey);
		parameters.put("limit", limit);
		String anchor = PAGES.keySet()
			.stream()
			.filter(filter -> filter.isEmpty() || parameters.get(filter) != null)
			.findFirst()
			.orElseThrow();
		parameters.put("anchor", anchor);
		return Paging.page(this.reads, PAGES.get(anchor), parameters, Program::of);
	}

	/** The names of the filter's id fields that name no node. */
	List<String> unknownIds(ProgramWhere where) {
		Map<String, Boolean> exist = this.reads.rows(IDS_EXIST, filterParameters(where))
			.getFirst()
			.asMap()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> (Boolean) entry.getValue()));
		return List.of("planId", "pillarId", "measureId", "organizationId", "partnerBodyId")
			.stream()
			.filter(name -> !exist.get(name))
			.toList();
	}

	/**
	 * The listings of each program (掲載), in the order of their numbers, by program key.
	 */
	Map<String, List<ProgramListing>> findListings(Collection<String> programIds) {
		return children("""
				MATCH (p:Program)-[l:LISTED_UNDER]->(m:Measure) WHERE p.key IN $ids
				RETURN p.key AS id, m {.*} AS measure, l.number AS number, coalesce(l.reposted, false) AS reposted
				ORDER BY p.key, l.number, m.key""", programIds,
				row -> new ProgramListing(read("Measure", Measure.class, row.get("measure")),
						row.get("number").isNull() ? null : row.get("number").asInt(),
						row.get("reposted").asBoolean()));
	}

	/** Budgets of each program, oldest fiscal year first. */
	Map<String, List<Budget>> findBudgets(Collection<String> programIds) {
		return children("""
				MATCH (p:Program)-[:HAS_BUDGET]->(b:Budget) WHERE p.key IN $ids
				RETURN p.key AS id, b {.*} AS budget
				ORDER BY p.key, b.fiscalYear""", programIds, row -> Budget.of(row.get("budget").asMap()));
	}

	/**
	 * Budgets of each program as the graph stood at an instant (see the KPI observations'
	 * as-of read).
	 */
	Map<String, List<Budget>> findBudgets(Collection<String> programIds, ZonedDateTime asOf) {
		if (asOf == null) {
			return findBudgets(programIds);
		}
		return BatchQuery.children(this.reads, BUDGETS_AT, programIds, Map.of("asOf", asOf),
				row -> Budget.of(row.get("budget").asMap()));
	}

	/** Earlier plans' programs each program continues (前身事業), in key order. */
	Map<String, List<Program>> findContinued(Collection<String> programIds) {
		return children("""
				MATCH (p:Program)-[:CONTINUES]->(earlier:Program) WHERE p.key IN $ids
				RETURN DISTINCT p.key AS id, earlier {.*} AS program
				ORDER BY id, program.key""", programIds, ProgramRepository::program);
	}

	/**
	 * Earlier plans' programs each program continues, with the link's basis, quote and
	 * source, in key order.
	 */
	Map<String, List<Continuation>> findContinuations(Collection<String> programIds) {
		return children("""
				MATCH (p:Program)-[r:CONTINUES]->(earlier:Program) WHERE p.key IN $ids
				RETURN p.key AS id, earlier {.*} AS program, r {.*} AS link
				ORDER BY id, program.key, r.sourceId, r.section""", programIds, row -> {
			Map<String, Object> link = row.get("link").asMap();
			return new Continuation(program(row), (String) link.get("basis"), (String) link.get("evidence"),
					SourceRef.of(link));
		});
	}

	/** Every place a document states each program (出典), by document and section. */
	Map<String, List<SourceRef>> findSources(Collection<String> programIds) {
		return Citations.of(this.reads, "Program", programIds);
	}

	/**
	 * Programs listed under each measure or its sub-measures, each once, in key order;
	 * the first {@code first} of each measure, or all when {@code first} is null.
	 */
	Map<String, List<Program>> findProgramsOfMeasures(Collection<String> measureIds, Integer first) {
		return this.programsOfMeasures.with(nullable("first", first)).read(this.reads, measureIds);
	}

	/**
	 * Programs serving each pillar through its measures and their sub-measures, each
	 * once, in key order.
	 */
	Map<String, List<Program>> findProgramsOfPillars(Collection<String> pillarIds) {
		return children(Serves.expand("""
				MATCH (p:Program)${programToPillar}(pillar:Pillar)
				WHERE pillar.key IN $ids
				RETURN DISTINCT pillar.key AS id, p {.*} AS program
				ORDER BY id, program.key"""), pillarIds, ProgramRepository::program);
	}

	/**
	 * Programs run by each organization or by a unit inside it (any depth), each once, in
	 * key order.
	 */
	Map<String, List<Program>> findProgramsOfOrganizations(Collection<String> organizationIds) {
		return children("""
				MATCH (p:Program)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(o:Organization) WHERE o.key IN $ids
				RETURN DISTINCT o.key AS id, p {.*} AS program
				ORDER BY id, program.key""", organizationIds, ProgramRepository::program);
	}

	/** Pillars served by the programs of each organization and its units, each once. */
	Map<String, List<Pillar>> findPillarsOfOrganizations(Collection<String> organizationIds) {
		return children(Serves.expand("""
				MATCH (o:Organization)<-[:PART_OF*0..]-(:Organization)<-[:RUN_BY]-(:Program)
				      ${programToPillar}(pillar:Pillar)<-[:HAS_PILLAR]-(plan:Plan)
				WHERE o.key IN $ids
				WITH DISTINCT o, pillar, plan
				RETURN o.key AS id, pillar {.*, planId: plan.key} AS pillar
				ORDER BY o.key, plan.key, pillar.ordinal"""), organizationIds,
				row -> read("Pillar", Pillar.class, row.get("pillar")));
	}

	/** Programs working through each partner body, each once, in key order. */
	Map<String, List<Program>> findProgramsOfPartnerBodies(Collection<String> partnerBodyIds) {
		return children("""
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

	private <V> Map<String, List<V>> children(String cypher, Collection<String> ids, Function<Record, V> value) {
		return BatchQuery.children(this.reads, cypher, ids, value);
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

	/**
	 * An organization named as running a program, and the {@code asOf} of the document
	 * that names it.
	 */
	record RunBy(Organization organization, String asOf) {
	}

}
