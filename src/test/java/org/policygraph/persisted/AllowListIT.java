package org.policygraph.persisted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policygraph.persisted.PersistedRequests.Answer;
import org.policygraph.support.PolicyGraphIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.persisted.PersistedRequests.apq;
import static org.policygraph.persisted.PersistedRequests.sha256;

/**
 * Trusted documents: with the allow-list mode, the examples run by documentId, hash or
 * text, and nothing else runs.
 */
@PolicyGraphIntegrationTest
@TestPropertySource(properties = "policygraph.persisted-documents.mode=allow-list")
class AllowListIT {

	final PersistedRequests requests;

	final String example;

	AllowListIT(@Autowired MockMvc mvc, @Autowired JsonMapper json) throws Exception {
		this.requests = new PersistedRequests(mvc, json);
		this.example = Files.readString(Path.of("graphql/examples/organization-partner-bodies.graphql"),
				StandardCharsets.UTF_8);
	}

	@Test
	void anExampleRunsByDocumentIdByHashAndByItsText() throws Exception {
		for (Map<String, Object> body : java.util.List.of(
				Map.<String, Object>of("documentId", "sha256:" + sha256(this.example)), apq(sha256(this.example), 1),
				apq(sha256(this.example), this.example), Map.<String, Object>of("query", this.example))) {
			Answer answer = this.requests.send(body);
			assertThat(answer.hasErrors()).as(answer.body().toString()).isFalse();
			assertThat(answer.data().path("partnerBodies").isArray()).isTrue();
		}
	}

	/**
	 * The explorer at /explore/ sends its operations' files as they are, so it works in
	 * this mode too.
	 */
	@Test
	void everyExplorerOperationRunsByItsText() throws Exception {
		Map<String, String> ids = Map.of("plan", "plan-shin-vision", "kpi", "kpi-tabunka-awareness", "trace",
				"kpi-tabunka-awareness", "program", "prog-sukoyaka-kyosei", "organization", "org-kokusai-seisaku-ka",
				"partner-body", "pb-kitaq-international-association");
		try (var files = Files.list(Path.of("src/main/resources/explore/operations"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList()) {
				String name = file.getFileName().toString().replace(".graphql", "");
				Map<String, Object> variables = Map.of("id", ids.getOrDefault(name, "pil-sv-2"), "fiscalYear", 2026,
						"text", "多文化", "retire", java.util.List.of("prog-sukoyaka-kyosei"), "planId",
						"plan-shin-vision");
				Answer answer = this.requests
					.send(Map.of("query", Files.readString(file, StandardCharsets.UTF_8), "variables", variables));
				// it ran: an id the shared test graph lacks is the operation's own
				// NOT_FOUND, not a refusal
				assertThat(answer.code()).as(file + ": " + answer.body()).isNotEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
				assertThat(answer.body().has("data")).as(file + ": " + answer.body()).isTrue();
			}
		}
	}

	@Test
	void anUnlistedDocumentIsRefusedHoweverItIsSent() throws Exception {
		String unlisted = "query Unlisted { plans { id } }";
		for (Map<String, Object> body : java.util.List.of(Map.<String, Object>of("query", unlisted),
				apq(sha256(unlisted), unlisted), apq(sha256(unlisted), 1),
				Map.<String, Object>of("documentId", "sha256:" + sha256(unlisted)))) {
			Answer answer = this.requests.send(body);
			assertThat(answer.status()).as(body.toString()).isEqualTo(200);
			assertThat(answer.code()).as(body.toString()).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
			assertThat(answer.body().has("data")).as(body.toString()).isFalse();
		}
	}

	@Test
	void anExampleChangedByOneCharacterIsNotListed() throws Exception {
		Answer answer = this.requests.send(Map.of("query", this.example + " "));
		assertThat(answer.code()).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
	}

	@Test
	void aRefusalIsStatus400ForAClientAcceptingGraphQlResponseJson() throws Exception {
		Answer answer = this.requests.send(this.requests.json().writeValueAsString(Map.of("query", "{ plans { id } }")),
				MediaType.parseMediaType("application/graphql-response+json"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
	}

}
