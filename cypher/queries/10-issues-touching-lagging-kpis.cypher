// Question (ja): ある局区X方針の課題のうち、実績値のない指標、または最新の実績値が目標に届いていない指標に関わるものはどれか。
// Question (en): Which policy issues of a bureau policy touch KPIs that have no actual, or whose latest actual is behind target?
// Parameters: $planKey — e.g. 'plan-xhoushin-r7'
// An issue touches a KPI when it concerns the KPI directly, or concerns a program measured by it.
// "No actual" follows 05-kpis-without-actual; "behind target" is the status OFF_TRACK the API answers, kept on each KPI
// (see 06-kpis-behind-target and docs/KPI_STATUS.md).
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
WITH i, k, via,
     CASE
       WHEN NOT EXISTS { MATCH (k)-[:HAS_OBSERVATION]->(a:Observation {kind: 'ACTUAL'}) WHERE a.value IS NOT NULL }
         THEN 'NO_ACTUAL'
       WHEN k.status = 'OFF_TRACK' THEN 'BEHIND_TARGET'
     END AS reason
WITH i, k, via, reason
WHERE reason IS NOT NULL
RETURN i.key AS issueKey, i.area AS area, i.number AS number, i.title AS title,
       k.key AS kpiKey, k.name AS kpi, reason, via
ORDER BY area, number, kpiKey
