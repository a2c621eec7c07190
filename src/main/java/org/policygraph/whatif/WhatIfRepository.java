package org.policygraph.whatif;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.graph.GraphReads;
import org.policygraph.kpi.Kpi;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Plan;
import org.policygraph.plan.Serves;
import org.policygraph.program.Program;
import org.policygraph.reading.NodeRecords;

import org.springframework.stereotype.Repository;

/**
 * Answers a what-if in one read statement. The programs to retire are left out wherever
 * the statement counts what remains; everything else is read as the API reads it: a
 * program serves the measures and pillars of {@link Serves}, an indicator serves a pillar
 * through the programs that measure it or by a direct {@code REPORTS_ON} link, and a
 * budget total counts each program once (再掲 once), as {@code Pillar.budget} does.
 */
@Repository
class WhatIfRepository {

	private static final String WHAT_IF = Serves
		.expand("""
				WITH [i IN range(0, size($retire) - 1) WHERE NOT EXISTS { (:Program {key: $retire[i]}) }] AS missing
				OPTIONAL MATCH (r:Program) WHERE r.key IN $retire
				WITH missing, collect(r) AS retired
				CALL (retired) {
				  UNWIND retired AS r
				  MATCH (r)-[:MEASURED_BY]->(k:Kpi)
				  WITH DISTINCT k
				  WHERE NOT EXISTS { (k)<-[:MEASURED_BY]-(other:Program) WHERE NOT other IN retired }
				  WITH k ORDER BY k.key
				  RETURN collect(k {.*}) AS kpis
				}
				CALL (retired) {
				  UNWIND retired AS r
				  MATCH (r)-[:MEASURED_BY]->(k:Kpi), (r)${programToPillar}(pillar:Pillar)
				  WITH DISTINCT k, pillar
				  WHERE NOT EXISTS { (k)-[:REPORTS_ON]->(pillar) }
				    AND NOT EXISTS { (k)<-[:MEASURED_BY]-(other:Program)${programToPillar}(pillar) WHERE NOT other IN retired }
				  MATCH (plan:Plan)-[:HAS_PILLAR]->(pillar)
				  WITH k, pillar, plan ORDER BY k.key, plan.key, pillar.ordinal
				  RETURN collect({kpi: k {.*}, pillar: pillar {.*, planId: plan.key}}) AS pillarLosses
				}
				CALL (retired) {
				  UNWIND retired AS r
				  MATCH (r)${programToMeasure}(m:Measure)
				  WITH DISTINCT m
				  WHERE NOT EXISTS { (m)${measureToProgram}(other:Program) WHERE NOT other IN retired }
				  WITH m ORDER BY m.key
				  RETURN collect(m {.*}) AS measures
				}
				CALL (retired) {
				  UNWIND retired AS r
				  MATCH (r)-[:HAS_BUDGET]->(rb:Budget)
				  CALL (r) {
				    MATCH (r)${programToPillar}(pillar:Pillar)<-[:HAS_PILLAR]-(plan:Plan)
				    RETURN pillar, plan
				    UNION
				    MATCH (r)${programToPlan}(plan:Plan)
				    RETURN null AS pillar, plan
				  }
				  WITH DISTINCT pillar, plan, rb.fiscalYear AS year
				  CALL (pillar, plan, year, retired) {
				    MATCH (p:Program)-[:HAS_BUDGET]->(b:Budget {fiscalYear: year})
				    WHERE (pillar IS NOT NULL AND EXISTS { (p)${programToPillar}(pillar) })
				       OR (pillar IS NULL AND EXISTS { (p)${programToPlan}(plan) })
				    RETURN sum(b.amountYen) AS before,
				           sum(CASE WHEN p IN retired THEN null ELSE b.amountYen END) AS after,
				           count(CASE WHEN p IN retired THEN null ELSE p END) AS left
				  }
				  WITH pillar, plan, year, before, CASE WHEN left = 0 THEN null ELSE after END AS after
				    ORDER BY plan.key, pillar IS NOT NULL, pillar.ordinal, year
				  RETURN collect({pillar: CASE WHEN pillar IS NULL THEN null ELSE pillar {.*, planId: plan.key} END,
				                  plan: plan {.*}, fiscalYear: year, before: before, after: after}) AS budgets
				}
				RETURN missing, [r IN retired | r {.*}] AS retired, kpis, pillarLosses, measures, budgets""");

	private final GraphReads reads;

	private final NodeRecords records;

	WhatIfRepository(GraphReads reads, NodeRecords records) {
		this.reads = reads;
		this.records = records;
	}

	/**
	 * The what-if for these program ids (distinct, 1 to 100).
	 * @throws ApiException {@code NOT_FOUND} naming the first id that is no live program
	 */
	WhatIf whatIf(List<String> programIds) {
		return whatIf(programIds, this.reads.rows(WHAT_IF, Map.of("retire", programIds)).getFirst());
	}

	private WhatIf whatIf(List<String> programIds, org.neo4j.driver.Record row) {
		List<Integer> missing = row.get("missing").asList(Value::asInt);
		if (!missing.isEmpty()) {
			int index = missing.getFirst();
			throw new ApiException(ErrorCode.NOT_FOUND,
					"retire[" + index + "]: no program with id '" + programIds.get(index) + "'", "retire");
		}
		Map<String, Program> byId = new java.util.HashMap<>();
		row.get("retired").asList(Value::asMap).forEach(p -> byId.put((String) p.get("key"), Program.of(p)));
		List<Program> retired = programIds.stream().map(byId::get).toList();
		return new WhatIf(retired, row.get("kpis").asList(kpi -> kpi(kpi.asMap())), row.get("pillarLosses")
			.asList(loss -> new WhatIf.KpiPillarLoss(kpi(loss.get("kpi").asMap()), pillar(loss.get("pillar").asMap()))),
				row.get("measures").asList(measure -> this.records.read("Measure", measure.asMap(), Measure.class)),
				row.get("budgets").asList(this::budgetChange));
	}

	private WhatIf.BudgetChange budgetChange(Value change) {
		Value pillar = change.get("pillar");
		return new WhatIf.BudgetChange(pillar.isNull() ? null : pillar(pillar.asMap()),
				this.records.read("Plan", change.get("plan").asMap(), Plan.class), change.get("fiscalYear").asInt(),
				amount(change.get("before")), amount(change.get("after")));
	}

	private static Long amount(Value amount) {
		return amount.isNull() ? null : amount.asLong();
	}

	private Kpi kpi(Map<String, Object> properties) {
		return this.records.read("Kpi", properties, Kpi.class);
	}

	private Pillar pillar(Map<String, Object> properties) {
		return this.records.read("Pillar", properties, Pillar.class);
	}

}
