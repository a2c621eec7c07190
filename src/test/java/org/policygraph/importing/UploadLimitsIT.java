package org.policygraph.importing;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PolicyGraphEditorTest;
import org.policygraph.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.importing.TestWorkbooks.rows;
import static org.policygraph.importing.TestWorkbooks.sheets;
import static org.policygraph.importing.TestWorkbooks.workbook;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads that would exhaust the service's memory, refused in seconds with the default
 * limits ({@code policygraph.limits.upload.*}, application.yaml), and a second import
 * while one runs. The first case is a stranger's probe: a workbook of a few megabytes
 * whose five sheets each inflate to about 100 MB, just above POI's zip-bomb ratio, which
 * ran three minutes and then exhausted the heap.
 */
@PolicyGraphEditorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadLimitsIT {

	private static final long MB = 1024 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ImportGate gate;

	private byte[] probe;

	@BeforeAll
	void loadDatasetAndMakeTheProbe(@Autowired DatasetImporter importer) throws Exception {
		importer.importPackagedDataset(false);
		this.probe = workbook(sheets("programs", TestWorkbooks.inflating(100), "kpis", TestWorkbooks.inflating(100),
				"budgets", TestWorkbooks.inflating(100), "measures", TestWorkbooks.inflating(100), "pillars",
				TestWorkbooks.inflating(100)), 1);
		// what makes it the probe: a few MB that inflate past 100 MB a sheet, each above
		// POI's 0.01 floor
		assertThat((long) this.probe.length).isBetween(3 * MB, 12 * MB);
		try (ZipFile zip = ZipFile.builder()
			.setSeekableByteChannel(new SeekableInMemoryByteChannel(this.probe))
			.get()) {
			List<ZipArchiveEntry> sheets = Collections.list(zip.getEntries())
				.stream()
				.filter(e -> e.getName().startsWith("xl/worksheets/"))
				.toList();
			assertThat(sheets).hasSize(5).allSatisfy(sheet -> {
				assertThat(sheet.getSize()).isGreaterThanOrEqualTo(100 * MB);
				assertThat((double) sheet.getCompressedSize() / sheet.getSize()).isBetween(0.01, 0.02);
			});
		}
	}

	@Test
	void theProbeIsRefusedInSecondsWithinBoundedMemoryAndTheServiceStillAnswers() throws Exception {
		Measured measured = measure(() -> upload("probe.xlsx", this.probe, false)
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UPLOAD_TOO_LARGE"))
			.andExpect(jsonPath("$.errors[0].extensions.limit").value("policygraph.limits.upload.max-inflated-size"))
			.andExpect(jsonPath("$.errors[0].extensions.file").value("probe.xlsx"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers
				.matchesPattern("probe\\.xlsx: the workbook inflates to 5\\d\\d\\.\\d MB, more than"
						+ " the 100 MB allowed \\(policygraph\\.limits\\.upload\\.max-inflated-size\\)"))));
		assertThat(measured.time()).isLessThan(Duration.ofSeconds(5));
		// refused from the zip's directory: nothing near what it inflates to is ever
		// allocated, let alone kept
		assertThat(measured.allocated()).isLessThan(100 * MB);
		assertThat(measured.retained()).isLessThan(32 * MB);
		assertPillarsAnswered();
	}

	@Test
	void theProbeWithADirectoryThatUnderstatesItsSizesIsStoppedWhileItStreams() throws Exception {
		byte[] lying = TestWorkbooks.understated(this.probe, 1000);
		// a row of the probe is about 260 bytes of XML, so its 100,001st row comes within
		// the first 30 MB of the
		// first sheet, before that sheet reaches the 50 MB a sheet may inflate to
		Measured measured = measure(() -> upload("probe.xlsx", lying, true).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UPLOAD_TOO_LARGE"))
			.andExpect(jsonPath("$.errors[0].extensions.limit").value("policygraph.limits.upload.max-rows"))
			.andExpect(jsonPath("$.errors[0].extensions.file").value("probe.xlsx[programs]"))
			.andExpect(jsonPath("$.errors[0].extensions.row").value(100_001))
			.andExpect(jsonPath("$.errors[0].message").value("probe.xlsx[programs], row 100,001: the sheet has more"
					+ " than 100,000 rows (policygraph.limits.upload.max-rows)")));
		assertThat(measured.time()).isLessThan(Duration.ofSeconds(10));
		// the 500 MB it inflates to is never all read, and what was read is let go
		assertThat(measured.allocated()).isLessThan(500 * MB);
		assertThat(measured.retained()).isLessThan(32 * MB);
		assertPillarsAnswered();
	}

	@Test
	void moreSheetsThanAllowedAreRefused() throws Exception {
		Object[] many = new Object[102];
		for (int i = 0; i < 51; i++) {
			many[2 * i] = "sheet" + i;
			many[2 * i + 1] = rows("<row><c t=\"inlineStr\"><is><t>a</t></is></c></row>");
		}
		upload("plan.xlsx", workbook(sheets(many), 6), false).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UPLOAD_TOO_LARGE"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"plan.xlsx: the workbook has 51 sheets, more than the 50 allowed (policygraph.limits.upload.max-sheets)"));
	}

	@Test
	void aCellLongerThanExcelAllowsIsRefusedWithItsSheetRowAndColumn() throws Exception {
		String header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>program_key</t></is></c></row>";
		String cell = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + "x".repeat(32_768) + "</t></is></c></row>";
		upload("plan.xlsx", workbook(sheets("programs", rows(header + cell)), 6), false)
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UPLOAD_TOO_LARGE"))
			.andExpect(jsonPath("$.errors[0].extensions.row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("plan.xlsx[programs], row 2: the cell in column A holds"
					+ " more than 32,767 characters (policygraph.limits.upload.max-cell-length)"));
	}

	@Test
	void aCellFurtherRightThanAllowedIsRefused() throws Exception {
		// column CW is the 101st
		String row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>program_key</t></is></c><c r=\"CW1\"><v>1</v></c></row>";
		upload("plan.xlsx", workbook(sheets("programs", rows(row)), 6), false).andExpect(status().isContentTooLarge())
			.andExpect(
					jsonPath("$.errors[0].message").value("plan.xlsx[programs], row 1: a cell in column CW is further"
							+ " right than the 100 columns allowed (policygraph.limits.upload.max-columns)"));
	}

	@Test
	void aCsvFileWithMoreRowsThanAllowedIsRefused() throws Exception {
		String csv = "program_key,name\n" + "prog-x,x\n".repeat(100_000);
		this.mvc
			.perform(multipart("/imports")
				.file(new MockMultipartFile("files", "programs.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.header("Authorization", "Bearer " + TestTokens.editor("officer-ito")))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.errors[0].message").value(
					"programs.csv, row 100,001: the file has more than 100,000 rows (policygraph.limits.upload.max-rows)"));
	}

	@Test
	void anImportWhileAnotherRunsIsRefusedWithWhenToRetryAndTheNextOneRuns() throws Exception {
		byte[] exported = this.mvc.perform(get("/export/dataset.xlsx"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ImportGate.Entry running = this.gate.enter()) {
			for (boolean dryRun : new boolean[] { false, true }) {
				upload("dataset.xlsx", exported, dryRun).andExpect(status().isTooManyRequests())
					.andExpect(header().string("Retry-After", "5"))
					.andExpect(jsonPath("$.errors[0].extensions.code").value("IMPORT_BUSY"))
					.andExpect(jsonPath("$.errors[0].extensions.retryable").value(true))
					.andExpect(jsonPath("$.errors[0].message")
						.value("Another import is running; imports run one at a time. Retry in 5 seconds"));
			}
		}
		// an upload refused for its content lets the next one in, as one that imports
		// does
		upload("plan.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), true)
			.andExpect(status().isUnprocessableContent());
		upload("dataset.xlsx", exported, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.importRun.succeeded").value(true));
	}

	private ResultActions upload(String name, byte[] bytes, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/imports")
			.file(new MockMultipartFile("file", name,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes))
			.param("dryRun", Boolean.toString(dryRun))
			.header("Authorization", "Bearer " + TestTokens.editor("officer-ito")));
	}

	private void assertPillarsAnswered() {
		this.graphQl.document("{ pillars { name } }")
			.execute()
			.path("pillars[*].name")
			.entityList(String.class)
			.containsExactly("稼げるまち", "彩りあるまち", "安らぐまち");
	}

	interface Request {

		void run() throws Exception;

	}

	/**
	 * How long the request took, what the test thread (which MockMvc runs the whole
	 * request on) allocated meanwhile, and how much more heap is in use after a
	 * collection than before.
	 */
	record Measured(Duration time, long allocated, long retained) {
	}

	private static Measured measure(Request request) throws Exception {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = usedAfterGc();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long started = System.nanoTime();
		request.run();
		Duration time = Duration.ofNanos(System.nanoTime() - started);
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		return new Measured(time, allocated, usedAfterGc() - before);
	}

	private static long usedAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
