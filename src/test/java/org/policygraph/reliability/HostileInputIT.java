package org.policygraph.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.ResetGraphExtension;
import org.policygraph.support.TestNeo4jInitializer;
import org.policygraph.support.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the hostile-input corpus (src/test/resources/hostile/*.jsonl, described in its README.md) against the
 * whole service on a real port, so Tomcat's own parsing and the upload limits take part. Every case must be
 * refused with a 4xx or answered with a GraphQL error carrying a stable code (or, for hostile text that is legal
 * input, answered as data); never a 5xx or an INTERNAL error. After each case the graph is what it was (every
 * node, relationship and property, and the number of change records), unless the case is one that writes, whose
 * text must then be stored exactly as sent; and the service still answers an ordinary query.
 */
@ExtendWith(ResetGraphExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestNeo4jInitializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

	static final Path CORPUS = Path.of("src/test/resources/hostile");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	String graphBefore;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		this.graphBefore = HostileGraph.fingerprint(this.driver);
	}

	static Stream<HostileCase> corpus() throws IOException {
		List<HostileCase> cases = new ArrayList<>();
		try (Stream<Path> files = Files.list(CORPUS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					if (!line.isBlank()) {
						cases.add(HostileCase.of(JSON.readTree(line)));
					}
				}
			}
		}
		return cases.stream();
	}

	@Test
	void theCorpusHasAtLeastThreeHundredCasesWithUniqueNames() throws IOException {
		List<String> ids = corpus().map(HostileCase::id).toList();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyHostileRequestIsRefusedCleanlyAndLeavesTheGraphAsItWas(HostileCase hostile) throws Exception {
		HttpResponse<String> response = send(hostile);
		String body = response.body();
		String shown = hostile.id() + " -> " + response.statusCode() + " " + abbreviate(body);

		assertThat(response.statusCode()).as(shown).isLessThan(500);
		String code = outcome(response);
		assertThat(code).as("a stable code: " + shown).isNotNull().isNotEqualTo("INTERNAL");
		assertThat(body).as(shown).doesNotContain("\"INTERNAL\"", "Exception", "\tat ");
		hostile.expect().check(response.statusCode(), code, shown);

		assertThat(ordinaryQuery()).as("the service still answers after " + hostile.id()).isEqualTo(200);
		String graphAfter = HostileGraph.fingerprint(this.driver);
		if (hostile.writes() == null) {
			assertThat(graphAfter).as("the graph is unchanged after " + shown).isEqualTo(this.graphBefore);
		}
		else {
			assertThat(HostileGraph.property(this.driver, hostile.writes().node(), hostile.writes().property()))
				.as("stored verbatim by " + shown)
				.isEqualTo(hostile.writes().value());
			this.graphBefore = graphAfter;
		}
	}

	/** The first error's stable code (extensions.code, or graphql-java's classification), or ANSWER for data. */
	static String outcome(HttpResponse<String> response) {
		JsonNode json;
		try {
			json = JSON.readTree(response.body());
		}
		catch (RuntimeException notJson) {
			return null;
		}
		JsonNode errors = (json != null) ? json.path("errors") : null;
		if (errors != null && errors.isArray() && !errors.isEmpty()) {
			JsonNode extensions = errors.get(0).path("extensions");
			JsonNode code = extensions.has("code") ? extensions.get("code") : extensions.get("classification");
			return (code != null && code.isString()) ? code.asString() : null;
		}
		return (response.statusCode() == 200 && json != null && json.has("data")) ? "ANSWER" : null;
	}

	HttpResponse<String> send(HostileCase hostile) throws IOException, InterruptedException {
		HostileCase.Body body = hostile.body();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + hostile.path()))
			.timeout(Duration.ofSeconds(60))
			.method(hostile.method(), (body.bytes().length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
		if (body.contentType() != null) {
			request.header("Content-Type", body.contentType());
		}
		hostile.headers().forEach(request::header);
		String token = HostileCase.token(hostile.auth());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	int ordinaryQuery() {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ plans { id } }\"}"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).contains("plan-shin-vision").doesNotContain("\"errors\"");
			return response.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String abbreviate(String body) {
		return (body.length() > 400) ? body.substring(0, 400) + "…" : body;
	}

}
