package org.policygraph.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;

/**
 * Keeps each indicator's status on the graph ({@code k.status}, with {@code k.statusRule}
 * naming the rule that judged it and the reason beside it, {@link StatusReason}), so that
 * the API, the analysts' Cypher and every other reader get one answer to "which KPIs are
 * off track". It is judged by {@link KpiStatusRule}, in the transaction that changes what
 * the rule reads: the import, and the edits of an indicator's observations or direction.
 * A start-up task judges again every indicator judged by an earlier version of the rule,
 * or never.
 */
public final class KpiStatuses {

	/**
	 * The rule's version: change it with any change to {@link KpiStatusRule}, and the
	 * statuses are judged again. Version 2 keeps the reason (判定理由) beside the status.
	 */
	public static final String RULE = "kpi-status-rule/2";

	private static final String READ = """
			MATCH (k:Kpi) WHERE k.key IN $keys
			RETURN k.key AS key, k.direction AS direction,
			       COLLECT {
			         MATCH (k)-[:HAS_OBSERVATION]->(o:Observation)
			         RETURN o {.kind, .targetType, .fiscalYear, .fiscalYearTo, .periodText, .month, .value, .valueText, .qualitative,
			                   .text, .cumulative}
			       } AS observations""";

	private static final String WRITE = """
			UNWIND $rows AS row
			MATCH (k:Kpi {key: row.key})
			SET k += row.reason, k.status = row.status, k.statusRule = $rule""";

	private static final String OUTDATED = """
			MATCH (k:Kpi) WHERE k.statusRule IS NULL OR k.statusRule <> $rule
			RETURN collect(k.key) AS keys""";

	private KpiStatuses() {
	}

	/**
	 * Judges these indicators again, as an import of their rows or observations and an
	 * edit of their observations or direction do.
	 */
	public static int judge(SimpleQueryRunner tx, Collection<String> kpiKeys) {
		if (kpiKeys.isEmpty()) {
			return 0;
		}
		Map<String, Object> parameters = Map.of("keys", List.copyOf(kpiKeys));
		List<Map<String, Object>> rows = new ArrayList<>();
		tx.run(READ, parameters).forEachRemaining(row -> {
			List<Observation> observations = row.get("observations").asList(value -> Observation.of(value.asMap()));
			String direction = row.get("direction").isNull() ? null : row.get("direction").asString();
			KpiStatusRule.Judgement judgement = KpiStatusRule.judge(direction, observations);
			rows.add(Map.of("key", row.get("key").asString(), "status", judgement.status().name(), "reason",
					judgement.reason().properties()));
		});
		if (!rows.isEmpty()) {
			tx.run(WRITE, Map.of("rows", rows, "rule", RULE)).consume();
		}
		return rows.size();
	}

	/**
	 * Judges the indicators an earlier version of the rule judged, or none did; how many.
	 */
	public static int judgeOutdated(SimpleQueryRunner tx) {
		List<String> keys = tx.run(OUTDATED, Map.of("rule", RULE))
			.single()
			.get("keys")
			.asList(value -> value.asString());
		return keys.isEmpty() ? 0 : judge(tx, keys);
	}

}
