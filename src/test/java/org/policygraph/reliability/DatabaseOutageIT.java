package org.policygraph.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.support.LongTest;
import org.policygraph.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service in external mode while its Neo4j server goes away for 20 s under a light
 * read load, then comes back on the same address with the same store. The server is a
 * second packaged service in embedded mode on a fixed Bolt port (its Bolt is a real Neo4j
 * server's; there is no Docker here); it is killed with SIGKILL, as a crash would stop
 * it, and started again once 20 s have passed.
 * <p>
 * While it is away every read fails fast with {@code DATABASE_UNAVAILABLE} and
 * {@code retryable: true}, an HTTP endpoint answers 503 with the same code, and health is
 * DOWN. Within 30 s of the server's return (its start completed) reads succeed again
 * without a restart of the service, every read from then on succeeds (no pooled
 * connection from before the outage fails one), and health is UP. Once its Bolt port
 * takes connections again a read may also be slow rather than refused: the server is
 * still starting, and cold, so such a read is answered with TIMEOUT at the request limit,
 * which is allowed only once the port is open. Both times are reported, from the port's
 * opening and from the start's completion. The figures go to
 * target/faults/outage-report.txt.
 */
@LongTest
class DatabaseOutageIT {

	static final int READERS = 3;

	static final Duration DOWN = Duration.ofSeconds(20);

	/**
	 * A read that finds the database away is answered well inside the 10 s request limit.
	 * (The service retries it for up to 1 s; the rest is margin for a 2-core machine
	 * shared with builds, where the whole process stalls for seconds at times.)
	 */
	static final Duration FAIL_FAST = Duration.ofSeconds(5);

	/**
	 * The request limit, and what a slow read (on a server just back and still cold) is
	 * answered within.
	 */
	static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);

	static final Duration RECOVERY = Duration.ofSeconds(30);

	static final List<String> READS = List.of("pillars", "plans", "kpi-coverage");

	/**
	 * One read: when it was sent and answered (System.nanoTime), and its error codes
	 * (none: it succeeded).
	 */
	record Read(long sent, long answered, List<String> codes, boolean retryable, String failure) {

		boolean succeeded() {
			return this.codes.isEmpty() && this.failure == null;
		}

		long millis() {
			return (this.answered - this.sent) / 1_000_000;
		}

	}

	@TempDir
	Path scratch;

	@Test
	void withTheDatabaseAwayReadsFailFastWithARetryableCodeAndTheServiceRecoversWithoutARestart() throws Exception {
		Path data = this.scratch.resolve("neo4j");
		Path keys = this.scratch.resolve("keys");
		int boltPort = freePort();
		URI bolt = URI.create("bolt://localhost:" + boltPort);
		ServiceProcess server = FaultHarness.startEmbedded("outage-neo4j.log", data, keys, boltPort);
		ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		Path log = FaultHarness.logFile("outage-service.log");
		try (ServiceProcess service = ServiceProcess.start(log, Duration.ofMinutes(4), "--spring.neo4j.uri=" + bolt,
				"--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=" + ServiceProcess.BOLT_PASSWORD,
				"--logging.level.org.policygraph=INFO")) {
			for (int r = 0; r < READERS; r++) {
				int reader = r;
				readers.submit(() -> {
					for (int i = reader; !stop.get(); i++) {
						reads.add(read(service, READS.get(i % READS.size())));
					}
				});
			}
			awaitSuccesses(reads, 10, Duration.ofMinutes(2));
			assertThat(health(service)).isEqualTo("UP");

			server.kill();
			long stopped = System.nanoTime();
			String healthInTheGap = awaitHealth(service, "DOWN", DOWN);
			long exportSent = System.nanoTime();
			HttpResponse<String> export = FaultHarness.HTTP.send(
					HttpRequest.newBuilder(service.uri("/export/dataset.xlsx")).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			long exportMillis = (System.nanoTime() - exportSent) / 1_000_000;
			Thread.sleep(Math.max(0, DOWN.toMillis() - (System.nanoTime() - stopped) / 1_000_000));

			long restarting = System.nanoTime();
			AtomicLong returned = new AtomicLong();
			Thread watch = Thread.ofPlatform().start(() -> returned.set(awaitPort(boltPort)));
			server = FaultHarness.startEmbedded("outage-neo4j-restart.log", data, keys, boltPort);
			long ready = System.nanoTime();
			watch.join();
			long back = returned.get();
			long firstSuccess = awaitSuccessAfter(reads, back, RECOVERY.plusMinutes(1));
			String healthAfter = awaitHealth(service, "UP", RECOVERY.plusMinutes(1));
			long healthUp = System.nanoTime();
			// reads go on for a while after the first success: none may fail on a
			// connection from before
			Thread.sleep(5_000);
			stop.set(true);
			readers.shutdown();
			assertThat(readers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

			List<Read> all = List.copyOf(reads);
			List<Read> failed = all.stream().filter(read -> !read.succeeded()).toList();
			List<Read> away = failed.stream().filter(read -> !read.codes().equals(List.of("TIMEOUT"))).toList();
			List<Read> slow = failed.stream().filter(read -> read.codes().equals(List.of("TIMEOUT"))).toList();
			List<Read> afterRecovery = all.stream().filter(read -> read.sent() >= firstSuccess).toList();
			long retriedLines = Pattern.compile("reading again in").matcher(Files.readString(log)).results().count();
			String report = String.format(
					"""
							database outage: %d readers, server killed and started again after %d s (its start took %d s)
							reads: %d, %d failed: %d finding the server away, %d timed out on the server just back; %d reads after the first success, %d of them failed
							reads finding the server away: longest %d ms, p50 %d ms, p90 %d ms; timed out: longest %d ms
							export in the gap: HTTP %d in %d ms
							health: %s in the gap, %s again %d ms after the server's port opened, %d ms after its start completed
							first successful read %d ms after the server's port opened, %d ms after its start completed
							retries of reads logged: %d
							""",
					READERS, (restarting - stopped) / 1_000_000_000, (back - restarting) / 1_000_000_000, all.size(),
					failed.size(), away.size(), slow.size(), afterRecovery.size(),
					afterRecovery.stream().filter(read -> !read.succeeded()).count(), longest(away),
					percentile(away, 50), percentile(away, 90), longest(slow), export.statusCode(), exportMillis,
					healthInTheGap, healthAfter, (healthUp - back) / 1_000_000, (healthUp - ready) / 1_000_000,
					(firstSuccess - back) / 1_000_000, (firstSuccess - ready) / 1_000_000, retriedLines);
			Files.writeString(FaultHarness.LOGS.resolve("outage-report.txt"), report);
			System.out.println(report);
			failed.stream().limit(5).forEach(read -> System.out.println("failed read: " + read));

			assertThat(away).as("reads that found the server away").isNotEmpty();
			assertThat(away).as("every read that found the server away: only DATABASE_UNAVAILABLE, retryable")
				.allSatisfy(read -> {
					assertThat(read.failure()).isNull();
					assertThat(read.codes()).containsOnly("DATABASE_UNAVAILABLE");
					assertThat(read.retryable()).isTrue();
				});
			assertThat(longest(away)).as("longest read that found the server away, ms")
				.isLessThanOrEqualTo(FAIL_FAST.toMillis());
			assertThat(slow).as("reads timed out: only on the server once back, at the request limit")
				.allSatisfy(read -> {
					assertThat(read.answered()).isGreaterThan(back);
					assertThat(read.millis()).isLessThan(REQUEST_LIMIT.plusSeconds(3).toMillis());
				});
			assertThat(export.statusCode()).isEqualTo(503);
			assertThat(exportMillis).as("the export's answer in the gap, ms").isLessThanOrEqualTo(FAIL_FAST.toMillis());
			JsonNode exportError = FaultHarness.json(export.body()).get("errors").get(0).get("extensions");
			assertThat(exportError.get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
			assertThat(exportError.get("retryable").asBoolean()).isTrue();
			assertThat(healthInTheGap).isEqualTo("DOWN");
			assertThat(Duration.ofNanos(firstSuccess - ready))
				.as("from the server's return to the first successful read")
				.isLessThanOrEqualTo(RECOVERY);
			assertThat(healthAfter).isEqualTo("UP");
			assertThat(Duration.ofNanos(healthUp - ready)).as("from the server's return to health UP")
				.isLessThanOrEqualTo(RECOVERY);
			assertThat(afterRecovery).as("reads after the first success")
				.hasSizeGreaterThan(READERS)
				.allMatch(Read::succeeded, "succeeded");
		}
		finally {
			stop.set(true);
			readers.shutdownNow();
			server.close();
		}
	}

	static Read read(ServiceProcess service, String document) {
		long sent = System.nanoTime();
		try {
			HttpResponse<String> response = FaultHarness.graphQl(service, null, document, Map.of(),
					Duration.ofSeconds(30));
			long answered = System.nanoTime();
			JsonNode body = FaultHarness.json(response.body());
			List<String> codes = new ArrayList<>();
			boolean retryable = true;
			for (JsonNode error : body.path("errors")) {
				codes.add(error.path("extensions").path("code").asString());
				retryable &= error.path("extensions").path("retryable").asBoolean();
			}
			String failure = (response.statusCode() == 200) ? null : "HTTP " + response.statusCode();
			return new Read(sent, answered, codes, retryable && !codes.isEmpty(), failure);
		}
		catch (IOException | RuntimeException ex) {
			return new Read(sent, System.nanoTime(), List.of(), false, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Read(sent, System.nanoTime(), List.of(), false, "interrupted");
		}
	}

	/**
	 * Polls the server's Bolt port until it takes a connection; the instant it first did
	 * (System.nanoTime).
	 */
	static long awaitPort(int port) {
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
				return System.nanoTime();
			}
			catch (IOException notYet) {
				sleep(50);
			}
		}
		throw new AssertionError("the Neo4j server did not come back");
	}

	static void awaitSuccesses(ConcurrentLinkedQueue<Read> reads, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (reads.stream().filter(Read::succeeded).count() < count) {
			assertThat(System.nanoTime()).as("%d successful reads in time", count).isLessThan(deadline);
			sleep(100);
		}
	}

	/** The time the first read sent after {@code after} succeeded. */
	static long awaitSuccessAfter(ConcurrentLinkedQueue<Read> reads, long after, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var first = reads.stream()
				.filter(read -> read.sent() >= after && read.succeeded())
				.mapToLong(Read::answered)
				.min();
			if (first.isPresent()) {
				return first.getAsLong();
			}
			sleep(100);
		}
		throw new AssertionError("no successful read within " + timeout + " of the server's return");
	}

	static String health(ServiceProcess service) {
		try {
			return FaultHarness.json(service.get("/actuator/health")).path("status").asString();
		}
		catch (RuntimeException ex) {
			return ex.toString();
		}
	}

	/** Polls health until it says {@code status}; returns what it said last. */
	static String awaitHealth(ServiceProcess service, String status, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String now = health(service);
		while (!now.equals(status) && System.nanoTime() < deadline) {
			sleep(200);
			now = health(service);
		}
		return now;
	}

	static long longest(List<Read> reads) {
		return reads.stream().mapToLong(Read::millis).max().orElse(0);
	}

	/** Nearest-rank percentile of the reads' latencies, in ms. */
	static long percentile(List<Read> reads, int p) {
		long[] millis = reads.stream().mapToLong(Read::millis).sorted().toArray();
		return (millis.length == 0) ? 0 : millis[Math.max(0, (int) Math.ceil(p / 100.0 * millis.length) - 1)];
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
