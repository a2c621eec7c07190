// Question (ja): ある計画の各柱（基本目標・テーマ）には、どの成果指標（KPI）が貢献しているか。主な施策（下位の施策を含む）→ 事務事業 → KPI の経路と、DXダッシュボードの指標（REPORTS_ON）を合わせて示す。
// Question (en): Which KPIs serve each pillar of a plan: pillar → measure (including its sub-measures) → program → KPI, plus the DX dashboard figures a theme reports directly?
// Parameters: $planKey — e.g. 'plan-shin-vision'
// Returns:
//   pillarKey — the pillar's key
//   pillarLabel — the document's numbering of the pillar (Ⅰ, Ⅱ, 01 …)
//   pillarName — the pillar's name
//   kpiKey — the KPI's key
//   kpi — the KPI's name
//   programs — the programs (事務事業) through which the KPI serves the pillar; empty for a DX figure shown under the theme
//   reportsOn — true when the KPI is a DX dashboard figure shown directly under the pillar (REPORTS_ON)
// cypher-shell: :param planKey => 'plan-shin-vision'
MATCH (:Plan {key: $planKey})-[:HAS_PILLAR]->(pillar:Pillar)
CALL (pillar) {
  MATCH (pillar)<-[:UNDER]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(p:Program)-[:MEASURED_BY]->(k:Kpi)
  RETURN k, p.name AS program
  UNION
  MATCH (pillar)<-[:REPORTS_ON]-(k:Kpi)
  RETURN k, null AS program
}
WITH pillar, k, collect(DISTINCT program) AS programs
RETURN pillar.key AS pillarKey, pillar.label AS pillarLabel, pillar.name AS pillarName,
       k.key AS kpiKey, k.name AS kpi, programs,
       EXISTS { (k)-[:REPORTS_ON]->(pillar) } AS reportsOn
ORDER BY pillar.ordinal, kpiKey
