package org.policygraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.policygraph.bench.BenchQuery.Parameters;
import org.policygraph.bench.BenchQuery.Server;
import tools.jackson.databind.JsonNode;

/**
 * One of the servers, asked a question: for its answer (to compare) or just to answer it
 * (to time).
 */
interface Endpoint {

	Server server();

	/** The answer in the common JSON. */
	JsonNode answer(BenchQuery query, Parameters parameters);

	/**
	 * A prepared request: each call asks the question once, the way a client would, and
	 * fails on an error answer.
	 */
	Runnable request(BenchQuery query, Parameters parameters);

	/**
	 * The least a request over HTTP can cost on this server: {@code { __typename }} or
	 * its equivalent, answered without reading the graph; empty for the in-process side,
	 * which has no request.
	 */
	Optional<Runnable> floor();

	/** The same server asked over another HTTP client's connections. */
	Endpoint with(HttpClient client);

	static Endpoint graphQl(Server server, URI uri, HttpClient http) {
		return new GraphQl(server, uri, http);
	}

	static Endpoint cypher(Driver driver) {
		return new Cypher(driver);
	}

	static Endpoint cypherOverHttp(URI uri, HttpClient http) {
		return new CypherOverHttp(uri, http);
	}

	/** A GraphQL server over HTTP (PolicyGraph or the peer). */
	record GraphQl(Server server, URI uri, HttpClient http) implements Endpoint {

		@Override
		public JsonNode answer(BenchQuery query, Parameters parameters) {
			JsonNode response = Json.parse(post(this.server, this.http, this.uri, body(query, parameters)));
			if (response.has("errors")) {
				throw new IllegalStateException(
						this.server.title + " answered " + query.name() + " with errors: " + response.get("errors"));
			}
			return this.server.policyGraph() ? query.fromPolicyGraph().apply(response.get("data"))
					: query.fromPeer().apply(response.get("data"));
		}

		@Override
		public Endpoint with(HttpClient client) {
			return new GraphQl(this.server, this.uri, client);
		}

		/** {@code { __typename }}; fails on any other answer. */
		@Override
		public Optional<Runnable> floor() {
			String body = Json.write(Map.of("query", "{ __typename }"));
			return Optional.of(() -> {
				String answer = post(this.server, this.http, this.uri, body);
				if (!answer.contains("\"__typename\":\"Query\"")) {
					throw new IllegalStateException(this.server.title + " answered { __typename } with " + answer);
				}
			});
		}

		/** The {@code data} of an answer as the server wrote it, for reading cursors. */
		JsonNode data(BenchQuery query, Parameters parameters) {
			return Json.parse(post(this.server, this.http, this.uri, body(query, parameters))).get("data");
		}

		@Override
		public Runnable request(BenchQuery query, Parameters parameters) {
			String body = body(query, parameters);
			return () -> {
				String answer = post(this.server, this.http, this.uri, body);
				// an error answer is small and starts with its errors; a data answer has
				// no top-level "errors"
				if (answer.startsWith("{\"errors\"")) {
					throw new IllegalStateException(
							this.server.title + " answered " + query.name() + " with " + answer);
				}
			};
		}

		private String body(BenchQuery query, Parameters parameters) {
			boolean ours = this.server.policyGraph();
			Map<String, Object> variables = ours ? query.policyGraphVariables().apply(parameters)
					: query.peerVariables().apply(parameters);
			return Json.write(Map.of("query", ours ? query.policyGraph() : query.peer(), "variables", variables));
		}

	}

	/**
	 * Hand-written Cypher through the Java driver, serialised to the JSON a page would
	 * receive.
	 */
	record Cypher(Driver driver) implements Endpoint {

		@Override
		public Server server() {
			return Server.CYPHER;
		}

		@Override
		public JsonNode answer(BenchQuery query, Parameters parameters) {
			return query.cypher().apply(this.driver, parameters);
		}

		@Override
		public Runnable request(BenchQuery query, Parameters parameters) {
			return () -> Json.write(query.cypher().apply(this.driver, parameters));
		}

		@Override
		public Optional<Runnable> floor() {
			return Optional.empty();
		}

		@Override
		public Endpoint with(HttpClient client) {
			return this;
		}

	}

	/**
	 * The same hand-written Cypher behind {@link HandWrittenServer}: a POST of the
	 * parameters to the question's path, answered with the common JSON as {@code data}.
	 */
	record CypherOverHttp(URI uri, HttpClient http) implements Endpoint {

		@Override
		public Server server() {
			return Server.CYPHER_HTTP;
		}

		@Override
		public JsonNode answer(BenchQuery query, Parameters parameters) {
			return Json.parse(post(server(), this.http, this.uri.resolve(query.name()), body(parameters))).get("data");
		}

		@Override
		public Runnable request(BenchQuery query, Parameters parameters) {
			URI question = this.uri.resolve(query.name());
			String body = body(parameters);
			return () -> {
				String answer = post(server(), this.http, question, body);
				if (!answer.startsWith("{\"data\":")) {
					throw new IllegalStateException(server().title + " answered " + query.name() + " with " + answer);
				}
			};
		}

		@Override
		public Optional<Runnable> floor() {
			URI typename = this.uri.resolve(HandWrittenServer.TYPENAME);
			return Optional.of(() -> {
				String answer = post(server(), this.http, typename, "{}");
				if (!answer.equals(HandWrittenServer.TYPENAME_ANSWER)) {
					throw new IllegalStateException(server().title + " answered __typename with " + answer);
				}
			});
		}

		@Override
		public Endpoint with(HttpClient client) {
			return new CypherOverHttp(this.uri, client);
		}

		/** The parameters as the server reads them, with this side's page cursor. */
		private static String body(Parameters parameters) {
			Map<String, Object> body = new HashMap<>();
			body.put("planId", parameters.planId());
			body.put("pillarId", parameters.pillarId());
			body.put("programId", parameters.programId());
			body.put("kpiId", parameters.kpiId());
			body.put("searchText", parameters.searchText());
			body.put("fiscalYear", parameters.fiscalYear());
			body.put("after",
					(parameters.page4EndCursor() != null) ? parameters.page4EndCursor().get(Server.CYPHER_HTTP) : null);
			return Json.write(body);
		}

	}

	/**
	 * POSTs a JSON body, once more if the connection fails; the answer's body, or an
	 * error naming the server.
	 */
	private static String post(Server server, HttpClient http, URI uri, String body) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response;
			try {
				response = http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				// the JDK's client can find a kept-alive connection of its pool broken
				// as it sends ("Data received while in pool"); the questions only read,
				// so the request is sent once more, on a new connection, its time
				// counted in, and said in the log so a run shows how often it happened
				System.err.println(server.title + ": request sent again after " + ex.getMessage());
				response = http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						server.title + " answered HTTP " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(server.title + " did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
