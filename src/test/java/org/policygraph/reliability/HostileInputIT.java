package org.policygraph.reliability;

import java.io.ByteArrayInputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphServerTest;
import org.policygraph.support.TestNeo4j;
import org.policygraph.support.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the hostile-input corpus (src/test/resources/hostile/*.jsonl, described in its
 * README.md) against the whole service on a real port, so Tomcat's own parsing and the
 * upload limits take part. Every case must be refused with an error carrying a stable
 * code, also when Tomcat or Spring refuses it before the application sees it (or, for
 * hostile text that is legal input, answered as data); never a 5xx or an INTERNAL error.
 * After each case the graph is what it was (every node, relationship and property, and
 * the number of change records), unless the case is one that writes, whose text must then
 * be stored exactly as sent; and the service still answers an ordinary query. When no
 * transaction has committed to the database since the graph was last read, the graph is
 * that graph, whole (a stronger check than comparing the two), and it is not read again.
 */
@PolicyGraphServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

	static final Path CORPUS = Path.of("src/test/resources/hostile");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	HostileGraph graphBefore;

	/**
	 * The last transaction committed when {@link #graphBefore} was read (read first, so
	 * that a commit racing the read makes the next case read the graph again).
	 */
	long transactionBefore;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		this.transactionBefore = TestNeo4j.lastCommittedTransactionId();
		this.graphBefore = HostileGraph.of(this.driver);
	}

	static Stream<HostileCase> corpus() throws IOException {
		List<HostileCase> cases = new ArrayList<>();
		try (Stream<Path> files = Files.list(CORPUS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					if (!line.isBlank()) {
						cases.add(HostileCase.of(JSON.readTree(line)));
					}
				}
			}
		}
		return cases.stream();
	}

	@Test
	void theCorpusHasAtLeastThreeHundredCasesWithUniqueNames() throws IOException {
		List<String> ids = corpus().map(HostileCase::id).toList();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyHostileRequestIsRefusedCleanlyAndLeavesTheGraphAsItWas(HostileCase hostile) throws Exception {
		HttpResponse<String> response = send(hostile);
		String body = response.body();
		String shown = hostile.id() + " -> " + response.statusCode() + " " + abbreviate(body);

		assertThat(response.statusCode()).as(shown).isLessThan(500);
		String code = outcome(response);
		// also a refusal made before the application (a path Tomcat will not decode, a
		// method or media type the
		// endpoint does not take) carries a code
		assertThat(code).as("a stable code or an answer: " + shown).isNotNull().isNotEqualTo("INTERNAL");
		assertThat(body).as(shown).doesNotContain("\"INTERNAL\"", "Exception", "\tat ");
		hostile.expect().check(response.statusCode(), code, classification(response), shown);

		assertThat(ordinaryQuery()).as("the service still answers after " + hostile.id()).isEqualTo(200);
		HostileCase.Writes writes = hostile.writes();
		long transactionAfter = TestNeo4j.lastCommittedTransactionId();
		if (transactionAfter == this.transactionBefore) {
			// nothing committed since the graph before was read: every node,
			// relationship, property and change record is as it was
			assertThat(writes).as("a case that writes committed nothing: " + shown).isNull();
			return;
		}
		HostileGraph before = this.graphBefore;
		HostileGraph after = HostileGraph.of(this.driver);
		// the next case is compared with the graph this one left, so that one failure
		// does not fail every case after it
		this.graphBefore = after;
		this.transactionBefore = transactionAfter;
		List<String> added = after.linesNotIn(before);
		List<String> removed = before.linesNotIn(after);
		if (writes == null) {
			assertThat(added).as("nodes and relationships added by " + shown).isEmpty();
			assertThat(removed).as("nodes and relationships changed or removed by " + shown).isEmpty();
			assertThat(after.changes()).as("change records after " + shown).isEqualTo(before.changes());
			return;
		}
		assertThat(HostileGraph.property(this.driver, writes.node(), writes.property()))
			.as("stored verbatim by " + shown)
			.isEqualTo(writes.value());
		// only the node written and its own relationships changed, and the write left its
		// one change record
		assertThat(added).as("added by " + shown).allMatch(writes::mayChange);
		assertThat(removed).as("changed or removed by " + shown).allMatch(writes::mayChange);
		assertThat(after.changes()).as("change records after " + shown).isEqualTo(before.changes() + 1);
		if (writes.exported() != null) {
			assertExportedAsText(writes, shown);
		}
	}

	/**
	 * The CSV cell is escaped as the case says, and the workbook's cell is a text cell
	 * holding the text itself.
	 */
	void assertExportedAsText(HostileCase.Writes writes, String shown) throws Exception {
		HostileCase.Exported exported = writes.exported();
		HttpResponse<byte[]> csv = download("/export/" + exported.table() + ".csv");
		assertThat(csv.statusCode()).as(shown).isEqualTo(200);
		try (CSVParser parser = CSVParser.parse(new String(csv.body(), StandardCharsets.UTF_8),
				CSVFormat.RFC4180.builder().setHeader().get())) {
			List<CSVRecord> rows = parser.stream().filter(r -> r.get(0).equals(writes.node())).toList();
			assertThat(rows).as("exported CSV row of " + shown)
				.singleElement()
				.satisfies(row -> assertThat(row.get(exported.column())).as("CSV cell of " + shown)
					.isEqualTo(exported.csv()));
		}
		HttpResponse<byte[]> xlsx = download("/export/dataset.xlsx");
		assertThat(xlsx.statusCode()).as(shown).isEqualTo(200);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheet(exported.table());
			int column = -1;
			for (Cell header : sheet.getRow(0)) {
				if (header.getStringCellValue().equals(exported.column())) {
					column = header.getColumnIndex();
				}
			}
			Row row = null;
			for (Row candidate : sheet) {
				if (candidate.getRowNum() > 0 && candidate.getCell(0).getStringCellValue().equals(writes.node())) {
					row = candidate;
				}
			}
			assertThat(row).as("exported workbook row of " + shown).isNotNull();
			Cell cell = row.getCell(column);
			assertThat(cell.getCellType()).as("workbook cell type of " + shown).isEqualTo(CellType.STRING);
			assertThat(cell.getStringCellValue()).as("workbook cell of " + shown).isEqualTo(writes.value());
		}
	}

	HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * The first error's stable code (extensions.code, or graphql-java's classification),
	 * ANSWER for a successful answer without errors, or null for a response that is
	 * neither (not JSON, or an error without a code).
	 */
	static String outcome(HttpResponse<String> response) {
		JsonNode json;
		try {
			json = JSON.readTree(response.body());
		}
		catch (RuntimeException notJson) {
			return null;
		}
		JsonNode errors = (json != null) ? json.path("errors") : null;
		if (errors != null && errors.isArray() && !errors.isEmpty()) {
			JsonNode extensions = errors.get(0).path("extensions");
			JsonNode code = extensions.has("code") ? extensions.get("code") : extensions.get("classification");
			return (code != null && code.isString()) ? code.asString() : null;
		}
		return (response.statusCode() / 100 == 2 && json != null && json.isObject()) ? "ANSWER" : null;
	}

	/**
	 * graphql-java's classification of the first error, which older cases name instead of
	 * the code; or null.
	 */
	static String classification(HttpResponse<String> response) {
		try {
			JsonNode classification = JSON.readTree(response.body())
				.path("errors")
				.path(0)
				.path("extensions")
				.path("classification");
			return classification.isString() ? classification.asString() : null;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	HttpResponse<String> send(HostileCase hostile) throws IOException, InterruptedException {
		HostileCase.Body body = hostile.body();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + hostile.path()))
			.timeout(Duration.ofSeconds(60))
			.method(hostile.method(), (body.bytes().length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
		if (body.contentType() != null) {
			request.header("Content-Type", body.contentType());
		}
		hostile.headers().forEach(request::header);
		String token = HostileCase.token(hostile.auth());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	int ordinaryQuery() {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ plans { id } }\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).contains("plan-shin-vision").doesNotContain("\"errors\"");
			return response.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String abbreviate(String body) {
		return (body.length() > 400) ? body.substring(0, 400) + "…" : body;
	}

}
