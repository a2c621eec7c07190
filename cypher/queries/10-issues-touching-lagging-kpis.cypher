// Question (ja): ある局区X方針の課題のうち、実績値のない指標、または最新の実績値が目標に届いていない指標に関わるものはどれか。
// Question (en): Which policy issues of a bureau policy touch KPIs that have no actual, or whose latest actual is behind target?
// Parameters: $planKey — e.g. 'plan-xhoushin-r7'
// An issue touches a KPI when it concerns the KPI directly, or concerns a program measured by it.
// "No actual" and "behind target" follow the rules stated in 05-kpis-without-actual and 06-kpis-behind-target.
// Returns:
//   issueKey — the policy issue's key
//   area — its area (A, B, C)
//   number — its number within the area
//   title — its title
//   kpiKey — the KPI's key
//   kpi — the KPI's name
//   reason — NO_ACTUAL or BEHIND_TARGET
//   via — how the issue reaches the KPI: 'CONCERNS' (directly) and/or the names of the programs it concerns
// cypher-shell: :param planKey => 'plan-xhoushin-r7'
MATCH (:Plan {key: $planKey})<-[:OF_PLAN]-(i:PolicyIssue)
CALL (i) {
  MATCH (i)-[:CONCERNS]->(k:Kpi)
  RETURN k, 'CONCERNS' AS via
  UNION
  MATCH (i)-[:CONCERNS]->(p:Program)-[:MEASURED_BY]->(k:Kpi)
  RETURN k, p.name AS via
}
WITH i, k, collect(via) AS via
CALL (k) {
  OPTIONAL MATCH (k)-[:HAS_OBSERVATION]->(a:Observation {kind: 'ACTUAL'})
  WHERE a.value IS NOT NULL
  WITH k, a
  ORDER BY coalesce(a.fiscalYearTo, a.fiscalYear, -1) DESC, coalesce(a.month, '') DESC, coalesce(a.fiscalYear, -1) DESC
  WITH k, collect(a)[0] AS actual
  OPTIONAL MATCH (k)-[:HAS_OBSERVATION]->(t:Observation {kind: 'TARGET'})
  WHERE t.value IS NOT NULL AND actual IS NOT NULL
  WITH k, actual, t, coalesce(actual.fiscalYearTo, actual.fiscalYear) AS actualYear,
       coalesce(t.fiscalYearTo, t.fiscalYear) AS targetYear
  WITH k, actual, t,
       CASE WHEN targetYear IS NULL THEN 2 WHEN actualYear IS NULL OR targetYear >= actualYear THEN 0 ELSE 1 END AS rank,
       CASE WHEN targetYear IS NULL THEN 0 WHEN actualYear IS NULL OR targetYear >= actualYear THEN targetYear ELSE -targetYear END AS nearest
  ORDER BY rank, nearest
  WITH k, actual, collect(t)[0] AS target
  RETURN CASE
           WHEN actual IS NULL THEN 'NO_ACTUAL'
           WHEN target IS NULL THEN null
           WHEN target.qualitative = 'BELOW' AND actual.value >= target.value THEN 'BEHIND_TARGET'
           WHEN target.qualitative = 'BELOW' THEN null
           WHEN k.direction = 'LOWER_IS_BETTER' AND actual.value > target.value THEN 'BEHIND_TARGET'
           WHEN k.direction <> 'LOWER_IS_BETTER' AND actual.value < target.value THEN 'BEHIND_TARGET'
         END AS reason
}
WITH i, k, via, reason
WHERE reason IS NOT NULL
RETURN i.key AS issueKey, i.area AS area, i.number AS number, i.title AS title,
       k.key AS kpiKey, k.name AS kpi, reason, via
ORDER BY area, number, kpiKey
