package org.policygraph.security;

import java.util.Map;

import org.neo4j.driver.Driver;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A mutation sent with a token, and what a refusal must look like: 401, the claim named,
 * nothing written.
 */
final class TokenProbe {

	static final String PROGRAM = "prog-test-probe";

	static final String MUTATION = """
			{"query": "mutation { upsertProgram(input: {id: \\"prog-test-probe\\", name: \\"探査\\", source: {sourceId: \\"shin-vision-r8-programs\\", section: \\"Ⅰ\\"}}) { created change { actor } } }"}""";

	private TokenProbe() {
	}

	static void assertRefused(MockMvc mvc, Driver driver, String token, String named) throws Exception {
		String message = mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.content(MUTATION))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNAUTHORIZED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(message).contains("The bearer token was refused").contains(named);
		// no class of the service, Spring, Nimbus or the JDK
		assertThat(message).doesNotContainPattern("\\b(org|com|java|javax|jakarta)\\.[a-z]+\\.")
			.doesNotContain("Exception");
		try (var session = driver.session()) {
			assertThat(session.run("MATCH (n {key: $key}) RETURN count(n)", Map.of("key", PROGRAM))
				.single()
				.get(0)
				.asLong()).isZero();
			assertThat(session.run("MATCH (c:Change) WHERE c.actor STARTS WITH 'officer-probe' OR c.actor STARTS WITH "
					+ "'null@' OR c.actor STARTS WITH 'system@' OR c.actor STARTS WITH 'retirement@' RETURN count(c)")
				.single()
				.get(0)
				.asLong()).isZero();
		}
	}

	/** Sends the mutation and answers the actor its change record names. */
	static String acceptedActor(MockMvc mvc, String token) throws Exception {
		String body = mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.content(MUTATION.replace(PROGRAM, PROGRAM + "-valid")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.data.upsertProgram.change.actor");
	}

}
