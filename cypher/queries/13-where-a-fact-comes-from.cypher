// Question (ja): あるノード（事務事業・指標・団体など）は、どの資料のどの箇所に記載されているか。
// Question (en): Where does a fact come from: every document and section that states a node (every CITED_IN)?
// Parameters: $key — e.g. 'pb-kitaq-international-association' (any node's key)
// Returns:
//   label — the node's label (Program, Kpi, PartnerBody …)
//   sourceId — the source document's id
//   source — the source document's title
//   file — the document's file in shared/seeds/
//   section — where in that document
//   firstStatement — true for the place the node was first taken from (its own sourceId)
// cypher-shell: :param key => 'pb-kitaq-international-association'
MATCH (n {key: $key})-[c:CITED_IN]->(s:Source)
RETURN labels(n)[0] AS label, s.key AS sourceId, s.title AS source, s.file AS file, c.section AS section,
       s.key = n.sourceId AS firstStatement
ORDER BY firstStatement DESC, sourceId, section
