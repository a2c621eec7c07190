package org.policygraph.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.GraphFingerprint;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * upsertRows writes rows of any table as a merged upload of them does, and refuses them
 * as it does: each problem with its table, row, column and the import's code, and nothing
 * written. Also the links of the tables of relationships that link now writes
 * (organization parents, indicator pillars, continuations). Against the packaged dataset.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowsMutationIT {

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	Driver driver;

	HttpGraphQlTester editor;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		this.editor = as(TestTokens.editor("officer-kimura"));
	}

	HttpGraphQlTester as(String token) {
		return this.anonymous.mutate().header("Authorization", "Bearer " + token).build();
	}

	@Test
	void aRowOfATableNoTypedMutationWritesIsCleanedWrittenAndRecordedAsTheImportDoes() {
		// the note's text has the spaces PDF extraction puts inside Japanese
		// (data/README.md
		// line 13: 国際 政策 課 → 国際政策課); the import removes them from a note's text
		GraphQlTester.Response written = upsertRows("notes",
				List.of(row("target_type", "Program", "target_key", "prog-megaregion", "topic", "test-note", "text",
						"国際 政策 課", "source_id", "shin-vision-r8-programs", "section", "Ⅰ/No.1")));
		written.path("upsertRows.succeeded").entity(Boolean.class).isEqualTo(true);
		written.path("upsertRows.mode").entity(String.class).isEqualTo("MERGE");
		written.path("upsertRows.files").entityList(String.class).containsExactly("notes");
		written.path("upsertRows.tables[0].added").entity(Integer.class).isEqualTo(1);
		written.path("upsertRows.tables[0].changes[0].row").entity(Integer.class).isEqualTo(1);
		String runId = written.path("upsertRows.id").entity(String.class).get();

		assertThat(count("MATCH (:Program {key: 'prog-megaregion'})-[:HAS_NOTE]->(n:Note {topic: 'test-note'}) "
				+ "WHERE n.text = '国際政策課' RETURN count(n)"))
			.isOne();
		assertThat(count("MATCH (c:Change {id: '" + runId + "', operation: 'upsertRows'}) "
				+ "WHERE c.actor STARTS WITH 'officer-kimura@' AND c.report IS NOT NULL RETURN count(c)"))
			.isOne();
		this.editor.documentName("import-run")
			.variable("id", runId)
			.execute()
			.path("importRun.succeeded")
			.entity(Boolean.class)
			.isEqualTo(true);

		// the same row again changes nothing
		upsertRows("notes",
				List.of(row("target_type", "Program", "target_key", "prog-megaregion", "topic", "test-note", "text",
						"国際政策課", "source_id", "shin-vision-r8-programs", "section", "Ⅰ/No.1")))
			.path("upsertRows.tables[0].unchanged")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void aDryRunSaysWhatTheRowsWouldDoAndWritesNothing() {
		List<String> before = GraphFingerprint.of(this.driver);
		GraphQlTester.Response dry = this.editor.documentName("upsert-rows")
			.variable("input",
					Map.of("table", "kpi_pillars", "dryRun", true, "rows",
							List.of(row("kpi_key", "kpi-tabunka-awareness", "pillar_key", "pil-dx-01", "source_id",
									"kitaq-dx-r6", "section", "01"))))
			.execute();
		dry.path("upsertRows.dryRun").entity(Boolean.class).isEqualTo(true);
		dry.path("upsertRows.tables[0].added").entity(Integer.class).isEqualTo(1);
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(before);
	}

	@Test
	void anUnknownTableIsNotATableOfTheSchema() {
		List<String> before = GraphFingerprint.of(this.driver);
		this.editor.documentName("upsert-rows")
			.variable("input",
					Map.of("table", "organisation_parents", "rows",
							List.of(row("org_key", "org-somu-bu", "parent_org_key", "org-seisaku-kyoku"))))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == graphql.ErrorType.ValidationError
					&& error.getMessage().contains("organisation_parents"))
			.verify();
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(before);
	}

	@Test
	void anUnknownColumnIsRefusedAtItsRowAndNoRowIsWritten() {
		List<String> before = GraphFingerprint.of(this.driver);
		Map<String, Object> problem = refused("organization_parents",
				List.of(row("org_key", "org-kokusai-seisaku-ka", "parent_org_key", "org-seisaku-kyoku", "source_id",
						"x-houshin-r7", "section", "2"),
						row("org_key", "org-somu-bu", "parent_key", "org-seisaku-kyoku", "source_id", "x-houshin-r7",
								"section", "2")));
		assertThat(problem).containsEntry("table", "organization_parents")
			.containsEntry("row", 2)
			.containsEntry("column", "parent_key")
			.containsEntry("code", "UNKNOWN_COLUMN")
			.containsEntry("field", "input.rows[1].parent_key");
		assertThat((String) problem.get("message")).contains("'parent_key' is not a column of organization_parents");
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(before);
	}

	@Test
	void aValueTheImportRefusesIsRefusedWithTheImportsCodeAndMessage() {
		List<String> before = GraphFingerprint.of(this.driver);
		Map<String, Object> problem = refused("organizations", List.of(row("org_key", "org-test-town", "name", "試験町",
				"kind", "TOWN", "source_id", "x-houshin-r7", "section", "2")));
		assertThat(problem).containsEntry("row", 1).containsEntry("column", "kind").containsEntry("code", "BAD_VALUE");
		assertThat((String) problem.get("message")).startsWith("'TOWN' is not one of [");
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(before);
	}

	@Test
	void anUnknownReferenceRefusesEveryRowSentWithIt() {
		List<String> before = GraphFingerprint.of(this.driver);
		Map<String, Object> problem = refused("kpi_pillars",
				List.of(row("kpi_key", "kpi-tabunka-awareness", "pillar_key", "pil-sv-2", "source_id",
						"shin-vision-r8-programs", "section", "Ⅱ/No.7"),
						row("kpi_key", "kpi-tabunka-awareness", "pillar_key", "pil-nowhere", "source_id",
								"shin-vision-r8-programs", "section", "Ⅱ/No.7")));
		assertThat(problem).containsEntry("table", "kpi_pillars")
			.containsEntry("row", 2)
			.containsEntry("column", "pillar_key")
			.containsEntry("code", "UNKNOWN_REFERENCE");
		assertThat((String) problem.get("message"))
			.isEqualTo("'pil-nowhere' is not a key of pillars, neither in the upload nor in the graph");
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(before);
	}

	@Test
	void upsertRowsNeedsAnEditor() {
		Map<String, Object> input = Map.of("table", "kpi_pillars", "rows",
				List.of(row("kpi_key", "kpi-tabunka-awareness", "pillar_key", "pil-sv-2", "source_id",
						"shin-vision-r8-programs", "section", "1")));
		this.anonymous.documentName("upsert-rows")
			.variable("input", input)
			.execute()
			.errors()
			.expect(error -> "UNAUTHORIZED".equals(error.getExtensions().get("code")))
			.verify();
		as(TestTokens.reader("reader-ono")).documentName("upsert-rows")
			.variable("input", input)
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
	}

	/**
	 * organization_parents.csv: org-somu-bu is part of org-seisaku-kyoku; the bureau
	 * cannot then be part of its division.
	 */
	@Test
	void anOrganizationParentIsALinkAndACycleIsRefused() {
		List<String> before = GraphFingerprint.of(this.driver);
		this.editor.documentName("link")
			.variable("input", link("ORGANIZATION_PARENT", "org-seisaku-kyoku", "org-somu-bu"))
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getExtensions().get("code"))
					&& "input.toId".equals(error.getExtensions().get("field"))
					&& error.getMessage().contains("org-seisaku-kyoku → org-somu-bu → org-seisaku-kyoku"))
			.verify();
		assertThat(GraphFingerprint.of(this.driver)).isEqualTo(before);
	}

	@Test
	void anIndicatorReportsOnAPillarByLinkAndUnlink() {
		Map<String, Object> input = link("KPI_PILLAR", "kpi-tabunka-awareness", "pil-dx-02");
		this.editor.documentName("link")
			.variable("input", input)
			.execute()
			.path("link.changed")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(count("MATCH (:Kpi {key: 'kpi-tabunka-awareness'})-[r:REPORTS_ON]->(:Pillar {key: 'pil-dx-02'}) "
				+ "RETURN count(r)"))
			.isOne();
		this.editor.document("mutation($input: UnlinkInput!) { unlink(input: $input) { changed } }")
			.variable("input",
					Map.of("type", "KPI_PILLAR", "fromId", "kpi-tabunka-awareness", "toId", "pil-dx-02", "source",
							input.get("source")))
			.execute()
			.path("unlink.changed")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(count("MATCH (:Kpi {key: 'kpi-tabunka-awareness'})-[r:REPORTS_ON]->(:Pillar {key: 'pil-dx-02'}) "
				+ "RETURN count(r)"))
			.isZero();
	}

	@Test
	void aContinuationIsALinkThatNeedsItsEvidenceAndKeepsItsBasis() {
		Map<String, Object> input = link("PROGRAM_CONTINUATION", "prog-shin-jidai", "prog-womans-choice");
		this.editor.documentName("link")
			.variable("input", input)
			.execute()
			.errors()
			.expect(error -> "REQUIRED".equals(error.getExtensions().get("code"))
					&& "input.evidence".equals(error.getExtensions().get("field")))
			.verify();
		input.put("basis", "試験");
		input.put("evidence", "試験の文");
		this.editor.documentName("link")
			.variable("input", input)
			.execute()
			.path("link.changed")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(
				count("MATCH (:Program {key: 'prog-shin-jidai'})-[r:CONTINUES]->(:Program {key: 'prog-womans-choice'}) "
						+ "WHERE r.basis = '試験' AND r.evidence = '試験の文' RETURN count(r)"))
			.isOne();
		this.editor.documentName("link")
			.variable("input", link("PROGRAM_CONTINUATION", "prog-womans-choice", "prog-shin-jidai"))
			.execute()
			.errors()
			.expect(error -> "REQUIRED".equals(error.getExtensions().get("code")))
			.verify();
		Map<String, Object> back = link("PROGRAM_CONTINUATION", "prog-womans-choice", "prog-shin-jidai");
		back.put("evidence", "試験の文");
		this.editor.documentName("link")
			.variable("input", back)
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getExtensions().get("code")))
			.verify();
	}

	GraphQlTester.Response upsertRows(String table, List<List<Map<String, String>>> rows) {
		return this.editor.documentName("upsert-rows")
			.variable("input", Map.of("table", table, "rows", rows))
			.execute();
	}

	/** The one problem of refused rows, after checking the error around it. */
	@SuppressWarnings("unchecked")
	Map<String, Object> refused(String table, List<List<Map<String, String>>> rows) {
		ResponseError[] refused = new ResponseError[1];
		upsertRows(table, rows).errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			refused[0] = errors.getFirst();
		});
		ResponseError error = refused[0];
		assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
		assertThat(error.getExtensions()).containsEntry("code", "IMPORT_INVALID");
		assertThat(error.getMessage()).contains("nothing was written");
		List<Map<String, Object>> problems = (List<Map<String, Object>>) error.getExtensions().get("problems");
		assertThat(problems).hasSize(1);
		assertThat(error.getExtensions()).containsEntry("field", problems.getFirst().get("field"));
		return problems.getFirst();
	}

	static List<Map<String, String>> row(String... columnsAndValues) {
		List<Map<String, String>> cells = new ArrayList<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			cells.add(Map.of("column", columnsAndValues[i], "value", columnsAndValues[i + 1]));
		}
		return cells;
	}

	static Map<String, Object> link(String type, String fromId, String toId) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("type", type);
		input.put("fromId", fromId);
		input.put("toId", toId);
		input.put("source", Map.of("sourceId", "x-houshin-r7", "section", "2"));
		return input;
	}

	long count(String cypher) {
		try (var session = this.driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

}
