package org.policygraph.persisted;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PersistedRequestFilterTests {

	static final String PLANS = "{ plans { id } }";

	/** sha256sum of the text above. */
	static final String PLANS_SHA256 = "25b74c8f2a47d94fa90483f8b13a6024dee662fa07d258fd4f2c06589dff85c3";

	final JsonMapper json = JsonMapper.builder().build();

	final PersistedRequestFilter filter = new PersistedRequestFilter(this.json);

	@Test
	void aDocumentIdIsHandedOnAsAnApolloPersistedQuery() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(
				request("{\"documentId\": \"sha256:" + PLANS_SHA256.toUpperCase() + "\", \"variables\": {\"a\": 1}}"),
				new MockHttpServletResponse(), chain);
		JsonNode onward = this.json.readTree(chain.getRequest().getInputStream().readAllBytes());
		assertThat(onward.has("documentId")).isFalse();
		assertThat(onward.path("extensions").path("persistedQuery").path("version").asInt()).isEqualTo(1);
		assertThat(onward.path("extensions").path("persistedQuery").path("sha256Hash").asString())
			.isEqualTo(PLANS_SHA256);
		assertThat(onward.path("variables").path("a").asInt()).isEqualTo(1);
	}

	@Test
	void aDocumentWithItsOwnHashPassesUnchanged() throws Exception {
		String body = "{\"query\": \"" + PLANS
				+ "\", \"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + PLANS_SHA256
				+ "\"}}}";
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request(body), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(body);
	}

	@Test
	void aDocumentWithAnotherHashIsRefusedWith400() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("{\"query\": \"{ plans { name } }\", \"extensions\": {\"persistedQuery\": "
				+ "{\"version\": 1, \"sha256Hash\": \"" + PLANS_SHA256 + "\"}}}"), response, chain);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("\"code\":\"PERSISTED_QUERY_HASH_MISMATCH\"");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aNameThatIsNoSha256IsRefusedWith400() throws Exception {
		for (String body : new String[] { "{\"documentId\": \"" + PLANS_SHA256 + "\"}", "{\"documentId\": 5}",
				"{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"xyz\"}}}",
				"{\"extensions\": {\"persistedQuery\": {\"version\": 1}}}",
				"{\"documentId\": \"sha256:" + PLANS_SHA256
						+ "\", \"extensions\": {\"persistedQuery\": {\"version\": 1, " + "\"sha256Hash\": \""
						+ "0".repeat(64) + "\"}}}" }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			this.filter.doFilter(request(body), response, chain);
			assertThat(response.getStatus()).as(body).isEqualTo(400);
			assertThat(response.getContentAsString()).as(body).contains("\"code\":\"BAD_REQUEST_BODY\"");
			assertThat(chain.getRequest()).as(body).isNull();
		}
	}

	@Test
	void anOrdinaryRequestPassesUnchanged() throws Exception {
		String body = "{\"query\": \"" + PLANS + "\"}";
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request(body), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(body);
	}

	private static MockHttpServletRequest request(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
