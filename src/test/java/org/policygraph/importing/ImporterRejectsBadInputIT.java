package org.policygraph.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.policygraph.importing.ImportProblem.Code;
import org.policygraph.support.GraphFingerprint;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every kind of bad input is refused with its file, row, column and a stable code, every
 * problem at once, and the graph stays exactly as it was.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImporterRejectsBadInputIT {

	private static final Path DATA = Path.of("data");

	@Autowired
	DatasetImporter importer;

	@Autowired
	Driver driver;

	@TempDir
	Path dir;

	private String graphBefore;

	@BeforeAll
	void loadDataset() {
		this.importer.importPackagedDataset(false);
	}

	@BeforeEach
	void copyDataset() throws IOException {
		try (Stream<Path> files = Files.list(DATA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".csv") && !f.endsWith("manifest.csv")).toList()) {
				Files.copy(file, this.dir.resolve(file.getFileName()));
			}
		}
		this.graphBefore = graphFingerprint();
	}

	@Test
	void anUnknownEraIsRefused() throws IOException {
		edit("budgets.csv", csv -> csv.replace(",R8,", ",X8,"));
		assertRefused(Code.BAD_PERIOD, "budgets.csv", "period", "unknown era 'X'");
	}

	@Test
	void aMilestoneWithAMonthThatIsNoneOrAThemeThatIsNoneIsRefused() throws IOException {
		edit("milestones.csv", csv -> csv.replace(",R4.4,", ",R4.13,"));
		assertRefused(Code.BAD_PERIOD, "milestones.csv", "period", "no month 13");
		edit("milestones.csv", csv -> csv.replace(",R4.13,", ",R4.4,").replace("pil-dx-09,", "pil-dx-99,"));
		assertRefused(Code.UNKNOWN_REFERENCE, "milestones.csv", "pillar_key", "pil-dx-99");
	}

	@Test
	void aMalformedNumberIsRefused() throws IOException {
		edit("budgets.csv", csv -> csv.replace("13,039千円", "13.0.39千円"));
		assertRefused(Code.BAD_FIGURE, "budgets.csv", "figure", "13.0.39千円");
	}

	@Test
	void anUnknownUnitIsRefused() throws IOException {
		edit("budgets.csv", csv -> csv.replace("13,039千円", "13,039千ドル"));
		assertRefused(Code.UNKNOWN_UNIT, "budgets.csv", "figure", "unknown unit '千ドル'");
	}

	@Test
	void aDuplicateKeyIsRefused() throws IOException {
		edit("programs.csv", csv -> csv + lineOf("programs.csv", "prog-smaraku"));
		assertRefused(Code.DUPLICATE_KEY, "programs.csv", "program_key", "prog-smaraku");
	}

	@Test
	void aDanglingReferenceIsRefused() throws IOException {
		edit("program_organizations.csv", csv -> csv.replace("org-z-sedai-ka", "org-no-such-section"));
		assertRefused(Code.UNKNOWN_REFERENCE, "program_organizations.csv", "org_key", "org-no-such-section");
	}

	@Test
	void aMissingRequiredColumnIsRefused() throws IOException {
		edit("kpis.csv", csv -> csv.replaceFirst(",direction,", ",directon,"));
		Throwable refused = refused();
		assertThat(problems(refused)).anySatisfy(p -> assertProblem(p, Code.MISSING_COLUMN, "kpis.csv", "direction", 1))
			.anySatisfy(p -> assertProblem(p, Code.UNKNOWN_COLUMN, "kpis.csv", "directon", 1));
		assertGraphUnchanged();
	}

	@Test
	void aPolicyIssueLinkWithoutEvidenceIsRefused() throws IOException {
		// row 46: issue-r7-b6 → prog-smaraku, quoting 002 line 377 「(1)スマラク区役所サービスプロジェクト」
		edit("policy_issue_links.csv",
				csv -> csv.replace("スマラク区役所サービスプロジェクト,(1)スマラク区役所サービスプロジェクト\n", "スマラク区役所サービスプロジェクト,\n"));
		Throwable refused = refused();
		assertThat(problems(refused))
			.anySatisfy(p -> assertProblem(p, Code.REQUIRED, "policy_issue_links.csv", "evidence", 46));
		assertGraphUnchanged();
	}

	@Test
	void aMentionOrContinuationWithoutEvidenceIsRefused() throws IOException {
		// mentions row 23: 004 line 331 「(スマらく窓口)」
		edit("mentions.csv", csv -> csv.replace("),(スマらく窓口)\n", "),\n"));
		edit("program_continuations.csv", csv -> csv + "prog-smaraku,prog-megaregion,,x-houshin-r7,課題B（6）,\n");
		Throwable refused = refused();
		assertThat(problems(refused)).anySatisfy(p -> assertProblem(p, Code.REQUIRED, "mentions.csv", "evidence", 23))
			.anySatisfy(p -> assertProblem(p, Code.REQUIRED, "program_continuations.csv", "evidence", 2));
		assertGraphUnchanged();
	}

	@Test
	void aFileThatIsNotUtf8IsRefused() throws IOException {
		String csv = Files.readString(this.dir.resolve("programs.csv"), StandardCharsets.UTF_8);
		Files.write(this.dir.resolve("programs.csv"), csv.getBytes(Charset.forName("Shift_JIS")));
		assertRefused(Code.BAD_ENCODING, "programs.csv", null, "not UTF-8");
	}

	@Test
	void anEmptyFileIsRefused() throws IOException {
		Files.writeString(this.dir.resolve("budgets.csv"), "");
		assertRefused(Code.EMPTY_FILE, "budgets.csv", null, "empty");
	}

	@Test
	void aMissingFileIsRefused() throws IOException {
		Files.delete(this.dir.resolve("observations.csv"));
		assertRefused(Code.MISSING_FILE, "observations.csv", null, "missing");
	}

	@Test
	void aValueOutsideItsListIsRefused() throws IOException {
		edit("kpis.csv", csv -> csv.replaceFirst("HIGHER_IS_BETTER", "UPWARDS"));
		assertRefused(Code.BAD_VALUE, "kpis.csv", "direction", "'UPWARDS' is not one of");
	}

	@Test
	void aMissingRequiredValueIsRefused() throws IOException {
		edit("programs.csv", csv -> csv.replace(",すこやかな共生社会構築事業,", ",,"));
		assertRefused(Code.REQUIRED, "programs.csv", "name", "required");
	}

	@Test
	void aWholeNumberColumnRefusesText() throws IOException {
		edit("pillars.csv", csv -> csv.replace("pil-sv-2,plan-shin-vision,2,", "pil-sv-2,plan-shin-vision,second,"));
		assertRefused(Code.BAD_INTEGER, "pillars.csv", "ordinal", "'second' is not a whole number");
	}

	@Test
	void aRowWithMoreCellsThanTheHeaderIsRefused() throws IOException {
		edit("program_organizations.csv",
				csv -> csv + "prog-smaraku,org-dx-ai-senryaku,shin-vision-r8-programs,row 6,extra\n");
		assertRefused(Code.COLUMN_COUNT, "program_organizations.csv", null, "cells");
	}

	@Test
	void aBudgetForARangeOfYearsIsRefused() throws IOException {
		edit("budgets.csv", csv -> csv.replaceFirst(",R8,", ",R8～R9,"));
		assertRefused(Code.BAD_PERIOD, "budgets.csv", "period", "one fiscal year");
	}

	@Test
	void aWorkbookWithAMissingSheetIsRefused() throws IOException {
		byte[] workbook = workbook(name -> !name.equals("kpis"));
		Throwable refused = catchThrowableOfType(ImportFailedException.class,
				() -> this.importer.importWorkbook("plan.xlsx", new java.io.ByteArrayInputStream(workbook), false));
		assertThat(problems(refused)).anySatisfy(p -> assertProblem(p, Code.MISSING_FILE, "plan.xlsx[kpis]", null, 0));
		assertGraphUnchanged();
	}

	@Test
	void aSheetThatIsNoFileOfTheDatasetIsRefused() throws IOException {
		Files.writeString(this.dir.resolve("budget_lines.csv"), "program_key,amount\nprog-smaraku,1\n");
		byte[] workbook = workbook(name -> true);
		Throwable refused = catchThrowableOfType(ImportFailedException.class,
				() -> this.importer.importWorkbook("plan.xlsx", new java.io.ByteArrayInputStream(workbook), false));
		assertThat(problems(refused))
			.anySatisfy(p -> assertProblem(p, Code.UNKNOWN_FILE, "plan.xlsx[budget_lines]", null, 0));
		assertGraphUnchanged();
	}

	@Test
	void aFileThatIsNoWorkbookIsRefused() {
		byte[] notAWorkbook = "this is not a zip".getBytes(StandardCharsets.UTF_8);
		Throwable refused = catchThrowableOfType(ImportFailedException.class,
				() -> this.importer.importWorkbook("plan.xlsx", new java.io.ByteArrayInputStream(notAWorkbook), false));
		assertThat(problems(refused)).singleElement()
			.satisfies(p -> assertProblem(p, Code.UNREADABLE_FILE, "plan.xlsx", null, 0));
		assertGraphUnchanged();
	}

	@Test
	void everyProblemIsReportedAtOnceWithItsRow() throws IOException {
		edit("budgets.csv", csv -> csv.replace("13,039千円", "13,039千ドル").replace(",R8,", ",X8,"));
		edit("program_organizations.csv", csv -> csv.replace("org-z-sedai-ka", "org-no-such-section"));
		List<ImportProblem> problems = problems(refused());
		assertThat(problems).extracting(ImportProblem::code)
			.contains(Code.UNKNOWN_UNIT, Code.BAD_PERIOD, Code.UNKNOWN_REFERENCE);
		assertThat(problems).filteredOn(p -> p.code() == Code.UNKNOWN_UNIT)
			.singleElement()
			.satisfies(p -> assertThat(p.row()).isEqualTo(rowOf("budgets.csv", "13,039千ドル")));
		assertGraphUnchanged();
	}

	@Test
	void aWorkbookWithEverySheetImportsTheSameGraphAsTheCsvFiles() throws IOException {
		byte[] workbook = workbook(name -> true);
		ImportReport report = this.importer.importWorkbook("plan.xlsx", new java.io.ByteArrayInputStream(workbook),
				false);
		assertThat(report.created()).isZero();
		assertThat(report.updated()).isZero();
		assertGraphUnchanged();
	}

	@Test
	void aDryRunCountsButKeepsNothing() throws IOException {
		edit("budgets.csv", csv -> csv.replace("13,039千円", "13,040千円"));
		ImportReport report = this.importer.importDirectory(this.dir, true);
		assertThat(report.dryRun()).isTrue();
		assertThat(report.counts()).filteredOn(c -> c.name().equals("Budget"))
			.singleElement()
			.satisfies(c -> assertThat(c.updated()).isOne());
		assertGraphUnchanged();
	}

	// --- helpers
	// ----------------------------------------------------------------------------------------------

	private void edit(String file, UnaryOperator<String> change) throws IOException {
		Path path = this.dir.resolve(file);
		String before = Files.readString(path, StandardCharsets.UTF_8);
		String after = change.apply(before);
		assertThat(after).as("the edit of " + file + " changed something").isNotEqualTo(before);
		Files.writeString(path, after, StandardCharsets.UTF_8);
	}

	private String lineOf(String file, String startingWith) {
		List<String> lines;
		try {
			lines = Files.readAllLines(DATA.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return lines.stream().filter(line -> line.startsWith(startingWith + ",")).findFirst().orElseThrow() + "\n";
	}

	private int rowOf(String file, String containing) throws IOException {
		List<String> lines = Files.readAllLines(this.dir.resolve(file), StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(containing)) {
				return i + 1;
			}
		}
		throw new AssertionError(containing + " not in " + file);
	}

	private Throwable refused() {
		return catchThrowableOfType(ImportFailedException.class, () -> this.importer.importDirectory(this.dir, false));
	}

	private static List<ImportProblem> problems(Throwable refused) {
		assertThat(refused).as("the import was refused").isInstanceOf(ImportFailedException.class);
		return ((ImportFailedException) refused).problems();
	}

	private void assertRefused(Code code, String file, String column, String messagePart) {
		List<ImportProblem> problems = problems(refused());
		assertThat(problems).anySatisfy(p -> {
			assertThat(p.code()).isEqualTo(code);
			assertThat(p.file()).isEqualTo(file);
			assertThat(p.column()).isEqualTo(column);
			assertThat(p.message()).contains(messagePart);
			if (column != null) {
				assertThat(p.row()).isGreaterThan(1);
			}
		});
		assertGraphUnchanged();
	}

	private static void assertProblem(ImportProblem p, Code code, String file, String column, int row) {
		assertThat(p.code()).isEqualTo(code);
		assertThat(p.file()).isEqualTo(file);
		assertThat(p.column()).isEqualTo(column);
		assertThat(p.row()).isEqualTo(row);
	}

	private void assertGraphUnchanged() {
		assertThat(graphFingerprint()).isEqualTo(this.graphBefore);
	}

	private String graphFingerprint() {
		return String.join("\n", GraphFingerprint.of(this.driver));
	}

	/**
	 * The dataset's CSV files as one workbook, one sheet per file, with the sheets
	 * {@code keep} accepts.
	 */
	private byte[] workbook(java.util.function.Predicate<String> keep) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); Stream<Path> files = Files.list(this.dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
				String name = file.getFileName().toString().replace(".csv", "");
				if (!keep.test(name)) {
					continue;
				}
				Sheet sheet = workbook.createSheet(name);
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
						CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
					int r = 0;
					for (CSVRecord record : parser) {
						var row = sheet.createRow(r++);
						for (int c = 0; c < record.size(); c++) {
							row.createCell(c).setCellValue(record.get(c));
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
