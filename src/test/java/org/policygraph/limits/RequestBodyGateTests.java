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

class RequestBodyGateTests {

	final RequestBodyGate gate = new RequestBodyGate(
			new BodyLimits(10, Duration.ofSeconds(5), JsonMapper.builder().build()), "/imports");

	@Test
	void aBodyThatCameWithItsHeadersGoesOnWholeWithoutWaiting() throws Exception {
		MockHttpServletRequest request = request("/graphql", "{\"a\":1}");
		MockFilterChain chain = new MockFilterChain();
		this.gate.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(request.isAsyncStarted()).isFalse();
		assertThat(chain.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8)
			.isEqualTo("{\"a\":1}");
		assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(7);
	}

	@Test
	void aBodyDeclaredLargerThanTheLimitIsRefusedWith413OnAnyPath() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.gate.doFilter(request("/no-such-path", "0123456789abcdef"), response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"code\":\"REQUEST_TOO_LARGE\"", "\"limit\":10",
				"\"value\":16", "policygraph.limits.max-request-size");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aChunkedBodyIsReadOnlyOneBytePastTheLimitBeforeItIsRefused() throws Exception {
		MockHttpServletRequest request = request("/graphql", "0123456789abcdef");
		request.addHeader("Transfer-Encoding", "chunked");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.gate.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		}, response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("larger than 10 bytes");
		assertThat(request.getInputStream().readAllBytes()).hasSize(16 - 11);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aRequestWithoutABodyAndAnUploadGoOnUntouched() throws Exception {
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/graphiql");
		MockFilterChain chain = new MockFilterChain();
		this.gate.doFilter(get, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(get);

		// the multipart parser reads uploads itself, up to its own, larger limits
		MockHttpServletRequest upload = request("/imports", "0123456789abcdef");
		upload.setContentType("multipart/form-data; boundary=x");
		chain = new MockFilterChain();
		this.gate.doFilter(upload, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(upload);
	}

	private static MockHttpServletRequest request(String path, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		request.setContentType("application/json");
		return request;
	}

}
