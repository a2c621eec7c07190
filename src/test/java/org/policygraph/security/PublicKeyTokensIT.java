package org.policygraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production-like service that trusts one public key
 * (spring.security.oauth2.resourceserver.jwt.public-key-location) and, by
 * policygraph.security.issuer, one issuer: a token signed by that key is still refused
 * unless every claim is right. Before, a token with a foreign iss, no iss or no exp was
 * accepted here.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicKeyTokensIT {

	static final String ISSUER = "https://id.city.example/realms/policygraph";

	@Autowired
	MockMvc mvc;

	@Autowired
	Driver driver;

	@DynamicPropertySource
	static void publicKey(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKeyFile());
		registry.add("policygraph.security.issuer", () -> ISSUER);
	}

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
	}

	@ParameterizedTest
	@EnumSource(RefusedToken.class)
	void aTokenSignedByTheTrustedKeyIsRefusedWhenOneThingIsWrong(RefusedToken variant) throws Exception {
		TokenProbe.assertRefused(this.mvc, this.driver,
				variant.token(ISSUER, TestTokens.AUDIENCE, TestTokens.privateKey()), variant.named);
	}

	@Test
	void theTokenTheVariantsBendIsAcceptedAndRecordedAsSubjectAtIssuer() throws Exception {
		assertThat(TokenProbe.acceptedActor(this.mvc,
				RefusedToken.valid(ISSUER, TestTokens.AUDIENCE, TestTokens.privateKey(), "officer-pk")))
			.isEqualTo("officer-pk@" + ISSUER);
	}

	static Path publicKeyFile() {
		try {
			Path file = Files.createTempFile("policygraph-public-key", ".pem");
			Files.writeString(file, TestTokens.publicKeyPem());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
