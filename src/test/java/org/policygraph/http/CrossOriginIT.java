package org.policygraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.policygraph.browser.OfflineChromium;
import org.policygraph.browser.RequiresChromium;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.LongTest;
import org.policygraph.support.ResetGraphExtension;
import org.policygraph.support.TestNeo4jInitializer;
import org.policygraph.support.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A front end on another origin, as a browser calls the service over a real port: CORS on
 * preflights, answers and every kind of refusal (including those written before Spring
 * Security and MVC run), GET for queries per the GraphQL-over-HTTP specification, and
 * ETags that change with the graph.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.limits.request-timeout=120s", "policygraph.limits.transaction-timeout=110s",
				"policygraph.retirements.enabled=false", "policygraph.limits.request-body-timeout=1s" })
@ContextConfiguration(initializers = TestNeo4jInitializer.class)
@ExtendWith(ResetGraphExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LongTest
class CrossOriginIT {

	/** The front end's own server, on another port of this machine: another origin. */
	static final HttpServer APP = appServer();

	static final String APP_ORIGIN = "http://localhost:" + APP.getAddress().getPort();

	static final String STRANGER = "https://elsewhere.example";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Map<String, String> SOURCE = Map.of("sourceId", "shin-vision-r8-programs", "section", "Ⅰ/No.1");

	static final String PILLAR_BY_ID = "query Pillar($id: ID!) { node(id: $id) { id ... on Pillar { name } } }";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
		registry.add("policygraph.cors.allowed-origins", () -> APP_ORIGIN);
	}

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
	}

	@AfterAll
	void stopApp() {
		APP.stop(0);
	}

	// --- CORS

	@Test
	void aPreflightFromAnAllowedOriginNamesTheMethodsAndHeadersThePageMayUseAndNoCredentials() throws Exception {
		HttpResponse<String> answer = send(request("/graphql").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", APP_ORIGIN)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type"));
		assertThat(answer.statusCode()).isEqualTo(204);
		assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
		assertThat(header(answer, "Access-Control-Allow-Methods")).contains("GET").contains("POST");
		assertThat(header(answer, "Access-Control-Allow-Headers")).containsIgnoringCase("Authorization")
			.containsIgnoringCase("Content-Type");
		assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(answer.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
	}

	@Test
	void aPreflightFromAnotherOriginIsRefusedWith403InTheErrorShape() throws Exception {
		HttpResponse<String> answer = send(request("/graphql").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", STRANGER)
			.header("Access-Control-Request-Method", "POST"));
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(code(answer)).isEqualTo("CORS_ORIGIN_REFUSED");
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void aQueryFromAnotherOriginIsRefusedWith403() throws Exception {
		HttpResponse<String> answer = send(post("{ plans { id } }").header("Origin", STRANGER));
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(code(answer)).isEqualTo("CORS_ORIGIN_REFUSED");
		assertThat(JSON.readTree(answer.body()).at("/errors/0/message").asString()).contains(STRANGER)
			.contains("policygraph.cors.allowed-origins");
	}

	@Test
	void pathsOutsideTheApiKeepTheirOwnRules() throws Exception {
		// the Neo4j Browser guide is for Neo4j Browser on any origin (Desktop's included)
		HttpResponse<String> answer = send(request("/browser-guide/policygraph.html").header("Origin", STRANGER).GET());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo("*");
	}

	@Test
	void anExportFromAnotherOriginIsRefusedToo() throws Exception {
		HttpResponse<String> answer = send(request("/export/programs.csv").header("Origin", STRANGER).GET());
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(code(answer)).isEqualTo("CORS_ORIGIN_REFUSED");
	}

	@Test
	void thePagesOfTheServiceItselfAreNotRefused() throws Exception {
		// GraphiQL's POST: browsers send Origin on a same-origin POST too
		HttpResponse<String> answer = send(post("{ plans { id } }").header("Origin", "http://localhost:" + this.port));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(answer.body()).at("/data/plans").isArray()).isTrue();
	}

	@Test
	void anAnswerToAnAllowedOriginCarriesTheOriginAndExposesTheETag() throws Exception {
		HttpResponse<String> answer = send(post("{ plans { id } }").header("Origin", APP_ORIGIN));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
		assertThat(header(answer, "Access-Control-Expose-Headers")).contains("ETag");
		assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void everyKindOfRefusalCarriesTheAllowedOriginSoThePageCanReadIt() throws Exception {
		// the JSON check (a filter before MVC)
		assertRefusalReadable(request("/graphql").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": ")), 400, "BAD_REQUEST_BODY");
		// the body gate (the first filter that answers)
		assertRefusalReadable(
				request("/graphql").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + "x".repeat(70 * 1024) + "\"}")),
				413, "REQUEST_TOO_LARGE");
		// Spring Security's entry point
		assertRefusalReadable(post("{ plans { id } }").header("Authorization", "Bearer not-a-jwt"), 401,
				"UNAUTHORIZED");
		// the endpoint's own refusals and Boot's error page
		assertRefusalReadable(request("/graphql").PUT(HttpRequest.BodyPublishers.noBody()), 405, "METHOD_NOT_ALLOWED");
		assertRefusalReadable(
				request("/graphql?query=" + encode("mutation { retire(input: {id: \"x\"}) { changed } }")).GET(), 405,
				"METHOD_NOT_ALLOWED");
		assertRefusalReadable(request("/no-such-path").GET(), 404, "NOT_FOUND");
	}

	@Test
	void aBodyThatNeverArrivesIsRefused408WithTheAllowedOrigin() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nOrigin: " + APP_ORIGIN
					+ "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"qu")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 408 ")
				.containsIgnoringCase("Access-Control-Allow-Origin: " + APP_ORIGIN)
				.contains("\"code\":\"REQUEST_BODY_TIMEOUT\"");
		}
	}

	@Test
	void optionsWithoutAPreflightNamesTheMethodsTheEndpointTakes() throws Exception {
		HttpResponse<String> answer = send(request("/graphql").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(answer.statusCode()).isBetween(200, 204);
		assertThat(header(answer, "Allow")).contains("GET")
			.contains("POST")
			.doesNotContain("TRACE")
			.doesNotContain("PATCH");
	}

	// --- GET

	@Test
	void getRunsAQueryWithItsVariables() throws Exception {
		HttpResponse<String> answer = send(get(PILLAR_BY_ID, "{\"id\": \"pil-sv-2\"}"));
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(answer.body());
		assertThat(body.at("/data/node/id").asString()).isEqualTo("pil-sv-2");
		assertThat(body.at("/data/node/name").asString()).isEqualTo("彩りあるまち");
	}

	@Test
	void getWithAJsonContentTypeIsServedLikeAnyGet() throws Exception {
		HttpResponse<String> answer = send(get("{ plans { id } }", null).header("Content-Type", "application/json"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(answer.body()).at("/data/plans").isArray()).isTrue();
	}

	@Test
	void aMutationByGetIsRefused405WithAllowPostAndIsNotRun() throws Exception {
		HttpResponse<String> answer = send(get("mutation { retire(input: {id: \"pil-sv-2\"}) { changed } }", null));
		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(header(answer, "Allow")).isEqualTo("POST");
		assertThat(code(answer)).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void getAnswersInTheMediaTypeAcceptAsksFor() throws Exception {
		HttpResponse<String> graphQlResponse = send(get("{ plans { id } }", null).header("Accept",
				"application/graphql-response+json, application/json;q=0.9"));
		assertThat(header(graphQlResponse, "Content-Type")).startsWith("application/graphql-response+json");
		HttpResponse<String> json = send(get("{ plans { id } }", null).header("Accept", "application/json"));
		assertThat(header(json, "Content-Type")).startsWith("application/json");
		HttpResponse<String> neither = send(get("{ plans { id } }", null).header("Accept", "text/plain"));
		assertThat(neither.statusCode()).isEqualTo(406);
		// a document that does not parse never runs: 400 in the newer media type, 200 in
		// application/json
		assertThat(send(get("{ plans {", null).header("Accept", "application/graphql-response+json")).statusCode())
			.isEqualTo(400);
		assertThat(send(get("{ plans {", null).header("Accept", "application/json")).statusCode()).isEqualTo(200);
	}

	@Test
	void aQueryStringLongerThanTheLimitIsRefusedWithWordsNotTomcatsCut() throws Exception {
		String document = "{ plans { id } }" + " ".repeat(GraphQlGet.MAX_QUERY_STRING);
		HttpResponse<String> answer = send(get(document, null));
		assertThat(answer.statusCode()).isEqualTo(414);
		assertThat(code(answer)).isEqualTo("REQUEST_TOO_LARGE");
	}

	@Test
	void getQueriesPassTheQueryLimits() throws Exception {
		// 51 aliases, one past policygraph.limits.max-aliases
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i <= 50; i++) {
			document.append(" a").append(i).append(": plans { id }");
		}
		HttpResponse<String> answer = send(get(document.append(" }").toString(), null));
		assertThat(code(answer)).isEqualTo("TOO_MANY_ALIASES");
	}

	// --- caching

	@Test
	void aPublicAnswerIsRevalidatedWithItsETagAnd304AnswersWithoutABody() throws Exception {
		HttpResponse<String> first = send(get("{ plans { id } }", null));
		String etag = header(first, "ETag");
		assertThat(etag).matches("\"[^\"]+\"");
		assertThat(header(first, "Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");

		HttpResponse<String> again = send(get("{ plans { id } }", null).header("If-None-Match", etag));
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(header(again, "ETag")).isEqualTo(etag);

		// another request is another answer
		HttpResponse<String> other = send(get("{ plans { id name } }", null).header("If-None-Match", etag));
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(header(other, "ETag")).isNotEqualTo(etag);
	}

	@Test
	void anEditChangesTheETagOfEveryPublicAnswer() throws Exception {
		String before = header(send(get(PILLAR_BY_ID, "{\"id\": \"pil-sv-1\"}")), "ETag");
		HttpResponse<String> edit = send(
				post("mutation UpsertProgram($input: ProgramInput!) { upsertProgram(input: " + "$input) { changed } }",
						Map.of("input", Map.of("id", "prog-etag-test", "name", "ETag試験事業", "source", SOURCE)))
					.header("Authorization", "Bearer " + TestTokens.editor("officer-etag")));
		assertThat(JSON.readTree(edit.body()).at("/data/upsertProgram/changed").asBoolean()).as(edit.body()).isTrue();
		assertThat(header(edit, "Cache-Control")).contains("no-store");

		HttpResponse<String> after = send(get(PILLAR_BY_ID, "{\"id\": \"pil-sv-1\"}").header("If-None-Match", before));
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(header(after, "ETag")).isNotEqualTo(before);
	}

	/**
	 * Answers to anonymous queries are kept for the graph's version (http/AnswerCache):
	 * the same question asked again after an edit reads the edited graph, by POST and by
	 * GET alike.
	 */
	@Test
	void theSameQuestionAskedAgainAfterAnEditReadsTheEditedGraph() throws Exception {
		String query = "query Named($id: ID!) { node(id: $id) { ... on Program { name } } }";
		Map<String, Object> id = Map.of("id", "prog-answer-test");
		for (String name : List.of("答え試験事業", "答え試験事業（改）")) {
			HttpResponse<String> edit = send(
					post("mutation UpsertProgram($input: ProgramInput!) { upsertProgram(input: $input) { changed } }",
							Map.of("input", Map.of("id", "prog-answer-test", "name", name, "source", SOURCE)))
						.header("Authorization", "Bearer " + TestTokens.editor("officer-answers")));
			assertThat(JSON.readTree(edit.body()).at("/data/upsertProgram/changed").asBoolean()).as(edit.body())
				.isTrue();
			for (int asked = 0; asked < 2; asked++) {
				HttpResponse<String> posted = send(post(query, id));
				assertThat(JSON.readTree(posted.body()).at("/data/node/name").asString()).as(posted.body())
					.isEqualTo(name);
				assertThat(header(posted, "Cache-Control")).isEqualTo("no-store");
				HttpResponse<String> got = send(get(query, "{\"id\": \"prog-answer-test\"}"));
				assertThat(JSON.readTree(got.body()).at("/data/node/name").asString()).as(got.body()).isEqualTo(name);
			}
		}
	}

	@Test
	void answersToRequestsWithATokenAreNeitherSharedNorStored() throws Exception {
		String token = "Bearer " + TestTokens.reader("reader-cache");
		HttpResponse<String> get = send(get("{ plans { id } }", null).header("Authorization", token));
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(header(get, "Cache-Control")).isEqualTo("private, no-store");
		assertThat(get.headers().firstValue("ETag")).isEmpty();
		HttpResponse<String> post = send(post("{ plans { id } }").header("Authorization", token));
		assertThat(header(post, "Cache-Control")).isEqualTo("private, no-store");
	}

	// --- a real browser

	/**
	 * A page served from another origin fetches the service as a front end does: a query,
	 * and a request whose token is refused, whose code the page reads instead of failing
	 * to fetch.
	 */
	@Test
	@ExtendWith(RequiresChromium.Condition.class)
	void aPageOnAnAllowedOriginReadsAnswersAndRefusals(@TempDir Path profile) throws Exception {
		try (OfflineChromium chromium = OfflineChromium.start(profile, Duration.ofSeconds(60))) {
			ChromeDriver browser = chromium.browser();
			browser.get(APP_ORIGIN + "/app.html");
			String service = "http://localhost:" + this.port + "/graphql";
			Object result = browser.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					const service = arguments[0];
					const query = '{ pillars { name } }';
					(async () => {
					  const out = {};
					  const got = await fetch(service + '?query=' + encodeURIComponent(query));
					  out.getStatus = got.status;
					  out.getEtag = got.headers.get('ETag');
					  out.getFirstPillar = (await got.json()).data.pillars[0].name;
					  const posted = await fetch(service, {method: 'POST',
					    headers: {'Content-Type': 'application/json', 'Authorization': 'Bearer not-a-jwt'},
					    body: JSON.stringify({query})});
					  out.refusedStatus = posted.status;
					  out.refusedCode = (await posted.json()).errors[0].extensions.code;
					  return out;
					})().then(done, error => done({error: String(error)}));""", service);
			@SuppressWarnings("unchecked")
			Map<String, Object> read = (Map<String, Object>) result;
			assertThat(read).doesNotContainKey("error");
			assertThat(read.get("getStatus")).isEqualTo(200L);
			assertThat((String) read.get("getEtag")).startsWith("\"");
			assertThat(read.get("getFirstPillar")).isEqualTo("稼げるまち");
			assertThat(read.get("refusedStatus")).isEqualTo(401L);
			assertThat(read.get("refusedCode")).isEqualTo("UNAUTHORIZED");
		}
	}

	// --- helpers

	private void assertRefusalReadable(HttpRequest.Builder builder, int status, String code) throws Exception {
		HttpResponse<String> answer = send(builder.header("Origin", APP_ORIGIN));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(code(answer)).isEqualTo(code);
		assertThat(header(answer, "Access-Control-Allow-Origin")).as("refusal %s", code).isEqualTo(APP_ORIGIN);
		assertThat(header(answer, "Access-Control-Expose-Headers")).contains("ETag");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60));
	}

	private HttpRequest.Builder post(String query) {
		return post(query, Map.of());
	}

	private HttpRequest.Builder post(String query, Map<String, Object> variables) {
		return request("/graphql").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
	}

	private HttpRequest.Builder get(String query, String variables) {
		return request(
				"/graphql?query=" + encode(query) + ((variables != null) ? "&variables=" + encode(variables) : ""))
			.GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String header(HttpResponse<?> answer, String name) {
		return answer.headers().firstValue(name).orElse(null);
	}

	private static String code(HttpResponse<String> answer) {
		return JSON.readTree(answer.body()).at("/errors/0/extensions/code").asString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private static HttpServer appServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			byte[] page = "<!doctype html><meta charset=utf-8><title>app</title><p>A front end on another origin."
				.getBytes(StandardCharsets.UTF_8);
			server.createContext("/app.html", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, page.length);
				exchange.getResponseBody().write(page);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
