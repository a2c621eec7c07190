package org.policygraph.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.policygraph.support.LongTest;
import org.policygraph.support.RunningService;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded Neo4j as a stranger meets it on the default run: a web page in a browser
 * on the same machine, a local process without the password, a Cypher statement reaching
 * for the machine's files or its networks. No password is configured here, so the service
 * generates one and keeps it in the data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LongTest
class EmbeddedBoltSecurityIT {

	private Path dataDir;

	private RunningService service;

	private EmbeddedNeo4jServer server;

	@BeforeAll
	void startEmbedded() throws IOException {
		this.dataDir = Files.createTempDirectory("bolt-security");
		this.service = RunningService.start("spring.neo4j.uri=", "policygraph.embedded.data-dir=" + this.dataDir,
				"policygraph.embedded.bolt-port=0");
		this.server = this.service.context().getBean(EmbeddedNeo4jServer.class);
	}

	@AfterAll
	void stop() throws IOException {
		this.service.close();
		FileSystemUtils.deleteRecursively(this.dataDir);
	}

	@Test
	void aWebPageOnAnotherOriginIsRefusedBoltsWebSocket() throws IOException {
		for (String origin : new String[] { "http://evil.example", "null", "http://localhost:1",
				"https://localhost:" + httpPort(), "http://localhost." + httpPort() }) {
			try (BoltWebSocketProbe page = BoltWebSocketProbe.open(this.server.boltUri(), origin)) {
				assertThat(page.upgradeAnswer).as(origin).startsWith("HTTP/1.1 403");
			}
		}
	}

	@Test
	void theServicesOwnBrowserPageMayOpenTheWebSocketAndMustStillLogIn() throws IOException {
		for (String origin : new String[] { "http://localhost:" + httpPort(), "http://127.0.0.1:" + httpPort() }) {
			try (BoltWebSocketProbe page = BoltWebSocketProbe.open(this.server.boltUri(), origin)) {
				assertThat(page.upgraded()).as(page.upgradeAnswer).isTrue();
				assertThat(page.handshake()).hasSize(4);
				assertThat(page.hello()).startsWith("SUCCESS");
				assertThat(page.logon("none", null, null)).startsWith("FAILURE").contains("Neo.ClientError.Security");
			}
		}
	}

	@Test
	void neo4jsOwnListenerBehindTheGateStillAsksForThePassword() throws IOException {
		// A page that finds Neo4j's own loopback port gets past no origin check there,
		// and still cannot log in.
		try (BoltWebSocketProbe page = BoltWebSocketProbe.open(this.server.internalUri(), "http://evil.example")) {
			assertThat(page.upgraded()).as(page.upgradeAnswer).isTrue();
			page.handshake();
			assertThat(page.hello()).startsWith("SUCCESS");
			assertThat(page.logon("basic", "neo4j", "neo4j")).startsWith("FAILURE")
				.contains("Neo.ClientError.Security");
			// refused, or the connection closed for it
			assertThat(page.run("LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row")).doesNotStartWith("SUCCESS")
				.doesNotStartWith("RECORD");
		}
		assertThat(count("MATCH (n) RETURN count(n)")).isPositive();
	}

	@Test
	void boltRefusesAClientWithoutCredentialsOrWithTheWrongPassword() {
		assertRefused(AuthTokens.none());
		assertRefused(AuthTokens.basic("neo4j", "neo4j"));
		assertRefused(AuthTokens.basic("neo4j", "wrong-password"));
	}

	@Test
	void theGeneratedPasswordIsKeptOwnerOnlyInTheDataDirectoryAndLetsAnAnalystIn() throws IOException {
		Path file = this.dataDir.resolve(BoltPassword.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dataDir))).isEqualTo("rwx------");
		String password = Files.readString(file, StandardCharsets.UTF_8).strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(24);
		try (var driver = GraphDatabase.driver(this.server.boltUri(), AuthTokens.basic("neo4j", password));
				var session = driver.session()) {
			assertThat(session.run("MATCH (p:Plan) RETURN count(p)").single().get(0).asLong()).isEqualTo(5);
		}
	}

	@Test
	void loadCsvCannotReadAFileOfTheMachine() {
		for (String url : new String[] { "file:///etc/hostname", "file:///etc/passwd", "file:///../../../../etc/passwd",
				"file:///proc/self/environ", "file://" + this.dataDir.resolve(BoltPassword.FILE_NAME) }) {
			assertThatThrownBy(() -> count("LOAD CSV FROM '" + url + "' AS row RETURN count(row)")).as(url)
				.isInstanceOf(Neo4jException.class);
		}
	}

	@Test
	void loadCsvReadsOnlyTheEmptyImportFolderOfItsOwn() throws IOException {
		Path importDir = this.dataDir.resolve("import");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(importDir))).isEqualTo("rwx------");
		try (Stream<Path> files = Files.list(importDir)) {
			assertThat(files).isEmpty();
		}
		Files.writeString(importDir.resolve("probe.csv"), "a\nb\n");
		try {
			assertThat(count("LOAD CSV FROM 'file:///probe.csv' AS row RETURN count(row)")).isEqualTo(2);
		}
		finally {
			Files.delete(importDir.resolve("probe.csv"));
		}
	}

	@Test
	void loadCsvCannotReachThisMachineOrItsNetworksByUrl() {
		int httpPort = httpPort();
		for (String url : new String[] { "http://127.0.0.1:" + httpPort + "/actuator/health",
				"http://localhost:" + httpPort + "/actuator/health", "http://[::1]:" + httpPort + "/actuator/health",
				"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/" }) {
			assertThatThrownBy(() -> count("LOAD CSV FROM '" + url + "' AS row RETURN count(row)")).as(url)
				.isInstanceOf(ClientException.class)
				.hasMessageContaining("blocked");
		}
	}

	@Test
	void neitherTheDiscoveryDocumentNorTheBrowserRedirectOffersToConnectWithoutAPassword() {
		String discovery = this.service.get("/");
		assertThat(discovery).contains("\"bolt_direct\":\"" + this.server.boltUri() + "\"")
			.doesNotContain("NO_AUTH")
			.doesNotContain("neo4j_version");
	}

	private int httpPort() {
		return ((WebServerApplicationContext) this.service.context()).getWebServer().getPort();
	}

	private void assertRefused(AuthToken token) {
		try (var driver = GraphDatabase.driver(this.server.boltUri(), token); var session = driver.session()) {
			assertThatThrownBy(() -> session.run("RETURN 1").consume()).as(token.toString())
				.isInstanceOf(Neo4jException.class)
				.hasMessageNotContaining("RETURN 1");
		}
	}

	private long count(String cypher) {
		try (var driver = GraphDatabase.driver(this.server.boltUri(), this.server.authToken());
				var session = driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

}
