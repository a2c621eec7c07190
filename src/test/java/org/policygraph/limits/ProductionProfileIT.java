package org.policygraph.limits;

import org.junit.jupiter.api.Test;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The prod profile hides the API's map: no GraphiQL, no introspection; queries still run. */
@PolicyGraphIntegrationTest
@ActiveProfiles("prod")
class ProductionProfileIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void graphiQlIsOff() throws Exception {
		this.mvc.perform(get("/graphiql")).andExpect(status().isNotFound());
	}

	@Test
	void introspectionIsRefused() {
		for (String query : new String[] { "{ __schema { types { name } } }", "{ __type(name: \"Plan\") { fields { name } } }" }) {
			this.graphQl.document(query)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).as(query).isNotEmpty().allSatisfy(error -> assertThat(error.getMessage())
					.as(error.toString()).containsIgnoringCase("introspection")));
		}
	}

	@Test
	void queriesStillRun() {
		this.graphQl.document("{ plans { id } }").execute().errors().verify();
	}

}
