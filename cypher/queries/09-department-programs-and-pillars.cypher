// Question (ja): ある課（または局・部）が担当する事務事業と、それらが貢献する柱はどれか（配下の組織が担当するものを含む）。
// Question (en): What does a department (課) run, and which pillars do those programs serve? Units inside it (PART_OF) count too.
// Parameters: $orgKey — e.g. 'org-kokusai-seisaku-ka'
// Returns:
//   programKey — the program's key
//   program — the program's name
//   runBy — the unit that runs it (the department itself or a unit inside it)
//   pillars — the pillars the program serves through its measures (and their parent measures), in plan order
// cypher-shell: :param orgKey => 'org-kokusai-seisaku-ka'
MATCH (:Organization {key: $orgKey})<-[:PART_OF*0..]-(unit:Organization)<-[:RUN_BY]-(p:Program)
OPTIONAL MATCH (p)-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(:Measure)-[:UNDER]->(pillar:Pillar)
WITH unit, p, pillar
ORDER BY pillar.ordinal
RETURN p.key AS programKey, p.name AS program, unit.name AS runBy, collect(DISTINCT pillar.name) AS pillars
ORDER BY programKey
