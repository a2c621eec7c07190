package org.policygraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.neo4j.driver.Driver;
import org.policygraph.bench.BenchQuery.Parameters;
import org.policygraph.bench.BenchQuery.Server;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written Cypher behind the least HTTP there is: the JDK's own
 * {@link HttpServer} on loopback, a POST of the parameters as JSON to {@code /<question>}
 * answered with {@code {"data": <the common JSON>}} (the shape of a GraphQL answer), and
 * {@code /__typename} answered without reading the graph. With it the hand-written side
 * pays for HTTP too, as the GraphQL servers do.
 */
final class HandWrittenServer implements AutoCloseable {

	/** The path of the answer that reads nothing. */
	static final String TYPENAME = "__typename";

	/** Its answer, as a GraphQL server answers {@code { __typename }}. */
	static final String TYPENAME_ANSWER = "{\"data\":{\"__typename\":\"Query\"}}";

	/**
	 * As many threads as the highest concurrency the benchmark is likely to be run at.
	 */
	private static final int THREADS = 64;

	static {
		// without it the JDK's server leaves Nagle's algorithm on, and a response
		// written as headers then body waits for the client's delayed ACK (40 ms)
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService threads;

	private HandWrittenServer(HttpServer server, ExecutorService threads) {
		this.server = server;
		this.threads = threads;
	}

	/** Serves every question of {@link BenchQueries#all()} on a free loopback port. */
	static HandWrittenServer start(Driver driver) {
		Map<String, BenchQuery> questions = new LinkedHashMap<>();
		BenchQueries.all().forEach(query -> questions.put(query.name(), query));
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			server.setExecutor(threads);
			server.createContext("/", exchange -> answer(exchange, driver, questions));
			server.start();
			return new HandWrittenServer(server, threads);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the hand-written Cypher's HTTP server: " + ex.getMessage(),
					ex);
		}
	}

	/** Where the questions are asked: {@code http://127.0.0.1:<port>/}. */
	URI uri() {
		return URI.create(
				"http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort() + "/");
	}

	private static void answer(HttpExchange exchange, Driver driver, Map<String, BenchQuery> questions)
			throws IOException {
		try (exchange) {
			byte[] request;
			try (InputStream in = exchange.getRequestBody()) {
				request = in.readAllBytes();
			}
			String name = exchange.getRequestURI().getPath().substring(1);
			if (!exchange.getRequestMethod().equals("POST")) {
				send(exchange, 405, error("POST a question, not " + exchange.getRequestMethod()));
				return;
			}
			if (name.equals(TYPENAME)) {
				send(exchange, 200, TYPENAME_ANSWER);
				return;
			}
			BenchQuery query = questions.get(name);
			if (query == null) {
				send(exchange, 404, error("no question " + name + "; the questions are " + questions.keySet()));
				return;
			}
			String answer;
			try {
				JsonNode data = query.cypher().apply(driver, parameters(request));
				answer = "{\"data\":" + Json.write(data) + "}";
			}
			catch (RuntimeException ex) {
				send(exchange, 500, error(name + ": " + ex.getMessage()));
				return;
			}
			send(exchange, 200, answer);
		}
	}

	/** The parameters the client sent, its page cursor as the hand-written Cypher's. */
	private static Parameters parameters(byte[] request) {
		JsonNode body = Json.parse(new String(request, StandardCharsets.UTF_8));
		Map<Server, String> cursors = new java.util.EnumMap<>(Server.class);
		if (body.hasNonNull("after")) {
			cursors.put(Server.CYPHER, body.get("after").asString());
		}
		return new Parameters(text(body, "planId"), text(body, "pillarId"), text(body, "programId"),
				text(body, "kpiId"), text(body, "searchText"), body.get("fiscalYear").asInt(), cursors);
	}

	private static String text(JsonNode body, String field) {
		return body.hasNonNull(field) ? body.get(field).asString() : null;
	}

	private static String error(String message) {
		return Json.write(Map.of("errors", java.util.List.of(Map.of("message", message))));
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
