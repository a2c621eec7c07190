package org.policygraph.program;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.policygraph.graph.GraphReads;
import org.policygraph.plan.Serves;

import org.springframework.stereotype.Repository;

/**
 * Budget roll-ups (予算額の合計): the sum of {@code amountYen} over the DISTINCT programs of a
 * plan, pillar or organization for a fiscal year, so a program listed under two measures
 * (再掲) counts once in any one total. Each method answers a whole batch of (id, fiscal
 * year) pairs in one statement; a pair none of whose programs has a budget that year has
 * no row.
 */
@Repository
class BudgetRepository {

	/** Programs of a plan: listed under its measures or their sub-measures. */
	private static final String PLAN_SUMS = sums(Serves.expand("MATCH (p:Program)${programToPlan}(:Plan {key: k.id})"));

	/** Programs of a pillar: listed under its measures or their sub-measures. */
	private static final String PILLAR_SUMS = sums(
			Serves.expand("MATCH (p:Program)${programToPillar}(:Pillar {key: k.id})"));

	/** Programs of an organization: run by it or by a unit inside it, at any depth. */
	private static final String ORGANIZATION_SUMS = sums(
			"MATCH (p:Program)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(:Organization {key: k.id})");

	private final GraphReads reads;

	BudgetRepository(GraphReads reads) {
		this.reads = reads;
	}

	Map<YearKey, Long> planBudgets(Collection<YearKey> keys) {
		return sums(PLAN_SUMS, keys);
	}

	Map<YearKey, Long> pillarBudgets(Collection<YearKey> keys) {
		return sums(PILLAR_SUMS, keys);
	}

	Map<YearKey, Long> organizationBudgets(Collection<YearKey> keys) {
		return sums(ORGANIZATION_SUMS, keys);
	}

	/**
	 * The statement that sums the budgets of each key's programs, each program once:
	 * {@code programsOfKey} matches the programs {@code p} of a key {@code k}. The three
	 * roll-ups differ in that clause alone.
	 */
	private static String sums(String programsOfKey) {
		return """
				UNWIND $keys AS k
				%s
				WITH DISTINCT k, p
				MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: k.fiscalYear})
				RETURN k.id AS id, k.fiscalYear AS fiscalYear, sum(b.amountYen) AS amountYen"""
			.formatted(programsOfKey);
	}

	private Map<YearKey, Long> sums(String cypher, Collection<YearKey> keys) {
		List<Map<String, Object>> parameter = keys.stream()
			.map(key -> Map.<String, Object>of("id", key.id(), "fiscalYear", key.fiscalYear()))
			.toList();
		return this.reads
			.list(cypher, Map.of("keys", parameter),
					row -> Map.entry(new YearKey(row.get("id").asString(), row.get("fiscalYear").asInt()),
							row.get("amountYen").asLong()))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	/** A node's id and a fiscal year: what a budget field is asked for. */
	record YearKey(String id, int fiscalYear) {
	}

}
