// PolicyGraph schema: every constraint and index, applied at start-up in both run modes.
// Each statement is idempotent (IF NOT EXISTS) and ends with a semicolon.

// One node per real-world thing: each node type has a unique, stable key.
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT plan_key IF NOT EXISTS FOR (n:Plan) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT pillar_key IF NOT EXISTS FOR (n:Pillar) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT measure_key IF NOT EXISTS FOR (n:Measure) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT program_key IF NOT EXISTS FOR (n:Program) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT partner_body_key IF NOT EXISTS FOR (n:PartnerBody) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT facility_key IF NOT EXISTS FOR (n:Facility) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT kpi_key IF NOT EXISTS FOR (n:Kpi) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT observation_key IF NOT EXISTS FOR (n:Observation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT budget_key IF NOT EXISTS FOR (n:Budget) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT policy_issue_key IF NOT EXISTS FOR (n:PolicyIssue) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT bureau_fact_key IF NOT EXISTS FOR (n:BureauFact) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT unit_key IF NOT EXISTS FOR (n:Unit) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT note_key IF NOT EXISTS FOR (n:Note) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (n:Alias) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT milestone_key IF NOT EXISTS FOR (n:Milestone) REQUIRE n.key IS UNIQUE;

// Lookups the API filters on.
CREATE INDEX observation_fiscal_year IF NOT EXISTS FOR (n:Observation) ON (n.fiscalYear);
CREATE INDEX budget_fiscal_year IF NOT EXISTS FOR (n:Budget) ON (n.fiscalYear);
CREATE INDEX policy_issue_fiscal_year IF NOT EXISTS FOR (n:PolicyIssue) ON (n.fiscalYear);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);

// Full-text search over names and texts. The CJK analyzer indexes overlapping character bigrams, so a
// partial Japanese word (多文化, 若者) finds the names and texts that contain it. searchName (names and aliases)
// and searchText (summaries, contents, methods, a milestone's text) are the same words folded by model/SearchText (NFKC, katakana
// as hiragana, lower case), as the API folds a query, so スマラク finds スマらく; the analyzer folds width and case
// but not kana. The document's own fields stay indexed for queries written by hand (cypher/queries/14).
// An index of this name made over other properties or labels (a store written before searchName or milestones
// existed) is made again at start-up (GraphSchema compares both).
CREATE FULLTEXT INDEX policy_text IF NOT EXISTS
FOR (n:Plan|Pillar|Measure|Program|Kpi|Organization|PartnerBody|Facility|PolicyIssue|Milestone)
ON EACH [n.name, n.nameEn, n.summary, n.title, n.content, n.outcome, n.searchName, n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// History: change records, retired nodes (kept under :Retired with the key they had) and scheduled retirements.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX retired_key IF NOT EXISTS FOR (n:Retired) ON (n.key);
CREATE INDEX superseded_observation_key IF NOT EXISTS FOR (n:SupersededObservation) ON (n.key);
CREATE INDEX superseded_budget_key IF NOT EXISTS FOR (n:SupersededBudget) ON (n.key);
CREATE INDEX listed_under_retires_on IF NOT EXISTS FOR ()-[r:LISTED_UNDER]-() ON (r.retiresOn);
CREATE INDEX measured_by_retires_on IF NOT EXISTS FOR ()-[r:MEASURED_BY]-() ON (r.retiresOn);
CREATE INDEX run_by_retires_on IF NOT EXISTS FOR ()-[r:RUN_BY]-() ON (r.retiresOn);
CREATE INDEX works_with_retires_on IF NOT EXISTS FOR ()-[r:WORKS_WITH]-() ON (r.retiresOn);
CREATE INDEX under_retires_on IF NOT EXISTS FOR ()-[r:UNDER]-() ON (r.retiresOn);
CREATE INDEX concerns_retires_on IF NOT EXISTS FOR ()-[r:CONCERNS]-() ON (r.retiresOn);
