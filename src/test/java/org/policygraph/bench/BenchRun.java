package org.policygraph.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.policygraph.bench.BenchQuery.Parameters;
import org.policygraph.bench.BenchQuery.Server;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark at one scale: picks the parameters, checks that the servers give the same
 * answer to every question (a mismatch stops the run), then times every question, and the
 * fixed cost of a request, at every concurrency on every server, the servers interleaved
 * within each question and concurrency ({@link Cell}).
 */
final class BenchRun {

	/**
	 * The name of the fixed cost of a request ({@link Endpoint#floor()}) among the
	 * questions'.
	 */
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

	/**
	 * How a scale is timed: a warm-up round (every question on every server, not
	 * recorded), then every cell in {@code rounds} rounds, each server's slice
	 * {@code settle} of load not recorded and then {@code slice} recorded.
	 */
	record Timing(Duration warmRound, int rounds, Duration settle, Duration slice) {

		Timing {
			if (rounds < 1) {
				throw new IllegalArgumentException("--rounds " + rounds + ": at least 1 round");
			}
			if (slice.isZero() || slice.isNegative() || settle.isNegative() || warmRound.isNegative()) {
				throw new IllegalArgumentException(
						"--slice must be more than 0 s, --settle and --warm-round at least 0 s");
			}
		}

	}

	/**
	 * Times every question, and {@link #FLOOR}, at every concurrency: one cell each, its
	 * servers interleaved.
	 */
	List<Cell> measure(int scale, Parameters parameters, List<Integer> concurrencies, Timing timing) {
		// every server's compilers see every question before the first figure is taken:
		// otherwise the first questions of the first scale measure the JIT of whichever
		// server they start with
		if (!timing.warmRound().isZero()) {
			for (BenchQuery query : BenchQueries.all()) {
				for (Endpoint endpoint : this.endpoints) {
					slice(endpoint, e -> Optional.of(e.request(query, parameters)), WARM_ROUND_CONCURRENCY,
							timing.warmRound(), Duration.ZERO);
				}
			}
			for (Endpoint endpoint : this.endpoints) {
				slice(endpoint, Endpoint::floor, WARM_ROUND_CONCURRENCY, timing.warmRound(), Duration.ZERO);
			}
			this.log.accept("scale " + scale + ": warm-up round done (" + timing.warmRound().toMillis() / 1000.0
					+ " s a question and server)");
		}
		List<Cell> cells = new ArrayList<>();
		for (BenchQuery query : BenchQueries.all()) {
			for (int concurrency : concurrencies) {
				cells.add(
						cell(scale, query.name(), concurrency, e -> Optional.of(e.request(query, parameters)), timing));
			}
		}
		for (int concurrency : concurrencies) {
			cells.add(cell(scale, FLOOR, concurrency, Endpoint::floor, timing));
		}
		return cells;
	}

	/**
	 * One cell: its rounds, each server's slice in the round's turn; the servers are
	 * those with a request to time.
	 */
	private Cell cell(int scale, String query, int concurrency, Function<Endpoint, Optional<Runnable>> request,
			Timing timing) {
		String loadAverage = loadAverage();
		Map<Server, Endpoint> byServer = new EnumMap<>(Server.class);
		for (Endpoint endpoint : this.endpoints) {
			if (request.apply(endpoint).isPresent()) {
				byServer.put(endpoint.server(), endpoint);
			}
		}
		List<Server> servers = List.copyOf(byServer.keySet());
		List<Map<Server, LoadGenerator.Result>> rounds = new ArrayList<>();
		List<List<Server>> orders = new ArrayList<>();
		for (int round = 0; round < timing.rounds(); round++) {
			List<Server> order = Interleaving.order(servers, round);
			Map<Server, LoadGenerator.Result> results = new EnumMap<>(Server.class);
			for (Server server : order) {
				results.put(server, slice(byServer.get(server), request, concurrency, timing.settle(), timing.slice())
					.orElseThrow());
			}
			rounds.add(results);
			orders.add(order);
		}
		Cell cell = new Cell(scale, query, concurrency, loadAverage, rounds, orders);
		StringBuilder line = new StringBuilder(
				String.format(Locale.ROOT, "scale %d %-15s c=%-2d load %s;", scale, query, concurrency, loadAverage));
		for (Server server : servers) {
			line.append(String.format(Locale.ROOT, " %s %.1f/s p50 %.2f ms;", server.title,
					cell.median(server, LoadGenerator.Result::throughput),
					cell.median(server, LoadGenerator.Result::p50)));
		}
		this.log.accept(line.toString());
		return cell;
	}

	/**
	 * Load on one server for a while, over connections of its own: a client kept across
	 * slices would wait on idle connections that the server closes after its keep-alive
	 * time (Node 5 s, PolicyGraph 10 s), and a request sent as one closes fails.
	 */
	private static Optional<LoadGenerator.Result> slice(Endpoint endpoint,
			Function<Endpoint, Optional<Runnable>> request, int concurrency, Duration settle, Duration measured) {
		try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			return request.apply(endpoint.with(http))
				.map(runnable -> LoadGenerator.run(runnable, concurrency, settle, measured));
		}
	}

	/**
	 * {@code /proc/loadavg}'s 1, 5 and 15 minute load averages, or empty where the system
	 * has none.
	 */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
			return String.join(" ", Arrays.asList(fields).subList(0, Math.min(3, fields.length)));
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
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
