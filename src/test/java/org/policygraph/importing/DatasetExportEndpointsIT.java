package org.policygraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Anyone can download the graph as the dataset's files, over plain GET requests. */
@PolicyGraphIntegrationTest
@PackagedDataset
class DatasetExportEndpointsIT {

	@Autowired
	MockMvc mvc;

	@Test
	void aTableDownloadsAsACsvFileWithTheDatasetsHeader() throws Exception {
		byte[] body = this.mvc.perform(get("/export/pillars.csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"pillars.csv\"")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String csv = new String(body, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFpillar_key,plan_key,ordinal,label,name,name_en,goal,source_id,section\r\n")
			.contains("pil-sv-2,plan-shin-vision,2,Ⅱ,彩りあるまち,A Colourful City,「彩りあるまち」の実現,shin-vision-r8-programs,");
	}

	@Test
	void theWholeDatasetDownloadsAsAWorkbookTheImporterReads() throws Exception {
		byte[] body = this.mvc.perform(get("/export/dataset.xlsx"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<ImportProblem> problems = new ArrayList<>();
		List<Table> sheets = new TableReader(UploadLimits.DEFAULTS).readWorkbook("dataset.xlsx", body, problems);
		assertThat(problems).isEmpty();
		assertThat(sheets).extracting(Table::name).containsExactlyElementsOf(DatasetTables.COLUMNS.keySet());
		// The 新ビジョン's three pillars, 総合戦略's three basic goals and the DX plan's twelve
		// themes.
		assertThat(sheets.stream().filter(t -> t.name().equals("pillars")).findFirst().orElseThrow().rows())
			.hasSize(18);
	}

	@Test
	void anUnknownTableIsNotFoundAndSaysWhichTablesThereAre() throws Exception {
		this.mvc.perform(get("/export/passwords.csv"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("NOT_FOUND"))
			.andExpect(jsonPath("$.errors[0].extensions.field").value("table"))
			.andExpect(
					jsonPath("$.errors[0].message").value(containsString("'passwords' is not a table of the dataset")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("observations")));
	}

}
