package org.policygraph.embedded;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedNeo4jStartupTests {

	@Test
	void browserLoadsTheStyleFromTheServicesPort() {
		assertThat(EmbeddedNeo4jStartup.browserStyleCommand(new MockEnvironment()))
			.isEqualTo("style http://localhost:8080/browser-assets/style.grass");
		assertThat(EmbeddedNeo4jStartup.browserStyleCommand(new MockEnvironment().withProperty("server.port", "9090")))
			.isEqualTo("style http://localhost:9090/browser-assets/style.grass");
	}

	@Test
	void noStyleCommandWhenThePortIsPickedAtRandom() {
		assertThat(EmbeddedNeo4jStartup.browserStyleCommand(new MockEnvironment().withProperty("server.port", "0")))
			.isNull();
	}

}
