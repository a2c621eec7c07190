package org.policygraph.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.support.LongTest;
import org.policygraph.support.RequiresNode;
import org.policygraph.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API as the front-end clients people install from npm use it: each script in
 * {@code clients/} drives the packaged service (started once, as an operator starts it,
 * on an embedded Neo4j with the dataset) with one client and asserts what it answers;
 * here each script must end with status 0 and print what it proved.
 */
@RequiresNode(folder = "clients", module = "@apollo/client",
		because = "the GraphQL clients from npm (graphql-http, urql, Apollo Client, Relay's compiler) cannot run here")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LongTest
class RealClientsIT {

	static final Path CLIENTS = Path.of("clients");

	static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

	@TempDir
	static Path scratch;

	ServiceProcess service;

	@BeforeAll
	void startService() throws IOException {
		Path log = Path.of("target", "real-clients", "service.log");
		Files.deleteIfExists(log);
		// time limits raised as in the other integration tests: the clients' answers are
		// checked, not the machine's speed
		this.service = ServiceProcess.start(log, Duration.ofMinutes(5),
				"--policygraph.embedded.data-dir=" + scratch.resolve("neo4j"), "--policygraph.embedded.bolt-port=0",
				"--policygraph.limits.request-timeout=120s", "--policygraph.limits.transaction-timeout=110s",
				"--policygraph.retirements.enabled=false");
	}

	@AfterAll
	void stopService() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void graphqlHttpsAuditPassesEveryMustAndShouldAndTheMaysAboutGet() {
		String output = run("audit.mjs");
		assertThat(output)
			.contains("ok   every MUST passes", "ok   every SHOULD passes", "ok   every MAY about GET passes")
			.contains("graphql-http audit: 4 checks passed");
	}

	@Test
	void urqlReadsThePillarsByGetAndByPostAndTheValidationCodeFromACombinedError() {
		String output = run("urql.mjs");
		assertThat(output).contains("ok   default options: the pillars come by GET")
			.contains("ok   preferGetMethod false: the same query by POST")
			.contains("ok   an unknown field by GET: a CombinedError with GRAPHQL_VALIDATION_FAILED")
			.contains("@urql/core: 6 checks passed");
	}

	@Test
	void apolloPagesEveryKpiOnceAndFallsBackFromAnUnknownHashByPostAndByGet() {
		String output = run("apollo.mjs");
		// data/kpis.csv: 107 indicators, 7 a page
		assertThat(output).contains("107 of totalCount 107 in 16 pages")
			.contains("ok   persisted queries by POST")
			.contains("ok   persisted queries with useGETForHashedQueries")
			.contains("@apollo/client: 4 checks passed");
	}

	@Test
	void relaysCompilerCompilesEveryExampleAgainstTheIntrospectedSchema() throws IOException {
		String output = run("relay.mjs");
		long examples;
		try (var files = Files.list(Path.of("graphql", "examples"))) {
			examples = files.filter(f -> f.toString().endsWith(".graphql")).count();
		}
		assertThat(output).contains("ok   relay-compiler compiles all " + examples + " examples without an error")
			.contains(examples + " artifacts: ")
			.contains("relay-compiler: 5 checks passed");
	}

	/**
	 * Runs one script with Node against the service; its output is printed, and on
	 * failure is the message.
	 */
	String run(String script) {
		ProcessBuilder builder = new ProcessBuilder(List.of("node", script)).directory(CLIENTS.toFile())
			.redirectErrorStream(true);
		builder.environment().put("POLICYGRAPH_URL", this.service.uri("").toString());
		builder.environment().put("NO_COLOR", "1");
		try {
			Process node = builder.start();
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
				try {
					return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					return "(output not read: " + ex + ")";
				}
			});
			if (!node.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				node.destroyForcibly();
				fail("node " + script + " did not end within " + SCRIPT_TIMEOUT + ":\n" + output.getNow("(no output)"));
			}
			String text = output.get(30, TimeUnit.SECONDS);
			System.out.println("--- node " + script + "\n" + text);
			assertThat(node.exitValue()).as("exit status of node %s; its output:%n%s", script, text).isZero();
			return text;
		}
		catch (IOException ex) {
			return fail("node " + script + " could not start", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			return fail("the output of node " + script + " could not be read", ex);
		}
	}

}
