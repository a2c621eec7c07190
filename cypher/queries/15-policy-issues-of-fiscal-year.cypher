// Question (ja): ある年度の局区X方針に掲げられた課題と、その進捗状況の時点はどれか。
// Question (en): The policy issues (課題) of a fiscal year's bureau policy, with the date their progress was reported at.
// Parameters: $fiscalYear — e.g. 2025 (令和7年度)
// Returns:
//   issueKey — the policy issue's key
//   area — its area (A, B, C)
//   number — its number within the area
//   title — its title
//   policyField — its policy field (政策分野), when the document gives one
//   plan — the bureau policy it belongs to
//   progressAsOf — the month the progress is reported at (yyyy-MM)
//   progressAsOfText — the same as the document writes it (R7.12, R6.11末)
// cypher-shell: :param fiscalYear => 2025
MATCH (i:PolicyIssue {fiscalYear: $fiscalYear})-[:OF_PLAN]->(plan:Plan)
RETURN i.key AS issueKey, i.area AS area, i.number AS number, i.title AS title, i.policyField AS policyField,
       plan.name AS plan, i.progressAsOf AS progressAsOf, i.progressAsOfText AS progressAsOfText
ORDER BY area, number
