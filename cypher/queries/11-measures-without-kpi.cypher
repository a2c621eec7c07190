// Question (ja): ある計画の施策のうち、成果指標（KPI）を一つも持たないものはどれか（下位の施策に掲載された事務事業の KPI も数える）。
// Question (en): Which measures of a plan have no KPI: no program listed under the measure or any of its sub-measures is measured by one?
// Parameters: $planKey — e.g. 'plan-sousei'
// In the curated dataset the answer is empty for both the 新ビジョン and the 総合戦略: every measure has at least one
// program with a KPI (関門海峡都市・観光まちびらき連携事業（地方創生推進） has none, but shares its ⇒ with 関門地域魅力向上事業, which has one).
// Returns:
//   measureKey — the measure's key
//   label — the document's numbering of the measure (①, ⇒, (i))
//   measure — the measure's name
//   partOf — the measure it belongs to, if it is a sub-measure
//   programs — the programs listed directly under it (none of which has a KPI)
// cypher-shell: :param planKey => 'plan-sousei'
MATCH (:Plan {key: $planKey})<-[:IN_PLAN]-(m:Measure)
WHERE NOT EXISTS { (m)<-[:PART_OF*0..]-(:Measure)<-[:LISTED_UNDER]-(:Program)-[:MEASURED_BY]->(:Kpi) }
OPTIONAL MATCH (m)-[:PART_OF]->(parent:Measure)
OPTIONAL MATCH (m)<-[:LISTED_UNDER]-(p:Program)
RETURN m.key AS measureKey, m.label AS label, m.name AS measure, parent.name AS partOf, collect(p.name) AS programs
ORDER BY measureKey
