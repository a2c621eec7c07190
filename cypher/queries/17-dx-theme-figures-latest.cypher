// Question (ja): DX推進計画のあるテーマ（例：06 データの利活用）に示された指標と、その最新の値・目標はどれか。
// Question (en): A DX theme's dashboard figures (REPORTS_ON) with their latest values and any targets.
// Parameters: $pillarKey — e.g. 'pil-dx-06' (a theme of plan-dx)
// Latest value = the ACTUAL with a numeric value whose period ends last (then the later month, then the shorter
// period: 'R6年度採用 3名' rather than '11名採用 (R4～6年度)').
// Returns:
//   theme — the theme's name
//   goal — the theme's goal for R9 (【R9に向けた目標】)
//   kpiKey — the figure's key
//   figure — the figure's name
//   latestValue — its latest value as the document writes it; null when it has none
//   latestPeriod — the period of that value as the document writes it (R7.3末, R6 …)
//   latestBaseValue — the latest value in base units
//   targets — the figure's targets as the document words them; empty when it has none
// cypher-shell: :param pillarKey => 'pil-dx-06'
MATCH (theme:Pillar {key: $pillarKey})<-[:REPORTS_ON]-(k:Kpi)
OPTIONAL MATCH (k)-[:HAS_OBSERVATION]->(a:Observation {kind: 'ACTUAL'})
WHERE a.value IS NOT NULL
WITH theme, k, a
ORDER BY coalesce(a.fiscalYearTo, a.fiscalYear, -1) DESC, coalesce(a.month, '') DESC, coalesce(a.fiscalYear, -1) DESC
WITH theme, k, collect(a)[0] AS latest
OPTIONAL MATCH (k)-[:HAS_OBSERVATION]->(t:Observation {kind: 'TARGET'})
WITH theme, k, latest, collect(t.text) AS targets
RETURN theme.name AS theme, theme.goal AS goal, k.key AS kpiKey, k.name AS figure,
       latest.valueText AS latestValue, latest.periodText AS latestPeriod, latest.value AS latestBaseValue, targets
ORDER BY kpiKey
