// Question (ja): ある計画全体の、ある年度の予算額の合計はいくらか（再掲の事務事業は一度だけ数える）。
// Question (en): What is a whole plan's budget for a fiscal year, counting a program listed under two measures (再掲) once?
// Parameters: $planKey — e.g. 'plan-shin-vision'; $fiscalYear — e.g. 2026 (R8年度)
// Returns:
//   plan — the plan's name
//   programs — the number of distinct programs listed under the plan's measures
//   listings — the number of listings (rows of the document's table); more than programs when a program is 再掲
//   budgetedPrograms — the number of those programs with a budget for the fiscal year
//   totalYen — the sum of their budgets for the fiscal year, in yen, each program once
//   totalThousandYen — the same in 千円, as the documents write budgets
// cypher-shell: :param planKey => 'plan-shin-vision'
// cypher-shell: :param fiscalYear => 2026
MATCH (plan:Plan {key: $planKey})<-[:IN_PLAN]-(:Measure)<-[listing:LISTED_UNDER]-(p:Program)
WITH plan, p, count(listing) AS listings
OPTIONAL MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: $fiscalYear})
RETURN plan.name AS plan, count(p) AS programs, sum(listings) AS listings, count(b) AS budgetedPrograms,
       sum(b.amountYen) AS totalYen, sum(b.amountYen) / 1000 AS totalThousandYen
