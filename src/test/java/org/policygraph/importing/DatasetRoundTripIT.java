package org.policygraph.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.support.GraphFingerprint;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.TestNeo4j;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Export, then import into an empty graph, gives the same graph: every node and
 * relationship with every property, for the curated dataset and for generated datasets
 * full of hostile text, through CSV files and through a workbook.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetRoundTripIT {

	/** What a spreadsheet takes for the start of a formula (ASCII and full-width). */
	private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";

	private static final List<String> HOSTILE = List.of("=1+2", "=HYPERLINK(\"http://evil.example\",\"x\")",
			"+SUM(A1:A9)", "-2+3", "@SUM(1)", "'", "'quoted'", "\"", "\"\"", "a,b", ",", "line\nbreak", "\r\n", "cr\rx",
			"\ttab", "＝全角", "－", "＠", "'; MATCH (n) DETACH DELETE n //", "}) RETURN 1 //", "$param", "`label`", "\\",
			"|", "NULL", "true", "<script>alert(1)</script>", "北九州市", "稼げる まち", "累 計", "ｶﾀｶﾅ", "😀", "🎌👩‍👩‍👧", " ",
			"　", "x");

	/** Hostile text: one to four fragments run together. */
	private static final Gen<String> TEXT = lists().of(Generate.pick(HOSTILE))
		.ofSizeBetween(1, 4)
		.map(p -> String.join("", p));

	@Autowired
	Driver driver;

	@Autowired
	DatasetImporter importer;

	@Autowired
	DatasetExporter exporter;

	/** The graph of the packaged dataset, as imported, read once for both exports. */
	List<String> curated;

	Map<String, byte[]> curatedCsv;

	byte[] curatedWorkbook;

	@BeforeAll
	void importAndExportTheCuratedDataset() {
		TestNeo4j.reset();
		this.importer.importPackagedDataset(false);
		this.curated = GraphFingerprint.of(this.driver);
		this.curatedCsv = exportCsv();
		this.curatedWorkbook = exportWorkbook();
	}

	@Test
	void theCuratedDatasetExportedAsCsvFilesImportsIntoTheSameGraph() {
		TestNeo4j.reset();
		this.importer.importCsvFiles(this.curatedCsv, false);

		assertThat(GraphFingerprint.of(this.driver)).containsExactlyElementsOf(this.curated);
	}

	@Test
	void theCuratedDatasetExportedAsAWorkbookImportsIntoTheSameGraph() {
		TestNeo4j.reset();
		this.importer.importWorkbook("dataset.xlsx", new ByteArrayInputStream(this.curatedWorkbook), false);

		assertThat(GraphFingerprint.of(this.driver)).containsExactlyElementsOf(this.curated);
	}

	@Test
	void hostileTextSurvivesTheRoundTripAndIsNeverExportedAsAFormula() {
		qt().withExamples(20).forAll(lists().of(TEXT).ofSize(52)).checkAssert(texts -> {
			TestNeo4j.reset();
			this.importer.importCsvFiles(csvFiles(dataset(texts)), false);
			List<String> imported = GraphFingerprint.of(this.driver);

			Map<String, byte[]> files = exportCsv();
			assertNoCsvCellIsAFormula(files);
			TestNeo4j.reset();
			this.importer.importCsvFiles(files, false);
			assertThat(GraphFingerprint.of(this.driver)).as("through CSV").containsExactlyElementsOf(imported);

			byte[] workbook = exportWorkbook();
			assertEveryCellIsText(workbook);
			TestNeo4j.reset();
			this.importer.importWorkbook("dataset.xlsx", new ByteArrayInputStream(workbook), false);
			assertThat(GraphFingerprint.of(this.driver)).as("through a workbook").containsExactlyElementsOf(imported);
		});
	}

	private Map<String, byte[]> exportCsv() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String table : DatasetExporter.tableNames()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.exporter.writeCsv(table, out);
			files.put(table + ".csv", out.toByteArray());
		}
		return files;
	}

	private byte[] exportWorkbook() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exporter.writeWorkbook(out);
		return out.toByteArray();
	}

	private static void assertNoCsvCellIsAFormula(Map<String, byte[]> files) {
		files.forEach((file, bytes) -> {
			try {
				for (CSVRecord record : CSVFormat.RFC4180
					.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
					for (String cell : record) {
						assertThat(!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0)
							.as(file + ": " + cell)
							.isFalse();
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static void assertEveryCellIsText(byte[] workbook) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
							.isEqualTo(CellType.STRING);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A small dataset touching every table, its free-text cells (names, texts, sections,
	 * roles, a program's key) taken from {@code t}; a required cell left blank by the
	 * text gets an {@code x}.
	 */
	private static Map<String, List<Map<String, String>>> dataset(List<String> t) {
		String program = required(t.get(20)) + "#1";
		Map<String, List<Map<String, String>>> d = new LinkedHashMap<>();
		DatasetTables.COLUMNS.keySet().forEach(table -> d.put(table, new ArrayList<>()));
		d.get("sources")
			.add(row("source_id", "src-a", "title", required(t.get(0)), "title_en", t.get(1), "file", t.get(2),
					"publisher", t.get(3), "as_of", t.get(4), "description", t.get(5)));
		d.get("sources").add(row("source_id", "src-b", "title", "B"));
		d.get("units").add(row("unit", "人", "base_unit", "person", "multiplier", "1", "kind", "count"));
		d.get("units").add(row("unit", "千円", "base_unit", "yen", "multiplier", "1000", "kind", "money"));
		d.get("units").add(row("unit", "%", "base_unit", "percent", "multiplier", "1", "kind", "ratio"));
		d.get("plans")
			.add(sourced("src-a", t.get(8), "plan_key", "plan-v", "name", required(t.get(6)), "name_en", t.get(7),
					"kind", "VISION", "period", "R8"));
		d.get("plans")
			.add(sourced("src-b", "s", "plan_key", "plan-b", "name", "局", "kind", "BUREAU_POLICY", "period", "R7"));
		d.get("plan_facts")
			.add(sourced("src-b", t.get(11), "plan_key", "plan-b", "fact", required(t.get(9)), "figure", "-3人", "text",
					required(t.get(10))));
		d.get("pillars")
			.add(sourced("src-a", t.get(16), "pillar_key", "pil-1", "plan_key", "plan-v", "ordinal", "1", "label",
					t.get(12), "name", required(t.get(13)), "name_en", t.get(14), "goal", t.get(15)));
		d.get("measures")
			.add(sourced("src-a", "s", "measure_key", "ms-1", "plan_key", "plan-v", "label", t.get(17), "name",
					required(t.get(18))));
		d.get("measures")
			.add(sourced("src-a", "s", "measure_key", "ms-2", "plan_key", "plan-v", "parent_measure_key", "ms-1",
					"name", "下位"));
		d.get("measure_pillars")
			.add(sourced("src-a", t.get(19), "measure_key", "ms-1", "pillar_key", "pil-1", "ordinal", "1"));
		d.get("programs")
			.add(sourced("src-a", "s", "program_key", program, "name", required(t.get(21)), "name_en", t.get(22),
					"summary", t.get(23)));
		d.get("programs").add(sourced("src-a", "s", "program_key", "prog-2", "name", "二"));
		d.get("program_measures")
			.add(sourced("src-a", "s", "program_key", program, "measure_key", "ms-1", "number", "1", "reposted",
					"true"));
		d.get("program_measures")
			.add(sourced("src-a", "s", "program_key", "prog-2", "measure_key", "ms-2", "number", "2"));
		d.get("organizations")
			.add(sourced("src-a", "s", "org_key", "org-1", "name", required(t.get(24)), "kind", "BUREAU"));
		d.get("organizations").add(sourced("src-a", "s", "org_key", "org-2", "name", "課", "kind", "DIVISION"));
		d.get("organization_parents").add(sourced("src-a", "s", "org_key", "org-2", "parent_org_key", "org-1"));
		d.get("program_organizations").add(sourced("src-a", "s", "program_key", program, "org_key", "org-2"));
		d.get("partner_bodies")
			.add(sourced("src-a", "s", "partner_key", "pb-1", "name", required(t.get(25)), "supervising_org_key",
					"org-1"));
		d.get("program_partners")
			.add(sourced("src-a", "s", "program_key", program, "partner_key", "pb-1", "role", t.get(26)));
		d.get("facilities")
			.add(sourced("src-a", "s", "facility_key", "fac-1", "name", required(t.get(27)), "operation", t.get(28),
					"org_key", "org-1"));
		d.get("kpis")
			.add(sourced("src-a", "s", "kpi_key", "kpi-1", "name", required(t.get(29)), "unit", "%", "direction",
					"HIGHER_IS_BETTER", "method", t.get(30)));
		d.get("program_kpis").add(sourced("src-a", "s", "program_key", program, "kpi_key", "kpi-1", "ordinal", "1"));
		d.get("kpi_pillars").add(sourced("src-a", "s", "kpi_key", "kpi-1", "pillar_key", "pil-1"));
		d.get("observations")
			.add(sourced("src-a", t.get(32), "kpi_key", "kpi-1", "kind", "TARGET", "target_type", "ANNUAL", "period",
					"R8", "figure", "+5.5%", "text", required(t.get(31))));
		d.get("observations")
			.add(sourced("src-a", "s", "kpi_key", "kpi-1", "kind", "ACTUAL", "period", "R7.3末", "figure", "-1.0%",
					"text", "実績"));
		d.get("observations")
			.add(sourced("src-a", "s", "kpi_key", "kpi-1", "kind", "BASELINE", "period", "－", "qualitative", "NOT_SET",
					"text", "-"));
		d.get("budgets").add(sourced("src-a", "s", "program_key", program, "period", "R8", "figure", "1,000千円"));
		d.get("policy_issues")
			.add(sourced("src-b", "s", "issue_key", "issue-1", "plan_key", "plan-b", "area", "A", "number", "1",
					"title", required(t.get(33)), "title_en", t.get(34), "content", t.get(35), "progress", t.get(36),
					"progress_as_of", "R7.12末"));
		d.get("policy_issue_links")
			.add(sourced("src-b", t.get(37), "issue_key", "issue-1", "target_type", "Program", "target_key", program,
					"evidence", required(t.get(43))));
		d.get("program_continuations")
			.add(sourced("src-a", "s", "earlier_program_key", "prog-2", "program_key", program, "basis", t.get(38),
					"evidence", required(t.get(44))));
		d.get("mentions")
			.add(sourced("src-b", t.get(39), "target_type", "Program", "target_key", program, "evidence",
					required(t.get(45))));
		d.get("notes")
			.add(sourced("src-b", t.get(42), "target_type", "Kpi", "target_key", "kpi-1", "topic", required(t.get(40)),
					"text", required(t.get(41))));
		d.get("aliases")
			.add(sourced("src-a", t.get(47), "target_type", "Program", "target_key", program, "name",
					required(t.get(46))));
		d.get("milestones")
			.add(sourced("src-a", t.get(50), "milestone_key", "mil-1", "pillar_key", "pil-1", "program_key", program,
					"ordinal", "1", "name", required(t.get(48)), "text", required(t.get(49)), "period", "R4.4", "event",
					t.get(51)));
		d.get("milestones")
			.add(sourced("src-a", "s", "milestone_key", "mil-2", "pillar_key", "pil-1", "ordinal", "2", "name", "二",
					"text", "二"));
		return d;
	}

	/** The text, or with an {@code x} added where the importer would read it as blank. */
	private static String required(String text) {
		return TableReader.unescapeCsvCell(text).isBlank() ? text + "x" : text;
	}

	private static Map<String, String> sourced(String source, String section, String... pairs) {
		Map<String, String> row = row(pairs);
		row.put("source_id", source);
		row.put("section", required(section));
		return row;
	}

	private static Map<String, String> row(String... pairs) {
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			row.put(pairs[i], pairs[i + 1]);
		}
		return row;
	}

	/**
	 * The dataset as CSV files, written plainly (quoted where RFC 4180 needs it, nothing
	 * escaped).
	 */
	private static Map<String, byte[]> csvFiles(Map<String, List<Map<String, String>>> dataset) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		dataset.forEach((table, rows) -> {
			List<String> columns = DatasetTables.COLUMNS.get(table);
			StringWriter out = new StringWriter();
			try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
				printer.printRecord(columns);
				for (Map<String, String> row : rows) {
					printer.printRecord(columns.stream().map(c -> row.getOrDefault(c, "")).toList());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			files.put(table + ".csv", out.toString().getBytes(StandardCharsets.UTF_8));
		});
		return files;
	}

}
