package org.policygraph.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Requests as Apollo's PersistedQueryLink and GraphQL-over-HTTP's documentId clients send them. */
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
		return new Answer(result.getResponse().getStatus(), this.json.readTree(result.getResponse().getContentAsString()));
	}

	record Answer(int status, JsonNode body) {

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
