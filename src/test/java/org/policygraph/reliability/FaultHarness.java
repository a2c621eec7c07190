package org.policygraph.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.policygraph.support.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fault tests share: the packaged service started as an operator would with the
 * dev profile on a data directory of the test's own (so it can be killed and started
 * again on the same store), GraphQL and upload requests as a client sends them, and the
 * service's log read as an operator reads it.
 */
final class FaultHarness {

	static final Path LOGS = Path.of("target/faults");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private FaultHarness() {
	}

	/**
	 * Starts the packaged service on its embedded Neo4j in {@code dataDir}, with
	 * dev-profile tokens signed by the key in {@code keys}, its Bolt on {@code boltPort}
	 * (0: any free one), logging to {@code target/faults/<log>}. The time limits are
	 * raised as in the other integration tests: the tests here count what survives a
	 * fault, not how fast a loaded machine answers.
	 */
	static ServiceProcess startEmbedded(String log, Path dataDir, Path keys, int boltPort, String... more) {
		List<String> arguments = new ArrayList<>(
				List.of("--spring.profiles.active=dev", "--logging.level.org.policygraph=INFO",
						"--policygraph.limits.request-timeout=120s", "--policygraph.limits.transaction-timeout=110s",
						"--policygraph.retirements.enabled=false", "--policygraph.embedded.data-dir=" + dataDir,
						"--policygraph.embedded.bolt-port=" + boltPort, "--policygraph.security.dev-key-dir=" + keys));
		arguments.addAll(List.of(more));
		return ServiceProcess.start(logFile(log), Duration.ofMinutes(4), arguments.toArray(String[]::new));
	}

	/**
	 * A fresh log file under target/faults (an earlier run's is removed, since the
	 * service appends).
	 */
	static Path logFile(String name) {
		Path file = LOGS.resolve(name);
		try {
			Files.createDirectories(LOGS);
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * Posts a GraphQL document from src/test/resources/graphql-test with an editor's
	 * token (or none).
	 */
	static HttpResponse<String> graphQl(ServiceProcess service, String token, String document,
			Map<String, Object> variables, Duration timeout) throws IOException, InterruptedException {
		String query = Files.readString(Path.of("src/test/resources/graphql-test", document + ".graphql"));
		HttpRequest.Builder request = HttpRequest.newBuilder(service.uri("/graphql"))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * {@code POST /imports} of every file in {@code folder} as multipart form data, as an
	 * editor uploads them.
	 */
	static HttpRequest upload(ServiceProcess service, String token, Path folder, boolean dryRun) {
		String boundary = "----policygraph-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.sorted().toList()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
						+ file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(Files.readAllBytes(file));
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HttpRequest.newBuilder(service.uri("/imports" + (dryRun ? "?dryRun=true" : "")))
			.timeout(Duration.ofMinutes(5))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/** How long the log is now, in bytes: where lines written from now on start. */
	static long logSize(Path log) {
		try {
			return Files.exists(log) ? Files.size(log) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the log, from byte {@code from} on, has a match of {@code pattern} and
	 * returns it, or fails after {@code timeout}.
	 */
	static Matcher awaitLog(Path log, long from, Pattern pattern, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			Matcher match = findInLog(log, from, pattern);
			if (match != null) {
				return match;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no line matching '" + pattern + "' in " + log + " within " + timeout);
	}

	/**
	 * The first match of {@code pattern} in the log from byte {@code from} on, or null.
	 */
	static Matcher findInLog(Path log, long from, Pattern pattern) {
		try {
			if (!Files.exists(log)) {
				return null;
			}
			byte[] bytes = Files.readAllBytes(log);
			int start = (int) Math.min(from, bytes.length);
			Matcher match = pattern.matcher(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
			return match.find() ? match : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
