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
import java.util.Locale;
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
 * embedded Neo4j on a fresh store (Bolt open, the curated dataset not loaded, the answer
 * cache off), the peer on Node against that same Neo4j, a driver for the hand-written
 * Cypher and a minimal HTTP server in front of it ({@link HandWrittenServer}); then, for
 * each scale, imports municipalities until the scale is reached, checks the answers,
 * times the questions with the servers interleaved ({@link Cell}), and writes
 * {@code RESULTS.md} and {@code results.csv}.
 * <p>
 * Options: {@code --scale 1,10,100}, {@code --concurrency 1,8}, {@code --rounds 5}
 * (rounds per question and concurrency), {@code --slice 1} and {@code --settle 0.5}
 * (seconds measured, and not recorded before it, per server in a round),
 * {@code --warm-round 3} (seconds per question and server before a scale's measurements),
 * {@code --cached} (also time PolicyGraph with its answer cache on), {@code --seed 7},
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

	/** The property that switches PolicyGraph's answer cache. */
	private static final String CACHE = "--policygraph.answer-cache.enabled";

	/** The options {@link #main} takes. */
	private static final List<String> OPTIONS = List.of("scale", "concurrency", "rounds", "slice", "settle",
			"warm-round", "cached", "seed", "jar", "work", "out", "heap", "command");

	/** PolicyGraph's time limits during the run (see {@link #startService}). */
	private static final String REQUEST_TIMEOUT = "120s";

	private static final String TRANSACTION_TIMEOUT = "110s";

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		List<Integer> scales = integers(options.getOrDefault("scale", "1,10,100"));
		List<Integer> concurrencies = integers(options.getOrDefault("concurrency", "1,8"));
		BenchRun.Timing timing = new BenchRun.Timing(seconds(options, "warm-round", "3"),
				Integer.parseInt(options.getOrDefault("rounds", "5")), seconds(options, "settle", "0.5"),
				seconds(options, "slice", "1"));
		boolean cached = Boolean.parseBoolean(options.getOrDefault("cached", "false"));
		long seed = Long.parseLong(options.getOrDefault("seed", "7"));
		Path work = Path.of(options.getOrDefault("work", "target/bench"));
		Path out = Path.of(options.getOrDefault("out", "bench"));
		Path jar = Path.of(options.getOrDefault("jar", jar()));
		String heap = options.getOrDefault("heap", "4g");
		String missing = PeerServer.missing();
		if (missing != null) {
			throw new IllegalStateException("Cannot run the benchmark: " + missing);
		}
		delete(work);
		Files.createDirectories(work);
		int boltPort = PeerServer.freePort();
		int httpPort = PeerServer.freePort();
		URI bolt = URI.create("bolt://localhost:" + boltPort);
		log("starting PolicyGraph (" + jar + ") with its embedded Neo4j, Bolt on " + bolt + ", answer cache off");
		Process service = startService(jar, work.resolve("policygraph.log"), httpPort, heap,
				List.of("--policygraph.embedded.data-dir=" + work.resolve("neo4j"),
						"--policygraph.embedded.bolt-port=" + boltPort,
						"--policygraph.embedded.password=" + BOLT_PASSWORD, "--policygraph.embedded.load-dataset=false",
						CACHE + "=false"));
		try (AutoCloseable stopService = () -> stop(service);
				PeerServer peer = PeerServer.start(bolt, BOLT_PASSWORD, work.resolve("peer.log"));
				Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", BOLT_PASSWORD),
						Config.builder().withMaxConnectionPoolSize(100).build());
				HandWrittenServer handWritten = HandWrittenServer.start(driver)) {
			log("peer (@neo4j/graphql) answering on " + peer.uri() + ", hand-written Cypher over HTTP on "
					+ handWritten.uri());
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			List<Endpoint> endpoints = List.of(
					Endpoint.graphQl(Server.POLICYGRAPH, URI.create("http://localhost:" + httpPort + "/graphql"), http),
					Endpoint.graphQl(Server.PEER, peer.uri(), http), Endpoint.cypher(driver),
					Endpoint.cypherOverHttp(handWritten.uri(), http));
			ScaleLoader loader = new ScaleLoader(new MunicipalityGenerator(seed, MunicipalityGenerator.Shape.CITY),
					driver, work.resolve("municipalities"), BenchMain::log);
			Results.Context context = context(options, driver, seed, timing, concurrencies, cached);
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
				Process cachedService = null;
				List<Endpoint> timed = endpoints;
				if (cached) {
					// started after the scale is loaded, so no answer of a smaller graph
					// is
					// kept; a second instance, as the store belongs to the first
					int cachedPort = PeerServer.freePort();
					log("starting PolicyGraph with its answer cache on, reading the same Neo4j over Bolt");
					cachedService = startService(jar, work.resolve("policygraph-cached-" + scale + ".log"), cachedPort,
							heap, List.of("--spring.neo4j.uri=" + bolt, "--spring.neo4j.authentication.username=neo4j",
									"--spring.neo4j.authentication.password=" + BOLT_PASSWORD, CACHE + "=true"));
					timed = new ArrayList<>(endpoints);
					timed.add(Endpoint.graphQl(Server.POLICYGRAPH_CACHED,
							URI.create("http://localhost:" + cachedPort + "/graphql"), http));
				}
				try {
					BenchRun run = new BenchRun(driver, timed, BenchMain::log);
					BenchQuery.Parameters parameters = run.parameters();
					List<BenchRun.Checked> checked = run.check(parameters);
					List<Cell> cells = run.measure(scale, parameters, concurrencies, timing);
					done.add(new Results.Scale(load, counts.get("nodes").asLong(), counts.get("relationships").asLong(),
							checked, cells));
				}
				finally {
					if (cachedService != null) {
						stop(cachedService);
					}
				}
				new Results(out).write(context, done);
				log("wrote " + out.resolve("RESULTS.md") + " and " + out.resolve("results.csv"));
			}
		}
	}

	/**
	 * Starts the packaged service with the common settings and {@code settings}, and
	 * waits until its health is UP.
	 */
	private static Process startService(Path jar, Path log, int httpPort, String heap, List<String> settings)
			throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap,
				"-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "--server.port=" + httpPort,
				// at concurrency 32 on two cores a large answer queues longer than the
				// default limits (10 s a request, 8 s for its reads); the peer has no
				// such
				// limit, so the run measures the queue, not a refusal
				"--policygraph.limits.request-timeout=" + REQUEST_TIMEOUT,
				"--policygraph.limits.transaction-timeout=" + TRANSACTION_TIMEOUT));
		command.addAll(settings);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		HttpClient http = HttpClient.newHttpClient();
		// generous: on a shared two-core machine at load average 30 the jar took more
		// than 3 minutes to start
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("PolicyGraph stopped, see " + log);
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
		throw new IllegalStateException("PolicyGraph did not come up, see " + log);
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static Results.Context context(Map<String, String> options, Driver driver, long seed,
			BenchRun.Timing timing, List<Integer> concurrencies, boolean cached) throws IOException {
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
		String settings = String.format(Locale.ROOT,
				"seed %d; concurrency %s; at each scale, first a warm-up round (every question and `{ __typename }` on "
						+ "every server for %s s at concurrency %d, not recorded), then for each question and "
						+ "concurrency (a cell) %d rounds, in each round every server in turn for %s s not recorded "
						+ "and %s s measured, the order turned by one server each round (closed loop, latencies "
						+ "in HdrHistogram); a cell's figures are the medians over its rounds, its ratios the "
						+ "medians of each round's ratio; PolicyGraph with its answer cache off (`%s=false`)%s; "
						+ "PolicyGraph heap %s, its request and transaction time limits raised to %s and %s (the "
						+ "peer has none); the hand-written Cypher over HTTP is the JDK's HttpServer in the load "
						+ "generator's JVM; all servers, the load generator and Neo4j on the one machine",
				seed, concurrencies, seconds(timing.warmRound()), BenchRun.WARM_ROUND_CONCURRENCY, timing.rounds(),
				seconds(timing.settle()), seconds(timing.slice()), CACHE.substring(2),
				cached ? ", and with it on (a second instance, started once each scale was loaded, reading the "
						+ "same Neo4j over Bolt), labelled \"cache on\"" : "",
				heap(options), REQUEST_TIMEOUT, TRANSACTION_TIMEOUT);
		String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
		return new Results.Context(date, options.getOrDefault("command", "bench/run.sh"), machine, versions, settings);
	}

	private static String heap(Map<String, String> options) {
		return options.getOrDefault("heap", "4g");
	}

	/** Seconds as the results write them: 1, 0.5. */
	private static String seconds(Duration duration) {
		return new java.math.BigDecimal(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
	}

	/** An option in seconds, fractions allowed (0.5). */
	private static Duration seconds(Map<String, String> options, String name, String otherwise) {
		String value = options.getOrDefault(name, otherwise);
		try {
			return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " " + value + ": expected seconds, such as 1 or 0.5");
		}
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

	/**
	 * {@code --name value} pairs, and {@code --cached} alone; an unknown name fails with
	 * the known ones.
	 */
	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException(
						"expected --name value pairs, got " + args[i] + " in " + Arrays.toString(args));
			}
			String name = args[i].substring(2);
			if (!OPTIONS.contains(name)) {
				throw new IllegalArgumentException(
						"unknown option --" + name + "; the options are --" + String.join(", --", OPTIONS));
			}
			if (name.equals("cached") && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
				options.put(name, "true");
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			options.put(name, args[++i]);
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
