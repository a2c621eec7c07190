// Question (ja): 名称・概要・課題の内容などに、ある語（部分語でも可、例：多文化）を含むものを全文検索する。
// Question (en): Full-text search over names, summaries and policy-issue texts for a word or part of one (e.g. 多文化).
// Parameters: $text — e.g. '多文化' (Lucene syntax: "…" for a phrase, AND/OR between words)
// The CJK analyzer indexes overlapping character bigrams, so 多文化 matches 多文 or 文化; the best matches come first.
// Returns:
//   label — the node's label (Program, Kpi, PolicyIssue …)
//   key — the node's key
//   name — its name, or its title for a policy issue
//   score — the full-text relevance score
// cypher-shell: :param text => '多文化'
CALL db.index.fulltext.queryNodes('policy_text', $text) YIELD node, score
RETURN labels(node)[0] AS label, node.key AS key, coalesce(node.name, node.title) AS name, score
ORDER BY score DESC, key
