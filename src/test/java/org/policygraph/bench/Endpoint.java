package org.policygraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.policygraph.bench.BenchQuery.Parameters;
import org.policygraph.bench.BenchQuery.Server;
import tools.jackson.databind.JsonNode;

/**
 * One of the three servers, asked a question: for its answer (to compare) or just to
 * answer it (to time).
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

	static Endpoint graphQl(Server server, URI uri, HttpClient http) {
		return new GraphQl(server, uri, http);
	}

	static Endpoint cypher(Driver driver) {
		return new Cypher(driver);
	}

	/** A GraphQL server over HTTP (PolicyGraph or the peer). */
	record GraphQl(Server server, URI uri, HttpClient http) implements Endpoint {

		@Override
		public JsonNode answer(BenchQuery query, Parameters parameters) {
			JsonNode response = Json.parse(post(body(query, parameters)));
			if (response.has("errors")) {
				throw new IllegalStateException(
						this.server.title + " answered " + query.name() + " with errors: " + response.get("errors"));
			}
			return (this.server == Server.POLICYGRAPH) ? query.fromPolicyGraph().apply(response.get("data"))
					: query.fromPeer().apply(response.get("data"));
		}

		/**
		 * The least a GraphQL request over HTTP can cost on this server: {@code {
		 * __typename }}, answered without reading the graph; fails on any other answer.
		 */
		Runnable floor() {
			String body = Json.write(Map.of("query", "{ __typename }"));
			return () -> {
				String answer = post(body);
				if (!answer.contains("\"__typename\":\"Query\"")) {
					throw new IllegalStateException(this.server.title + " answered { __typename } with " + answer);
				}
			};
		}

		/** The {@code data} of an answer as the server wrote it, for reading cursors. */
		JsonNode data(BenchQuery query, Parameters parameters) {
			return Json.parse(post(body(query, parameters))).get("data");
		}

		@Override
		public Runnable request(BenchQuery query, Parameters parameters) {
			String body = body(query, parameters);
			return () -> {
				String answer = post(body);
				// an error answer is small and starts with its errors; a data answer has
				// no top-level "errors"
				if (answer.startsWith("{\"errors\"")) {
					throw new IllegalStateException(
							this.server.title + " answered " + query.name() + " with " + answer);
				}
			};
		}

		private String body(BenchQuery query, Parameters parameters) {
			boolean ours = this.server == Server.POLICYGRAPH;
			Map<String, Object> variables = ours ? query.policyGraphVariables().apply(parameters)
					: query.peerVariables().apply(parameters);
			return Json.write(Map.of("query", ours ? query.policyGraph() : query.peer(), "variables", variables));
		}

		private String post(String body) {
			HttpRequest request = HttpRequest.newBuilder(this.uri)
				.timeout(Duration.ofMinutes(2))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							this.server.title + " answered HTTP " + response.statusCode() + ": " + response.body());
				}
				return response.body();
			}
			catch (IOException ex) {
				throw new IllegalStateException(this.server.title + " did not answer: " + ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
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

	}

}
