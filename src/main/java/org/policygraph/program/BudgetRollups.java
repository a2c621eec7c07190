package org.policygraph.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.SimpleQueryRunner;
import org.policygraph.plan.Serves;

/**
 * Keeps each plan's, pillar's and organization's budget roll-up (予算額の合計) on the graph:
 * {@code budgetRollupYears} (the fiscal years, ascending) and {@code budgetRollupYen}
 * (the total of each, at the same position), with {@code budgetRollupVersion} naming the
 * way it was computed. A total is the sum of {@code amountYen} over the DISTINCT live
 * programs of the root that have a budget that year, so a program listed under two
 * measures (再掲) counts once; a year none of them has a budget for is not listed. They are
 * computed in the transaction that changes what they read (the import and every edit),
 * for the roots that change can reach, and a start-up task computes them for every root
 * that lacks them or has them from an earlier version. They are derived: never exported,
 * never shown as a change, never a field of the API.
 */
public final class BudgetRollups {

	/**
	 * The version of the roll-up: change it with any change to what a total means, and
	 * every root's totals are computed again at the next start.
	 */
	public static final long VERSION = 1;

	/** The derived properties this class writes. */
	public static final List<String> PROPERTIES = List.of("budgetRollupYears", "budgetRollupYen",
			"budgetRollupVersion");

	/** The labels whose nodes keep a roll-up. */
	static final List<String> ROOT_LABELS = List.of("Plan", "Pillar", "Organization");

	/**
	 * Every live root a change of these nodes may change the totals of: from each node
	 * (and the program whose budget it is), upward along the paths a total follows, with
	 * no label asked of the nodes between, so that a retired measure or organization
	 * (which lost its label but kept its links) still leads to the roots it counted for.
	 * Wider than needed is harmless (a total computed again is the same); the paths only
	 * go up, so the work follows the touched nodes, not the graph.
	 */
	private static final String AFFECTED = """
			UNWIND $nodes AS id
			MATCH (n) WHERE elementId(n) = id
			OPTIONAL MATCH (n)<-[:HAS_BUDGET]-(owner)
			WITH DISTINCT coalesce(owner, n) AS s
			CALL (s) {
			  MATCH (s)-[:LISTED_UNDER|RUN_BY*0..1]->(x)
			  MATCH (x)-[:PART_OF*0..]->(y)
			  WITH DISTINCT y
			  MATCH (y)-[:UNDER|IN_PLAN*0..1]->(r)
			  WHERE r:Plan OR r:Pillar OR r:Organization
			  RETURN DISTINCT r
			}
			WITH DISTINCT r
			RETURN [label IN labels(r) WHERE label IN $roots][0] AS label, r.key AS key""";

	/** Touched nodes that keep a roll-up but are no longer live roots (retired). */
	private static final String DROP_RETIRED = """
			UNWIND $nodes AS id
			MATCH (n) WHERE elementId(n) = id
			  AND n.budgetRollupVersion IS NOT NULL AND NOT (n:Plan OR n:Pillar OR n:Organization)
			REMOVE n.budgetRollupYears, n.budgetRollupYen, n.budgetRollupVersion""";

	/**
	 * The programs of a root {@code r} of each label, written once for the kept totals
	 * and for BudgetRepository's aggregation (roots that keep none), so that the two
	 * agree.
	 */
	static final Map<String, String> PROGRAMS_OF_ROOT = Map.of("Plan",
			Serves.expand("MATCH (p:Program)${programToPlan}(r)"), "Pillar",
			Serves.expand("MATCH (p:Program)${programToPillar}(r)"), "Organization",
			"MATCH (p:Program)-[:RUN_BY]->(:Organization)-[:PART_OF*0..]->(r)");

	/**
	 * A root's totals, or none when a budget of its programs has an amount or a year that
	 * is not an integer (data the service never writes, written by hand): such a root is
	 * answered by the aggregation, as before the totals were kept, which fails or answers
	 * as it always did, and a start never fails on it.
	 */
	private static final String COMPUTE = """
			UNWIND $keys AS key
			MATCH (r:%s {key: key})
			CALL (r) {
			  %s
			  WITH DISTINCT p
			  MATCH (p)-[:HAS_BUDGET]->(b:Budget)
			  WHERE b.fiscalYear IS NOT NULL
			  WITH b.fiscalYear AS year, sum(CASE WHEN b.amountYen IS :: INTEGER THEN b.amountYen END) AS yen,
			       count(CASE WHEN NOT (b.amountYen IS :: INTEGER AND b.fiscalYear IS :: INTEGER) THEN 1 END) AS unsummable
			  ORDER BY year
			  RETURN collect(year) AS years, collect(yen) AS yen, sum(unsummable) AS unsummable
			}
			FOREACH (kept IN CASE WHEN unsummable = 0 THEN [true] ELSE [] END |
			  SET r.budgetRollupYears = years, r.budgetRollupYen = yen, r.budgetRollupVersion = $version)
			FOREACH (none IN CASE WHEN unsummable > 0 THEN [true] ELSE [] END |
			  REMOVE r.budgetRollupYears, r.budgetRollupYen, r.budgetRollupVersion)
			RETURN count(CASE WHEN unsummable = 0 THEN r END) AS computed""";

	private static final Map<String, String> COMPUTE_BY_LABEL = computeStatements();

	private static final String OUTDATED = """
			MATCH (r) WHERE (r:Plan OR r:Pillar OR r:Organization)
			  AND (r.budgetRollupVersion IS NULL OR r.budgetRollupVersion <> $version)
			RETURN [label IN labels(r) WHERE label IN $roots][0] AS label, r.key AS key""";

	private BudgetRollups() {
	}

	private static Map<String, String> computeStatements() {
		Map<String, String> statements = new LinkedHashMap<>();
		for (String label : ROOT_LABELS) {
			statements.put(label, COMPUTE.formatted(label, PROGRAMS_OF_ROOT.get(label).replace("\n", "\n  ")));
		}
		return statements;
	}

	/**
	 * Computes again the totals of every live root that a change of these nodes (by
	 * element id: each node written, and both ends of each link written or removed) may
	 * have changed, in the transaction of the change; how many roots.
	 */
	public static int refresh(SimpleQueryRunner tx, Collection<String> elementIds) {
		if (elementIds.isEmpty()) {
			return 0;
		}
		List<String> nodes = List.copyOf(new TreeSet<>(elementIds));
		tx.run(DROP_RETIRED, Map.of("nodes", nodes)).consume();
		Map<String, Set<String>> roots = new LinkedHashMap<>();
		tx.run(AFFECTED, Map.of("nodes", nodes, "roots", ROOT_LABELS))
			.forEachRemaining(row -> add(roots, row.get("label").asString(null), row.get("key").asString(null)));
		return compute(tx, roots);
	}

	/**
	 * Computes the totals of every root that has none, or has them from an earlier
	 * version; how many roots.
	 */
	public static int computeOutdated(SimpleQueryRunner tx) {
		Map<String, Set<String>> roots = new LinkedHashMap<>();
		tx.run(OUTDATED, Map.of("version", VERSION, "roots", ROOT_LABELS))
			.forEachRemaining(row -> add(roots, row.get("label").asString(null), row.get("key").asString(null)));
		return compute(tx, roots);
	}

	private static void add(Map<String, Set<String>> roots, String label, String key) {
		if (label != null && key != null) {
			roots.computeIfAbsent(label, l -> new TreeSet<>()).add(key);
		}
	}

	private static int compute(SimpleQueryRunner tx, Map<String, Set<String>> roots) {
		int computed = 0;
		for (Map.Entry<String, Set<String>> entry : roots.entrySet()) {
			computed += tx
				.run(COMPUTE_BY_LABEL.get(entry.getKey()),
						Map.of("keys", new ArrayList<>(entry.getValue()), "version", VERSION))
				.single()
				.get("computed")
				.asInt();
		}
		return computed;
	}

	/**
	 * The total of one year from a root's kept roll-up, or null when none of its programs
	 * has a budget that year.
	 * @param years the kept years
	 * @param yen the kept totals, position by position
	 */
	static Long total(List<Long> years, List<Long> yen, int fiscalYear) {
		int at = years.indexOf((long) fiscalYear);
		return (at < 0 || at >= yen.size()) ? null : yen.get(at);
	}

}
