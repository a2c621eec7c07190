package org.policygraph.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.policygraph.support.PolicyGraphIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a client reads when GraphQL itself refuses a request (a document that does not
 * parse or validate, a variable that does not fit its type) or an argument is out of
 * range: GraphQL's words with a stable code, never a Java or graphql-java class name or a
 * syntax tree's toString, and never an empty {@code locations} list.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class GraphQlRefusalsIT {

	static final String STATUSES = "ACHIEVED, ON_TRACK, OFF_TRACK, NO_DATA, QUALITATIVE";

	/**
	 * A toString ({@code EnumValue{name='FOO'}}), a qualified class, a syntax-tree class,
	 * a Java class.
	 */
	static final java.util.regex.Pattern LEAK = java.util.regex.Pattern
		.compile("\\w+\\{\\w*=?|\\w+\\{\\}|\\b(?:java|graphql|org|com|tools)\\.[a-z]"
				+ "|\\b[A-Z]\\w*(?:Value|Exception|Field|Reference)\\b|LinkedHashMap|HashMap|ArrayList|BigInteger|BigDecimal"
				+ "|\\bInteger\\b|\\bDouble\\b|ANTLR|\\bAST\\b|Validation error \\(");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	/**
	 * One indicator and one program, enough for the fields with an asOf argument to run.
	 */
	@BeforeAll
	void storeAKpiAndAProgram(@Autowired Driver driver) {
		try (var session = driver.session()) {
			session.run("""
					CREATE (:Kpi {key: 'kpi-as-of', name: '指標', unit: '%', direction: 'HIGHER_IS_BETTER'})
					CREATE (:Program {key: 'prog-as-of', name: '事業'})""").consume();
		}
	}

	static Stream<Arguments> badRequests() {
		List<Arguments> requests = new ArrayList<>();
		// documents with literals
		for (String document : List.of("{ kpis(where: {status: FOO}) { totalCount } }",
				"{ kpis(where: {status: \"ON_TRACK\"}) { totalCount } }",
				"{ kpis(where: {status: [FOO]}) { totalCount } }", "{ organizations(kind: \"BUREAU\") { id } }",
				"{ organizations(kind: bureau) { id } }", "{ programs(first: 99999999999) { totalCount } }",
				"{ programs(first: -99999999999) { totalCount } }", "{ programs(first: 1.5) { totalCount } }",
				"{ programs(first: \"10\") { totalCount } }", "{ programs(where: {nope: 1}) { totalCount } }",
				"{ programs(where: 5) { totalCount } }", "{ programs(where: {text: {a: 1}}) { totalCount } }",
				"{ node(id: 1.5) { id } }", "{ node(id: [1]) { id } }", "{ node(id: {a: 1}) { id } }",
				"{ node(id: null) { id } }", "{ node { id } }", "{ node(id: true) { id } }",
				"{ plans @skip(if: \"yes\") { id } }", "{ plans(x: 1) { id } }", "{ plans { id noSuchField } }",
				"{ plans { ... on Kpi { id } } }", "query($x: Foo) { plans { id } }",
				"{ plans { id } } { plans { id } }", "{ pillars(planId: {a: 1}) { budget(fiscalYear: 99999999999) } }",
				"{ pillars { budget(fiscalYear: \"2026\") } }", "subscription { plans { id } }",
				"mutation { link(input: {type: FOO, fromId: \"a\", toId: \"b\", source: {sourceId: \"s\", section: \"x\"}}) { changed } }",
				"mutation { retire(input: {id: \"x\", source: {sourceId: \"s\"}}) { id } }",
				"mutation { retire(input: {id: \"x\", on: 20260401, source: {sourceId: \"s\", section: \"x\"}}) { id } }",
				"mutation { recordObservation(input: {kpiId: \"k\", kind: GUESS, fiscalYear: 2025, source: {sourceId: \"s\", section: \"x\"}}) { changed } }",
				"{ plans { id ", "{ plans { id } } }", "{ plans(id: \"\\uD800\") { id } }", "{ plans { id ~ } }",
				"query q { plans { id } } query q { plans { id } }")) {
			requests.add(Arguments.of(document, Map.of()));
		}
		// variables that do not fit their types, as JSON brings them
		String statusQuery = "query($s: KpiStatus) { kpis(where: {status: $s}) { totalCount } }";
		String firstQuery = "query($n: Int) { programs(first: $n) { totalCount } }";
		String whereQuery = "query($w: ProgramWhere) { programs(where: $w) { totalCount } }";
		String idQuery = "query($id: ID!) { node(id: $id) { id } }";
		String ifQuery = "query($b: Boolean!) { plans @include(if: $b) { id } }";
		String linkQuery = "mutation($i: LinkInput!) { link(input: $i) { changed } }";
		requests.add(Arguments.of(statusQuery, Map.of("s", "FOO")));
		requests.add(Arguments.of(statusQuery, Map.of("s", 1)));
		requests.add(Arguments.of(statusQuery, Map.of("s", List.of("FOO"))));
		requests.add(Arguments.of(statusQuery, Map.of("s", Map.of("a", 1))));
		requests.add(Arguments.of(firstQuery, Map.of("n", 99999999999L)));
		requests.add(Arguments.of(firstQuery, Map.of("n", new java.math.BigInteger("99999999999999999999999"))));
		requests.add(Arguments.of(firstQuery, Map.of("n", 1.5)));
		requests.add(Arguments.of(firstQuery, Map.of("n", "10")));
		requests.add(Arguments.of(firstQuery, Map.of("n", Map.of("a", 1))));
		requests.add(Arguments.of(firstQuery, Map.of("n", List.of(1))));
		requests.add(Arguments.of(whereQuery, Map.of("w", Map.of("nope", 1))));
		requests.add(Arguments.of(whereQuery, Map.of("w", "text")));
		requests.add(Arguments.of(whereQuery, Map.of("w", List.of(Map.of()))));
		requests.add(Arguments.of(whereQuery, Map.of("w", Map.of("text", Map.of("a", 1)))));
		requests.add(Arguments.of(idQuery, new LinkedHashMap<>(Map.of())));
		requests.add(Arguments.of(ifQuery, Map.of("b", "yes")));
		requests.add(Arguments.of(ifQuery, Map.of("b", 1)));
		requests.add(Arguments.of(linkQuery, Map.of("i",
				Map.of("type", "FOO", "fromId", "a", "toId", "b", "source", Map.of("sourceId", "s", "section", "x")))));
		requests.add(Arguments.of(linkQuery, Map.of("i", Map.of("type", "PROGRAM_KPI", "fromId", "a", "toId", "b",
				"ordinal", 99999999999L, "source", Map.of("sourceId", "s", "section", "x")))));
		requests.add(Arguments.of(linkQuery, Map.of("i", Map.of("type", "PROGRAM_KPI"))));
		return requests.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("badRequests")
	void everyRefusalReadsAsGraphQlWithACodeAndNoClassName(String document, Map<String, Object> variables)
			throws Exception {
		String body = answer(document, variables);
		JsonNode errors = this.json.readTree(body).path("errors");
		assertThat(errors.isArray() && !errors.isEmpty()).as(body).isTrue();
		for (JsonNode error : errors) {
			assertThat(error.path("extensions").path("code").asString()).as(body)
				.isIn("GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_ARGUMENT", "UNAUTHORIZED");
			assertThat(LEAK.matcher(error.path("message").asString()).find()).as(error.path("message").asString())
				.isFalse();
			if (error.has("locations")) {
				assertThat(error.path("locations").isEmpty()).as("an empty locations list in " + body).isFalse();
			}
		}
		assertThat(body).doesNotContain("\"locations\":[]", "Exception", "\tat ");
	}

	@Test
	void anUnknownEnumValueInADocumentListsTheValuesThereAre() throws Exception {
		JsonNode error = firstError(answer("{ kpis(where: {status: FOO}) { totalCount } }", Map.of()));
		assertThat(error.path("message").asString())
			.isEqualTo("Argument 'where.status' (on kpis) has an invalid value: 'FOO' is not one of " + STATUSES);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
		assertThat(error.path("locations").path(0).path("line").asInt()).isEqualTo(1);
	}

	@Test
	void anUnknownEnumValueInAVariableListsTheValuesThereAre() throws Exception {
		JsonNode error = firstError(
				answer("query($s: KpiStatus) { kpis(where: {status: $s}) { totalCount } }", Map.of("s", "FOO")));
		assertThat(error.path("message").asString())
			.isEqualTo("Variable 's' has an invalid value: 'FOO' is not one of " + STATUSES);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void anIntBeyondItsRangeSaysTheRange() throws Exception {
		JsonNode error = firstError(answer("{ programs(first: 99999999999) { totalCount } }", Map.of()));
		assertThat(error.path("message").asString()).isEqualTo(
				"Argument 'first' (on programs) has an invalid value: 99999999999 is outside the range of Int (-2147483648 to 2147483647)");
	}

	@Test
	void aStringWhereAnEnumBelongsSaysSo() throws Exception {
		JsonNode error = firstError(answer("{ organizations(kind: \"BUREAU\") { id } }", Map.of()));
		assertThat(error.path("message").asString())
			.startsWith("Argument 'kind' (on organizations) has an invalid value: one of BUREAU, DIVISION, SECTION")
			.endsWith("is expected, not a string");
	}

	@Test
	void aFieldAnInputObjectDoesNotHaveIsNamedWithTheFieldsItHas() throws Exception {
		JsonNode error = firstError(answer("{ programs(where: {nope: 1}) { totalCount } }", Map.of()));
		assertThat(error.path("message").asString()).startsWith(
				"Argument 'where' (on programs) has an invalid value: 'nope' is not a field of ProgramWhere (its fields: ");
	}

	@Test
	void aVariableOfTheWrongJsonKindNamesTheKindNotAJavaClass() throws Exception {
		JsonNode error = firstError(
				answer("query($b: Boolean!) { plans @include(if: $b) { id } }", Map.of("b", "yes")));
		assertThat(error.path("message").asString())
			.isEqualTo("Variable 'b' has an invalid value: a Boolean (true or false) is expected, not a string");
	}

	@Test
	void aSyntaxErrorHasTheParseCode() throws Exception {
		JsonNode error = firstError(answer("{ plans { id ", Map.of()));
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("GRAPHQL_PARSE_FAILED");
		assertThat(error.path("message").asString()).contains("line 1 column 14");
	}

	@Test
	void anAsOfBeyondTheTimeRangeIsABadArgumentNamingTheRangeWithoutAStackTrace(CapturedOutput output)
			throws Exception {
		for (String field : List.of("node(id: \"kpi-as-of\") { ... on Kpi { observations(asOf: \"%s\") { kind } } }",
				"node(id: \"prog-as-of\") { ... on Program { budgets(asOf: \"%s\") { fiscalYear } } }")) {
			for (String asOf : List.of("+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
					"+10000-01-01T00:00:00Z")) {
				int logged = output.getAll().length();
				String body = answer("{ " + field.formatted(asOf) + " }", Map.of());
				JsonNode error = firstError(body);
				assertThat(error.path("extensions").path("code").asString()).as(body).isEqualTo("BAD_ARGUMENT");
				assertThat(error.path("extensions").path("field").asString()).isEqualTo("asOf");
				assertThat(error.path("message").asString()).as(body)
					.contains("asOf", "from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
				String log = output.getAll().substring(logged);
				assertThat(log).as("logged for " + asOf).doesNotContain("\tat ", "Exception");
				assertThat(log.lines().filter(line -> line.contains("asOf") || line.contains("ERROR")).count())
					.isLessThanOrEqualTo(1);
			}
		}
	}

	JsonNode firstError(String body) {
		JsonNode errors = this.json.readTree(body).path("errors");
		assertThat(errors.isEmpty()).as(body).isFalse();
		return errors.get(0);
	}

	String answer(String document, Map<String, Object> variables) throws Exception {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("query", document);
		request.put("variables", variables);
		MvcResult result = this.mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(request)))
			.andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		return result.getResponse().getContentAsString();
	}

}
