package org.policygraph.kpi;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.graph.GraphReads;
import org.policygraph.model.SearchText;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Serves;
import org.policygraph.program.Program;
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
 * Reads indicators, their observations and what they contribute to. Every method answers
 * a whole batch of parents in one statement; values only ever enter as parameters.
 */
@Repository
class KpiRepository {

	/**
	 * The indicators a {@link KpiWhere} selects (all but its status). A program counts
	 * for a plan or pillar through the measure listing it and that measure's parents
	 * (sub-measures ⇒, (i)); a DX dashboard figure counts through the theme it reports
	 * on.
	 */
	private static final String MATCHING_KPIS = Serves.expand("""
			MATCH (k:Kpi)
			WHERE all(word IN $words WHERE coalesce(k.searchName, '') CONTAINS word
			          OR coalesce(k.searchText, '') CONTAINS word)
			  AND ($programId IS NULL OR EXISTS { (:Program {key: $programId})-[:MEASURED_BY]->(k) })
			  AND ($status IS NULL OR k.status = $status)
			  AND ($planId IS NULL
			       OR EXISTS { (k)<-[:MEASURED_BY]-(:Program)${programToPlan}(:Plan {key: $planId}) }
			       OR EXISTS { (k)-[:REPORTS_ON]->(:Pillar)<-[:HAS_PILLAR]-(:Plan {key: $planId}) })
			  AND ($pillarId IS NULL
			       OR EXISTS { (k)<-[:MEASURED_BY]-(:Program)${programToPillar}(:Pillar {key: $pillarId}) }
			       OR EXISTS { (k)-[:REPORTS_ON]->(:Pillar {key: $pillarId}) })
			""");

	/**
	 * Each indicator's observations at {@code $asOf}; formatted with the fields'
	 * projection of {@code o} and the order.
	 */
	private static final String OBSERVATIONS_AT = "MATCH (k:Kpi) WHERE k.key IN $ids\n"
			+ AsOf.valuesAt("k", "HAS_OBSERVATION", "o", "Observation", "HAD_OBSERVATION", "SupersededObservation")
			+ "\nRETURN k.key AS id, %s AS child ORDER BY k.key, %s";

	/**
	 * Observations {@code o} oldest first: by fiscal year, then baseline, target, actual.
	 */
	private static final String OLDEST_FIRST = """
			o.fiscalYear, CASE o.kind WHEN 'BASELINE' THEN 0 WHEN 'TARGET' THEN 1 ELSE 2 END, o.fiscalYearTo, o.month, o.key""";

	/**
	 * The fields of an observation {@code o} that {@link KpiStatusRule} reads and its
	 * reason quotes, as a map projection.
	 */
	private static final String STATUS_FIELDS = """
			o {.kind, .targetType, .fiscalYear, .fiscalYearTo, .periodText, .month, .value, .valueText, .qualitative, \
			.text, .cumulative}""";

	private static final ObservationFields STATUS = new ObservationFields(STATUS_FIELDS);

	private final GraphReads reads;

	private final NodeRecords records;

	/** Every pillar → measure → program path of each indicator. */
	private final FieldQuery<List<ContributionPath>> paths;

	/** Indicators of each program, KPI ① before ②. */
	private final FieldQuery<List<Kpi>> kpisOfPrograms;

	/**
	 * Distinct indicators serving each pillar through its measures' programs, or reported
	 * on it, in key order.
	 */
	private final FieldQuery<List<Kpi>> kpisOfPillars;

	KpiRepository(GraphReads reads, NodeRecords records, LookAhead lookAhead) {
		this.records = records;
		this.reads = reads;
		this.paths = lookAhead.register(new FieldQuery<>("Kpi", "paths", "Kpi", Serves.expand("""
				COLLECT {
				  MATCH (n)<-[:MEASURED_BY]-(program:Program)-[:LISTED_UNDER]->(measure:Measure)
				        ${listedMeasureToPillar}(pillar:Pillar)<-[:HAS_PILLAR]-(plan:Plan)
				  WITH DISTINCT program, measure, pillar, plan
				  ORDER BY plan.ordinal, plan.key, pillar.ordinal, measure.key, program.key
				  RETURN {pillar: pillar {.*, planId: plan.key}, measure: measure {.*}, program: program {.*}}
				}"""), value -> value.asList(path -> new ContributionPath(pillar(path.get("pillar").asMap()),
				measure(path.get("measure").asMap()), Program.of(path.get("program").asMap())))));
		this.kpisOfPrograms = lookAhead.register(FieldQuery.collect("Program", "kpis", "Program",
				"MATCH (n)-[r:MEASURED_BY]->(k:Kpi) WITH r, k ORDER BY r.ordinal, k.key", "k", "k {.*}",
				KpiRepository::kpis));
		this.kpisOfPillars = lookAhead.register(FieldQuery.collect("Pillar", "kpis", "Pillar", Serves.expand("""
				CALL (n) {
				  MATCH (n)${pillarToProgram}(:Program)-[:MEASURED_BY]->(k:Kpi)
				  RETURN k
				  UNION
				  MATCH (n)<-[:REPORTS_ON]-(k:Kpi)
				  RETURN k
				}
				WITH k ORDER BY k.key"""), "k", "k {.*}", KpiRepository::kpis));
		lookAhead.register("Kpi", "observations", selection -> observations(ObservationFields.of(selection)));
	}

	/**
	 * Observations {@code o} of an indicator {@code n} (as the graph stands), oldest
	 * first, each read as far as {@code fields} asks.
	 */
	private static FieldQuery<List<Observation>> observations(ObservationFields fields) {
		return FieldQuery.collect("Kpi", "observations", "Kpi",
				"MATCH (n)-[:HAS_OBSERVATION]->(o:Observation)\nWITH o ORDER BY " + OLDEST_FIRST, "o",
				fields.projection(), value -> value.asList(o -> Observation.of(o.asMap())));
	}

	Map<String, List<ContributionPath>> paths(Collection<String> kpiIds) {
		return this.paths.read(this.reads, kpiIds);
	}

	Map<String, List<Kpi>> kpisOfPrograms(Collection<String> programIds) {
		return this.kpisOfPrograms.read(this.reads, programIds);
	}

	Map<String, List<Kpi>> kpisOfPillars(Collection<String> pillarIds) {
		return this.kpisOfPillars.read(this.reads, pillarIds);
	}

	private static List<Kpi> kpis(Value value) {
		return value.asList(k -> Kpi.of(k.asMap()));
	}

	/**
	 * The id arguments of a filter that name no node, by argument name ({@code planId},
	 * …).
	 */
	List<String> unknownIds(KpiWhere where) {
		Record row = this.reads
			.rows("""
					RETURN $planId IS NOT NULL AND NOT EXISTS { MATCH (:Plan {key: $planId}) } AS planId,
					       $pillarId IS NOT NULL AND NOT EXISTS { MATCH (:Pillar {key: $pillarId}) } AS pillarId,
					       $programId IS NOT NULL AND NOT EXISTS { MATCH (:Program {key: $programId}) } AS programId""",
					ids(where))
			.getFirst();
		return row.keys().stream().filter(name -> row.get(name).asBoolean()).toList();
	}

	boolean planExists(String planId) {
		return this.reads
			.first("RETURN EXISTS { MATCH (:Plan {key: $id}) }", Map.of("id", planId), row -> row.get(0).asBoolean())
			.orElse(false);
	}

	/**
	 * One page of the matching indicators in key order after {@code afterKey}, with how
	 * many match in all.
	 */
	Paging.Page<Kpi> findPage(KpiWhere where, String afterKey, int limit) {
		Map<String, Object> parameters = filter(where);
		parameters.put("after", afterKey);
		parameters.put("limit", limit);
		return Paging.page(this.reads, MATCHING_KPIS + """
				WITH k ORDER BY k.key
				WITH collect(k {.*}) AS matched
				RETURN size(matched) AS totalCount,
				       [x IN matched WHERE $after IS NULL OR x.key > $after][0..$limit] AS page""", parameters,
				Kpi::of);
	}

	/**
	 * Observations of each indicator, oldest first: by fiscal year, then baseline,
	 * target, actual; one row per indicator, each observation read as far as
	 * {@code fields} asks (the query that answers {@code Kpi.observations} looked ahead
	 * too).
	 */
	Map<String, List<Observation>> findObservations(Collection<String> kpiIds, ObservationFields fields) {
		return observations(fields).read(this.reads, kpiIds);
	}

	/**
	 * What the status rule needs of each indicator's observations, in the order of
	 * {@link #findObservations}: the fields {@link KpiStatusRule} reads and quotes and no
	 * others (an observation's source is not needed).
	 */
	Map<String, List<Observation>> findStatusObservations(Collection<String> kpiIds) {
		return findObservations(kpiIds, STATUS);
	}

	/**
	 * Observations of each indicator as the graph stood at an instant: those recorded by
	 * then (figures loaded from the documents count as always there), and of those
	 * superseded since, what they said then.
	 */
	Map<String, List<Observation>> findObservations(Collection<String> kpiIds, ZonedDateTime asOf,
			ObservationFields fields) {
		if (asOf == null) {
			return findObservations(kpiIds, fields);
		}
		return BatchQuery.children(this.reads, OBSERVATIONS_AT.formatted(fields.projection(), OLDEST_FIRST), kpiIds,
				Map.of("asOf", asOf), row -> Observation.of(row.get("child").asMap()));
	}

	/** Programs judged by each indicator, in key order. */
	Map<String, List<Program>> findPrograms(Collection<String> kpiIds) {
		return grouped("""
				MATCH (p:Program)-[:MEASURED_BY]->(k:Kpi) WHERE k.key IN $ids
				RETURN k.key AS id, p {.*} AS child
				ORDER BY k.key, p.key""", kpiIds, Program::of);
	}

	/** Distinct pillars each indicator contributes to, by plan and document order. */
	Map<String, List<Pillar>> findPillars(Collection<String> kpiIds) {
		return grouped(Serves.expand("""
				MATCH (k:Kpi) WHERE k.key IN $ids
				CALL (k) {
				  MATCH (k)<-[:MEASURED_BY]-(:Program)${programToPillar}(pillar:Pillar)
				  RETURN pillar
				  UNION
				  MATCH (k)-[:REPORTS_ON]->(pillar:Pillar)
				  RETURN pillar
				}
				MATCH (plan:Plan)-[:HAS_PILLAR]->(pillar)
				RETURN k.key AS id, pillar {.*, planId: plan.key} AS child
				ORDER BY k.key, plan.ordinal, plan.key, pillar.ordinal, pillar.key"""), kpiIds, this::pillar);
	}

	/** Every document and section stating each indicator. */
	Map<String, List<SourceRef>> findSources(Collection<String> kpiIds) {
		return Citations.of(this.reads, "Kpi", kpiIds);
	}

	/**
	 * Distinct indicators of the programs working with each partner body, in key order.
	 */
	Map<String, List<Kpi>> findKpisOfPartnerBodies(Collection<String> partnerBodyIds) {
		return grouped("""
				MATCH (body:PartnerBody)<-[:WORKS_WITH]-(:Program)-[:MEASURED_BY]->(k:Kpi) WHERE body.key IN $ids
				WITH DISTINCT body, k
				RETURN body.key AS id, k {.*} AS child
				ORDER BY body.key, k.key""", partnerBodyIds, Kpi::of);
	}

	/**
	 * The coverage report of one plan, or of every plan when {@code planId} is null. A
	 * measure counts as without indicators when no program listed under it or its
	 * sub-measures has one, including when it lists no program.
	 */
	CoverageReport coverage(String planId) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("planId", planId);
		return this.reads
			.rows(Serves
				.expand("""
						CALL () {
						  MATCH (m:Measure)
						  WHERE ($planId IS NULL OR EXISTS { (m)-[:IN_PLAN]->(:Plan {key: $planId}) })
						    AND NOT EXISTS { (m)${measureToProgram}(:Program)-[:MEASURED_BY]->(:Kpi) }
						  WITH m ORDER BY m.key
						  RETURN collect(m {.*}) AS measuresWithoutKpis
						}
						CALL () {
						  MATCH (p:Program)
						  WHERE $planId IS NULL
						     OR EXISTS { (p)${programToPlan}(:Plan {key: $planId}) }
						  WITH p ORDER BY p.key
						  RETURN collect(CASE WHEN NOT EXISTS { (p)-[:MEASURED_BY]->(:Kpi) } THEN p {.*} END) AS programsWithoutKpis,
						         collect(CASE WHEN NOT EXISTS { (p)-[:RUN_BY]->(:Organization) } THEN p {.*} END)
						           AS programsWithoutOrganization
						}
						CALL () {
						  MATCH (k:Kpi)
						  WHERE $planId IS NULL
						     OR EXISTS { (k)<-[:MEASURED_BY]-(:Program)${programToPlan}(:Plan {key: $planId}) }
						     OR EXISTS { (k)-[:REPORTS_ON]->(:Pillar)<-[:HAS_PILLAR]-(:Plan {key: $planId}) }
						  WITH k ORDER BY k.key
						  RETURN collect(CASE WHEN NOT EXISTS { (k)-[:HAS_OBSERVATION]->(:Observation {kind: 'TARGET'}) }
						                 THEN k {.*} END) AS kpisWithoutTarget,
						         collect(CASE WHEN NOT EXISTS { MATCH (k)-[:HAS_OBSERVATION]->(o:Observation {kind: 'ACTUAL'})
						                                        WHERE o.value IS NOT NULL }
						                 THEN k {.*} END) AS kpisWithoutActual
						}
						RETURN measuresWithoutKpis, programsWithoutKpis, programsWithoutOrganization, kpisWithoutTarget,
						       kpisWithoutActual"""),
					parameters)
			.stream()
			.map(row -> new CoverageReport(row.get("measuresWithoutKpis").asList(value -> measure(value.asMap())),
					row.get("programsWithoutKpis").asList(value -> Program.of(value.asMap())),
					row.get("programsWithoutOrganization").asList(value -> Program.of(value.asMap())),
					row.get("kpisWithoutTarget").asList(value -> Kpi.of(value.asMap())),
					row.get("kpisWithoutActual").asList(value -> Kpi.of(value.asMap()))))
			.findFirst()
			.orElseThrow();
	}

	private <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids,
			Function<Map<String, Object>, T> read) {
		return BatchQuery.children(this.reads, cypher, ids, row -> read.apply(row.get("child").asMap()));
	}

	private static Map<String, Object> ids(KpiWhere where) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("planId", where.planId());
		parameters.put("pillarId", where.pillarId());
		parameters.put("programId", where.programId());
		return parameters;
	}

	private static Map<String, Object> filter(KpiWhere where) {
		Map<String, Object> parameters = ids(where);
		parameters.put("words", words(where.text()));
		parameters.put("status", (where.status() != null) ? where.status().name() : null);
		return parameters;
	}

	/**
	 * The words of a text filter, lower-cased; each must occur in the name, English name
	 * or method.
	 */
	private static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.strip().split("[\\s　]+")).map(SearchText::fold).toList();
	}

	private Pillar pillar(Map<String, Object> p) {
		return this.records.read("Pillar", p, Pillar.class);
	}

	private Measure measure(Map<String, Object> p) {
		return this.records.read("Measure", p, Measure.class);
	}

}
