package org.policygraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.policygraph.support.RequiresNode;

/**
 * The peer: {@code bench/neo4j-graphql/server.js} (@neo4j/graphql on Apollo Server)
 * started with Node against a Neo4j, on a free port; its output goes to a log file.
 */
final class PeerServer implements AutoCloseable {

	static final Path DIRECTORY = Path.of("bench", "neo4j-graphql");

	private final Process process;

	private final URI uri;

	private PeerServer(Process process, URI uri) {
		this.process = process;
		this.uri = uri;
	}

	/**
	 * Why the peer cannot start here (no Node, or its packages not installed), or null
	 * when it can.
	 */
	static String missing() {
		return RequiresNode.Condition.missing(DIRECTORY, "@neo4j/graphql");
	}

	/** Node's version, e.g. v20.20.2. */
	static String nodeVersion() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static PeerServer start(URI bolt, Path log) {
		return start(bolt, null, log);
	}

	/** Against a Neo4j that asks for user neo4j and this password (null: none). */
	static PeerServer start(URI bolt, String password, Path log) {
		int port = freePort();
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(List.of("node", "server.js")).directory(DIRECTORY.toFile())
				.redirectErrorStream(true);
			builder.environment().put("NEO4J_URI", bolt.toString());
			if (password != null) {
				builder.environment().put("NEO4J_PASSWORD", password);
			}
			builder.environment().put("PORT", String.valueOf(port));
			builder.environment().put("NODE_ENV", "production");
			Process process = builder.start();
			CompletableFuture<Boolean> ready = new CompletableFuture<>();
			Thread.ofPlatform().daemon().name("peer-log").start(() -> copy(process, log, ready));
			if (!ready.get(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("the peer did not start, see " + log);
			}
			return new PeerServer(process, URI.create("http://localhost:" + port + "/"));
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not start the peer server: " + ex.getMessage(), ex);
		}
	}

	URI uri() {
		return this.uri;
	}

	private static void copy(Process process, Path log, CompletableFuture<Boolean> ready) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				out.write(line);
				out.newLine();
				out.flush();
				if (line.startsWith("ready ")) {
					ready.complete(true);
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		ready.complete(false);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
