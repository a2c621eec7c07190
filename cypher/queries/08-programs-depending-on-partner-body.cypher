// Question (ja): ある政策連携団体（外郭団体）を通じて実施される事務事業はどれか。どの計画に掲載され、どの課が担当するか。
// Question (en): Which programs depend on one partner body (政策連携団体), in which plans, and which department runs them?
// Parameters: $partnerKey — e.g. 'pb-kitaq-international-association'
// Returns:
//   programKey — the program's key
//   program — the program's name
//   role — what the partner body does for the program, as the document says
//   plans — the plans whose measures list the program
//   runBy — the departments (担当課) or bureaus running the program; empty when no document says
// cypher-shell: :param partnerKey => 'pb-kitaq-international-association'
MATCH (:PartnerBody {key: $partnerKey})<-[w:WORKS_WITH]-(p:Program)
OPTIONAL MATCH (p)-[:LISTED_UNDER]->(:Measure)-[:IN_PLAN]->(plan:Plan)
OPTIONAL MATCH (p)-[:RUN_BY]->(o:Organization)
RETURN p.key AS programKey, p.name AS program, w.role AS role,
       collect(DISTINCT plan.name) AS plans, collect(DISTINCT o.name) AS runBy
ORDER BY programKey
