package org.policygraph.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.policygraph.graph.GraphReads;

import org.springframework.stereotype.Repository;

/**
 * Budget roll-ups (予算額の合計): the sum of {@code amountYen} over the DISTINCT programs of a
 * plan, pillar or organization for a fiscal year, so a program listed under two measures
 * (再掲) counts once in any one total. Each method answers a whole batch of (id, fiscal
 * year) pairs; a pair none of whose programs has a budget that year has no row. The
 * totals are read from the roll-up kept on each root ({@link BudgetRollups}), one index
 * look-up per key; a root without a kept roll-up of this version (written by hand in
 * Cypher, say) is answered by the aggregation, in one statement for the batch.
 */
@Repository
class BudgetRepository {

	/** The aggregation for each root label, for roots that keep no roll-up. */
	private static final Map<String, String> SUMS = BudgetRollups.ROOT_LABELS.stream()
		.collect(Collectors.toMap(label -> label, BudgetRepository::sums));

	/** The kept roll-up of each key's root, when it has one of this version. */
	private static final String KEPT = """
			UNWIND $ids AS id
			MATCH (r:%s {key: id})
			RETURN id, r.budgetRollupVersion = $version AS kept, r.budgetRollupYears AS years,
			       r.budgetRollupYen AS yen""";

	private final GraphReads reads;

	BudgetRepository(GraphReads reads) {
		this.reads = reads;
	}

	Map<YearKey, Long> planBudgets(Collection<YearKey> keys) {
		return budgets("Plan", keys);
	}

	Map<YearKey, Long> pillarBudgets(Collection<YearKey> keys) {
		return budgets("Pillar", keys);
	}

	Map<YearKey, Long> organizationBudgets(Collection<YearKey> keys) {
		return budgets("Organization", keys);
	}

	/**
	 * The kept totals of the keys whose root keeps a roll-up; the aggregation for the
	 * others. A key whose root is not in the graph has no row, as in the aggregation.
	 */
	private Map<YearKey, Long> budgets(String label, Collection<YearKey> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		List<String> ids = keys.stream().map(YearKey::id).distinct().toList();
		Map<String, Kept> kept = new HashMap<>();
		this.reads.list(KEPT.formatted(label), Map.of("ids", ids, "version", BudgetRollups.VERSION), row -> row)
			.forEach(row -> kept.put(row.get("id").asString(),
					row.get("kept").asBoolean(false)
							? new Kept(row.get("years").asList(v -> v.asLong()), row.get("yen").asList(v -> v.asLong()))
							: Kept.NONE));
		Map<YearKey, Long> budgets = new HashMap<>();
		List<YearKey> aggregate = new ArrayList<>();
		for (YearKey key : keys) {
			Kept root = kept.get(key.id());
			if (root == null) {
				continue;
			}
			if (root == Kept.NONE) {
				aggregate.add(key);
				continue;
			}
			Long total = BudgetRollups.total(root.years(), root.yen(), key.fiscalYear());
			if (total != null) {
				budgets.put(key, total);
			}
		}
		if (!aggregate.isEmpty()) {
			budgets.putAll(sums(SUMS.get(label), aggregate));
		}
		return budgets;
	}

	private record Kept(List<Long> years, List<Long> yen) {

		static final Kept NONE = new Kept(List.of(), List.of());

	}

	/**
	 * The statement that sums the budgets of each key's root's programs, each program
	 * once: the programs of a root {@code r} as the kept totals count them
	 * ({@link BudgetRollups#PROGRAMS_OF_ROOT}).
	 */
	private static String sums(String label) {
		return """
				UNWIND $keys AS k
				MATCH (r:%s {key: k.id})
				%s
				WITH DISTINCT k, p
				MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: k.fiscalYear})
				RETURN k.id AS id, k.fiscalYear AS fiscalYear, sum(b.amountYen) AS amountYen""".formatted(label,
				BudgetRollups.PROGRAMS_OF_ROOT.get(label));
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
