package org.policygraph.edit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upserts, links, retirements and their change records, against the Kitakyushu dataset.
 * Each test works on ids of its own, so they do not depend on each other's order.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationsIT {

	static final Map<String, String> SOURCE = Map.of("sourceId", "shin-vision-r8-programs", "section", "Ⅰ/No.1");

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	Driver driver;

	@Autowired
	Retirements retirements;

	HttpGraphQlTester editor;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		this.editor = as(TestTokens.editor("officer-tanaka"));
	}

	HttpGraphQlTester as(String token) {
		return this.anonymous.mutate().header("Authorization", "Bearer " + token).build();
	}

	@Test
	void anUpsertCreatesThenUpdatesThenChangesNothingAndHistoryShowsEachChangeNewestFirst() {
		GraphQlTester.Response created = upsertProgram("prog-test-lifecycle", "試験事業", null);
		created.path("upsertProgram.created").entity(Boolean.class).isEqualTo(true);
		created.path("upsertProgram.changed").entity(Boolean.class).isEqualTo(true);
		created.path("upsertProgram.node.name").entity(String.class).isEqualTo("試験事業");
		created.path("upsertProgram.change.actor")
			.entity(String.class)
			.isEqualTo("officer-tanaka@" + TestTokens.ISSUER);
		created.path("upsertProgram.change.source.sourceId").entity(String.class).isEqualTo("shin-vision-r8-programs");

		GraphQlTester.Response updated = upsertProgram("prog-test-lifecycle", null, "A test program");
		updated.path("upsertProgram.created").entity(Boolean.class).isEqualTo(false);
		updated.path("upsertProgram.changed").entity(Boolean.class).isEqualTo(true);
		updated.path("upsertProgram.node.name").entity(String.class).isEqualTo("試験事業");
		updated.path("upsertProgram.node.nameEn").entity(String.class).isEqualTo("A test program");

		GraphQlTester.Response same = upsertProgram("prog-test-lifecycle", "試験事業", "A test program");
		same.path("upsertProgram.changed").entity(Boolean.class).isEqualTo(false);
		same.path("upsertProgram.change").valueIsNull();

		GraphQlTester.Response history = this.anonymous.documentName("history")
			.variable("id", "prog-test-lifecycle")
			.execute();
		history.path("history[*].action").entityList(String.class).containsExactly("UPDATED", "CREATED");
		history.path("history[0].fields[*].field").entityList(String.class).containsExactly("nameEn");
		history.path("history[0].fields[0].before").valueIsNull();
		history.path("history[0].fields[0].after").entity(String.class).isEqualTo("\"A test program\"");
		history.path("history[1].change.operation").entity(String.class).isEqualTo("upsertProgram");
	}

	@Test
	void aNewNodeWithoutItsRequiredFieldsIsRefusedNamingEachFieldAndNothingIsWritten() {
		this.editor.documentName("upsert-pillar")
			.variable("input", Map.of("id", "pil-test-incomplete", "source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "REQUIRED".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("input.name") && error.getMessage().contains("input.ordinal")
					&& error.getMessage().contains("input.planId"))
			.verify();
		assertThat(count("MATCH (n {key: 'pil-test-incomplete'}) RETURN count(n)")).isZero();
		assertThat(count("MATCH (c:Change)-[:CHANGED]->(n {key: 'pil-test-incomplete'}) RETURN count(c)")).isZero();
	}

	@Test
	void malformedFieldsAreRefusedBeforeTheDatabaseWithTheirFieldAndCode() {
		this.editor.documentName("upsert-program")
			.variable("input", Map.of("id", "Prog With Spaces", "name", " ", "source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "BAD_VALUE".equals(error.getExtensions().get("code"))
					&& "input.id".equals(error.getExtensions().get("field"))
					&& error.getMessage().contains("input.name: must not be blank"))
			.verify();
	}

	@Test
	void anUnknownSourceDocumentIsRefused() {
		this.editor.documentName("upsert-program")
			.variable("input",
					Map.of("id", "prog-test-unsourced", "name", "出典なし", "source",
							Map.of("sourceId", "no-such-document", "section", "1")))
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& "input.source.sourceId".equals(error.getExtensions().get("field")))
			.verify();
		assertThat(count("MATCH (n:Program {key: 'prog-test-unsourced'}) RETURN count(n)")).isZero();
	}

	@Test
	void anIdTakenByAnotherKindOfNodeIsAConflict() {
		// kpi-tabunka-awareness is an indicator (data/kpis.csv); it cannot also be a
		// program
		this.editor.documentName("upsert-program")
			.variable("input", Map.of("id", "kpi-tabunka-awareness", "name", "二重", "source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(count("MATCH (n:Program {key: 'kpi-tabunka-awareness'}) RETURN count(n)")).isZero();
	}

	@Test
	void aKpiUnitMustBeOneOfTheGraphsUnits() {
		this.editor
			.document(
					"""
							mutation { upsertKpi(input: {id: "kpi-test-unit", name: "単位試験", unit: "furlongs", direction: HIGHER_IS_BETTER,
							  source: {sourceId: "shin-vision-r8-programs", section: "Ⅰ"}}) { created } }""")
			.execute()
			.errors()
			.expect(error -> "BAD_VALUE".equals(error.getExtensions().get("code"))
					&& "input.unit".equals(error.getExtensions().get("field")))
			.verify();
		this.editor.document("""
				mutation { upsertKpi(input: {id: "kpi-test-unit", name: "単位試験", unit: "千人", direction: HIGHER_IS_BETTER,
				  source: {sourceId: "shin-vision-r8-programs", section: "Ⅰ"}}) { created } }""")
			.execute()
			.path("upsertKpi.created")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void aPillarIsCreatedUnderItsPlanAndCannotMoveToAnother() {
		this.editor.documentName("upsert-pillar")
			.variable("input",
					Map.of("id", "pil-test-fourth", "planId", "plan-shin-vision", "ordinal", 4, "name", "試験の柱",
							"source", SOURCE))
			.execute()
			.path("upsertPillar.node.plan.id")
			.entity(String.class)
			.isEqualTo("plan-shin-vision");
		this.editor.documentName("upsert-pillar")
			.variable("input", Map.of("id", "pil-test-fourth", "planId", "plan-sousei", "source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getExtensions().get("code"))
					&& "input.planId".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void aValueWithCypherSyntaxIsStoredAndReturnedVerbatim() {
		String hostile = "x'}) MATCH (n) DETACH DELETE n // \"; RETURN 1 $param {key: 'y'}";
		upsertProgram("prog-test-verbatim", hostile, null).path("upsertProgram.node.name")
			.entity(String.class)
			.isEqualTo(hostile);
		assertThat(count("MATCH (n:Program) RETURN count(n)")).isGreaterThan(32);
		this.anonymous.document("{ node(id: \"prog-test-verbatim\") { ... on Program { name } } }")
			.execute()
			.path("node.name")
			.entity(String.class)
			.isEqualTo(hostile);
	}

	@Test
	void linkingAProgramToAMeasureShowsUnderTheMeasureAndUnlinkingRetiresTheLinkIntoHistory() {
		upsertProgram("prog-test-linked", "連携試験事業", null);
		GraphQlTester.Response linked = this.editor.documentName("link")
			.variable("input",
					Map.of("type", "PROGRAM_MEASURE", "fromId", "prog-test-linked", "toId", "ms-sv-megaregion",
							"number", 99, "reposted", false, "source", SOURCE))
			.execute();
		linked.path("link.changed").entity(Boolean.class).isEqualTo(true);
		assertThat(measurePrograms("ms-sv-megaregion")).contains("prog-test-linked");

		this.editor.documentName("link")
			.variable("input",
					Map.of("type", "PROGRAM_MEASURE", "fromId", "prog-test-linked", "toId", "ms-sv-megaregion",
							"number", 99, "reposted", false, "source", SOURCE))
			.execute()
			.path("link.changed")
			.entity(Boolean.class)
			.isEqualTo(false);

		this.editor.documentName("unlink")
			.variable("input",
					Map.of("type", "PROGRAM_MEASURE", "fromId", "prog-test-linked", "toId", "ms-sv-megaregion",
							"reason", "事業統合", "source", SOURCE))
			.execute()
			.path("unlink.changed")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(measurePrograms("ms-sv-megaregion")).doesNotContain("prog-test-linked").contains("prog-megaregion");

		GraphQlTester.Response history = this.anonymous.documentName("history")
			.variable("id", "prog-test-linked")
			.execute();
		history.path("history[*].action").entityList(String.class).containsExactly("UNLINKED", "LINKED", "CREATED");
		history.path("history[0].link.type").entity(String.class).isEqualTo("LISTED_UNDER");
		history.path("history[0].link.otherId").entity(String.class).isEqualTo("ms-sv-megaregion");
		history.path("history[0].link.direction").entity(String.class).isEqualTo("OUT");
	}

	@Test
	void aLinkFieldThatTheLinkDoesNotCarryIsRefused() {
		this.editor.documentName("link")
			.variable("input",
					Map.of("type", "PROGRAM_ORGANIZATION", "fromId", "prog-megaregion", "toId", "org-seisaku-ka",
							"role", "主担当", "source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "BAD_VALUE".equals(error.getExtensions().get("code"))
					&& "input.role".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void aPolicyIssueLinkWithoutTheSentenceThatMakesItIsRefused() {
		// policy_issue_links.csv requires evidence; the mutation is an import of one row
		this.editor.documentName("link")
			.variable("input",
					Map.of("type", "POLICY_ISSUE_CONCERNS", "fromId", "issue-r7-b6", "toId", "prog-megaregion",
							"source", SOURCE))
			.execute()
			.errors()
			.expect(error -> "REQUIRED".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("input.evidence"))
			.verify();
		assertThat(count("MATCH (:PolicyIssue {key: 'issue-r7-b6'})-[r:CONCERNS]->(:Program {key: 'prog-megaregion'}) "
				+ "RETURN count(r)"))
			.isZero();
	}

	@Test
	void aRetiredProgramLeavesOrdinaryQueriesKeepsItsHistoryAndItsIdIsNotReused() {
		upsertProgram("prog-test-retired", "廃止予定事業", null);
		this.editor.documentName("link")
			.variable("input",
					Map.of("type", "PROGRAM_MEASURE", "fromId", "prog-test-retired", "toId", "ms-sv-megaregion",
							"source", SOURCE))
			.execute();
		this.editor.documentName("retire")
			.variable("input", Map.of("id", "prog-test-retired", "reason", "事業終了", "source", SOURCE))
			.execute()
			.path("retire.effective")
			.entity(Boolean.class)
			.isEqualTo(true);

		this.anonymous.document("{ node(id: \"prog-test-retired\") { id } }").execute().path("node").valueIsNull();
		assertThat(measurePrograms("ms-sv-megaregion")).doesNotContain("prog-test-retired");
		this.anonymous.documentName("history")
			.variable("id", "prog-test-retired")
			.execute()
			.path("history[0].action")
			.entity(String.class)
			.isEqualTo("RETIRED");
		upsertProgramResponse("prog-test-retired", "復活", null).errors()
			.expect(error -> "RETIRED".equals(error.getExtensions().get("code")))
			.verify();
	}

	@Test
	void aRetirementDatedInTheFutureTakesEffectOnItsDay() {
		upsertProgram("prog-test-ends-later", "年度末終了事業", null);
		LocalDate later = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(30);
		this.editor.documentName("retire")
			.variable("input", Map.of("id", "prog-test-ends-later", "on", later.toString(), "source", SOURCE))
			.execute()
			.path("retire.effective")
			.entity(Boolean.class)
			.isEqualTo(false);
		this.anonymous.document("{ node(id: \"prog-test-ends-later\") { id } }")
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo("prog-test-ends-later");

		assertThat(this.retirements.apply(later.minusDays(1))).isZero();
		assertThat(this.retirements.apply(later)).isEqualTo(1);
		this.anonymous.document("{ node(id: \"prog-test-ends-later\") { id } }").execute().path("node").valueIsNull();
		// who made a change is shown to editors only (history/HistoryVisibilityIT)
		this.editor.documentName("history")
			.variable("id", "prog-test-ends-later")
			.execute()
			.path("history[*].change.actor")
			.entityList(String.class)
			.containsExactly("retirement", "officer-tanaka@" + TestTokens.ISSUER,
					"officer-tanaka@" + TestTokens.ISSUER);
	}

	@Test
	void fiftyConcurrentIdenticalUpsertsCreateExactlyOneNodeAndOneChangeRecord() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Boolean>> upserts = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				upserts.add(() -> upsertProgram("prog-test-concurrent", "同時登録事業", "Concurrent program")
					.path("upsertProgram.created")
					.entity(Boolean.class)
					.get());
			}
			List<Boolean> created = new ArrayList<>();
			for (Future<Boolean> result : pool.invokeAll(upserts)) {
				created.add(result.get());
			}
			assertThat(created).containsOnlyOnce(true).hasSize(50);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("MATCH (n:Program {key: 'prog-test-concurrent'}) RETURN count(n)")).isEqualTo(1);
		assertThat(count("MATCH (c:Change)-[:CHANGED]->(:Program {key: 'prog-test-concurrent'}) RETURN count(c)"))
			.isEqualTo(1);
	}

	GraphQlTester.Response upsertProgram(String id, String name, String nameEn) {
		GraphQlTester.Response response = upsertProgramResponse(id, name, nameEn);
		response.errors().verify();
		return response;
	}

	GraphQlTester.Response upsertProgramResponse(String id, String name, String nameEn) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("id", id, "source", SOURCE));
		if (name != null) {
			input.put("name", name);
		}
		if (nameEn != null) {
			input.put("nameEn", nameEn);
		}
		return this.editor.documentName("upsert-program").variable("input", input).execute();
	}

	List<String> measurePrograms(String measureId) {
		try (var session = this.driver.session()) {
			return session
				.run("MATCH (p:Program)-[:LISTED_UNDER]->(:Measure {key: $id}) RETURN p.key AS key",
						Map.of("id", measureId))
				.list(r -> r.get("key").asString());
		}
	}

	long count(String cypher) {
		try (var session = this.driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

}
