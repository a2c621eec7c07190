package org.policygraph.persisted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policygraph.persisted.PersistedRequests.Answer;
import org.policygraph.support.PolicyGraphIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.persisted.PersistedRequests.apq;
import static org.policygraph.persisted.PersistedRequests.sha256;

/**
 * Apollo's automatic persisted queries and GraphQL-over-HTTP's documentId in the default
 * mode (open): what Apollo's PersistedQueryLink needs to fall back to sending the
 * document (the message PersistedQueryNotFound or the code PERSISTED_QUERY_NOT_FOUND,
 * with status 200), and then to send the hash alone. Each test uses documents of its own,
 * since documents registered stay for the context.
 */
@PolicyGraphIntegrationTest
class PersistedDocumentsIT {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	final PersistedRequests requests;

	PersistedDocumentsIT(@Autowired MockMvc mvc, @Autowired JsonMapper json) {
		this.requests = new PersistedRequests(mvc, json);
	}

	@Test
	void anUnknownHashIsNotFoundThenTheDocumentWithItsHashRunsAndIsKeptThenTheHashAloneRunsIt() throws Exception {
		String document = "query ApqRoundTrip { plans { id name } }";
		String hash = sha256(document);

		Answer unknown = this.requests.send(apq(hash, 1));
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.message()).isEqualTo("PersistedQueryNotFound");
		assertThat(unknown.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

		Answer registered = this.requests.send(apq(hash, document));
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.hasErrors()).as(registered.body().toString()).isFalse();
		assertThat(registered.data().path("plans").isArray()).isTrue();

		Answer byHash = this.requests.send(apq(hash, 1));
		assertThat(byHash.status()).isEqualTo(200);
		assertThat(byHash.hasErrors()).as(byHash.body().toString()).isFalse();
		assertThat(byHash.data().path("plans").isArray()).isTrue();
	}

	@Test
	void notFoundIsStatus200AlsoForAClientAcceptingGraphQlResponseJson() throws Exception {
		// Apollo Client 3 stops sending hashes for good on a 400
		Answer unknown = this.requests.send(
				this.requests.json()
					.writeValueAsString(apq(sha256("query AcceptsGraphQlResponse { plans { id } }"), 1)),
				GRAPHQL_RESPONSE);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void aDocumentThatIsNotTheOneItsHashNamesIsRefusedWith400AndNotKept() throws Exception {
		String named = "query Named { plans { id } }";
		String sent = "query Sent { plans { id } }";

		Answer mismatch = this.requests.send(apq(sha256(named), sent));
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.code()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");

		assertThat(this.requests.send(apq(sha256(named), 1)).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void aProtocolVersionOtherThan1IsNotSupported() throws Exception {
		String document = "query VersionTwo { plans { id } }";
		for (Object version : new Object[] { 2, "1", null }) {
			Answer answer = this.requests.send(apq(sha256(document), version));
			assertThat(answer.status()).as("version %s", version).isEqualTo(200);
			assertThat(answer.message()).as("version %s", version).isEqualTo("PersistedQueryNotSupported");
			assertThat(answer.code()).as("version %s", version).isEqualTo("PERSISTED_QUERY_NOT_SUPPORTED");
		}
	}

	@Test
	void aDocumentRefusedByTheQueryLimitsOrTheSchemaIsNotKept() throws Exception {
		StringBuilder aliases = new StringBuilder("query TooManyAliases {");
		for (int i = 0; i < 51; i++) {
			aliases.append(" a").append(i).append(": plans { id }");
		}
		String tooManyAliases = aliases.append(" }").toString();
		String invalid = "query Invalid { plans { noSuchField } }";

		assertThat(this.requests.send(apq(sha256(tooManyAliases), tooManyAliases)).code())
			.isEqualTo("TOO_MANY_ALIASES");
		assertThat(this.requests.send(apq(sha256(invalid), invalid)).code()).isEqualTo("GRAPHQL_VALIDATION_FAILED");

		assertThat(this.requests.send(apq(sha256(tooManyAliases), 1)).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(this.requests.send(apq(sha256(invalid), 1)).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void aDocumentIdNamesAnExampleOrAKeptDocument() throws Exception {
		String example = Files.readString(Path.of("graphql/examples/organization-partner-bodies.graphql"),
				StandardCharsets.UTF_8);
		Answer byExample = this.requests.send(Map.of("documentId", "sha256:" + sha256(example)));
		assertThat(byExample.hasErrors()).as(byExample.body().toString()).isFalse();
		assertThat(byExample.data().path("partnerBodies").isArray()).isTrue();

		String document = "query KeptForDocumentId { plans { id } }";
		assertThat(this.requests.send(Map.of("documentId", "sha256:" + sha256(document))).code())
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(this.requests.send(apq(sha256(document), document)).hasErrors()).isFalse();
		Answer byId = this.requests.send(Map.of("documentId", "sha256:" + sha256(document).toUpperCase()));
		assertThat(byId.hasErrors()).as(byId.body().toString()).isFalse();
		assertThat(byId.data().path("plans").isArray()).isTrue();
	}

	@Test
	void aNameThatIsNoSha256IsABadRequestBody() throws Exception {
		for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(Map.of("documentId", "md5:abc"),
				Map.of("documentId", "sha256:" + "g".repeat(64)), apq("a".repeat(63), 1), apq("a".repeat(10000), 1),
				Map.of("extensions", Map.of("persistedQuery", "abc")))) {
			Answer answer = this.requests.send(body);
			assertThat(answer.status()).as(body.toString()).isEqualTo(400);
			assertThat(answer.code()).as(body.toString()).isEqualTo("BAD_REQUEST_BODY");
			assertThat(answer.message()).as(body.toString()).doesNotContain("aaaaaaaaaa");
		}
	}

	@Test
	void aBodyWithoutQueryOrAPersistedNameIsStillABadRequestBody() throws Exception {
		Answer answer = this.requests.send(Map.of("extensions", Map.of("other", 1)));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BAD_REQUEST_BODY");
	}

	// --- by GET: Apollo's useGETForHashedQueries sends ?extensions= without query,
	// GraphQL over HTTP ?documentId=

	@Test
	void aHashAloneByGetIsNotFoundUncachedThenRunsTheKeptDocumentWithAnETagThatRevalidates() throws Exception {
		String document = "query KeptForGet { plans { id } }";
		Map<String, String> byHash = Map.of("extensions", PersistedRequests.extensions(sha256(document)));

		Answer unknown = this.requests.get(byHash, null);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.message()).isEqualTo("PersistedQueryNotFound");
		assertThat(unknown.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(unknown.header("Cache-Control")).isEqualTo("no-store");

		assertThat(this.requests.send(apq(sha256(document), document)).hasErrors()).isFalse();

		Answer known = this.requests.get(byHash, null);
		assertThat(known.status()).isEqualTo(200);
		assertThat(known.hasErrors()).as(known.body().toString()).isFalse();
		assertThat(known.data().path("plans").isArray()).isTrue();
		assertThat(known.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
		assertThat(known.header("ETag")).startsWith("\"");

		Answer again = this.requests.get(byHash, known.header("ETag"));
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.header("ETag")).isEqualTo(known.header("ETag"));
	}

	@Test
	void aDocumentIdByGetRunsAnExampleWithAnETag() throws Exception {
		String example = Files.readString(Path.of("graphql/examples/organization-partner-bodies.graphql"),
				StandardCharsets.UTF_8);
		Answer answer = this.requests.get(Map.of("documentId", "sha256:" + sha256(example)), null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.hasErrors()).as(answer.body().toString()).isFalse();
		assertThat(answer.data().path("partnerBodies").isArray()).isTrue();
		assertThat(answer.header("ETag")).startsWith("\"");
	}

	@Test
	void aMutationNamedByHashIsRefusedByGetWith405LikeOneSentAsText() throws Exception {
		// kept although refused: it parsed, validated and ran, and without a token its
		// field answered an error
		String mutation = "mutation KeptMutation { upsertProgram(input: {id: \"prog-get-hash\", name: \"GET試験事業\", "
				+ "source: {sourceId: \"shin-vision-r8-programs\", section: \"Ⅰ/No.1\"}}) { changed } }";
		this.requests.send(apq(sha256(mutation), mutation));
		assertThat(this.requests.send(apq(sha256(mutation), 1)).code()).as("kept")
			.isNotEqualTo("PERSISTED_QUERY_NOT_FOUND");

		for (Map<String, String> byHash : List.of(Map.of("extensions", PersistedRequests.extensions(sha256(mutation))),
				Map.of("documentId", "sha256:" + sha256(mutation)))) {
			Answer answer = this.requests.get(byHash, null);
			assertThat(answer.status()).as(byHash.toString()).isEqualTo(405);
			assertThat(answer.code()).isEqualTo("METHOD_NOT_ALLOWED");
			assertThat(answer.header("Allow")).isEqualTo("POST");
		}
	}

	@Test
	void aMalformedNameOrAHashOfAnotherDocumentByGetIsRefusedWith400() throws Exception {
		String plans = "{ plans { id } }";
		for (Map<String, String> parameters : List.of(Map.of("documentId", "md5:abc"),
				Map.of("extensions", PersistedRequests.extensions("a".repeat(63))),
				Map.of("extensions", "{\"persistedQuery\": \"abc\"}"), Map.of("documentId", "sha256:" + sha256(plans),
						"extensions", PersistedRequests.extensions(sha256("{ plans { name } }"))))) {
			Answer answer = this.requests.get(parameters, null);
			assertThat(answer.status()).as(parameters.toString()).isEqualTo(400);
			assertThat(answer.code()).as(parameters.toString()).isEqualTo("BAD_ARGUMENT");
		}
		Answer mismatch = this.requests.get(
				Map.of("query", plans, "extensions", PersistedRequests.extensions(sha256("{ plans { name } }"))), null);
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.code()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
		assertThat(this.requests.get(Map.of("extensions", "{}"), null).code()).isEqualTo("BAD_ARGUMENT");
	}

}
