package org.policygraph.plan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.types.TypeSystem;
import org.policygraph.graph.GraphReads;
import org.policygraph.program.Program;
import org.policygraph.reading.BatchQuery;
import org.policygraph.reading.FieldQuery;
import org.policygraph.reading.LookAhead;

import org.springframework.stereotype.Repository;

/**
 * Reads plans, pillars and measures; every method answers a whole batch of parents in one
 * statement.
 */
@Repository
class PlanRepository {

	static final String VISION_PLAN = "plan-shin-vision";

	private final GraphReads reads;

	/** Pillars of each plan, in document order. */
	private final FieldQuery<List<Pillar>> pillars;

	/** Measures under each pillar, in document order. */
	private final FieldQuery<List<Measure>> measures;

	PlanRepository(GraphReads reads, LookAhead lookAhead) {
		this.reads = reads;
		this.measures = lookAhead.register(FieldQuery.collect("Pillar", "measures", "Pillar",
				"MATCH (n)<-[u:UNDER]-(m:Measure) WITH u, m ORDER BY u.ordinal, m.key", "m", "m {.*}",
				value -> value.asList(m -> PlanNodeReaders.measure(m.asMap()))));
		this.pillars = lookAhead.register(FieldQuery.collect("Plan", "pillars", "Plan",
				"MATCH (n)-[:HAS_PILLAR]->(p:Pillar) WITH p ORDER BY p.ordinal", "p", "p {.*, planId: n.key}",
				value -> value.asList(p -> PlanNodeReaders.pillar(p.asMap()))));
	}

	Map<String, List<Pillar>> pillars(Collection<String> planIds) {
		return this.pillars.read(this.reads, planIds);
	}

	List<Plan> findAllPlans() {
		return this.reads.list("""
				MATCH (p:Plan)
				RETURN p {.*} AS plan
				ORDER BY p.ordinal, p.key""", Map.of(), PlanRepository::plan);
	}

	boolean planExists(String planId) {
		return this.reads
			.first("MATCH (p:Plan {key: $id}) RETURN count(p) > 0", Map.of("id", planId), row -> row.get(0).asBoolean())
			.orElse(false);
	}

	/** Pillars of the given plans, in document order. */
	List<Pillar> findPillarsOfPlans(Collection<String> planIds) {
		return this.reads.list("""
				MATCH (plan:Plan)-[:HAS_PILLAR]->(p:Pillar) WHERE plan.key IN $ids
				RETURN p {.*, planId: plan.key} AS pillar
				ORDER BY plan.key, p.ordinal""", Map.of("ids", planIds), PlanRepository::pillar);
	}

	/** Measures under each pillar, in document order. */
	Map<String, List<Measure>> findMeasuresOfPillars(Collection<String> pillarIds) {
		return this.measures.read(this.reads, pillarIds);
	}

	/**
	 * Pillars each measure serves, directly or, for a sub-measure, through its parent
	 * measures.
	 */
	Map<String, List<Pillar>> findPillarsOfMeasures(Collection<String> measureIds) {
		return BatchQuery.children(this.reads, """
				MATCH (m:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(p:Pillar)<-[:HAS_PILLAR]-(plan:Plan)
				WHERE m.key IN $ids
				WITH DISTINCT m, p, plan
				RETURN m.key AS id, p {.*, planId: plan.key} AS pillar
				ORDER BY m.key, plan.key, p.ordinal""", measureIds, row -> pillar(row));
	}

	/** The measure each sub-measure is part of (上位施策). */
	Map<String, List<Measure>> findParentsOfMeasures(Collection<String> measureIds) {
		return BatchQuery.children(this.reads, """
				MATCH (m:Measure)-[:PART_OF]->(parent:Measure) WHERE m.key IN $ids
				RETURN m.key AS id, parent {.*} AS measure
				ORDER BY m.key, parent.key""", measureIds, row -> measure(null, row));
	}

	/**
	 * What each bureau policy states of its bureau ({@code (:BureauFact)}), in document
	 * order.
	 */
	Map<String, BureauFacts> findBureauFacts(Collection<String> planIds) {
		Map<String, BureauFacts> byPlan = new HashMap<>();
		BatchQuery.children(this.reads, """
				MATCH (p:Plan)-[:HAS_FACT]->(f:BureauFact) WHERE p.key IN $ids
				RETURN p.key AS id, f {.*} AS fact
				ORDER BY p.key, f.section, f.key""", planIds, row -> row.get("fact").asMap())
			.forEach((plan, facts) -> byPlan.put(plan, BureauFacts.of(facts)));
		return byPlan;
	}

	/** The plan of each pillar. */
	Map<String, List<Plan>> findPlansOfPillars(Collection<String> pillarIds) {
		return BatchQuery.children(this.reads, """
				MATCH (plan:Plan)-[:HAS_PILLAR]->(pillar:Pillar) WHERE pillar.key IN $ids
				RETURN pillar.key AS id, plan {.*} AS plan""", pillarIds, row -> plan(row));
	}

	/** The milestones under each pillar (マイルストーン), in document order. */
	Map<String, List<Milestone>> findMilestonesOfPillars(Collection<String> pillarIds) {
		return BatchQuery.children(this.reads, """
				MATCH (pillar:Pillar)<-[:OF_PILLAR]-(m:Milestone) WHERE pillar.key IN $ids
				RETURN pillar.key AS id, m {.*} AS milestone
				ORDER BY pillar.key, m.ordinal, m.key""", pillarIds, PlanRepository::milestone);
	}

	/** The milestones under each plan's pillars, in document order. */
	Map<String, List<Milestone>> findMilestonesOfPlans(Collection<String> planIds) {
		return BatchQuery.children(this.reads, """
				MATCH (plan:Plan)-[:HAS_PILLAR]->(pillar:Pillar)<-[:OF_PILLAR]-(m:Milestone) WHERE plan.key IN $ids
				RETURN plan.key AS id, m {.*} AS milestone
				ORDER BY plan.key, pillar.ordinal, m.ordinal, m.key""", planIds, PlanRepository::milestone);
	}

	/** The pillar (theme) of each milestone. */
	Map<String, List<Pillar>> findPillarsOfMilestones(Collection<String> milestoneIds) {
		return BatchQuery.children(this.reads, """
				MATCH (m:Milestone)-[:OF_PILLAR]->(p:Pillar)<-[:HAS_PILLAR]-(plan:Plan) WHERE m.key IN $ids
				RETURN m.key AS id, p {.*, planId: plan.key} AS pillar
				ORDER BY m.key, p.key""", milestoneIds, row -> pillar(row));
	}

	/** The programs each milestone is a step of, where a document says so. */
	Map<String, List<Program>> findProgramsOfMilestones(Collection<String> milestoneIds) {
		return BatchQuery.children(this.reads, """
				MATCH (m:Milestone)-[:OF_PROGRAM]->(p:Program) WHERE m.key IN $ids
				RETURN m.key AS id, p {.*} AS program
				ORDER BY m.key, p.key""", milestoneIds, row -> Program.of(row.get("program").asMap()));
	}

	private static Milestone milestone(Record row) {
		return Milestone.of(row.get("milestone").asMap());
	}

	private static Plan plan(Record row) {
		return PlanNodeReaders.plan(row.get("plan").asMap());
	}

	private static Pillar pillar(Record row) {
		return PlanNodeReaders.pillar(row.get("pillar").asMap());
	}

	private static Measure measure(TypeSystem types, Record row) {
		return PlanNodeReaders.measure(row.get("measure").asMap());
	}

}
