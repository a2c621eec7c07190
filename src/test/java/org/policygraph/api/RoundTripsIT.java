package org.policygraph.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AccessMode;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request costs a number of Cypher round trips bounded by its nesting depth, never by
 * the number of rows: relationship fields are batched.
 */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripsIT {

	private static final String DEEP_TREE = """
			query DeepTree($planId: ID) {
			  plans {
			    pillars {
			      name
			      measures {
			        name
			        programs {
			          name
			          kpis { name observations { kind value } }
			        }
			      }
			    }
			  }
			  pillars(planId: $planId) { name }
			}""";

	/**
	 * Asks afresh: these tests count the statements a question runs, not kept answers.
	 */
	private HttpGraphQlTester graphQl;

	@Autowired
	HttpGraphQlTester tester;

	@BeforeAll
	void askAfresh() {
		this.graphQl = this.tester.mutate().header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
	}

	@Test
	void aQuestionAskedAgainOfAnUnchangedGraphRunsNoStatementUnlessAskedAfresh() {
		String question = "{ node(id: \"plan-sousei\") { id } }";
		this.tester.document(question).execute().path("node.id").entity(String.class).isEqualTo("plan-sousei");
		RecordingDriver.clear();
		this.tester.document(question).execute().path("node.id").entity(String.class).isEqualTo("plan-sousei");
		assertThat(RecordingDriver.statements()).isEmpty();
		this.graphQl.document(question).execute().path("node.id").entity(String.class).isEqualTo("plan-sousei");
		assertThat(RecordingDriver.statements()).isNotEmpty();
	}

	@Test
	void aDeepTreeCostsOneStatementPerLevelWhateverTheNumberOfRows() {
		RecordingDriver.clear();
		var response = this.graphQl.document(DEEP_TREE).variable("planId", "plan-sousei").execute();
		response.errors().verify();
		// plans → pillars → measures → programs → KPIs → observations over every plan:
		// hundreds of rows.
		response.path("plans[*].pillars[*].measures[*].programs[*].kpis[*].observations[*]")
			.entityList(Object.class)
			.hasSizeGreaterThan(100);
		// One statement per level (plans, pillars, measures, programs, kpis,
		// observations), one for the second
		// root field and one for its existence check of the plan id.
		assertThat(RecordingDriver.statements()).hasSizeLessThanOrEqualTo(8);
	}

	@Test
	void milestonesCostOneStatementPerLevelWhateverTheirNumber() {
		RecordingDriver.clear();
		var response = this.graphQl.document("""
				{ plans { milestones { name pillar { name } programs { name } }
				          pillars { milestones { name source { section } } } } }""").execute();
		response.errors().verify();
		// 004: nine milestones under the DX plan's themes (data/milestones.csv)
		response.path("plans[*].milestones[*]").entityList(Object.class).hasSize(9);
		// plans; Plan.milestones; Milestone.pillar; Milestone.programs; Plan.pillars;
		// Pillar.milestones
		assertThat(RecordingDriver.statements()).hasSizeLessThanOrEqualTo(6);
	}

	@Test
	void aReadRequestRunsAllItsStatementsInOneReadTransaction() {
		RecordingDriver.clear();
		this.graphQl.document(DEEP_TREE).variable("planId", "plan-sousei").execute().errors().verify();
		// several statements (one per level), one session and so one transaction for them
		// all
		assertThat(RecordingDriver.statements()).hasSizeGreaterThanOrEqualTo(6);
		assertThat(RecordingDriver.accessModes()).containsExactly(AccessMode.READ);
	}

	@Test
	void aReadRequestThatReadsNothingBeginsNoTransaction() {
		RecordingDriver.clear();
		this.graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
		assertThat(RecordingDriver.statements()).isEmpty();
		assertThat(RecordingDriver.accessModes()).isEmpty();
	}

	@Test
	void aProgramsPageByIdReadsItsFieldsAndTheirFieldsWithTheProgram() {
		String id = anyProgramWithKpis();
		RecordingDriver.clear();
		this.graphQl.document("""
				query($id: ID!) {
				  node(id: $id) {
				    ... on Program {
				      id measures { id } pillars { id } organization { id } partners { id }
				      kpis { id observations { kind } }
				    }
				  }
				}""").variable("id", id).execute().path("node.kpis[*].observations").hasValue();
		// node with measures, pillars, organization, partners and KPIs looked ahead, and
		// the KPIs' observations below them
		assertThat(RecordingDriver.statements()).hasSize(1);
	}

	@Test
	void fieldsLookedAheadAnswerAsTheFieldsOfAListDo() {
		// a list's fields come from their own batched statements, node(id)'s from the
		// lookup's statement
		List<Map<String, Object>> programs = this.graphQl.document("""
				{ programs(first: 50) { edges { node { %s } } } }""".formatted(PROGRAM_FIELDS))
			.execute()
			.path("programs.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(programs).hasSizeGreaterThan(10);
		for (Map<String, Object> program : programs) {
			assertThat(node(program.get("id"), "Program", PROGRAM_FIELDS)).isEqualTo(program);
		}
		List<Map<String, Object>> plans = this.graphQl.document("""
				{ plans { %s } }""".formatted(PLAN_FIELDS))
			.execute()
			.path("plans[*]")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(plans).isNotEmpty();
		for (Map<String, Object> plan : plans) {
			assertThat(node(plan.get("id"), "Plan", PLAN_FIELDS)).isEqualTo(plan);
			for (Object pillar : (List<?>) plan.get("pillars")) {
				assertThat(node(((Map<?, ?>) pillar).get("id"), "Pillar", PILLAR_FIELDS)).isEqualTo(pillar);
			}
		}
	}

	private static final String PROGRAM_FIELDS = """
			id measures { id name } pillars { id planId: plan { id } } organization { id name } partners { id }
			kpis { id name paths { pillar { id } measure { id } program { id } } }""";

	private static final String PILLAR_FIELDS = "id name kpis { id name }";

	private static final String PLAN_FIELDS = "id pillars { " + PILLAR_FIELDS + " }";

	private Map<String, Object> node(Object id, String type, String fields) {
		return this.graphQl.document("""
				query($id: ID!) { node(id: $id) { ... on %s { %s } } }""".formatted(type, fields))
			.variable("id", id)
			.execute()
			.path("node")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private String anyProgramWithKpis() {
		return this.graphQl.document("{ kpis(first: 1) { edges { node { programs { id } } } } }")
			.execute()
			.path("kpis.edges[0].node.programs[0].id")
			.entity(String.class)
			.get();
	}

	@Test
	void readOnlyRequestsUseReadTransactionsOnly() {
		RecordingDriver.clear();
		this.graphQl.document(DEEP_TREE).execute().errors().verify();
		assertThat(RecordingDriver.accessModes()).isNotEmpty().containsOnly(AccessMode.READ);
	}

}
