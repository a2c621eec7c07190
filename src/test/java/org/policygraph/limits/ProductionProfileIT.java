package org.policygraph.limits;

import org.junit.jupiter.api.Test;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The prod profile hides the API's map and the machine: no GraphiQL, no introspection, no
 * Neo4j Browser, health without details; queries still run, and the planners' explorer,
 * which only reads the public API, is served.
 */
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
		for (String query : new String[] { "{ __schema { types { name } } }",
				"{ __type(name: \"Plan\") { fields { name } } }" }) {
			this.graphQl.document(query)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).as(query)
					.isNotEmpty()
					.allSatisfy(error -> assertThat(error.getMessage()).as(error.toString())
						.containsIgnoringCase("introspection")));
		}
	}

	@Test
	void healthSaysUpOrDownOnlyWithoutPathsSizesOrVersions() throws Exception {
		String health = this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(health).contains("\"status\":\"UP\"")
			.doesNotContain("components")
			.doesNotContain("details")
			.doesNotContain("/")
			.doesNotContain("neo4j")
			.doesNotContain("diskSpace");
	}

	@Test
	void neo4jBrowserItsDiscoveryDocumentItsGuideAndGraphiQlsScriptsAreNotServed() throws Exception {
		for (String path : new String[] { "/", "/browser/", "/browser/index.html", "/browser-guide/policygraph.html",
				"/browser-assets/style.grass", "/graphiql/assets/page.js",
				"/webjars/react/umd/react.production.min.js" }) {
			String body = this.mvc.perform(get(path).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(path).doesNotContain("bolt").doesNotContain("neo4j_version");
		}
	}

	/** The planners' explorer reads only the public API, so it is served in prod too. */
	@Test
	void thePlannersExplorerIsServedWithItsContentSecurityPolicy() throws Exception {
		this.mvc.perform(get("/explore/")).andExpect(forwardedUrl("/explore/index.html"));
		for (String path : new String[] { "/explore/index.html", "/explore/app.js",
				"/explore/operations/plan.graphql" }) {
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
		}
	}

	@Test
	void queriesStillRun() {
		this.graphQl.document("{ plans { id } }").execute().errors().verify();
	}

}
