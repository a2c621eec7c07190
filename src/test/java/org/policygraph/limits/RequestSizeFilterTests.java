package org.policygraph.limits;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeFilterTests {

	final RequestSizeFilter filter = new RequestSizeFilter(10, JsonMapper.builder().build());

	@Test
	void aBodyDeclaredLargerThanTheLimitIsRefusedWith413() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("{\"query\":\"{}\"}"), response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"code\":\"REQUEST_TOO_LARGE\"", "\"limit\":10",
				"\"value\":14", "policygraph.limits.max-request-size");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aBodyOfUnknownLengthIsReadOnlyOneBytePastTheLimitBeforeItIsRefused() throws Exception {
		MockHttpServletRequest request = request("{\"query\":\"{}\"}");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		}, response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("larger than 10 bytes");
		assertThat(request.getInputStream().readAllBytes()).hasSize(14 - 11);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aBodyWithinTheLimitReachesTheEndpointWhole() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("{\"a\":1}"), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8)
			.isEqualTo("{\"a\":1}");
	}

	private static MockHttpServletRequest request(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
