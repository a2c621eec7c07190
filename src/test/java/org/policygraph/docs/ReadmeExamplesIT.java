package org.policygraph.docs;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.policygraph.docs.ReadmeBlocks.Block;
import org.policygraph.docs.ReadmeBlocks.Command;
import org.policygraph.docs.ReadmeBlocks.Kind;
import org.policygraph.support.LongTest;
import org.policygraph.support.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of README.md, taken from the README itself and run as written against the
 * packaged service started the way the README starts it for editing (the {@code dev}
 * profile), in a folder laid out like a checkout: GraphQL documents are sent to
 * {@code /graphql}, shell blocks run in bash (with {@code localhost:8080} pointing at
 * this service), the token is minted by the README's own line, and {@code cypher-shell}
 * commands run their file against the embedded Neo4j. The service has a data directory of
 * its own, so the examples that write change no other test's graph.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LongTest
class ReadmeExamplesIT {

	private static final Path WORK = Path.of("target", "readme-examples");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String README_PORT = "localhost:8080";

	private static final String README_BOLT = "localhost:7687";

	private static final Pattern OUTPUT_FILE = Pattern.compile("\\s(?:-o|--output)\\s+(\\S+)");

	private final ReadmeBlocks readme = ReadmeBlocks.read();

	/**
	 * What the README's shell-variable lines set (the editor's token), for the blocks
	 * after them.
	 */
	private final Map<String, String> variables = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ServiceProcess service;

	/**
	 * A checkout as a newcomer has it (the README's relative paths: {@code src/dev},
	 * {@code data}, {@code cypher}, {@code var/neo4j}, {@code var/dev-keys}), and the
	 * service started in it with the dev profile.
	 */
	@BeforeAll
	void startServiceInACheckout() throws IOException {
		Path checkout = Path.of("").toAbsolutePath();
		deleteRecursively(WORK);
		Files.createDirectories(WORK.resolve("var/neo4j"));
		for (String folder : List.of("src", "data", "cypher", "graphql")) {
			Files.createSymbolicLink(WORK.resolve(folder), checkout.resolve(folder));
		}
		// What a default start keeps in the data directory; the service here is given the
		// same password by
		// ServiceProcess, so that the README's `cat var/neo4j/bolt-password` reads the
		// one Bolt asks for.
		Files.writeString(WORK.resolve("var/neo4j/bolt-password"), ServiceProcess.BOLT_PASSWORD + "\n");
		this.service = ServiceProcess.start(WORK.resolve("service.log").toAbsolutePath(), Duration.ofMinutes(5),
				"--spring.profiles.active=dev", "--policygraph.retirements.enabled=false",
				// what the examples answer is tested here, not how fast: on a busy 2-core
				// machine the first requests,
				// planning their Cypher, ran past the 8 s transaction timeout
				"--policygraph.limits.request-timeout=120s", "--policygraph.limits.transaction-timeout=110s",
				"--policygraph.embedded.data-dir=" + WORK.resolve("var/neo4j").toAbsolutePath(),
				"--policygraph.embedded.bolt-port=0",
				"--policygraph.security.dev-key-dir=" + WORK.resolve("var/dev-keys").toAbsolutePath());
	}

	@AfterAll
	void stopService() {
		if (this.service != null) {
			this.service.close();
		}
	}

	/**
	 * README.md as it stands: each of its examples is run below or says why not, and none
	 * has gone missing.
	 */
	@Test
	void everyExampleIsRunOrSaysWhyNot() {
		// ReadmeBlocks.read() fails on a block neither runnable nor marked; these are the
		// README's examples today.
		assertThat(this.readme.ofKind(Kind.GRAPHQL)).as("GraphQL documents").hasSizeGreaterThanOrEqualTo(4);
		assertThat(this.readme.ofKind(Kind.CURL).stream().mapToLong(b -> b.commands().size()).sum()).as("curl commands")
			.isGreaterThanOrEqualTo(6);
		assertThat(this.readme.ofKind(Kind.CURL)
			.stream()
			.flatMap(b -> b.commands().stream())
			.filter(c -> c.expectedOutput() != null)).as("curl commands that show their output").isNotEmpty();
		assertThat(this.readme.ofKind(Kind.SHELL_VARIABLES)).as("the token line").hasSizeGreaterThanOrEqualTo(1);
		assertThat(this.readme.ofKind(Kind.CYPHER_SHELL)).as("cypher-shell commands").hasSizeGreaterThanOrEqualTo(1);
		assertThat(this.readme.ofKind(Kind.NOT_RUN)).allSatisfy(b -> assertThat(b.reason()).isNotBlank());
	}

	@TestFactory
	Stream<DynamicTest> theReadmesExamplesRunAsWritten() {
		return this.readme.blocks()
			.stream()
			.filter(b -> b.kind() != Kind.NOT_RUN)
			.map(block -> DynamicTest.dynamicTest(block.title(), () -> run(block)));
	}

	private void run(Block block) throws Exception {
		switch (block.kind()) {
			case GRAPHQL -> graphQl(block);
			case CURL -> curl(block);
			case SHELL_VARIABLES -> shellVariables(block);
			case CYPHER_SHELL -> cypherShell(block);
			case CYPHER -> cypher(block.text(), Map.of());
			case NOT_RUN -> throw new IllegalArgumentException(block.title());
		}
	}

	/** A GraphQL document, as GraphiQL would send it: data, and no errors. */
	private void graphQl(Block block) throws Exception {
		String body = JSON.writeValueAsString(Map.of("query", block.text()));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.service.uri("/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertAnswered(JSON.readTree(response.body()), block.title());
	}

	/**
	 * Each curl command in bash, one at a time as a reader pastes them, with the
	 * variables of the lines before; curl is made to fail on an HTTP error status (which
	 * a reader would see in the JSON). Each prints one JSON answer without errors, and
	 * the one a {@code # …} line shows where there is one; or, told to, writes a file.
	 */
	private void curl(Block block) throws IOException {
		for (Command command : block.commands()) {
			String output = bash("curl() { command curl --fail-with-body --max-time 60 \"$@\"; }\n"
					+ command.text().replace(README_PORT, this.service.uri("").getAuthority()));
			Matcher file = OUTPUT_FILE.matcher(command.text());
			if (file.find()) {
				assertThat(output).as(command.text()).isEmpty();
				assertThat(Files.size(WORK.resolve(file.group(1)))).as(command.text()).isPositive();
				continue;
			}
			JsonNode answer = JSON.readTree(output);
			assertAnswered(answer, command.text());
			if (command.expectedOutput() != null) {
				assertThat(answer).as(command.text()).isEqualTo(JSON.readTree(command.expectedOutput()));
			}
		}
	}

	private static void assertAnswered(JsonNode answer, String what) {
		assertThat(answer.isObject()).as("a JSON object from %s: %s", what, answer).isTrue();
		assertThat(answer.has("errors")).as("errors from %s: %s", what, answer).isFalse();
		if (answer.has("data")) {
			assertThat(answer.get("data").isObject() && !answer.get("data").isEmpty())
				.as("data from %s: %s", what, answer)
				.isTrue();
		}
	}

	/**
	 * The README's {@code TOKEN=$(…)} line, run as written; what it sets goes to the
	 * blocks after it.
	 */
	private void shellVariables(Block block) {
		List<String> names = block.variables();
		StringBuilder script = new StringBuilder(block.text());
		names.forEach(name -> script.append("printf '%s\\0' \"$").append(name).append("\"\n"));
		String[] values = bash(script.toString()).split("\0", -1);
		for (int i = 0; i < names.size(); i++) {
			assertThat(values[i]).as(names.get(i)).isNotBlank();
			this.variables.put(names.get(i), values[i]);
		}
	}

	/**
	 * A cypher-shell command: run by cypher-shell where it is installed, else its file
	 * through the Java driver with the address, user, password and parameters it names
	 * (words expanded by bash, as the shell would); either way against the embedded
	 * Neo4j, and the question has answers.
	 */
	private void cypherShell(Block block) throws Exception {
		String line = block.commands().get(0).text().replace(README_BOLT, this.service.boltUri().getAuthority());
		if (bash("command -v cypher-shell || true").isBlank()) {
			List<String> words = List
				.of(bash("words() { printf '%s\\0' \"$@\"; }\n" + line.replaceFirst("^cypher-shell", "words"))
					.split("\0"));
			Map<String, String> options = new HashMap<>();
			List<String> parameters = new ArrayList<>();
			for (int i = 0; i + 1 < words.size(); i += 2) {
				if (words.get(i).equals("--param") || words.get(i).equals("-P")) {
					parameters.add(words.get(i + 1));
				}
				else {
					options.put(words.get(i), words.get(i + 1));
				}
			}
			assertThat(options).as(line).containsKeys("-a", "-u", "-p", "-f");
			try (Driver driver = GraphDatabase.driver(options.get("-a"),
					org.neo4j.driver.AuthTokens.basic(options.get("-u"), options.get("-p")));
					Session session = driver.session()) {
				Map<String, Object> values = new HashMap<>();
				for (String parameter : parameters) {
					String[] nameAndValue = parameter.split("=>", 2);
					values.put(nameAndValue[0].strip(),
							session.run("RETURN " + nameAndValue[1].strip() + " AS value")
								.single()
								.get("value")
								.asObject());
				}
				List<Record> records = cypher(Files.readString(WORK.resolve(options.get("-f"))), values);
				assertThat(records).as(options.get("-f")).isNotEmpty();
			}
		}
		else {
			assertThat(bash(line)).as(line).isNotBlank();
		}
	}

	private List<Record> cypher(String statement, Map<String, Object> parameters) {
		try (Driver driver = GraphDatabase.driver(this.service.boltUri(), this.service.boltAuth());
				Session session = driver.session()) {
			return session.run(statement, parameters).list();
		}
	}

	/**
	 * Runs the script in bash in the checkout (JDK's java first on the PATH); its output,
	 * or a failure with both.
	 */
	private String bash(String script) {
		ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(WORK.toFile());
		builder.environment().putAll(this.variables);
		builder.environment().put("PATH", ServiceProcess.java().getParent() + ":" + System.getenv("PATH"));
		Path errors = WORK.resolve("bash-errors.txt");
		builder.redirectError(errors.toFile());
		try {
			Process bash = builder.start();
			String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!bash.waitFor(2, TimeUnit.MINUTES)) {
				bash.destroyForcibly();
				throw new AssertionError("still running after 2 minutes:\n" + script);
			}
			assertThat(bash.exitValue())
				.as("exit status of\n%s\noutput: %s\nerrors: %s", script, output, Files.readString(errors))
				.isZero();
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			try (Stream<Path> children = Files.list(path)) {
				for (Path child : children.toList()) {
					deleteRecursively(child);
				}
			}
		}
		Files.delete(path);
	}

}
