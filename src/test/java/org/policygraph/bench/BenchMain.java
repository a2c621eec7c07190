package org.policygraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.bench.BenchQuery.Server;

/**
 * The benchmark command ({@code bench/run.sh}): starts the packaged service with its
 * embedded Neo4j on a fresh store (Bolt open, the curated dataset not loaded), the peer
 * on Node against that same Neo4j, and a driver for the hand-written Cypher; then, for
 * each scale, imports municipalities until the scale is reached, checks the answers,
 * times the questions, and writes {@code RESULTS.md} and {@code results.csv}.
 * <p>
 * Options: {@code --scale 1,10,100}, {@code --concurrency 1,8,32}, {@code --warm-round 5}
 * (seconds per question and server before a scale's measurements), {@code --warmup 3} and
 * {@code --duration 5} (seconds per question, concurrency and server), {@code --seed 7},
 * {@code --jar target/policygraph-….jar}, {@code --work target/bench} (store, generated
 * CSV files, logs), {@code --out bench}, {@code --heap 4g} (the service's),
 * {@code --command "…"} (the command line to record).
 */
public final class BenchMain {

	/**
	 * The embedded Neo4j's password for the run: the peer and the hand-written Cypher log
	 * in with it.
	 */
	private static final String BOLT_PASSWORD = "bench-"
			+ Long.toHexString(new java.security.SecureRandom().nextLong());

	/** PolicyGraph's time limits during the run (see {@link #startService}). */
	private static final String REQUEST_TIMEOUT = "120s";

	private static final String TRANSACTION_TIMEOUT = "110s";

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		List<Integer> scales = integers(options.getOrDefault("scale", "1,10,100"));
		List<Integer> concurrencies = integers(options.getOrDefault("concurrency", "1,8,32"));
		Duration warmRound = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-round", "5")));
		Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "3")));
		Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "5")));
		long seed = Long.parseLong(options.getOrDefault("seed", "7"));
		Path work = Path.of(options.getOrDefault("work", "target/bench"));
		Path out = Path.of(options.getOrDefault("out", "bench"));
		Path jar = Path.of(options.getOrDefault("jar", jar()));
		String missing = PeerServer.missing();
		if (missing != null) {
			throw new IllegalStateException("Cannot run the benchmark: " + missing);
		}
		delete(work);
		Files.createDirectories(work);
		int boltPort = PeerServer.freePort();
		int httpPort = PeerServer.freePort();
		URI bolt = URI.create("bolt://localhost:" + boltPort);
		log("starting PolicyGraph (" + jar + ") with its embedded Neo4j, Bolt on " + bolt);
		Process service = startService(jar, work, boltPort, httpPort, options.getOrDefault("heap", "4g"));
		try (AutoCloseable stopService = () -> stop(service);
				PeerServer peer = PeerServer.start(bolt, BOLT_PASSWORD, work.resolve("peer.log"));
				Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", BOLT_PASSWORD),
						Config.builder().withMaxConnectionPoolSize(100).build())) {
			log("peer (@neo4j/graphql) answering on " + peer.uri());
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			List<Endpoint> endpoints = List.of(
					Endpoint.graphQl(Server.POLICYGRAPH, URI.create("http://localhost:" + httpPort + "/graphql"), http),
					Endpoint.graphQl(Server.PEER, peer.uri(), http), Endpoint.cypher(driver));
			ScaleLoader loader = new ScaleLoader(new MunicipalityGenerator(seed, MunicipalityGenerator.Shape.CITY),
					driver, work.resolve("municipalities"), BenchMain::log);
			BenchRun run = new BenchRun(driver, endpoints, BenchMain::log);
			Results.Context context = context(options, driver, seed, warmRound, warmup, measured, concurrencies);
			List<Results.Scale> done = new ArrayList<>();
			for (int scale : scales) {
				log("loading scale " + scale);
				ScaleLoader.Load load = loader.growTo(scale);
				driver.executableQuery("CALL db.awaitIndexes(600)").execute();
				var counts = driver.executableQuery("""
						CALL () { MATCH (n) RETURN count(n) AS nodes }
						CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
						RETURN nodes, relationships""").execute().records().getFirst();
				log(String.format(
						"scale %d: %,d nodes, %,d relationships; imported %,d nodes in %.0f s (%,.0f nodes/s)", scale,
						counts.get("nodes").asLong(), counts.get("relationships").asLong(), load.nodesCreated(),
						load.importSeconds(), load.nodesPerSecond()));
				BenchQuery.Parameters parameters = run.parameters();
				List<BenchRun.Checked> checked = run.check(parameters);
				List<BenchRun.Measurement> measurements = new ArrayList<>(
						run.measure(scale, parameters, concurrencies, warmRound, warmup, measured));
				measurements.addAll(run.floors(scale, warmup, measured));
				done.add(new Results.Scale(load, counts.get("nodes").asLong(), counts.get("relationships").asLong(),
						checked, measurements));
				new Results(out).write(context, done);
				log("wrote " + out.resolve("RESULTS.md") + " and " + out.resolve("results.csv"));
			}
		}
	}

	private static Process startService(Path jar, Path work, int boltPort, int httpPort, String heap) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-jar",
				jar.toString(), "--policygraph.embedded.data-dir=" + work.resolve("neo4j"),
				"--policygraph.embedded.bolt-port=" + boltPort, "--policygraph.embedded.password=" + BOLT_PASSWORD,
				"--policygraph.embedded.load-dataset=false", "--server.port=" + httpPort,
				// at concurrency 32 on two cores a large answer queues longer than the
				// default limits (10 s a
				// request, 8 s for its reads); the peer has no such limit, so the run
				// measures the queue, not a refusal
				"--policygraph.limits.request-timeout=" + REQUEST_TIMEOUT,
				"--policygraph.limits.transaction-timeout=" + TRANSACTION_TIMEOUT,
				// every question is asked many times over one unchanging graph: kept
				// answers would time the cache, not the reads
				"--policygraph.answer-cache.enabled=false")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("policygraph.log").toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("PolicyGraph stopped, see " + work.resolve("policygraph.log"));
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.body().startsWith("{") && health.body().contains("\"status\":\"UP\"")) {
					return process;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		process.destroyForcibly();
		throw new IllegalStateException("PolicyGraph did not come up, see " + work.resolve("policygraph.log"));
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static Results.Context context(Map<String, String> options, Driver driver, long seed, Duration warmRound,
			Duration warmup, Duration measured, List<Integer> concurrencies) throws IOException {
		String cpu = lines("/proc/cpuinfo").stream()
			.filter(line -> line.startsWith("model name"))
			.map(line -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown CPU");
		String memory = lines("/proc/meminfo").stream()
			.filter(line -> line.startsWith("MemTotal"))
			.map(line -> String.format("%.0f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
			.findFirst()
			.orElse("unknown memory");
		String neo4j = driver
			.executableQuery("CALL dbms.components() YIELD name, versions, edition "
					+ "RETURN name + ' ' + versions[0] + ' ' + edition AS v")
			.execute()
			.records()
			.getFirst()
			.get("v")
			.asString();
		String peerVersion = Json
			.parse(Files.readString(PeerServer.DIRECTORY.resolve("node_modules/@neo4j/graphql/package.json")))
			.get("version")
			.asString();
		String apolloVersion = Json
			.parse(Files.readString(PeerServer.DIRECTORY.resolve("node_modules/@apollo/server/package.json")))
			.get("version")
			.asString();
		String machine = String.format(
				"%d cores (%s), %s RAM, %s %s; shared with other work while it ran, so ratios "
						+ "within one run compare better than figures across runs",
				Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("os.name"),
				System.getProperty("os.version"));
		String versions = String.format("PolicyGraph %s on Java %s (Spring Boot 4.1.0, Spring for GraphQL 2.0, "
				+ "driver 6.2.1), %s embedded in it; @neo4j/graphql %s on Apollo Server %s, Node %s; hand-written Cypher "
				+ "through the Java driver 6.2.1",
				BenchMain.class.getPackage().getImplementationVersion() != null
						? BenchMain.class.getPackage().getImplementationVersion() : "0.1.0-SNAPSHOT",
				System.getProperty("java.version"), neo4j, peerVersion, apolloVersion, PeerServer.nodeVersion());
		String settings = String.format("seed %d; concurrency %s; at each scale, first a warm-up round (every question "
				+ "on every server for %d s at concurrency %d, not recorded), then for each question, concurrency and "
				+ "server %d s warm-up and %d s measured (closed loop, latencies in HdrHistogram); PolicyGraph heap %s, "
				+ "its request and transaction time limits raised to %s and %s (the peer has none); all three servers, "
				+ "the load generator and Neo4j on the one machine", seed, concurrencies, warmRound.toSeconds(),
				BenchRun.WARM_ROUND_CONCURRENCY, warmup.toSeconds(), measured.toSeconds(),
				options.getOrDefault("heap", "4g"), REQUEST_TIMEOUT, TRANSACTION_TIMEOUT);
		String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
		return new Results.Context(date, options.getOrDefault("command", "bench/run.sh"), machine, versions, settings);
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static String jar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.map(Path::toString)
				.filter(name -> name.matches(".*/policygraph-[^/]*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/policygraph-*.jar: run ./mvnw package first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	private static List<Integer> integers(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
	}

	private static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void log(String message) {
		System.out.println(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME).substring(0, 8)
				+ " " + message);
		System.out.flush();
	}

}
