package org.policygraph.limits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeFilterTests {

	final RequestSizeFilter filter = new RequestSizeFilter(
			new BodyLimits(10, Duration.ofSeconds(5), JsonMapper.builder().build()));

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

	@Test
	void aJsonBodyThatIsNotAGraphQlRequestIsRefusedWith400BeforeTheEndpoint() throws Exception {
		RequestSizeFilter filter = new RequestSizeFilter(
				new BodyLimits(1000, Duration.ofSeconds(5), JsonMapper.builder().build()));
		for (String body : new String[] { "null", "{\"query\": 1}", "{\"query\"", "[]",
				"{\"query\": \"{ plans { id } }\", \"variables\": \"{}\"}" }) {
			MockHttpServletRequest request = request(body);
			request.setContentType("application/json");
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(request, response, chain);
			assertThat(response.getStatus()).as(body).isEqualTo(400);
			assertThat(response.getContentAsString()).as(body).contains("\"code\":\"BAD_REQUEST_BODY\"");
			assertThat(chain.getRequest()).as(body).isNull();
		}
	}

	@Test
	void aBodyWithoutQueryPassesOnlyWhenItNamesAPersistedDocument() throws Exception {
		RequestSizeFilter filter = new RequestSizeFilter(
				new BodyLimits(1000, Duration.ofSeconds(5), JsonMapper.builder().build()));
		for (String body : new String[] {
				"{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"ab\"}}}",
				"{\"documentId\": \"sha256:ab\"}" }) {
			MockHttpServletRequest request = request(body);
			request.setContentType("application/json");
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(request, new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(body).isNotNull();
		}
		for (String body : new String[] { "{\"extensions\": {\"persistedQuery\": \"ab\"}}", "{\"documentId\": 7}",
				"{\"extensions\": {\"other\": {}}}", "{\"variables\": {\"documentId\": \"sha256:ab\"}}" }) {
			MockHttpServletRequest request = request(body);
			request.setContentType("application/json");
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(request, response, chain);
			assertThat(response.getStatus()).as(body).isEqualTo(400);
			assertThat(response.getContentAsString()).as(body)
				.contains("has no \\\"query\\\" text", "BAD_REQUEST_BODY");
			assertThat(chain.getRequest()).as(body).isNull();
		}
	}

	@Test
	void aJsonBodyThatIsNotUtf8IsRefusedWith400() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.setContent(new byte[] { '{', '"', 'q', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}' });
		MockHttpServletResponse response = new MockHttpServletResponse();
		new RequestSizeFilter(new BodyLimits(1000, Duration.ofSeconds(5), JsonMapper.builder().build()))
			.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("not UTF-8 text", "\"code\":\"BAD_REQUEST_BODY\"");
	}

	private static MockHttpServletRequest request(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
