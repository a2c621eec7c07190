// Question (ja): ある事務事業・団体・柱・指標などについて、どの局区X方針のどの課題が取り上げているか。
// Question (en): Which policy issues (課題), of which bureau policy, concern a given program, partner body, pillar, KPI or organisation?
// Parameters: $key — e.g. 'pb-kitaq-international-association' (any node's key)
// Returns:
//   issueKey — the policy issue's key
//   fiscalYear — the fiscal year of its bureau policy
//   area — its area (A, B, C)
//   number — its number within the area
//   title — its title
//   section — where the bureau policy says the issue concerns the node
// cypher-shell: :param key => 'pb-kitaq-international-association'
MATCH (i:PolicyIssue)-[c:CONCERNS]->({key: $key})
RETURN i.key AS issueKey, i.fiscalYear AS fiscalYear, i.area AS area, i.number AS number, i.title AS title,
       c.section AS section
ORDER BY fiscalYear DESC, area, number
