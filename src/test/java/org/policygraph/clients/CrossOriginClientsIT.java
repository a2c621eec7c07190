package org.policygraph.clients;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policygraph.browser.OfflineChromium;
import org.policygraph.browser.RequiresChromium;
import org.policygraph.support.LongTest;
import org.policygraph.support.RequiresNode;
import org.policygraph.support.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The front-end developer's view of the API: a page served from another origin (a port of
 * this machine standing in for {@code http://localhost:3000}) runs urql, Apollo Client
 * and Relay's runtime in headless Chromium against the packaged service, which allows
 * that origin by {@code policygraph.cors.allowed-origins}. The page
 * ({@code clients/page/}, bundled here by esbuild) writes what each client got into
 * {@code #results}; this test says what it must have got. The same page on an origin that
 * is not allowed must be refused.
 */
@RequiresNode(folder = "clients", module = "esbuild",
		because = "the page of front-end clients (urql, Apollo Client, Relay's runtime) cannot be bundled here")
@RequiresChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LongTest
class CrossOriginClientsIT {

	static final Path CLIENTS = Path.of("clients");

	static final Duration PATIENCE = Duration.ofMinutes(2);

	/**
	 * data/pillars.csv: the 新ビジョン's pillars in document order, what {@code pillars}
	 * answers by default.
	 */
	static final List<String> PILLARS = List.of("稼げるまち", "彩りあるまち", "安らぐまち");

	/** data/kpis.csv: 107 indicators (成果指標). */
	static final int KPIS = 107;

	/** The page's page size for Apollo's paging (clients/page/app.mjs). */
	static final int PAGE = 10;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path scratch;

	HttpServer app;

	HttpServer stranger;

	ServiceProcess service;

	/** What the page on the allowed origin wrote into #results. */
	JsonNode results;

	/** What the page on the other origin wrote into #results. */
	JsonNode refused;

	/** What Chromium sent and received for each page, from its own network log. */
	List<Exchange> appNetwork;

	List<Exchange> strangerNetwork;

	/**
	 * One request as Chromium's network log tells it: what went out, and what came back
	 * over the network.
	 */
	record Exchange(String method, String url, Map<String, String> sentHeaders, int status) {

		String sent(String header) {
			return this.sentHeaders.entrySet()
				.stream()
				.filter(h -> h.getKey().equalsIgnoreCase(header))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}

	}

	@BeforeAll
	void servePageAndService() throws Exception {
		Path page = scratch.resolve("page");
		node("page/build.mjs", page.toAbsolutePath().toString());
		this.app = serve(page);
		this.stranger = serve(page);
		Path log = Path.of("target", "cross-origin-clients", "service.log");
		Files.deleteIfExists(log);
		this.service = ServiceProcess.start(log, Duration.ofMinutes(5),
				"--policygraph.embedded.data-dir=" + scratch.resolve("neo4j"), "--policygraph.embedded.bolt-port=0",
				"--policygraph.limits.request-timeout=120s", "--policygraph.limits.transaction-timeout=110s",
				"--policygraph.retirements.enabled=false", "--policygraph.cors.allowed-origins=" + origin(this.app));
		try (OfflineChromium chromium = OfflineChromium.start(scratch.resolve("chromium"), PATIENCE)) {
			this.results = open(chromium, this.app, "");
			this.appNetwork = network(chromium.browser());
			this.refused = open(chromium, this.stranger, "&only=refused");
			this.strangerNetwork = network(chromium.browser());
		}
		System.out.println("--- the page on " + origin(this.app) + ":\n" + this.results.toPrettyString());
		System.out.println("--- the page on " + origin(this.stranger) + ":\n" + this.refused.toPrettyString());
	}

	@AfterAll
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
		for (HttpServer server : new HttpServer[] { this.app, this.stranger }) {
			if (server != null) {
				server.stop(0);
			}
		}
	}

	@Test
	void urqlsDefaultsSendTheQueryByGetAndReadThePillarsInDocumentOrder() {
		JsonNode urql = scenario("urqlDefault");
		assertThat(texts(urql.path("pillars"))).containsExactlyElementsOf(PILLARS);
		JsonNode request = single(urql.path("requests"));
		assertThat(request.path("method").asString()).isEqualTo("GET");
		assertThat(request.path("status").asInt()).isEqualTo(200);
		// the page reads the ETag only because the service exposes it to its origin
		assertThat(request.path("etag").asString()).matches("\"[^\"]+\"");
		assertThat(request.path("cacheControl").asString()).isEqualTo("public, max-age=0, must-revalidate");
	}

	@Test
	void theSameQueryAgainIsRevalidatedByTheBrowsersCacheWithItsETagAndAnswered304() {
		JsonNode first = single(scenario("urqlDefault").path("requests"));
		JsonNode repeat = scenario("urqlRepeat");
		assertThat(texts(repeat.path("pillars"))).containsExactlyElementsOf(PILLARS);
		JsonNode request = single(repeat.path("requests"));
		assertThat(request.path("url").asString()).isEqualTo(first.path("url").asString());
		// what JavaScript sees of a revalidation: the stored answer, 200, with its ETag
		assertThat(request.path("status").asInt()).isEqualTo(200);
		assertThat(request.path("etag").asString()).isEqualTo(first.path("etag").asString());

		// what went over the network: the browser's cache asked with If-None-Match and
		// the service answered 304
		List<Exchange> sent = this.appNetwork.stream()
			.filter(e -> e.url().equals(first.path("url").asString()) && e.method().equals("GET"))
			.toList();
		assertThat(sent).as("requests for %s: %s", first.path("url"), sent).hasSizeGreaterThanOrEqualTo(3);
		assertThat(sent.get(0).status()).isEqualTo(200);
		assertThat(sent.get(1).sent("If-None-Match")).isEqualTo(first.path("etag").asString());
		assertThat(sent.get(1).status()).isEqualTo(304);

		// what the page can prove for itself, as the service lets its origin measure its
		// requests: Resource Timing
		// Level 2 gives transferSize 300 for an answer the cache revalidated, and its
		// body's size plus 300 for one
		// that came with its body (without Timing-Allow-Origin both would be 0)
		JsonNode timings = repeat.path("timings");
		assertThat(timings.size()).as(timings.toString()).isGreaterThanOrEqualTo(2);
		JsonNode fetched = timings.get(0);
		JsonNode revalidated = timings.get(1);
		int body = fetched.path("encodedBodySize").asInt();
		assertThat(body).as(timings.toString()).isPositive();
		assertThat(fetched.path("transferSize").asInt()).isEqualTo(body + 300);
		assertThat(revalidated.path("encodedBodySize").asInt()).isEqualTo(body);
		assertThat(revalidated.path("transferSize").asInt()).isEqualTo(300);

		// and a conditional request of its own, past the cache: the 304 itself
		JsonNode conditional = repeat.path("conditional");
		assertThat(conditional.path("status").asInt()).as(conditional.toString()).isEqualTo(304);
		assertThat(conditional.path("etag").asString()).isEqualTo(first.path("etag").asString());
	}

	@Test
	void apolloPagesEveryKpiOnceWithRelayStylePagination() {
		JsonNode paging = scenario("apolloPaging");
		assertThat(paging.path("totalCount").asInt()).isEqualTo(KPIS);
		assertThat(paging.path("count").asInt()).isEqualTo(KPIS);
		assertThat(paging.path("distinct").asInt()).isEqualTo(KPIS);
		assertThat(paging.path("pages").asInt()).isEqualTo((KPIS + PAGE - 1) / PAGE);
		assertThat(paging.path("hasNextPage").asBoolean()).isFalse();
		assertThat(texts(paging.path("methods"))).containsExactly("POST");
		assertThat(paging.path("statuses").toString()).isEqualTo("[200]");
	}

	@Test
	void apollosPersistedQueriesSendTheHashAloneThenTheDocumentOnPersistedQueryNotFoundThenTheHashAlone() {
		JsonNode persisted = scenario("apolloPersisted");
		JsonNode first = persisted.path("first");
		assertThat(texts(first.path("pillars"))).containsExactlyElementsOf(PILLARS);
		JsonNode requests = first.path("requests");
		assertThat(requests.size()).as(requests.toString()).isEqualTo(2);
		JsonNode unknown = requests.get(0);
		assertThat(unknown.path("sha256Hash").asString()).matches("[0-9a-f]{64}");
		assertThat(unknown.path("withDocument").asBoolean()).isFalse();
		assertThat(unknown.path("status").asInt()).isEqualTo(200);
		assertThat(texts(unknown.path("codes"))).containsExactly("PERSISTED_QUERY_NOT_FOUND");
		JsonNode withDocument = requests.get(1);
		assertThat(withDocument.path("withDocument").asBoolean()).isTrue();
		// crypto.subtle's SHA-256 of the document is the hash the service checks
		assertThat(withDocument.path("hashMatchesDocument").asBoolean()).isTrue();
		assertThat(withDocument.path("sha256Hash").asString()).isEqualTo(unknown.path("sha256Hash").asString());
		assertThat(withDocument.path("status").asInt()).isEqualTo(200);
		assertThat(withDocument.path("codes").size()).isZero();

		JsonNode again = persisted.path("again");
		assertThat(texts(again.path("pillars"))).containsExactlyElementsOf(PILLARS);
		JsonNode byHash = single(again.path("requests"));
		assertThat(byHash.path("withDocument").asBoolean()).isFalse();
		assertThat(byHash.path("sha256Hash").asString()).isEqualTo(unknown.path("sha256Hash").asString());
		assertThat(byHash.path("status").asInt()).isEqualTo(200);
	}

	@Test
	void thePageReadsTheCodeOfABadRequestInsteadOfFailingToFetch() {
		JsonNode bad = scenario("badRequests");
		JsonNode unknownField = bad.path("unknownField");
		assertThat(unknownField.path("networkError").isNull()).as(unknownField.toString()).isTrue();
		assertThat(texts(unknownField.path("codes"))).containsExactly("GRAPHQL_VALIDATION_FAILED");
		assertThat(texts(unknownField.path("messages")).get(0)).contains("noSuchField");
		// README: without a token a mutation fails with UNAUTHORIZED
		assertThat(texts(bad.path("mutationWithoutToken").path("codes"))).as(bad.toString())
			.containsExactly("UNAUTHORIZED");
		for (JsonNode request : bad.path("requests")) {
			assertThat(request.has("failed")).as(request.toString()).isFalse();
		}
		assertThat(bad.path("requests").get(0).path("method").asString()).isEqualTo("GET");
		assertThat(bad.path("requests").get(1).path("method").asString()).isEqualTo("POST");
	}

	@Test
	void relaysRuntimeRunsTheCompilersArtifactOfAnExample() {
		JsonNode relay = scenario("relay");
		assertThat(relay.path("operation").asString()).isEqualTo("PillarsWithMeasuresQuery");
		List<String> names = new ArrayList<>();
		List<Integer> measures = new ArrayList<>();
		for (JsonNode pillar : relay.path("pillars")) {
			names.add(pillar.path("name").asString());
			measures.add(pillar.path("measures").asInt());
		}
		assertThat(names).containsExactlyElementsOf(PILLARS);
		// data/measure_pillars.csv: pil-sv-1 has 5 measures (主な施策), pil-sv-2 3, pil-sv-3
		// 1
		assertThat(measures).containsExactly(5, 3, 1);
		assertThat(single(relay.path("requests")).path("status").asInt()).isEqualTo(200);
	}

	@Test
	void thePageOnAnOriginThatIsNotAllowedIsRefused() throws Exception {
		JsonNode attempt = this.refused.path("refused");
		assertThat(attempt.path("data").isNull()).as(attempt.toString()).isTrue();
		// the browser hides the refusal from a page it was not meant for
		assertThat(attempt.path("error").path("networkError").asString()).contains("Failed to fetch");
		JsonNode request = single(attempt.path("requests"));
		assertThat(request.path("failed").asString()).contains("Failed to fetch");

		// the service did answer, with 403 and no CORS headers; what it said, read
		// without a browser
		String url = request.path("url").asString();
		List<Exchange> sent = this.strangerNetwork.stream().filter(e -> e.url().equals(url)).toList();
		assertThat(sent).as(this.strangerNetwork.toString()).isNotEmpty();
		assertThat(sent.get(0).sent("Origin")).isEqualTo(origin(this.stranger));
		assertThat(sent.get(0).status()).isEqualTo(403);
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", origin(this.stranger)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(answer.body()).at("/errors/0/extensions/code").asString())
			.isEqualTo("CORS_ORIGIN_REFUSED");
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void thePagesLoadNothingButFromThisMachine() {
		List<Exchange> all = new ArrayList<>(this.appNetwork);
		all.addAll(this.strangerNetwork);
		// chrome://, data: and blob: never leave the browser
		List<URI> network = all.stream()
			.map(exchange -> URI.create(exchange.url()))
			.filter(uri -> List.of("http", "https", "ws", "wss").contains(uri.getScheme()))
			.toList();
		assertThat(network).hasSizeGreaterThan(20);
		assertThat(network).allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("localhost"));
	}

	// --- helpers

	private JsonNode scenario(String name) {
		JsonNode scenario = this.results.path(name);
		assertThat(scenario.isObject()).as("#results has no %s: %s", name, this.results).isTrue();
		assertThat(scenario.has("thrown")).as("%s threw %s", name, scenario.path("thrown")).isFalse();
		return scenario;
	}

	private static JsonNode single(JsonNode array) {
		assertThat(array.size()).as("one request: %s", array).isEqualTo(1);
		return array.get(0);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.isNull() ? null : node.asString()));
		return texts;
	}

	private JsonNode open(OfflineChromium chromium, HttpServer server, String more) {
		ChromeDriver browser = chromium.browser();
		String api = this.service.uri("/graphql").toString();
		browser.get(origin(server) + "/index.html?api=" + URLEncoder.encode(api, StandardCharsets.UTF_8) + more);
		String text = new WebDriverWait(browser, PATIENCE).until(b -> {
			var results = b.findElement(By.id("results"));
			return "true".equals(results.getDomAttribute("data-done")) ? results.getText() : null;
		});
		return JSON.readTree(text);
	}

	/**
	 * Chromium's network log since the last call: requests with the headers sent and the
	 * status received.
	 */
	private static List<Exchange> network(ChromeDriver browser) {
		Map<String, String> methods = new LinkedHashMap<>();
		Map<String, String> urls = new LinkedHashMap<>();
		Map<String, Map<String, String>> headers = new LinkedHashMap<>();
		Map<String, Integer> statuses = new LinkedHashMap<>();
		List<Exchange> exchanges = new ArrayList<>();
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = JSON.readTree(entry.getMessage()).path("message");
			JsonNode params = message.path("params");
			String id = params.path("requestId").asString("");
			switch (message.path("method").asString("")) {
				case "Network.requestWillBeSent" -> {
					// a request id is used again after a redirect: keep the earlier one
					finish(id, methods, urls, headers, statuses, exchanges);
					methods.put(id, params.path("request").path("method").asString());
					urls.put(id, params.path("request").path("url").asString());
					headers.computeIfAbsent(id, k -> new LinkedHashMap<>())
						.putAll(map(params.path("request").path("headers")));
				}
				// the headers as they went on the wire, the cache's If-None-Match
				// included
				case "Network.requestWillBeSentExtraInfo" ->
					headers.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(map(params.path("headers")));
				// the status as it came over the wire: 304 for a revalidation that
				// JavaScript sees as 200
				case "Network.responseReceivedExtraInfo" -> statuses.put(id, params.path("statusCode").asInt());
				case "Network.responseReceived" ->
					statuses.putIfAbsent(id, params.path("response").path("status").asInt());
				default -> {
				}
			}
		}
		for (String id : List.copyOf(methods.keySet())) {
			finish(id, methods, urls, headers, statuses, exchanges);
		}
		return exchanges;
	}

	private static void finish(String id, Map<String, String> methods, Map<String, String> urls,
			Map<String, Map<String, String>> headers, Map<String, Integer> statuses, List<Exchange> exchanges) {
		String method = methods.remove(id);
		if (method != null) {
			Map<String, String> sent = headers.remove(id);
			Integer status = statuses.remove(id);
			exchanges.add(new Exchange(method, urls.remove(id), (sent != null) ? sent : Map.of(),
					(status != null) ? status : 0));
		}
	}

	private static Map<String, String> map(JsonNode object) {
		Map<String, String> map = new LinkedHashMap<>();
		object.properties().forEach(p -> map.put(p.getKey(), p.getValue().asString()));
		return map;
	}

	private static String origin(HttpServer server) {
		return "http://localhost:" + server.getAddress().getPort();
	}

	/**
	 * The page's own server: its two files, on a port of its own, which is an origin of
	 * its own.
	 */
	private static HttpServer serve(Path folder) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", exchange -> {
			String name = exchange.getRequestURI().getPath().substring(1);
			Path file = folder.resolve(name).normalize();
			if (!List.of("index.html", "app.js").contains(name) || !Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			byte[] body = Files.readAllBytes(file);
			exchange.getResponseHeaders()
				.add("Content-Type",
						name.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

	/**
	 * Runs a script of clients/ with Node; its output is printed, and on failure is the
	 * message.
	 */
	private static void node(String... arguments) {
		List<String> command = new ArrayList<>(List.of("node"));
		command.addAll(List.of(arguments));
		try {
			Process node = new ProcessBuilder(command).directory(CLIENTS.toFile()).redirectErrorStream(true).start();
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
				try {
					return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					return "(output not read: " + ex + ")";
				}
			});
			if (!node.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
				node.destroyForcibly();
				fail("node " + command + " did not end within " + PATIENCE);
			}
			String text = output.get(30, TimeUnit.SECONDS);
			System.out.println("--- " + command + "\n" + text);
			assertThat(node.exitValue()).as("exit status of %s; its output:%n%s", command, text).isZero();
		}
		catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			fail("node " + command + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail("interrupted", ex);
		}
	}

}
