package org.policygraph.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every limit refuses its request with a stable code before any Cypher runs, and the
 * service goes on answering. The numbers are the defaults of {@link LimitsProperties}.
 */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLimitsIT {

	/** data/plans.csv: the 新ビジョン, the 総合戦略, the DX推進計画 and two bureau policies. */
	static final int PLANS = 5;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void aQueryTwentyLevelsDeepIsRefused() {
		// organizations, 18 levels of children, name: 20 levels
		String query = "{ organizations " + "{ children ".repeat(18) + "{ name }" + " }".repeat(18) + " }";
		ResponseError error = refused(query, "QUERY_TOO_DEEP");
		assertThat(error.getExtensions()).containsEntry("limit", 10).containsEntry("value", 20);
		assertThat(error.getMessage()).contains("20 levels", "at most 10", "policygraph.limits.max-depth");
	}

	@Test
	void aPageOfAHundredThousandIsRefusedBeforeAnyCypherRuns() {
		ResponseError error = refused("{ programs(first: 100000) { totalCount } }", "BAD_ARGUMENT");
		assertThat(error.getExtensions()).containsEntry("field", "first").containsEntry("value", 100000);
		assertThat(error.getMessage()).contains("first must be between 1 and 100, was 100000");
	}

	@Test
	void aPageSizeInAVariableIsCheckedToo() {
		RecordingDriver.clear();
		this.graphQl.document("query($n: Int) { kpis(first: $n) { totalCount } }")
			.variable("n", 101)
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(RecordingDriver.statements()).isEmpty();
	}

	@Test
	void aQueryThatCouldReturnTooManyItemsIsRefused() {
		// 100 programs, 5 KPIs each, 5 programs per KPI, 5 KPIs per program, 5 programs
		// per KPI:
		// 100 + 500 + 2,500 + 12,500 + 62,500 = 78,100 list items, over 50,000
		String query = """
				{ programs(first: 100) { edges { node {
				    kpis { programs { kpis { programs { name } } } } } } } }""";
		ResponseError error = refused(query, "QUERY_TOO_COSTLY");
		assertThat(error.getExtensions()).containsEntry("limit", 50000).containsEntry("value", 78100);
		assertThat(error.getMessage()).contains("78100 list items", "at most 50000", "policygraph.limits.max-cost");
	}

	@Test
	void tooManyAliasesAreRefused() {
		StringBuilder query = new StringBuilder("{");
		for (int i = 1; i <= 51; i++) {
			query.append(" a").append(i).append(": plans { id }");
		}
		ResponseError error = refused(query.append(" }").toString(), "TOO_MANY_ALIASES");
		assertThat(error.getExtensions()).containsEntry("limit", 50).containsEntry("value", 51);
	}

	@Test
	void tenThousandAliasesAreRefusedAtTheDoor() throws Exception {
		StringBuilder query = new StringBuilder("{");
		for (int i = 1; i <= 10_000; i++) {
			query.append(" a").append(i).append(": plans { id }");
		}
		RecordingDriver.clear();
		this.mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("query", query.append(" }").toString()))))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("REQUEST_TOO_LARGE"))
			.andExpect(jsonPath("$.errors[0].extensions.limit").value(65536))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString("policygraph.limits.max-request-size")));
		assertThat(RecordingDriver.statements()).isEmpty();
		stillAnswers();
	}

	@Test
	void tooManyOperationsInOneDocumentAreRefused() {
		StringBuilder document = new StringBuilder();
		for (int i = 1; i <= 6; i++) {
			document.append("query q").append(i).append(" { plans { id } }\n");
		}
		RecordingDriver.clear();
		List<ResponseError> errors = new ArrayList<>();
		this.graphQl.document(document.toString()).operationName("q1").execute().errors().satisfy(errors::addAll);
		assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "TOO_MANY_OPERATIONS")
				.containsEntry("limit", 5)
				.containsEntry("value", 6));
		assertThat(RecordingDriver.statements()).isEmpty();
	}

	@Test
	void tooManyDirectivesAreRefused() {
		String query = "{ plans { id" + " @include(if: true)".repeat(51) + " } }";
		ResponseError error = refused(query, "TOO_MANY_DIRECTIVES");
		assertThat(error.getExtensions()).containsEntry("limit", 50).containsEntry("value", 51);
	}

	@Test
	void aDocumentWithTooManyTokensIsRefusedByTheParser() {
		// 5,001 fields of 1 token each, plus the braces and the root field
		String query = "{ plans {" + " id".repeat(5_001) + " } }";
		ResponseError error = refused(query, "QUERY_TOO_LARGE");
		assertThat(error.getMessage()).contains("more than 5000 grammar tokens", "policygraph.limits.max-tokens");
	}

	@Test
	void aDocumentLongerThanTheCharacterLimitIsRefusedByTheParser() {
		String query = "# " + "x".repeat(20_000) + "\n{ plans { id } }";
		ResponseError error = refused(query, "QUERY_TOO_LARGE");
		assertThat(error.getMessage()).contains("longer than 20000 characters", "policygraph.limits.max-characters");
	}

	@Test
	void valuesNestedDeeperThanTheParserFollowsAreRefused() {
		String query = "{ node(id: " + "[".repeat(200) + "]".repeat(200) + ") { id } }";
		ResponseError error = refused(query, "QUERY_TOO_DEEP");
		assertThat(error.getMessage()).contains("100 grammar rules", "policygraph.limits.max-rule-depth");
	}

	@Test
	void aFragmentBombIsRefusedBeforeItIsExpanded() {
		// each fragment spreads the next twice under a list: 2^12 copies of the innermost
		// selection
		StringBuilder document = new StringBuilder("{ organizations { ...F0 } }\n");
		for (int i = 0; i < 12; i++) {
			document.append("fragment F")
				.append(i)
				.append(" on Organization { children { ...F")
				.append(i + 1)
				.append(" } parent { ...F")
				.append(i + 1)
				.append(" } }\n");
		}
		document.append("fragment F12 on Organization { id }\n");
		ResponseError error = refused(document.toString(), "TOO_MANY_FIELDS");
		assertThat(error.getMessage()).contains("more than 1000 fields", "policygraph.limits.max-fields");
	}

	@Test
	void aFragmentBombOfEqualFieldsIsRefusedBeforeItIsExpanded() {
		// each fragment spreads the next ten times in one selection: 10^10 equal copies
		// of id, which graphql-java
		// collects before it merges them
		StringBuilder document = new StringBuilder("{ plans { ...F0 } }\n");
		for (int i = 0; i < 10; i++) {
			document.append("fragment F")
				.append(i)
				.append(" on Plan {")
				.append((" ...F" + (i + 1)).repeat(10))
				.append(" }\n");
		}
		document.append("fragment F10 on Plan { id }\n");
		ResponseError error = refused(document.toString(), "TOO_MANY_FIELDS");
		assertThat(error.getMessage()).contains("more than 1000 fields", "policygraph.limits.max-fields");
	}

	@Test
	void everyExampleShapedQueryStillRunsWithinTheLimits() {
		// the deepest example: 7 levels, the costliest: plans' whole tree
		this.graphQl.document("""
				{ plans { pillars { measures { programs { kpis { observations { kind } } } } } } }""")
			.execute()
			.errors()
			.verify();
	}

	private ResponseError refused(String document, String code) {
		RecordingDriver.clear();
		List<ResponseError> errors = new ArrayList<>();
		this.graphQl.document(document).execute().errors().satisfy(errors::addAll);
		assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code));
		assertThat(RecordingDriver.statements()).as("Cypher statements run").isEmpty();
		stillAnswers();
		return errors.getFirst();
	}

	private void stillAnswers() {
		this.graphQl.document("{ plans { id } }").execute().path("plans").entityList(Object.class).hasSize(PLANS);
	}

}
