package org.policygraph.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * History and import reports are public, but editors' identities and the values of a
 * refused upload are not: a reader without an editor's token sees {@code editor} for who
 * made a change, and a problem's file, row, column and code without its message; an
 * editor sees everything.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryVisibilityIT {

	static final String OFFICER = "officer-suzuki";

	static final String SECRET = "千円 UNPUBLISHED-BUDGET";

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	String refusedRunId;

	@BeforeAll
	void anEditorChangesAProgramAndUploadsAFileThatIsRefused(@Autowired DatasetImporter importer) throws Exception {
		importer.importPackagedDataset(false);
		as(TestTokens.editor(OFFICER)).document("""
				mutation { upsertProgram(input: {id: "prog-megaregion", name: "メガリージョン推進事業（改）",
				  source: {sourceId: "shin-vision-r8-programs", section: "Ⅰ"}}) { created } }""")
			.execute()
			.path("upsertProgram.created")
			.entity(Boolean.class)
			.isEqualTo(false);
		String body = this.mvc.perform(upload(budgetsWithFigure("13,039" + SECRET), TestTokens.editor(OFFICER)))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		this.refusedRunId = JsonPath.read(body, "$.importRun.id");
		assertThat(body).as("the editor's own answer quotes the value").contains("UNPUBLISHED-BUDGET");
	}

	@Test
	void anonymousReadersSeeThatAnEditorMadeAChangeButNotWho() {
		List<Map<String, Object>> changes = this.graphQl
			.document("{ history(id: \"prog-megaregion\") { change { actor actorName operation } } }")
			.execute()
			.path("history[*].change")
			.entityList(MAP)
			.get();
		assertThat(changes).filteredOn(c -> "upsertProgram".equals(c.get("operation"))).singleElement().satisfies(c -> {
			assertThat(c.get("actor")).isEqualTo("editor");
			assertThat(c.get("actorName")).isNull();
		});
		assertThat(changes).filteredOn(c -> "import".equals(c.get("operation")))
			.isNotEmpty()
			.allSatisfy(
					c -> assertThat(c.get("actor")).as("the start-up load is the service's own").isEqualTo("system"));
		assertThat(changes.toString()).doesNotContain(OFFICER).doesNotContain(TestTokens.ISSUER);
	}

	@Test
	void editorsSeeWhoMadeAChange() {
		as(TestTokens.editor("officer-reading"))
			.document("{ history(id: \"prog-megaregion\") { change { actor actorName operation } } }")
			.execute()
			.path("history[?(@.change.operation == 'upsertProgram')].change.actor")
			.entityList(String.class)
			.containsExactly(OFFICER + "@" + TestTokens.ISSUER);
	}

	@Test
	void readersWithoutTheEditorRoleSeeWhatAnonymousReadersSee() {
		as(TestTokens.reader("resident-reading"))
			.document("{ history(id: \"prog-megaregion\") { change { actor operation } } }")
			.execute()
			.path("history[?(@.change.operation == 'upsertProgram')].change.actor")
			.entityList(String.class)
			.containsExactly("editor");
	}

	@Test
	void anonymousReadersSeeWhereARefusedUploadWasWrongButNotTheValues() {
		for (String query : List.of(
				"{ importRun(id: \"" + this.refusedRunId + "\") { actor problems { file row column code message } } }",
				"{ importRuns { id actor problems { file row column code message } } }")) {
			String answer = this.graphQl.document(query).execute().returnResponse().toString();
			assertThat(answer).as(query)
				.doesNotContain("UNPUBLISHED")
				.doesNotContain(OFFICER)
				.contains("budgets.csv")
				.contains("figure")
				.contains("shown to editors only");
		}
		this.graphQl.document("{ importRun(id: \"" + this.refusedRunId + "\") { actor problems { row column } } }")
			.execute()
			.path("importRun.actor")
			.entity(String.class)
			.isEqualTo("editor")
			.path("importRun.problems[0].row")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("importRun.problems[0].column")
			.entity(String.class)
			.isEqualTo("figure");
	}

	@Test
	void editorsSeeARefusedUploadsProblemsInFull() {
		String answer = as(TestTokens.editor("officer-reading"))
			.document("{ importRun(id: \"" + this.refusedRunId + "\") { actor problems { message } } }")
			.execute()
			.returnResponse()
			.toString();
		assertThat(answer).contains("UNPUBLISHED-BUDGET").contains(OFFICER + "@" + TestTokens.ISSUER);
	}

	HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	MockMultipartHttpServletRequestBuilder upload(Map<String, byte[]> files, String token) {
		MockMultipartHttpServletRequestBuilder request = multipart("/imports");
		files.forEach((name, bytes) -> request.file(new MockMultipartFile("files", name, "text/csv", bytes)));
		request.param("dryRun", "false");
		request.header("Authorization", "Bearer " + token);
		return request;
	}

	/**
	 * The dataset's CSV files, with prog-megaregion's budget (data/budgets.csv, row 2:
	 * "13,039千円") replaced.
	 */
	static Map<String, byte[]> budgetsWithFigure(String figure) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (var csvs = Files.list(Path.of("data"))) {
			for (Path file : csvs.filter(f -> f.toString().endsWith(".csv") && !f.endsWith("manifest.csv"))
				.sorted()
				.toList()) {
				String text = Files.readString(file);
				if (file.endsWith("budgets.csv")) {
					assertThat(text).contains("\"13,039千円\"");
					text = text.replace("\"13,039千円\"", "\"" + figure + "\"");
				}
				files.put(file.getFileName().toString(), text.getBytes(StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
