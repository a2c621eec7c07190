package org.policygraph.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node asked by id reads the relationship fields selected on it, and those selected on
 * their elements, in the one statement that finds it; the answers are those of the same
 * fields asked on a list, each field read by its own batched statement.
 */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedLookAheadIT {

	/** A program's page: the benchmark's program-detail question. */
	private static final String PROGRAM_DETAIL = """
			id name summary
			measures { id name }
			pillars { id name }
			organization { id name }
			partners { id name }
			kpis { id name unit observations { kind fiscalYear value valueText } }""";

	/**
	 * Three levels below a program: pillars → KPIs → paths and observations, whose
	 * queries declare variables of the same names as the program's pillars' query would.
	 */
	private static final String PROGRAM_DEEP = """
			id
			pillars { id planId: plan { id } kpis { id name
			  paths { pillar { id } measure { id } program { id } }
			  observations { kind fiscalYear fiscalYearTo value valueText periodText source { section } } } }
			kpis { id unit observations { kind value } paths { pillar { id } } }""";

	/** Three levels below a plan: pillars → KPIs → observations and paths. */
	private static final String PLAN_DEEP = """
			id
			pillars { id name kpis { id name observations { kind fiscalYear value } paths { program { id } } } }""";

	/** The benchmark's deep-tree question, as it asks it. */
	private static final String DEEP_TREE = """
			query($id: ID!) {
			  node(id: $id) {
			    ... on Plan {
			      id name
			      pillars {
			        id name
			        measures { id name programs(first: 20) { id name kpis { id name observations { kind fiscalYear value } } } }
			      }
			    }
			  }
			}""";

	/** What the deep tree asks of each pillar. */
	private static final String DEEP_TREE_PILLAR_FIELDS = """
			id name
			measures { id name programs(first: 20) { id name kpis { id name observations { kind fiscalYear value } } } }""";

	/** Asks afresh: these tests count the statements a question runs. */
	private HttpGraphQlTester graphQl;

	@Autowired
	HttpGraphQlTester tester;

	@BeforeAll
	void askAfresh() {
		this.graphQl = this.tester.mutate().header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
	}

	@Test
	void aProgramsPageIsOneStatement() {
		String id = anyProgramWithObservations();
		RecordingDriver.clear();
		Map<String, Object> program = node(id, "Program", PROGRAM_DETAIL);
		// the program with its measures, pillars, organization, partners and KPIs, and
		// the KPIs' observations
		assertThat(RecordingDriver.statements()).hasSize(1);
		assertThat((List<?>) program.get("kpis")).isNotEmpty()
			.anySatisfy(kpi -> assertThat((List<?>) ((Map<?, ?>) kpi).get("observations")).isNotEmpty());
	}

	@Test
	void threeLevelsBelowANodeAreOneStatement() {
		String id = anyProgramWithObservations();
		RecordingDriver.clear();
		node(id, "Program", PROGRAM_DEEP);
		// the program and every field below it but Observation.source and
		// ContributionPath's fields, none registered: one statement each
		assertThat(RecordingDriver.statements()).hasSizeLessThanOrEqualTo(5);
		RecordingDriver.clear();
		node(id, "Program", "id kpis { id observations { kind value } } pillars { id kpis { id } }");
		assertThat(RecordingDriver.statements()).hasSize(1);
		RecordingDriver.clear();
		node("plan-sousei", "Plan", "id pillars { id kpis { id name observations { kind fiscalYear value } } }");
		assertThat(RecordingDriver.statements()).hasSize(1);
	}

	@Test
	void theDeepTreeReadsAPlanWithItsPillarsAndTheirMeasuresInOneStatement() {
		RecordingDriver.clear();
		Map<String, Object> plan = node("plan-sousei", "Plan",
				"""
						id name
						pillars {
						  id name
						  measures { id name programs(first: 20) { id name kpis { id name observations { kind fiscalYear value } } } }
						}""");
		assertThat((List<?>) plan.get("pillars")).isNotEmpty();
		// the plan with its pillars, their measures, the measures' first 20 programs,
		// their KPIs and the KPIs' observations
		assertThat(RecordingDriver.statements()).hasSize(1);
	}

	@Test
	void theBenchmarksDeepTreeIsOneStatementAndAnswersAsTheBatchedFieldsDo() {
		RecordingDriver.clear();
		var response = this.graphQl.document(DEEP_TREE).variable("id", "plan-sousei").execute();
		response.errors().verify();
		Map<String, Object> plan = response.path("node").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
		assertThat(RecordingDriver.statements()).hasSize(1);
		assertThat(plan).containsEntry("id", "plan-sousei");
		assertThat(plan.get("pillars")).isEqualTo(listedPillars("plan-sousei", DEEP_TREE_PILLAR_FIELDS));
		assertThat((List<?>) plan.get("pillars"))
			.anySatisfy(pillar -> assertThat((List<?>) ((Map<?, ?>) pillar).get("measures"))
				.anySatisfy(measure -> assertThat((List<?>) ((Map<?, ?>) measure).get("programs"))
					.anySatisfy(program -> assertThat((List<?>) ((Map<?, ?>) program).get("kpis")).isNotEmpty())));
	}

	@Test
	void oneFieldAskedUnderAliasesWithDifferentFirstAnswersEachAsAsked() {
		String fields = """
				id pillars { id measures { id
				  one: programs(first: 1) { id }
				  three: programs(first: 3) { id name }
				  all: programs { id }
				  many: programs(first: 100) { id } } }""";
		RecordingDriver.clear();
		Map<String, Object> plan = node("plan-sousei", "Plan", fields);
		assertThat(RecordingDriver.statements()).hasSize(1);
		assertThat(plan).isEqualTo(listed("plan-sousei", fields));
		List<Map<String, Object>> measures = measures(plan);
		assertThat(measures).anySatisfy(measure -> assertThat((List<?>) measure.get("all")).hasSizeGreaterThan(3));
		for (Map<String, Object> measure : measures) {
			List<?> all = (List<?>) measure.get("all");
			// first larger than the list: all of it
			assertThat(measure.get("many")).isEqualTo(all);
			assertThat((List<?>) measure.get("one")).isEqualTo(all.subList(0, Math.min(1, all.size())));
			assertThat(((List<?>) measure.get("three")).stream().map(program -> ((Map<?, ?>) program).get("id")))
				.isEqualTo(all.subList(0, Math.min(3, all.size()))
					.stream()
					.map(program -> ((Map<?, ?>) program).get("id"))
					.toList());
		}
	}

	@Test
	void firstGivenByAVariableIsLookedAheadToo() {
		String document = """
				query($id: ID!, $first: Int) { node(id: $id) { ... on Plan {
				  id pillars { id measures { id programs(first: $first) { id kpis { id } } } } } } }""";
		for (Integer first : Arrays.asList(2, null)) {
			RecordingDriver.clear();
			var response = this.graphQl.document(document)
				.variable("id", "plan-sousei")
				.variable("first", first)
				.execute();
			response.errors().verify();
			Map<String, Object> plan = response.path("node")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			assertThat(RecordingDriver.statements()).hasSize(1);
			String literal = (first != null) ? "(first: " + first + ")" : "";
			assertThat(plan).isEqualTo(listed("plan-sousei",
					"id pillars { id measures { id programs%s { id kpis { id } } } }".formatted(literal)));
			assertThat(measures(plan)).allSatisfy(measure -> assertThat((List<?>) measure.get("programs"))
				.hasSizeLessThanOrEqualTo((first != null) ? first : Integer.MAX_VALUE));
		}
	}

	@Test
	void aFirstOutsideItsRangeIsRefusedAsByTheBatchedField() {
		for (int first : new int[] { 0, -1, 101 }) {
			String fields = "id pillars { id measures { id programs(first: %d) { id } } }".formatted(first);
			var ahead = this.graphQl.document("""
					{ node(id: "plan-sousei") { ... on Plan { %s } } }""".formatted(fields)).execute();
			var listed = this.graphQl.document("{ plans { %s } }".formatted(fields)).execute();
			List<String> messages = new ArrayList<>();
			ahead.errors().satisfy(errors -> errors.forEach(error -> messages.add(error.getMessage())));
			List<String> listedMessages = new ArrayList<>();
			listed.errors().satisfy(errors -> errors.forEach(error -> listedMessages.add(error.getMessage())));
			assertThat(messages).isNotEmpty()
				.allSatisfy(message -> assertThat(message).contains("first must be between 1 and 100, was " + first));
			assertThat(listedMessages).isNotEmpty().containsAll(messages.stream().distinct().toList());
		}
	}

	@Test
	void fieldsBelowAMeasuresProgramsAnswerAsTheBatchedFieldsDo() {
		// every registered field of a program, under a plan's pillars and measures:
		// their queries' variables are declared apart from those around them
		String fields = """
				id pillars { id measures { id programs(first: 3) { id
				  measures { id } pillars { id measures { id } } organization { id } partners { id }
				  kpis { id observations { kind value } paths { program { id } } } } } }""";
		RecordingDriver.clear();
		Map<String, Object> plan = node("plan-sousei", "Plan", fields);
		assertThat(RecordingDriver.statements()).hasSizeLessThanOrEqualTo(2);
		assertThat(plan).isEqualTo(listed("plan-sousei", fields));
	}

	@Test
	void aFieldWithAnArgumentItsQueryCannotExpressBelowAMeasuresProgramsIsReadApart() {
		String fields = """
				id pillars { id measures { id programs(first: 4) { id kpis { id
				  observations(asOf: "2020-04-01") { kind fiscalYear value } } } } }""";
		RecordingDriver.clear();
		Map<String, Object> plan = node("plan-sousei", "Plan", fields);
		// the plan down to the KPIs; their observations at an instant
		assertThat(RecordingDriver.statements()).hasSize(2);
		assertThat(plan).isEqualTo(listed("plan-sousei", fields));
	}

	@Test
	void aFieldWithArgumentsIsReadByItsOwnStatementWithTheSameAnswer() {
		String id = anyProgramWithObservations();
		String asked = "id kpis { id observations%s { kind fiscalYear value valueText } }";
		Map<String, Object> ahead = node(id, "Program", asked.formatted(""));
		RecordingDriver.clear();
		Map<String, Object> apart = node(id, "Program", asked.formatted("(asOf: null)"));
		// the program with its KPIs; their observations at an instant (now)
		assertThat(RecordingDriver.statements()).hasSize(2);
		assertThat(apart).isEqualTo(ahead);
	}

	@Test
	void fieldsLookedAheadBelowANodeAnswerAsTheFieldsOfAListDo() {
		for (String fields : List.of(PROGRAM_DETAIL, PROGRAM_DEEP)) {
			List<Map<String, Object>> programs = this.graphQl.document("""
					{ programs(first: 15) { edges { node { %s } } } }""".formatted(fields))
				.execute()
				.path("programs.edges[*].node")
				.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			assertThat(programs).hasSizeGreaterThan(10);
			assertThat(programs).anySatisfy(program -> assertThat((List<?>) program.get("kpis")).isNotEmpty());
			for (Map<String, Object> program : programs) {
				assertThat(node(program.get("id"), "Program", fields)).isEqualTo(program);
			}
		}
		List<Map<String, Object>> plans = this.graphQl.document("{ plans { %s } }".formatted(PLAN_DEEP))
			.execute()
			.path("plans[*]")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(plans).isNotEmpty();
		for (Map<String, Object> plan : plans) {
			assertThat(node(plan.get("id"), "Plan", PLAN_DEEP)).isEqualTo(plan);
		}
	}

	@Test
	void aFieldAskedTwiceForDifferentThingsAnswersEachAsAsked() {
		String fields = """
				id kpis { id years: observations { fiscalYear } values: observations { kind value } }""";
		List<Map<String, Object>> programs = this.graphQl.document("""
				{ programs(first: 40) { edges { node { %s } } } }""".formatted(fields))
			.execute()
			.path("programs.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(programs).anySatisfy(program -> assertThat((List<?>) program.get("kpis"))
			.anySatisfy(kpi -> assertThat((List<?>) ((Map<?, ?>) kpi).get("values")).isNotEmpty()
				.allSatisfy(observation -> assertThat(((Map<?, ?>) observation).keySet().stream().map(String::valueOf))
					.containsExactlyInAnyOrder("kind", "value"))));
		for (Map<String, Object> program : programs) {
			assertThat(node(program.get("id"), "Program", fields)).isEqualTo(program);
		}
	}

	private Map<String, Object> node(Object id, String type, String fields) {
		var response = this.graphQl.document("""
				query($id: ID!) { node(id: $id) { ... on %s { %s } } }""".formatted(type, fields))
			.variable("id", id)
			.execute();
		response.errors().verify();
		return response.path("node").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	/** The plan with this id as the list of plans answers it: by batched fields. */
	private Map<String, Object> listed(String id, String fields) {
		var response = this.graphQl.document("{ plans { %s } }".formatted(fields)).execute();
		response.errors().verify();
		return response.path("plans[?(@.id == '%s')]".formatted(id))
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()
			.getFirst();
	}

	/**
	 * The pillars of a plan as the root field pillars answers them: by batched fields.
	 */
	private List<Map<String, Object>> listedPillars(String planId, String fields) {
		var response = this.graphQl.document("query($id: ID) { pillars(planId: $id) { %s } }".formatted(fields))
			.variable("id", planId)
			.execute();
		response.errors().verify();
		return response.path("pillars").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
		}).get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> measures(Map<String, Object> plan) {
		return ((List<Map<String, Object>>) plan.get("pillars")).stream()
			.flatMap(pillar -> ((List<Map<String, Object>>) pillar.get("measures")).stream())
			.toList();
	}

	private String anyProgramWithObservations() {
		return this.graphQl.document("""
				{ kpis(first: 50) { edges { node { programs { id } observations { kind } } } } }""")
			.execute()
			.path("kpis.edges[?(@.node.observations.length() > 0)].node.programs[0].id")
			.entityList(String.class)
			.get()
			.getFirst();
	}

}
