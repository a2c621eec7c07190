// Question (ja): ある組織（例：政策局）の内部組織を、階層とともに示す。
// Question (en): The organisation tree under one organisation (e.g. 政策局): every unit inside it (PART_OF), with its depth.
// Parameters: $orgKey — e.g. 'org-seisaku-kyoku'
// Returns:
//   orgKey — the unit's key (the organisation itself comes first, at depth 0)
//   name — the unit's name
//   kind — BUREAU, DIVISION or SECTION; null when no document says
//   depth — 0 for the organisation asked about, 1 for a unit directly inside it, and so on
//   parent — the name of the unit directly above; null at depth 0
// cypher-shell: :param orgKey => 'org-seisaku-kyoku'
MATCH path = (unit:Organization)-[:PART_OF*0..]->(:Organization {key: $orgKey})
RETURN unit.key AS orgKey, unit.name AS name, unit.kind AS kind, length(path) AS depth,
       CASE WHEN length(path) = 0 THEN null ELSE nodes(path)[1].name END AS parent
ORDER BY depth, parent, orgKey
