// Question (ja): ある柱の、ある年度の予算額の合計はいくらか（再掲で二つの施策に掲載された事務事業は一度だけ数える）。
// Question (en): What is a pillar's budget for a fiscal year, counting a program listed under two measures (再掲) once?
// Parameters: $pillarKey — e.g. 'pil-sv-2'; $fiscalYear — e.g. 2026 (R8年度)
// Returns:
//   pillar — the pillar's name
//   programs — the number of distinct programs under the pillar (through its measures and sub-measures)
//   listings — the number of listings of those programs under the pillar's measures (a 再掲 adds one)
//   budgetedPrograms — the number of those programs with a budget for the fiscal year
//   totalYen — the sum of their budgets for the fiscal year, in yen, each program once
//   totalThousandYen — the same in 千円, as the documents write budgets
//   breakdown — each budgeted program with its budget as the document writes it
// cypher-shell: :param pillarKey => 'pil-sv-2'
// cypher-shell: :param fiscalYear => 2026
MATCH (pillar:Pillar {key: $pillarKey})<-[:UNDER]-(:Measure)<-[:PART_OF*0..]-(:Measure)<-[listing:LISTED_UNDER]-(p:Program)
WITH pillar, p, count(listing) AS listings
OPTIONAL MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: $fiscalYear})
WITH pillar, p, listings, b
ORDER BY p.key
RETURN pillar.name AS pillar, count(p) AS programs, sum(listings) AS listings, count(b) AS budgetedPrograms,
       sum(b.amountYen) AS totalYen, sum(b.amountYen) / 1000 AS totalThousandYen,
       collect(CASE WHEN b IS NOT NULL THEN {program: p.name, budget: b.text} END) AS breakdown
