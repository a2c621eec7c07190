package org.policygraph.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Requests as Apollo's PersistedQueryLink and GraphQL-over-HTTP's documentId clients send
 * them, by POST and GET.
 */
record PersistedRequests(MockMvc mvc, JsonMapper json) {

	/** The protocol's hash: SHA-256 of the document's UTF-8 text, lower-case hex. */
	static String sha256(String document) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
	}

	static Map<String, Object> apq(String hash, Object version) {
		Map<String, Object> persisted = new LinkedHashMap<>();
		persisted.put("version", version);
		persisted.put("sha256Hash", hash);
		return Map.of("extensions", Map.of("persistedQuery", persisted));
	}

	static Map<String, Object> apq(String hash, String document) {
		Map<String, Object> request = new LinkedHashMap<>(apq(hash, 1));
		request.put("query", document);
		return request;
	}

	Answer send(Map<String, Object> body) throws Exception {
		return send(this.json.writeValueAsString(body), MediaType.APPLICATION_JSON);
	}

	Answer send(String body, MediaType accept) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept).content(body))
			.andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		return answer(result);
	}

	/**
	 * A GET as Apollo's {@code useGETForHashedQueries} ({@code extensions}) or a
	 * GraphQL-over-HTTP client ({@code documentId}) sends it, with {@code If-None-Match}
	 * when {@code etag} is not null.
	 */
	Answer get(Map<String, String> parameters, String etag) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get("/graphql")
			.accept(MediaType.APPLICATION_JSON);
		parameters.forEach(request::queryParam);
		if (etag != null) {
			request.header(HttpHeaders.IF_NONE_MATCH, etag);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		return answer(result);
	}

	private Answer answer(MvcResult result) throws Exception {
		String content = result.getResponse().getContentAsString();
		HttpHeaders headers = new HttpHeaders();
		result.getResponse()
			.getHeaderNames()
			.forEach(name -> headers.addAll(name, result.getResponse().getHeaders(name)));
		return new Answer(result.getResponse().getStatus(),
				content.isEmpty() ? MissingNode.getInstance() : this.json.readTree(content), headers);
	}

	/** The {@code extensions} parameter Apollo's link sends with the hash alone. */
	static String extensions(String hash) {
		return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
	}

	record Answer(int status, JsonNode body, HttpHeaders headers) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

		String code() {
			return this.body.path("errors").path(0).path("extensions").path("code").asString("");
		}

		String message() {
			return this.body.path("errors").path(0).path("message").asString("");
		}

		JsonNode data() {
			return this.body.path("data");
		}

		boolean hasErrors() {
			return !this.body.path("errors").isMissingNode();
		}

	}

}
