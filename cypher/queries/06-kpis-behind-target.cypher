// Question (ja): ある計画の成果指標（KPI）のうち、最新の実績値が目標値に届いていないものはどれか（指標の向きを考慮）。
// Question (en): Which KPIs of a plan have a latest actual that is behind their target, taking the KPI's direction into account?
// Parameters: $planKey — e.g. 'plan-sousei'
// The rule, kept simple on purpose (the API's KpiStatusRule also draws a straight line to the target year):
//   latest actual = the ACTUAL with a numeric value whose period ends last (then the later month, then the shorter period);
//   target        = the numeric TARGET ending nearest at or after that actual's year, else the latest one;
//   behind        = HIGHER_IS_BETTER: actual < target; LOWER_IS_BETTER: actual > target; a BELOW target: actual >= target.
//   A cumulative target (H27～31 累計) is compared with the latest actual as written. KPIs without a numeric actual or a
//   numeric target (R6年度比増加, 単年度目標設定なし) are not judged: see 05-kpis-without-actual.
// A plan's KPIs: as in 05 (programs under its measures, DX figures of its themes, KPIs its policy issues concern).
// Returns:
//   kpiKey — the KPI's key
//   kpi — the KPI's name
//   direction — HIGHER_IS_BETTER or LOWER_IS_BETTER
//   actual — the latest actual as the document writes it
//   actualPeriod — its period as the document writes it
//   actualValue — its value in base units
//   target — the target it is judged against, as the document writes it
//   targetPeriod — the target's period as the document writes it
//   targetValue — the target's value in base units
// cypher-shell: :param planKey => 'plan-sousei'
MATCH (plan:Plan {key: $planKey})
CALL (plan) {
  MATCH (plan)<-[:IN_PLAN]-(:Measure)<-[:LISTED_UNDER]-(:Program)-[:MEASURED_BY]->(k:Kpi)
  RETURN k
  UNION
  MATCH (plan)-[:HAS_PILLAR]->(:Pillar)<-[:REPORTS_ON]-(k:Kpi)
  RETURN k
  UNION
  MATCH (plan)<-[:OF_PLAN]-(:PolicyIssue)-[:CONCERNS]->(k:Kpi)
  RETURN k
}
WITH DISTINCT k
MATCH (k)-[:HAS_OBSERVATION]->(a:Observation {kind: 'ACTUAL'})
WHERE a.value IS NOT NULL
WITH k, a
ORDER BY coalesce(a.fiscalYearTo, a.fiscalYear, -1) DESC, coalesce(a.month, '') DESC, coalesce(a.fiscalYear, -1) DESC
WITH k, collect(a)[0] AS actual
MATCH (k)-[:HAS_OBSERVATION]->(t:Observation {kind: 'TARGET'})
WHERE t.value IS NOT NULL
WITH k, actual, t, coalesce(actual.fiscalYearTo, actual.fiscalYear) AS actualYear,
     coalesce(t.fiscalYearTo, t.fiscalYear) AS targetYear
WITH k, actual, t,
     CASE WHEN targetYear IS NULL THEN 2 WHEN actualYear IS NULL OR targetYear >= actualYear THEN 0 ELSE 1 END AS rank,
     CASE WHEN targetYear IS NULL THEN 0 WHEN actualYear IS NULL OR targetYear >= actualYear THEN targetYear ELSE -targetYear END AS nearest
ORDER BY rank, nearest
WITH k, actual, collect(t)[0] AS target
WHERE CASE
        WHEN target.qualitative = 'BELOW' THEN actual.value >= target.value
        WHEN k.direction = 'LOWER_IS_BETTER' THEN actual.value > target.value
        ELSE actual.value < target.value
      END
RETURN k.key AS kpiKey, k.name AS kpi, k.direction AS direction,
       actual.valueText AS actual, actual.periodText AS actualPeriod, actual.value AS actualValue,
       target.valueText AS target, target.periodText AS targetPeriod, target.value AS targetValue
ORDER BY kpiKey
