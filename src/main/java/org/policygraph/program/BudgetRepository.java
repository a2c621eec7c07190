package org.policygraph.program;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.policygraph.plan.Serves;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget roll-ups (予算額の合計): the sum of {@code amountYen} over the DISTINCT programs of a
 * plan, pillar or organization for a fiscal year, so a program listed under two measures
 * (再掲) counts once in any one total. Each method answers a whole batch of (id, fiscal
 * year) pairs in one statement; a pair none of whose programs has a budget that year has
 * no row.
 */
@Repository
@Transactional(readOnly = true)
class BudgetRepository {

	private final Neo4jClient client;

	BudgetRepository(Neo4jClient client) {
		this.client = client;
	}

	/** Programs of a plan: listed under its measures or their sub-measures. */
	Map<YearKey, Long> planBudgets(Collection<YearKey> keys) {
		return sums(Serves.expand("""
				UNWIND $keys AS k
				MATCH (p:Program)${programToPlan}(:Plan {key: k.id})
				WITH DISTINCT k, p
				MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: k.fiscalYear})
				RETURN k.id AS id, k.fiscalYear AS fiscalYear, sum(b.amountYen) AS amountYen"""), keys);
	}

	/** Programs of a pillar: listed under its measures or their sub-measures. */
	Map<YearKey, Long> pillarBudgets(Collection<YearKey> keys) {
		return sums(Serves.expand("""
				UNWIND $keys AS k
				MATCH (p:Program)${programToPillar}(:Pillar {key: k.id})
				WITH DISTINCT k, p
				MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: k.fiscalYear})
				RETURN k.id AS id, k.fiscalYear AS fiscalYear, sum(b.amountYen) AS amountYen"""), keys);
	}

	/** Programs of an organization: run by it or by a unit inside it, at any depth. */
	Map<YearKey, Long> organizationBudgets(Collection<YearKey> keys) {
		return sums("""
				UNWIND $keys AS k
				MATCH (p:Program)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(:Organization {key: k.id})
				WITH DISTINCT k, p
				MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: k.fiscalYear})
				RETURN k.id AS id, k.fiscalYear AS fiscalYear, sum(b.amountYen) AS amountYen""", keys);
	}

	private Map<YearKey, Long> sums(String cypher, Collection<YearKey> keys) {
		List<Map<String, Object>> parameter = keys.stream()
			.map(key -> Map.<String, Object>of("id", key.id(), "fiscalYear", key.fiscalYear()))
			.toList();
		return this.client.query(cypher)
			.bind(parameter)
			.to("keys")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, row) -> Map.entry(new YearKey(row.get("id").asString(), row.get("fiscalYear").asInt()),
					row.get("amountYen").asLong()))
			.all()
			.stream()
			.collect(
					Collectors.toMap(entry -> (YearKey) entry.getKey(), entry -> (Long) entry.getValue(), (a, b) -> a));
	}

	/** A node's id and a fiscal year: what a budget field is asked for. */
	record YearKey(String id, int fiscalYear) {
	}

}
