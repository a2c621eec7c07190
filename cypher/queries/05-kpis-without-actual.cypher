// Question (ja): ある計画の成果指標（KPI）のうち、実績値が一つもないものはどれか（「－」「調査中」のみのものを含む）。
// Question (en): Which KPIs of a plan have no actual figure at all (including those whose actuals are only '－' or '調査中')?
// Parameters: $planKey — e.g. 'plan-sousei'
// A plan's KPIs: those of the programs listed under its measures, the DX figures its themes report (REPORTS_ON), and,
// for a bureau policy, those its policy issues concern. "No actual" = no ACTUAL observation with a numeric value.
// Returns:
//   kpiKey — the KPI's key
//   kpi — the KPI's name
//   actualTexts — what the documents wrote where an actual would be ('H28 調査中', 'H27 －' …), by fiscal year; empty when nothing
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
WHERE NOT EXISTS { (k)-[:HAS_OBSERVATION]->(a:Observation {kind: 'ACTUAL'}) WHERE a.value IS NOT NULL }
OPTIONAL MATCH (k)-[:HAS_OBSERVATION]->(a:Observation {kind: 'ACTUAL'})
WITH k, a
ORDER BY a.fiscalYear, a.month
RETURN k.key AS kpiKey, k.name AS kpi, collect(a.text) AS actualTexts
ORDER BY kpiKey
