package org.policygraph.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dataset uploaded over HTTP: a corrected copy of data/ in which prog-megaregion's R8
 * budget reads 13,500千円 instead of the document's 13,039千円 (data/budgets.csv), tried dry,
 * then for real.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Driver driver;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
	}

	@Test
	void aCorrectedDatasetTriedDryChangesNothingThenForRealChangesOneBudgetWithHistory() throws Exception {
		String dry = this.mvc
			.perform(upload(corrected("13,039千円", "13,500千円"), "true", TestTokens.editor("officer-ito")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importRun.dryRun").value(true))
			.andExpect(jsonPath("$.importRun.succeeded").value(true))
			.andExpect(jsonPath("$.importRun.counts[?(@.name == 'Budget')].updated").value(1))
			.andExpect(jsonPath("$.importRun.counts[?(@.name == 'Budget')].unchanged").value(7))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(budgetText()).isEqualTo("13,039千円");
		String dryId = JsonPath.read(dry, "$.importRun.id");
		this.graphQl.documentName("import-run")
			.variable("id", dryId)
			.execute()
			.path("importRun.dryRun")
			.entity(Boolean.class)
			.isEqualTo(true);

		String real = this.mvc
			.perform(upload(corrected("13,039千円", "13,500千円"), "false", TestTokens.editor("officer-ito")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importRun.dryRun").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(budgetText()).isEqualTo("13,500千円");
		String realId = JsonPath.read(real, "$.importRun.id");
		// who uploaded is shown to editors only (history/HistoryVisibilityIT)
		this.graphQl.mutate()
			.header("Authorization", "Bearer " + TestTokens.editor("officer-ito"))
			.build()
			.documentName("import-run")
			.variable("id", realId)
			.execute()
			.path("importRun.actor")
			.entity(String.class)
			.isEqualTo("officer-ito@" + TestTokens.ISSUER)
			.path("importRun.counts[?(@.name == 'Budget')].updated")
			.entityList(Integer.class)
			.containsExactly(1);
		this.graphQl.documentName("history")
			.variable("id", "prog-megaregion")
			.execute()
			.path("history[0].nodeId")
			.entity(String.class)
			.isEqualTo("prog-megaregion|2026")
			.path("history[0].change.operation")
			.entity(String.class)
			.isEqualTo("import")
			.path("history[0].change.importRun.id")
			.entity(String.class)
			.isEqualTo(realId)
			.path("history[0].fields[?(@.field == 'amountYen')].before")
			.entityList(String.class)
			.containsExactly("13039000");
	}

	@Test
	void anOfficerDownloadsTheWorkbookCorrectsOneBudgetAndUploadsItDryThenForReal() throws Exception {
		byte[] exported = this.mvc.perform(get("/export/dataset.xlsx"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] corrected;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			boolean replaced = false;
			for (Row row : workbook.getSheet("budgets")) {
				for (Cell cell : row) {
					if ("prog-womans-choice".equals(row.getCell(0).getStringCellValue())
							&& "15,000千円".equals(cell.getStringCellValue())) {
						cell.setCellValue("15,800千円");
						replaced = true;
					}
				}
			}
			assertThat(replaced).as("data/budgets.csv: prog-womans-choice R8 15,000千円").isTrue();
			workbook.write(out);
			corrected = out.toByteArray();
		}
		MockMultipartFile file = new MockMultipartFile("file", "corrected.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", corrected);
		this.mvc
			.perform(multipart("/imports").file(file)
				.param("dryRun", "true")
				.header("Authorization", "Bearer " + TestTokens.editor("officer-ito")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importRun.dryRun").value(true))
			.andExpect(jsonPath("$.importRun.counts[?(@.name == 'Budget')].updated").value(1));
		assertThat(budget("prog-womans-choice|2026")).isEqualTo("15,000千円");
		this.mvc
			.perform(multipart("/imports").file(file)
				.header("Authorization", "Bearer " + TestTokens.editor("officer-ito")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importRun.files[0]").value("corrected.xlsx"))
			.andExpect(jsonPath("$.importRun.counts[?(@.name == 'Budget')].updated").value(1));
		assertThat(budget("prog-womans-choice|2026")).isEqualTo("15,800千円");

		// the workbook as first downloaded puts the document's figure back (and leaves
		// the graph as the other tests expect)
		this.mvc.perform(multipart("/imports")
			.file(new MockMultipartFile("file", "original.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exported))
			.header("Authorization", "Bearer " + TestTokens.editor("officer-ito"))).andExpect(status().isOk());
		assertThat(budget("prog-womans-choice|2026")).isEqualTo("15,000千円");
	}

	@Test
	void anUploadWithABadRowIsRefusedWithEveryProblemAndChangesNothing() throws Exception {
		long changes = count("MATCH (c:Change) RETURN count(c)");
		this.mvc.perform(upload(corrected("13,039千円", "lots of yen"), "false", TestTokens.editor("officer-ito")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("IMPORT_INVALID"))
			.andExpect(jsonPath("$.importRun.succeeded").value(false))
			.andExpect(jsonPath("$.importRun.problems[0].file").value("budgets.csv"))
			.andExpect(jsonPath("$.importRun.problems[0].row").value(2))
			.andExpect(jsonPath("$.importRun.problems[0].column").value("figure"));
		assertThat(count("MATCH (c:Change) RETURN count(c)")).isEqualTo(changes);
	}

	@Test
	void anUploadWithoutATokenIs401AndAReadersIs403() throws Exception {
		this.mvc.perform(upload(corrected("13,039千円", "1円"), "false", null))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNAUTHORIZED"));
		this.mvc.perform(upload(corrected("13,039千円", "1円"), "false", TestTokens.reader("resident")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("FORBIDDEN"));
	}

	MockMultipartHttpServletRequestBuilder upload(Map<String, byte[]> files, String dryRun, String token) {
		MockMultipartHttpServletRequestBuilder request = multipart("/imports");
		files.forEach((name, bytes) -> request.file(new MockMultipartFile("files", name, "text/csv", bytes)));
		request.param("dryRun", dryRun);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	/** The dataset's CSV files, with one figure of budgets.csv replaced. */
	static Map<String, byte[]> corrected(String figure, String replacement) throws IOException {
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		try (var csvs = Files.list(Path.of("data"))) {
			for (Path file : csvs.filter(f -> f.toString().endsWith(".csv") && !f.endsWith("manifest.csv"))
				.sorted()
				.toList()) {
				byte[] bytes = Files.readAllBytes(file);
				if (file.endsWith("budgets.csv")) {
					bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst(figure, replacement)
						.getBytes(StandardCharsets.UTF_8);
				}
				files.put(file.getFileName().toString(), bytes);
			}
		}
		return files;
	}

	String budgetText() {
		return budget("prog-megaregion|2026");
	}

	String budget(String key) {
		try (var session = this.driver.session()) {
			return session.run("MATCH (b:Budget {key: $key}) RETURN b.text", Map.of("key", key))
				.single()
				.get(0)
				.asString();
		}
	}

	long count(String cypher) {
		try (var session = this.driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

}
