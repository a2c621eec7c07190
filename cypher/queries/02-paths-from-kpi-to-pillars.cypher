// Question (ja): ある成果指標（KPI）から、どの計画のどの柱へ、どの事務事業・施策を経由してつながっているか（すべての経路）。
// Question (en): Every path from one KPI to the pillars it serves, in every plan, with the programs and measures on the way.
// Parameters: $kpiKey — e.g. 'kpi-tabunka-awareness'
// Returns:
//   planKey — the plan the pillar belongs to
//   pillarKey — the pillar reached
//   pillarName — the pillar's name
//   link — MEASURED_BY (through a program and its measures) or REPORTS_ON (a DX figure shown under the theme)
//   steps — the names along the path, from the KPI to the pillar (KPI, program, measure, parent measures …, pillar)
//   reposted — whether the program's listing on this path is a 再掲 (repeated) listing; null for REPORTS_ON
// cypher-shell: :param kpiKey => 'kpi-tabunka-awareness'
MATCH (k:Kpi {key: $kpiKey})
CALL (k) {
  MATCH path = (k)<-[:MEASURED_BY]-(:Program)-[listing:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar:Pillar)
  RETURN pillar, 'MEASURED_BY' AS link, [n IN nodes(path) | n.name] AS steps, listing.reposted AS reposted
  UNION
  MATCH path = (k)-[:REPORTS_ON]->(pillar:Pillar)
  RETURN pillar, 'REPORTS_ON' AS link, [n IN nodes(path) | n.name] AS steps, null AS reposted
}
MATCH (plan:Plan)-[:HAS_PILLAR]->(pillar)
RETURN plan.key AS planKey, pillar.key AS pillarKey, pillar.name AS pillarName, link, steps, reposted
ORDER BY planKey, pillar.ordinal, size(steps), reposted
