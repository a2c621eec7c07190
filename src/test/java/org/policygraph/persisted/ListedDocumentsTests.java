package org.policygraph.persisted;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ListedDocumentsTests {

	final JsonMapper json = JsonMapper.builder().build();

	// SHA-256 of "{ plans { id } }" (sha256sum of the text without a newline)
	static final String PLANS = "{ plans { id } }";

	static final String PLANS_SHA256 = "25b74c8f2a47d94fa90483f8b13a6024dee662fa07d258fd4f2c06589dff85c3";

	@Test
	void aRelayManifestListsEachDocumentByItsSha256() throws Exception {
		var documents = ListedDocuments.manifest(manifest("{\"" + PLANS_SHA256 + "\": \"" + PLANS + "\"}"), this.json);
		assertThat(documents).containsEntry(PLANS_SHA256, PLANS);
	}

	@Test
	void anApolloManifestListsEachOperationsBody() throws Exception {
		var documents = ListedDocuments
			.manifest(
					manifest("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, "
							+ "\"operations\": [{\"id\": \"" + PLANS_SHA256.toUpperCase()
							+ "\", \"name\": \"P\", \"type\": \"query\", " + "\"body\": \"" + PLANS + "\"}]}"),
					this.json);
		assertThat(documents).containsEntry(PLANS_SHA256, PLANS);
	}

	@Test
	void aKeyThatIsNotTheSha256OfItsDocumentStopsTheStart() {
		// an MD5 key, as Relay writes by default
		assertThatIllegalStateException()
			.isThrownBy(() -> ListedDocuments
				.manifest(manifest("{\"8b1a9953c4611296a827abf8c47804d7\": \"" + PLANS + "\"}"), this.json))
			.withMessageContaining("is not the SHA-256 of its document (" + PLANS_SHA256 + ")");
		assertThatIllegalStateException().isThrownBy(() -> ListedDocuments.manifest(manifest("[1]"), this.json))
			.withMessageContaining("neither");
	}

	private static ByteArrayResource manifest(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test manifest");
	}

}
