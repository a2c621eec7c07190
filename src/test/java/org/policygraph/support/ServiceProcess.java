package org.policygraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged service (target/policygraph-*.jar, built by {@code package} before
 * Failsafe runs) started as a process of its own with the test JVM's Java, as an operator
 * would start it: for tests that measure the process (its heap, its connections) or kill
 * it.
 */
public final class ServiceProcess implements AutoCloseable {

	/**
	 * The embedded Neo4j's password in every service these tests start, so that they can
	 * read its store over Bolt.
	 */
	public static final String BOLT_PASSWORD = "test-bolt-password";

	private final Process process;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ServiceProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar with the given arguments (e.g. --spring.profiles.active=dev) and
	 * waits until health is UP.
	 */
	public static ServiceProcess start(Path log, Duration startTimeout, String... arguments) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java().toString()));
		command.addAll(jvmOptions());
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port,
				"--policygraph.embedded.password=" + BOLT_PASSWORD));
		command.addAll(List.of(arguments));
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			ServiceProcess service = new ServiceProcess(process, port, log);
			service.awaitUp(startTimeout);
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public long pid() {
		return this.process.pid();
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * The Bolt address the embedded Neo4j listens on, as the service announces it to
	 * Neo4j Browser.
	 */
	public URI boltUri() {
		Matcher bolt = Pattern.compile("\"bolt_direct\"\\s*:\\s*\"([^\"]+)\"").matcher(get("/"));
		if (!bolt.find()) {
			throw new IllegalStateException("the service announces no Bolt address");
		}
		return URI.create(bolt.group(1));
	}

	/** What a test logs in to the embedded Neo4j with. */
	public org.neo4j.driver.AuthToken boltAuth() {
		return org.neo4j.driver.AuthTokens.basic("neo4j", BOLT_PASSWORD);
	}

	public String get(String path) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a jcmd command against the process (jcmd of the same JDK) and returns its
	 * output.
	 */
	public String jcmd(String... command) {
		List<String> line = new ArrayList<>(List.of(java().resolveSibling("jcmd").toString(), Long.toString(pid())));
		line.addAll(List.of(command));
		try {
			Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(jcmd.getInputStream().readAllBytes());
			if (jcmd.waitFor() != 0) {
				throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
			}
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

	/** Used heap in bytes right after a full collection. */
	public long heapAfterFullGc() {
		jcmd("GC.run");
		Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("no heap figure in jcmd GC.heap_info");
		}
		return Long.parseLong(used.group(1)) * 1024;
	}

	/**
	 * Kills the process at once, as the operating system would (SIGKILL): no shutdown
	 * hooks run.
	 */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/**
	 * Stops the process as an operator would (SIGTERM); one that has not stopped within a
	 * minute is killed.
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
					kill();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void waitForExit() {
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitUp(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the service stopped while starting; see " + this.log);
			}
			try {
				if (get("/actuator/health").contains("\"status\":\"UP\"")) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			sleep(Duration.ofMillis(250));
		}
		close();
		throw new IllegalStateException("the service was not up within " + timeout + "; see " + this.log);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The JVM options the README tells an operator to run the jar with: end the JVM on an
	 * OutOfMemoryError, and on a JDK that knows the option (23+; JDK 24+ warns without
	 * it) allow Neo4j's use of sun.misc.Unsafe. Native access (JNA) is allowed by the
	 * jar's manifest.
	 */
	public static List<String> jvmOptions() {
		List<String> options = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
		if (Runtime.version().feature() >= 23) {
			options.add("--sun-misc-unsafe-memory-access=allow");
		}
		return options;
	}

	/** The log the process writes to (standard output and error together). */
	public Path log() {
		return this.log;
	}

	/** Stops the process with SIGTERM, as close() does, and returns its exit status. */
	public int stop() {
		close();
		return this.process.isAlive() ? -1 : this.process.exitValue();
	}

	/**
	 * The java launcher of the JDK running the tests, which the build chose as the
	 * project's JDK.
	 */
	public static Path java() {
		return Path.of(ProcessHandle.current().info().command().orElseThrow());
	}

	private static Path jar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files
				.filter(f -> f.getFileName().toString().matches("policygraph-.*\\.jar")
						&& !f.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no packaged jar in target/; run ./mvnw package first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
