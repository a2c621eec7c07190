package org.policygraph.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.support.LongTest;
import org.policygraph.support.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service on its embedded Neo4j with the dev profile, under 64 readers
 * running a mix of the API's queries and 2 editors changing programs and budgets, all at
 * once, for a while (20 s here; bench/soak.sh runs it for 5 minutes). Every request must
 * succeed; heap after a full collection and open transactions must not grow from the end
 * of the warm-up to the end of the run, and Bolt connections must stay within the driver
 * pool's bound. Figures go to target/soak/ (report.txt, and the heap's class histograms
 * at start and end, to tell what grew).
 */
@LongTest
class SoakIT {

	static final Duration DURATION = Duration.parse(System.getProperty("soak.duration", "PT20S"));

	static final Duration WARM_UP = Duration.parse(System.getProperty("soak.warmup", "PT20S"));

	static final int READERS = Integer.getInteger("soak.readers", 64);

	static final int EDITORS = Integer.getInteger("soak.editors", 2);

	static final Path REPORT = Path.of("target/soak");

	/**
	 * The service's driver pool maximum, set explicitly here. The pool opens connections
	 * as concurrency needs them and keeps them, so a count that rises by one between two
	 * probes is the pool settling, not a leak; a leak is a borrowed connection never
	 * returned (the pool then runs dry and requests fail, which the failures catch) or
	 * connections outside the pool (the count passes this bound).
	 */
	static final int POOL_MAX = 100;

	/**
	 * The driver's connection acquisition timeout, set here. The driver arms a timer of
	 * this length for every connection it hands out and cancels it when the connection
	 * comes; its scheduler keeps a cancelled timer queued until the time it would have
	 * fired, holding the connection's bookkeeping with it. Under load the heap thus holds
	 * about (acquisitions per second) × (this timeout) of them: bounded, not a leak, but
	 * enough to hide or fake a slow leak. The heap is therefore measured at rest, once
	 * they have all expired.
	 */
	static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(10);

	static final Duration AT_REST = ACQUISITION_TIMEOUT.plusSeconds(5);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Map<String, String> SOURCE = Map.of("sourceId", "shin-vision-r8-programs", "section", "Ⅰ/No.1");

	/**
	 * The readers' mix: the API's test documents, with the variables a dashboard would
	 * send.
	 */
	static final List<Request> READS = List.of(request("plans", Map.of()), request("pillars", Map.of()),
			request("program-page", Map.of("first", 20)),
			request("program-page", Map.of("where", Map.of("text", "北九州"), "first", 10)),
			request("kpi-page", Map.of("first", 50)), request("search-text", Map.of("text", "若者", "first", 20)),
			request("search-text", Map.of("text", "観光 推進")), request("issue-page", Map.of("first", 20)),
			request("organization-list", Map.of("fiscalYear", 2026)), request("kpi-coverage", Map.of()),
			request("program-detail", Map.of("where", Map.of("planId", "plan-shin-vision"))),
			request("kpi-details", Map.of("where", Map.of())), request("issue-detail", Map.of()),
			request("program-budgets-as-of", Map.of("id", "prog-megaregion")));

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path scratch;

	@Test
	void readersAndEditorsTogetherGetNoErrorsAndLeaveNoGrowthInHeapTransactionsOrConnections() throws Exception {
		Files.createDirectories(REPORT);
		Files.deleteIfExists(REPORT.resolve("service.log"));
		Path keys = this.scratch.resolve("dev-keys");
		// the time limits are raised as in the other integration tests: on a loaded
		// 2-core machine a plain query
		// can take longer than 10 s, and the soak counts failures and growth, not the
		// limits (SlowQueryIT does)
		try (ServiceProcess service = ServiceProcess.start(REPORT.resolve("service.log"), Duration.ofMinutes(5),
				"--spring.profiles.active=dev", "--logging.level.org.policygraph=INFO",
				"--policygraph.limits.request-timeout=120s", "--policygraph.limits.transaction-timeout=110s",
				"--policygraph.embedded.data-dir=" + this.scratch.resolve("neo4j"),
				"--policygraph.embedded.bolt-port=0", "--policygraph.security.dev-key-dir=" + keys,
				"--spring.neo4j.pool.max-connection-pool-size=" + POOL_MAX,
				"--spring.neo4j.pool.connection-acquisition-timeout=" + ACQUISITION_TIMEOUT.toSeconds() + "s");
				Driver neo4j = GraphDatabase.driver(service.boltUri(), service.boltAuth())) {
			String token = mintEditorToken(keys);
			Probe cold = probe(service, neo4j);

			Load warmUp = new Load(service, token);
			warmUp.run(WARM_UP);
			assertThat(warmUp.failures).as("failures during the warm-up").isEmpty();
			Probe start = probe(service, neo4j);
			Files.writeString(REPORT.resolve("histogram-start.txt"), service.jcmd("GC.class_histogram"));

			Load load = new Load(service, token);
			load.run(DURATION);
			Probe end = probe(service, neo4j);
			Files.writeString(REPORT.resolve("histogram-end.txt"), service.jcmd("GC.class_histogram"));

			String report = report(cold, start, end, load);
			Files.writeString(REPORT.resolve("report.txt"), report);
			System.out.println(report);

			assertThat(load.failures).as("failed requests").isEmpty();
			assertThat(load.reads.size()).as("reads done").isGreaterThan(READERS);
			assertThat(load.edits.size()).as("edits done").isGreaterThan(EDITORS);
			assertThat(end.openTransactions()).as("open transactions").isLessThanOrEqualTo(start.openTransactions());
			assertThat(end.boltConnections()).as("Bolt connections, against the pool's maximum")
				.isLessThanOrEqualTo(POOL_MAX);
			assertThat((double) end.heapBytes()).as("heap after a full collection, end vs start")
				.isLessThanOrEqualTo(start.heapBytes() * 1.10);
		}
	}

	/**
	 * The service's heap after a full collection, and its open transactions and Bolt
	 * connections (ours excluded), taken at rest: {@link #AT_REST} after the load
	 * stopped.
	 */
	record Probe(long heapBytes, long openTransactions, long boltConnections) {
	}

	Probe probe(ServiceProcess service, Driver neo4j) throws InterruptedException {
		Thread.sleep(AT_REST);
		try (var session = neo4j.session()) {
			// each count is taken in its own transaction, which SHOW TRANSACTIONS and the
			// listing also show
			long transactions = session.run("SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n")
				.single()
				.get("n")
				.asLong() - 1;
			long connections = session
				.run("CALL dbms.listConnections() YIELD connector WHERE connector = 'bolt' RETURN count(*) AS n")
				.single()
				.get("n")
				.asLong() - 1;
			return new Probe(service.heapAfterFullGc(), transactions, connections);
		}
	}

	/**
	 * The readers and editors, each on its own thread, sending requests back to back for
	 * a while.
	 */
	final class Load {

		final ServiceProcess service;

		final String token;

		final ConcurrentLinkedQueue<Long> reads = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Long> edits = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		final AtomicLong revision = new AtomicLong();

		Duration took;

		Load(ServiceProcess service, String token) {
			this.service = service;
			this.token = token;
		}

		void run(Duration duration) throws InterruptedException {
			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService threads = Executors.newFixedThreadPool(READERS + EDITORS);
			Instant started = Instant.now();
			for (int r = 0; r < READERS; r++) {
				int reader = r;
				threads.submit(() -> {
					for (int i = reader; !stop.get(); i++) {
						send(READS.get(i % READS.size()), null, this.reads);
					}
				});
			}
			for (int e = 0; e < EDITORS; e++) {
				String program = "prog-soak-editor-" + (e + 1);
				threads.submit(() -> {
					while (!stop.get()) {
						long n = this.revision.incrementAndGet();
						send(request("upsert-program", Map.of("input",
								Map.of("id", program, "name", "負荷試験事業", "summary", "revision " + n, "source", SOURCE))),
								this.token, this.edits);
						send(request("set-budget", Map.of("input", Map.of("programId", program, "fiscalYear", 2026,
								"amount", (1000 + n) + "千円", "source", SOURCE))), this.token, this.edits);
					}
				});
			}
			Thread.sleep(duration);
			stop.set(true);
			threads.shutdown();
			assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).as("requests in flight finish").isTrue();
			this.took = Duration.between(started, Instant.now());
		}

		void send(Request request, String token, ConcurrentLinkedQueue<Long> latencies) {
			HttpRequest.Builder http = HttpRequest.newBuilder(this.service.uri("/graphql"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(request.body()));
			if (token != null) {
				http.header("Authorization", "Bearer " + token);
			}
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = SoakIT.this.http.send(http.build(),
						HttpResponse.BodyHandlers.ofString());
				latencies.add(System.nanoTime() - start);
				if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
					this.failures.add(request.document() + " -> " + response.statusCode() + " " + response.body());
				}
			}
			catch (IOException | RuntimeException ex) {
				this.failures.add(request.document() + " -> " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	record Request(String document, String body) {
	}

	static Request request(String document, Map<String, Object> variables) {
		try {
			String query = Files.readString(Path.of("src/test/resources/graphql-test", document + ".graphql"));
			return new Request(document, JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An editor's token from the dev profile's key, minted by the same tool a developer
	 * uses.
	 */
	static String mintEditorToken(Path keys) throws IOException, InterruptedException {
		Process mint = new ProcessBuilder(ServiceProcess.java().toString(), "src/dev/MintToken.java", "soak", "--keys",
				keys.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(mint.waitFor()).as("MintToken exit code").isZero();
		return token;
	}

	static String report(Probe cold, Probe start, Probe end, Load load) {
		long[] reads = sorted(load.reads);
		long[] edits = sorted(load.edits);
		double seconds = load.took.toMillis() / 1000.0;
		StringBuilder out = new StringBuilder();
		out.append("soak: ")
			.append(READERS)
			.append(" readers, ")
			.append(EDITORS)
			.append(" editors, ")
			.append(load.took.toSeconds())
			.append(" s after a ")
			.append(WARM_UP.toSeconds())
			.append(" s warm-up; ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores\n");
		out.append(String.format("requests: %d reads (%.1f/s), %d edits (%.1f/s), %d failed%n", reads.length,
				reads.length / seconds, edits.length, edits.length / seconds, load.failures.size()));
		out.append("reads  latency ms: ").append(percentiles(reads)).append('\n');
		out.append("edits  latency ms: ").append(percentiles(edits)).append('\n');
		out.append(String.format("heap after full GC MiB: cold %.1f, start %.1f, end %.1f (%+.1f%%)%n",
				mib(cold.heapBytes()), mib(start.heapBytes()), mib(end.heapBytes()),
				100.0 * (end.heapBytes() - start.heapBytes()) / start.heapBytes()));
		out.append("open transactions: cold ")
			.append(cold.openTransactions())
			.append(", start ")
			.append(start.openTransactions())
			.append(", end ")
			.append(end.openTransactions())
			.append('\n');
		out.append("Bolt connections: cold ")
			.append(cold.boltConnections())
			.append(", start ")
			.append(start.boltConnections())
			.append(", end ")
			.append(end.boltConnections())
			.append('\n');
		load.failures.stream().limit(10).forEach(f -> out.append("failure: ").append(f).append('\n'));
		return out.toString();
	}

	static long[] sorted(ConcurrentLinkedQueue<Long> latencies) {
		long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(values);
		return values;
	}

	/** Exact percentiles over every request (nearest rank), in milliseconds. */
	static String percentiles(long[] sorted) {
		if (sorted.length == 0) {
			return "none";
		}
		List<String> parts = new ArrayList<>();
		for (double p : new double[] { 50, 90, 99, 99.9 }) {
			int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
			parts.add(String.format("p%s %.1f", (p == Math.rint(p)) ? Long.toString((long) p) : Double.toString(p),
					sorted[Math.max(rank, 0)] / 1e6));
		}
		parts.add(String.format("max %.1f", sorted[sorted.length - 1] / 1e6));
		return String.join(", ", parts);
	}

	static double mib(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
