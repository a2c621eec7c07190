// Question (ja): ある計画の成果指標（KPI）のうち、目標に対して遅れている（OFF_TRACK）ものはどれか（指標の向きを考慮）。
// Question (en): Which KPIs of a plan are off track against their target, taking the KPI's direction into account?
// Parameters: $planKey — e.g. 'plan-sousei'
// The status is the one the API answers (Kpi.status, kpis(where: {status: OFF_TRACK})): judged by the rule in
// docs/KPI_STATUS.md and kept on each KPI (k.status, with the rule's version in k.statusRule) by the import and by
// every edit of its observations or direction. OFF_TRACK means: the latest actual misses the target that applies
// and either the target's year has come, or it is behind the straight line from the baseline to the target (for a
// cumulative target, behind the pro-rata share of the range). A KPI whose actual misses a later target but is ahead
// of that line is ON_TRACK and not listed here.
// A plan's KPIs, as the API's planId filter: those of the programs listed under its measures or their sub-measures,
// and the DX figures its themes report. (KPIs a bureau policy's issues concern: 10-issues-touching-lagging-kpis.)
// Returns:
//   kpiKey — the KPI's key
//   kpi — the KPI's name
//   direction — HIGHER_IS_BETTER or LOWER_IS_BETTER
//   actual — the latest actual as the document writes it (the one the rule judges)
//   actualPeriod — its period as the document writes it
//   actualValue — its value in base units
//   target — the numeric target ending nearest at or after the actual's year (else the latest), as written
//   targetPeriod — the target's period as the document writes it
//   targetValue — the target's value in base units
//   rule — the version of the rule that judged the status
// cypher-shell: :param planKey => 'plan-sousei'
MATCH (plan:Plan {key: $planKey})
CALL (plan) {
  MATCH (plan)<-[:IN_PLAN]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(:Program)-[:MEASURED_BY]->(k:Kpi)
  RETURN k
  UNION
  MATCH (plan)-[:HAS_PILLAR]->(:Pillar)<-[:REPORTS_ON]-(k:Kpi)
  RETURN k
}
WITH DISTINCT k
WHERE k.status = 'OFF_TRACK'
OPTIONAL CALL (k) {
  MATCH (k)-[:HAS_OBSERVATION]->(a:Observation {kind: 'ACTUAL'})
  WHERE a.value IS NOT NULL
  RETURN a AS actual
  ORDER BY coalesce(a.fiscalYearTo, a.fiscalYear, -1) DESC, coalesce(a.month, '') DESC, coalesce(a.fiscalYear, -1) DESC
  LIMIT 1
}
OPTIONAL CALL (k, actual) {
  MATCH (k)-[:HAS_OBSERVATION]->(t:Observation {kind: 'TARGET'})
  WHERE t.value IS NOT NULL
  WITH t, coalesce(actual.fiscalYearTo, actual.fiscalYear) AS actualYear, coalesce(t.fiscalYearTo, t.fiscalYear) AS targetYear
  RETURN t AS target
  ORDER BY CASE WHEN targetYear IS NULL THEN 2 WHEN actualYear IS NULL OR targetYear >= actualYear THEN 0 ELSE 1 END,
           CASE WHEN targetYear IS NULL THEN 0 WHEN actualYear IS NULL OR targetYear >= actualYear THEN targetYear ELSE -targetYear END
  LIMIT 1
}
RETURN k.key AS kpiKey, k.name AS kpi, k.direction AS direction,
       actual.valueText AS actual, actual.periodText AS actualPeriod, actual.value AS actualValue,
       target.valueText AS target, target.periodText AS targetPeriod, target.value AS targetValue,
       k.statusRule AS rule
ORDER BY kpiKey
