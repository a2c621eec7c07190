package org.policygraph.browser;

import org.junit.jupiter.api.Test;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.TestNeo4j;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Neo4j Browser as the service serves it in external mode: against a server the analyst
 * logs in to.
 */
@PolicyGraphIntegrationTest
class BrowserEndpointsIT {

	@Autowired
	MockMvc mvc;

	@Test
	void theRootAnswersNeo4jBrowsersDiscoveryWithTheConfiguredServer() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bolt_direct").value(TestNeo4j.boltUri().toString()))
			.andExpect(jsonPath("$.neo4j_version").doesNotExist())
			.andExpect(jsonPath("$.neo4j_edition").doesNotExist());
	}

	@Test
	void openingTheBrowserFillsInServerAndUserPlaysTheGuideAndLeavesThePasswordToTheAnalyst() throws Exception {
		String bolt = TestNeo4j.boltUri()
			.toString()
			.replaceFirst("/$", "")
			.replace("bolt://", "bolt%3A%2F%2Fneo4j%40")
			.replace(":", "%3A");
		this.mvc.perform(get("/browser/"))
			.andExpect(redirectedUrl("/browser/?preselectAuthMethod=NATIVE&dbms=" + bolt
					+ "&cmd=play&arg=http%3A%2F%2Flocalhost%3A80%2Fbrowser-guide%2Fpolicygraph.html"));
		this.mvc.perform(get("/browser")).andExpect(redirectedUrl("/browser/"));
		this.mvc.perform(get("/browser/").queryParam("cmd", "play")).andExpect(forwardedUrl("/browser/index.html"));
	}

	@Test
	void aForgedHostHeaderNeverReachesTheRedirectOrTheGuide() throws Exception {
		this.mvc.perform(get("/browser/").header("Host", "evil.example").header("X-Forwarded-Host", "evil.example"))
			.andExpect(header().string("Location", not(containsString("evil"))));
		this.mvc.perform(get("/browser-guide/policygraph.html").header("Host", "evil.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("evil"))));
	}

	@Test
	void servesNeo4jBrowserTheStyleAndTheGuide() throws Exception {
		this.mvc.perform(get("/browser/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Neo4j Browser</title>")));
		this.mvc.perform(get("/browser-assets/style.grass"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("caption: '{label} {name}'")));
		this.mvc.perform(get("/browser-guide/policygraph.html").header("Origin", "http://desktop.example"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "*"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h3>01-kpis-serving-each-pillar.cypher</h3>")))
			.andExpect(content().string(not(containsString("{{"))));
	}

}
