package org.policygraph.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.policygraph.bench.BenchQuery.Parameters;
import org.policygraph.bench.BenchQuery.Server;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark at one scale: picks the parameters, checks that the three servers give
 * the same answer to every question (a mismatch stops the run), then times every question
 * at every concurrency on every server, the three servers one after the other for each
 * question and concurrency.
 */
final class BenchRun {

	/** The name of the floor measurements ({@link #floors}) among the questions'. */
	static final String FLOOR = "floor";

	/** How many clients the warm-up round runs with. */
	static final int WARM_ROUND_CONCURRENCY = 8;

	private final Driver driver;

	private final List<Endpoint> endpoints;

	private final Consumer<String> log;

	BenchRun(Driver driver, List<Endpoint> endpoints, Consumer<String> log) {
		this.driver = driver;
		this.endpoints = endpoints;
		this.log = log;
	}

	/** One measured run. */
	record Measurement(int scale, String query, Server server, int concurrency, LoadGenerator.Result result) {
	}

	/**
	 * A question's answer as checked equal on all servers, and its size as PolicyGraph
	 * writes it.
	 */
	record Checked(String query, int answerBytes, String summary) {
	}

	/**
	 * The questions' parameters: nodes of municipality 1, so every scale asks about the
	 * same nodes. The program is one listed under two measures with two KPIs (with a
	 * partner body where one has it); the KPI is its first.
	 */
	Parameters parameters() {
		var row = this.driver.executableQuery("""
				MATCH (p:Program)
				WHERE p.key STARTS WITH 'm001-'
				  AND COUNT { (p)-[:LISTED_UNDER]->() } = 2 AND COUNT { (p)-[:MEASURED_BY]->() } = 2
				WITH p ORDER BY EXISTS { (p)-[:WORKS_WITH]->() } DESC, p.key LIMIT 1
				MATCH (p)-[r:MEASURED_BY]->(k:Kpi)
				RETURN p.key AS program, k.key AS kpi ORDER BY r.ordinal LIMIT 1""").execute().records().getFirst();
		Parameters parameters = new Parameters("m001-plan", "m001-pil-2", row.get("program").asString(),
				row.get("kpi").asString(), "多文化", 2026, null);
		Map<Server, String> cursors = new EnumMap<>(Server.class);
		for (Endpoint endpoint : this.endpoints) {
			cursors.put(endpoint.server(), page4EndCursor(endpoint, parameters));
		}
		return parameters.withCursors(cursors);
	}

	/** Pages 1 to 4 asked of the server itself, so page 5 starts from its own cursor. */
	private static String page4EndCursor(Endpoint endpoint, Parameters parameters) {
		BenchQuery page = BenchQueries.programPage();
		Map<Server, String> cursors = new EnumMap<>(Server.class);
		for (int i = 1; i <= 4; i++) {
			Parameters at = parameters.withCursors(cursors);
			JsonNode data = (endpoint instanceof Endpoint.GraphQl graphQl) ? graphQl.data(page, at)
					: endpoint.answer(page, at);
			cursors.put(endpoint.server(), BenchQueries.endCursor(endpoint.server(), data));
		}
		return cursors.get(endpoint.server());
	}

	/**
	 * Every question's answers compared across the servers; the first difference fails
	 * the run.
	 */
	List<Checked> check(Parameters parameters) {
		List<Checked> checked = new ArrayList<>();
		for (BenchQuery query : BenchQueries.all()) {
			JsonNode reference = null;
			Server referenceServer = null;
			for (Endpoint endpoint : this.endpoints) {
				JsonNode answer = endpoint.answer(query, parameters);
				if (reference == null) {
					reference = answer;
					referenceServer = endpoint.server();
					continue;
				}
				String difference = Json.firstDifference(reference, answer);
				if (difference != null) {
					throw new AnswersDifferException(query.name() + ": " + referenceServer.title + " and "
							+ endpoint.server().title + " answer differently at " + difference);
				}
			}
			checked.add(new Checked(query.name(),
					Json.write(reference).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
					summary(reference)));
			this.log.accept("answers equal: " + query.name() + " (" + summary(reference) + ")");
		}
		return checked;
	}

	/** Times every question at every concurrency on every server. */
	/**
	 * The fixed cost of a GraphQL request over HTTP on each GraphQL server at concurrency
	 * 1, as the question {@link #FLOOR}: what a question's latency cannot go below,
	 * whatever its statement costs.
	 */
	List<Measurement> floors(int scale, Duration warmup, Duration measured) {
		List<Measurement> floors = new ArrayList<>();
		for (Endpoint endpoint : this.endpoints) {
			if (endpoint instanceof Endpoint.GraphQl graphQl) {
				LoadGenerator.Result result = LoadGenerator.run(graphQl.floor(), 1, warmup, measured);
				floors.add(new Measurement(scale, FLOOR, endpoint.server(), 1, result));
				this.log
					.accept(String.format(java.util.Locale.ROOT, "scale %d %-15s c=1  %-20s %8.1f req/s  p50 %8.2f ms",
							scale, FLOOR, endpoint.server().title, result.throughput(), result.p50()));
			}
		}
		return floors;
	}

	List<Measurement> measure(int scale, Parameters parameters, List<Integer> concurrencies, Duration warmRound,
			Duration warmup, Duration measured) {
		// every server's compilers see every question before the first figure is taken:
		// otherwise the first
		// questions of the first scale measure the JIT of whichever server they start
		// with
		if (!warmRound.isZero()) {
			for (BenchQuery query : BenchQueries.all()) {
				for (Endpoint endpoint : this.endpoints) {
					LoadGenerator.run(endpoint.request(query, parameters), WARM_ROUND_CONCURRENCY, warmRound,
							Duration.ZERO);
				}
			}
			this.log.accept(
					"scale " + scale + ": warm-up round done (" + warmRound.toSeconds() + " s a question and server)");
		}
		List<Measurement> measurements = new ArrayList<>();
		for (BenchQuery query : BenchQueries.all()) {
			for (int concurrency : concurrencies) {
				for (Endpoint endpoint : this.endpoints) {
					LoadGenerator.Result result = LoadGenerator.run(endpoint.request(query, parameters), concurrency,
							warmup, measured);
					measurements.add(new Measurement(scale, query.name(), endpoint.server(), concurrency, result));
					this.log.accept(String.format(java.util.Locale.ROOT,
							"scale %d %-15s c=%-2d %-20s %8.1f req/s  p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms", scale,
							query.name(), concurrency, endpoint.server().title, result.throughput(), result.p50(),
							result.p95(), result.p99()));
				}
			}
		}
		return measurements;
	}

	/**
	 * How big an answer is: the number of elements of its longest list, for the log and
	 * the results.
	 */
	private static String summary(JsonNode answer) {
		int[] counts = new int[2];
		count(answer, counts);
		return counts[0] + " objects, " + counts[1] + " values";
	}

	private static void count(JsonNode node, int[] counts) {
		if (node.isObject()) {
			counts[0]++;
			node.forEach(child -> count(child, counts));
		}
		else if (node.isArray()) {
			node.forEach(child -> count(child, counts));
		}
		else {
			counts[1]++;
		}
	}

	/** The servers disagree: the benchmark would compare different work. */
	static final class AnswersDifferException extends RuntimeException {

		AnswersDifferException(String message) {
			super(message);
		}

	}

}
