package org.policygraph.persisted;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegisteredDocumentsTests {

	@Test
	void beyondTheBoundTheLeastRecentlyUsedDocumentIsDropped() {
		RegisteredDocuments documents = new RegisteredDocuments(2);
		documents.register("a", "{ a }");
		documents.register("b", "{ b }");
		assertThat(documents.find("a")).isEqualTo("{ a }");
		documents.register("c", "{ c }");
		assertThat(documents.size()).isEqualTo(2);
		assertThat(documents.find("b")).isNull();
		assertThat(documents.find("a")).isEqualTo("{ a }");
		assertThat(documents.find("c")).isEqualTo("{ c }");
	}

	@Test
	void aBoundOfZeroKeepsNothing() {
		RegisteredDocuments documents = new RegisteredDocuments(0);
		documents.register("a", "{ a }");
		assertThat(documents.find("a")).isNull();
		assertThat(documents.size()).isZero();
	}

	@Test
	void aFloodOfDocumentsKeepsNoMoreThanTheBound() {
		RegisteredDocuments documents = new RegisteredDocuments(500);
		for (int i = 0; i < 10_000; i++) {
			documents.register(Integer.toString(i), "{ plans { id } }");
		}
		assertThat(documents.size()).isEqualTo(500);
		assertThat(documents.find("9999")).isNotNull();
		assertThat(documents.find("0")).isNull();
	}

}
