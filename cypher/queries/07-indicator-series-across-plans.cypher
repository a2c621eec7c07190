// Question (ja): ある指標の基準値・目標値・実績値を、計画をまたいで年度順に、出典とともに並べる。
// Question (en): An indicator's series across plans: its baselines, targets and actuals ordered by fiscal year, each with its source.
// Parameters: $kpiKey — e.g. 'kpi-tabunka-awareness'
// Observations without a fiscal year (a figure the document gives undated) come last.
// Returns:
//   fiscalYear — the (first) fiscal year of the observation's period
//   periodText — the period as the document writes it (H28, R10年度まで …)
//   kind — BASELINE, TARGET or ACTUAL
//   targetType — ANNUAL, MID_TERM or CUMULATIVE for a target, else null
//   value — the value in base units; null for a qualitative cell
//   valueText — the figure as the document writes it
//   text — the document's words for the cell
//   sourceId — the source document's id
//   source — the source document's title
//   section — where in that document
// cypher-shell: :param kpiKey => 'kpi-tabunka-awareness'
MATCH (:Kpi {key: $kpiKey})-[:HAS_OBSERVATION]->(o:Observation)-[c:CITED_IN]->(s:Source)
RETURN o.fiscalYear AS fiscalYear, o.periodText AS periodText, o.kind AS kind, o.targetType AS targetType,
       o.value AS value, o.valueText AS valueText, o.text AS text,
       s.key AS sourceId, s.title AS source, c.section AS section
ORDER BY fiscalYear, o.month, CASE kind WHEN 'BASELINE' THEN 0 WHEN 'ACTUAL' THEN 1 ELSE 2 END, sourceId
