package org.policygraph.limits;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.support.PolicyGraphIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whatever goes wrong, the JSON a client gets names no Java class, shows no stack trace
 * and quotes no Cypher: only a message and a stable code.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorHygieneIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	/**
	 * Data the service never writes: a budget whose amount is a text makes the plan's
	 * budget roll-up fail in the database, an exception the service does not expect.
	 */
	@BeforeAll
	void storeABudgetTheRollUpCannotAdd(@Autowired Driver driver) {
		try (var session = driver.session()) {
			session
				.run("""
						CREATE (:Plan {key: 'plan-broken', name: 'p', ordinal: 1})<-[:IN_PLAN]-(:Measure {key: 'm-broken', name: 'm'})
						       <-[:LISTED_UNDER]-(:Program {key: 'prog-broken', name: 'p'})
						       -[:HAS_BUDGET]->(:Budget {key: 'b-broken', fiscalYear: 2026, amountYen: 'many'})""")
				.consume();
		}
	}

	@Test
	void aParseErrorIsClean() throws Exception {
		String body = answer("{ plans { id ");
		assertThat(body).contains("\"errors\"");
		assertClean(body);
	}

	@Test
	void aValidationErrorIsClean() throws Exception {
		String body = answer("{ plans { id noSuchField } }");
		assertThat(body).contains("noSuchField");
		assertClean(body);
	}

	@Test
	void aBadVariableIsClean() throws Exception {
		String body = answer("query($n: Int) { programs(first: $n) { totalCount } }", Map.of("n", Map.of("a", 1)));
		assertThat(body).contains("\"errors\"");
		assertClean(body);
	}

	@Test
	void aStatementTheDatabaseRejectsIsAnInternalErrorWithoutDetails() throws Exception {
		String body = answer("{ plans { budget(fiscalYear: 2026) } }");
		assertThat(body).contains("\"code\":\"INTERNAL\"", "\"message\":\"Internal error\"");
		assertClean(body);
	}

	@Test
	void aBodyThatIsNotJsonIsClean() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertClean(result.getResponse().getContentAsString());
	}

	private String answer(String query) throws Exception {
		return answer(query, Map.of());
	}

	private String answer(String query, Map<String, Object> variables) throws Exception {
		return body(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("query", query, "variables", variables))));
	}

	/** The response body, once the GraphQL handler's asynchronous answer is there. */
	private String body(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		String body = result.getResponse().getContentAsString();
		assertThat(body).isNotBlank();
		return body;
	}

	static void assertClean(String body) {
		assertThat(body).as(body)
			.doesNotContain("Exception", "java.", "org.policygraph", "org.neo4j", "org.springframework", "graphql.",
					"\tat ", "MATCH ", "RETURN ", "toLower", "Long(42)");
	}

}
