package org.policygraph.security;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An identity provider that does not answer is no fault of the client's: a token that
 * cannot be checked is a 503 the client may retry, not a 500 and not a 401.
 */
@PolicyGraphIntegrationTest
class TokenCheckUnavailableIT {

	@DynamicPropertySource
	static void identityProviderThatRefusesConnections(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + closedPort() + "/jwks");
		registry.add("policygraph.security.issuer", () -> TestTokens.ISSUER);
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aTokenWhoseKeysCannotBeFetchedIsAServiceUnavailableToRetry() throws Exception {
		this.mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + TestTokens.editor("tanaka"))
				.content("{\"query\":\"{ plans { id } }\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("TOKEN_CHECK_UNAVAILABLE"));
	}

	/** A port nothing listens on: bound, then closed. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
