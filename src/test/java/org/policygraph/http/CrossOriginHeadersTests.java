package org.policygraph.http;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CORS headers a page on an allowed origin needs, and none for another origin,
 * without a server.
 */
class CrossOriginHeadersTests {

	static final String APP = "http://localhost:3000";

	final CrossOrigin.Headers headers = new CrossOrigin.Headers(new CorsProperties(List.of(APP)), null,
			JsonMapper.builder().build(), List.of("/graphql"));

	@Test
	void aPreflightAllowsTheIfNoneMatchOfAPageThatRevalidatesByItself() throws Exception {
		MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", "/graphql");
		preflight.addHeader("Origin", APP);
		preflight.addHeader("Access-Control-Request-Method", "GET");
		preflight.addHeader("Access-Control-Request-Headers", "if-none-match");
		MockHttpServletResponse answer = new MockHttpServletResponse();
		this.headers.doFilter(preflight, answer, new MockFilterChain());
		assertThat(answer.getStatus()).isEqualTo(204);
		assertThat(answer.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("If-None-Match")
			.containsIgnoringCase("Authorization")
			.containsIgnoringCase("Content-Type");
	}

	@Test
	void anAnswerToAnAllowedOriginLetsItMeasureTheRequestAndOthersDoNot() throws Exception {
		MockHttpServletRequest allowed = new MockHttpServletRequest("GET", "/graphql");
		allowed.addHeader("Origin", APP);
		MockHttpServletResponse answer = new MockHttpServletResponse();
		this.headers.doFilter(allowed, answer, new MockFilterChain());
		assertThat(answer.getHeader("Timing-Allow-Origin")).isEqualTo(APP);

		MockHttpServletRequest other = new MockHttpServletRequest("GET", "/graphql");
		other.addHeader("Origin", "https://elsewhere.example");
		MockHttpServletResponse refused = new MockHttpServletResponse();
		this.headers.doFilter(other, refused, new MockFilterChain());
		assertThat(refused.getHeader("Timing-Allow-Origin")).isNull();
		assertThat(refused.getHeader("Access-Control-Allow-Origin")).isNull();
	}

}
