package org.policygraph.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's local path: the dev profile trusts the local key, and the one-line command
 * {@code java src/dev/MintToken.java <name>} mints an editor's token for it (run here as
 * a real process).
 */
@PolicyGraphIntegrationTest
@ActiveProfiles("dev")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevProfileIT {

	static final Path KEYS = temporaryDirectory();

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	Driver driver;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("policygraph.security.dev-key-dir", KEYS::toString);
	}

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
	}

	@Test
	void aTokenMintedByTheOneLineCommandMakesAnEditor() throws Exception {
		this.graphQl.mutate()
			.header("Authorization", "Bearer " + mint("officer-dev"))
			.build()
			.document("""
					mutation { upsertProgram(input: {id: "prog-test-dev", name: "開発用",
					  source: {sourceId: "shin-vision-r8-programs", section: "Ⅰ"}}) { created change { actor } } }""")
			.execute()
			.path("upsertProgram.created")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("upsertProgram.change.actor")
			.entity(String.class)
			.isEqualTo("officer-dev@" + SecurityProperties.DEV_ISSUER);
	}

	@Test
	void aReadersTokenFromTheCommandIsForbidden() throws Exception {
		this.graphQl.mutate()
			.header("Authorization", "Bearer " + mint("resident-dev", "--reader"))
			.build()
			.document("""
					mutation { upsertProgram(input: {id: "prog-test-dev-reader", name: "閲覧者",
					  source: {sourceId: "shin-vision-r8-programs", section: "Ⅰ"}}) { created } }""")
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
	}

	/**
	 * Before, the dev profile accepted a foreign aud and no exp; now it holds tokens to
	 * the same rules as any.
	 */
	@ParameterizedTest
	@EnumSource(RefusedToken.class)
	void aTokenSignedByTheLocalKeyIsRefusedWhenOneThingIsWrong(RefusedToken variant) throws Exception {
		TokenProbe.assertRefused(this.mvc, this.driver,
				variant.token(SecurityProperties.DEV_ISSUER, SecurityProperties.DEFAULT_AUDIENCE, devKey()),
				variant.named);
	}

	@Test
	void theTokenTheVariantsBendIsAccepted() throws Exception {
		assertThat(TokenProbe.acceptedActor(this.mvc, RefusedToken.valid(SecurityProperties.DEV_ISSUER,
				SecurityProperties.DEFAULT_AUDIENCE, devKey(), "officer-bent")))
			.isEqualTo("officer-bent@" + SecurityProperties.DEV_ISSUER);
	}

	@Test
	void theCommandRefusesToMintATokenForTheServicesOwnName() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "src/dev/MintToken.java", "system", "--keys", KEYS.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
	}

	/** The private half of the key the service made in KEYS at start-up. */
	static java.security.PrivateKey devKey() throws Exception {
		String pem = Files.readString(KEYS.resolve(DevSigningKey.PRIVATE_KEY_FILE));
		byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
		return java.security.KeyFactory.getInstance("RSA")
			.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
	}

	static String mint(String... args) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new java.util.ArrayList<>(List.of(java, "src/dev/MintToken.java"));
		command.addAll(List.of(args));
		command.addAll(List.of("--keys", KEYS.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}

	static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("policygraph-dev-keys");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
