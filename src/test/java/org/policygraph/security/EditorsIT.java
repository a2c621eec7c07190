package org.policygraph.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reads are public; only an editor's valid token changes the graph, and a refusal changes
 * nothing.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorsIT {

	static final String MUTATION = """
			{"query": "mutation { upsertProgram(input: {id: \\"prog-test-auth\\", name: \\"認可試験\\", source: {sourceId: \\"shin-vision-r8-programs\\", section: \\"Ⅰ\\"}}) { created } }"}""";

	static final String MUTATION_DOCUMENT = """
			mutation { upsertProgram(input: {id: "prog-test-auth", name: "認可試験",
			  source: {sourceId: "shin-vision-r8-programs", section: "Ⅰ"}}) { created } }""";

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Driver driver;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
	}

	@Test
	void withoutATokenAMutationIsUnauthorizedAndNothingIsWritten() {
		this.graphQl.document(MUTATION_DOCUMENT)
			.execute()
			.errors()
			.expect(error -> "UNAUTHORIZED".equals(error.getExtensions().get("code")))
			.verify();
		assertUnchanged();
	}

	@Test
	void aReadersTokenIsForbiddenToChange() {
		this.graphQl.mutate()
			.header("Authorization", "Bearer " + TestTokens.reader("resident"))
			.build()
			.document(MUTATION_DOCUMENT)
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("'resident' may read but not change"))
			.verify();
		assertUnchanged();
	}

	@Test
	void anExpiredTokenIsRefusedWith401() throws Exception {
		refused(TestTokens.expiredEditor("officer"));
	}

	@Test
	void aTokenFromAnotherIssuerIsRefusedWith401() throws Exception {
		refused(TestTokens.editorFromOtherIssuer("officer"));
	}

	@Test
	void aTokenSignedByAnotherKeyIsRefusedWith401() throws Exception {
		refused(TestTokens.editorSignedByStranger("officer"));
	}

	@Test
	void aTokenThatIsNotAJwtIsRefusedWith401() throws Exception {
		refused("not-a-token");
	}

	@Test
	void anEditorScopeAlsoMakesAnEditor() {
		this.graphQl.mutate()
			.header("Authorization", "Bearer " + TestTokens.editorByScope("officer-scope"))
			.build()
			.document("""
					mutation { upsertProgram(input: {id: "prog-test-scope", name: "スコープ試験",
					  source: {sourceId: "shin-vision-r8-programs", section: "Ⅰ"}}) { created } }""")
			.execute()
			.path("upsertProgram.created")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void readsNeedNoToken() {
		this.graphQl.document("{ node(id: \"prog-megaregion\") { id } }")
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo("prog-megaregion");
	}

	void refused(String token) throws Exception {
		this.mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.content(MUTATION))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNAUTHORIZED"));
		assertUnchanged();
	}

	void assertUnchanged() {
		try (var session = this.driver.session()) {
			assertThat(session.run("MATCH (n {key: 'prog-test-auth'}) RETURN count(n)").single().get(0).asLong())
				.isZero();
			assertThat(session
				.run("MATCH (c:Change) WHERE c.actor STARTS WITH $officer OR c.actor STARTS WITH $resident "
						+ "RETURN count(c)", Map.of("officer", "officer@", "resident", "resident@"))
				.single()
				.get(0)
				.asLong()).isZero();
		}
	}

}
