// Question (ja): ある計画の事務事業のうち、別の計画（例：総合戦略）の事務事業と同じ指標で評価されているものはどれか。明示的な継続関係（CONTINUES）があるかも示す。
// Question (en): Which programs of one plan are judged by an indicator that a program of another plan (e.g. the 総合戦略) was also judged by? Also says whether the graph records an explicit continuation (CONTINUES).
// Parameters: $planKey — e.g. 'plan-shin-vision'; $otherPlanKey — e.g. 'plan-sousei'
// No document states which 新ビジョン program continues which 総合戦略 program, so CONTINUES is empty in the curated
// dataset; this question therefore takes the KPI-based reading: a shared indicator links the two programs.
// Returns:
//   programKey — the program of $planKey
//   program — its name
//   kpiKey — the indicator both programs are judged by
//   kpi — its name
//   otherProgramKey — the program of $otherPlanKey judged by the same indicator
//   otherProgram — its name
//   continues — true when the graph also records CONTINUES between the two programs (either direction)
// cypher-shell: :param planKey => 'plan-shin-vision'
// cypher-shell: :param otherPlanKey => 'plan-sousei'
MATCH (:Plan {key: $planKey})<-[:IN_PLAN]-(:Measure)<-[:LISTED_UNDER]-(p:Program)-[:MEASURED_BY]->(k:Kpi),
      (k)<-[:MEASURED_BY]-(q:Program)-[:LISTED_UNDER]->(:Measure)-[:IN_PLAN]->(:Plan {key: $otherPlanKey})
WHERE p <> q
WITH DISTINCT p, k, q
RETURN p.key AS programKey, p.name AS program, k.key AS kpiKey, k.name AS kpi,
       q.key AS otherProgramKey, q.name AS otherProgram,
       EXISTS { (p)-[:CONTINUES]-(q) } AS continues
ORDER BY programKey, kpiKey, otherProgramKey
