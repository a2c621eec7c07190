package org.policygraph.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.policygraph.importing.TestWorkbooks.rows;
import static org.policygraph.importing.TestWorkbooks.sheets;
import static org.policygraph.importing.TestWorkbooks.workbook;

/**
 * The streaming workbook reader: the same tables as POI's in-memory workbook gave (the
 * importer's reader until it was replaced; {@link #inMemory} is that reader, kept here as
 * the reference), and every upload limit refusing a workbook past it with the limit and
 * the place in its message.
 */
class WorkbookReaderTests {

	@Test
	void everyKindOfCellReadsAsPoisInMemoryWorkbookReadIt() throws IOException {
		byte[] bytes;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("observations");
			CellStyle date = book.createCellStyle();
			date.setDataFormat((short) 14);
			CellStyle customDate = book.createCellStyle();
			customDate.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			CellStyle thousands = book.createCellStyle();
			thousands.setDataFormat(book.createDataFormat().getFormat("#,##0"));
			CellStyle percent = book.createCellStyle();
			percent.setDataFormat((short) 10);
			CellStyle text = book.createCellStyle();
			text.setDataFormat((short) 49);
			Row header = sheet.createRow(0);
			String[] names = { "text", "number", "date", "figure", "share", "flag", "formula", "error", "rich" };
			for (int c = 0; c < names.length; c++) {
				header.createCell(c).setCellValue(names[c]);
			}
			Calendar day = Calendar.getInstance();
			day.clear();
			day.set(2026, Calendar.APRIL, 1);
			for (int r = 1; r <= 6; r++) {
				Row row = sheet.createRow(r * 2);
				row.createCell(0).setCellValue("多文化共生 " + r + " _x000D_ line");
				row.createCell(1).setCellValue(new double[] { 2, 13039.5, 0.1 + 0.2, -7, 1e15, 123456789012.0 }[r - 1]);
				Cell when = row.createCell(2);
				when.setCellValue(day.getTime());
				when.setCellStyle((r % 2 == 0) ? date : customDate);
				Cell figure = row.createCell(3);
				figure.setCellValue(1_746_509_000.0 / r);
				figure.setCellStyle(thousands);
				Cell share = row.createCell(4);
				share.setCellValue(r / 7.0);
				share.setCellStyle(percent);
				row.createCell(5).setCellValue(r % 2 == 0);
				row.createCell(6).setCellFormula("B" + (r * 2 + 1) + "*1000+LEN(A1)");
				row.createCell(7).setCellErrorValue(FormulaError.NA.getCode());
				XSSFRichTextString rich = new XSSFRichTextString("稼げる" + r + "まち");
				XSSFFont bold = book.createFont();
				bold.setBold(true);
				rich.applyFont(0, 3, bold);
				row.createCell(8).setCellValue(rich);
				if (r == 3) {
					Cell number = row.createCell(12);
					number.setCellValue("  ");
					Cell asText = row.createCell(10);
					asText.setCellStyle(text);
					asText.setCellValue(42);
				}
			}
			sheet.createRow(20);
			book.createSheet("empty");
			book.write(out);
			bytes = out.toByteArray();
		}
		assertReadAsInMemory(bytes);
	}

	@Test
	void sheetsAsSpreadsheetProgramsWriteThemReadAsPoisInMemoryWorkbookReadThem() {
		String strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + TestWorkbooks.MAIN
				+ "\" count=\"3\" uniqueCount=\"3\"><si><t>kpi_key</t></si>"
				+ "<si><t>北九州</t><rPh sb=\"0\" eb=\"3\"><t>キタキュウシュウ</t></rPh></si>"
				+ "<si><r><t>two</t></r><r><t xml:space=\"preserve\"> runs_x000A_</t></r></si></sst>";
		byte[] bytes = workbook(sheets("kpis", rows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>value</t></is></c>"
				+ "<c r=\"D1\" t=\"inlineStr\"><is><t>sum</t></is></c></row>"
				// a row and cells without numbers follow the last ones
				+ "<row><c t=\"s\"><v>1</v></c><c t=\"inlineStr\"><is><t>安らぐ</t><rPh sb=\"0\" eb=\"1\"><t>やす</t></rPh></is></c>"
				+ "<c><v>1.5</v></c><c><f t=\"shared\" ref=\"D2:D4\" si=\"0\">C2*2+SUM($C$2:C2)</f><v>3</v></c></row>"
				+ "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" t=\"b\"><v>1</v></c><c r=\"C3\" t=\"b\"><v>0</v></c>"
				+ "<c r=\"D3\"><f t=\"shared\" si=\"0\"/><v>4</v></c></row>"
				+ "<row r=\"4\"><c r=\"A4\" t=\"e\"><v>#DIV/0!</v></c><c r=\"B4\" t=\"str\"><f>A4&amp;\"x\"</f><v>#DIV/0!x</v></c>"
				+ "<c r=\"C4\" t=\"str\"><v>plain _x0041_</v></c><c r=\"D4\"><f t=\"shared\" si=\"0\"/><v>5</v></c></row>"
				+ "<row r=\"6\"><c r=\"A6\"><f t=\"array\" ref=\"A6:B6\">{1,2}</f><v>1</v></c><c r=\"B6\"><v>2</v></c>"
				+ "<c r=\"C6\" s=\"0\"/><c r=\"E6\" t=\"inlineStr\"><is><t>  </t></is></c></row>"
				+ "<row r=\"8\" spans=\"1:3\"><c r=\"A8\" t=\"inlineStr\"><is><t>last</t></is></c></row>"), "programs",
				rows("")), 6, Map.of("xl/sharedStrings.xml", strings));
		assertReadAsInMemory(bytes);
	}

	@Test
	void aWorkbookWhoseSheetsInflatePastTheTotalIsRefusedBeforeItIsRead() {
		byte[] bytes = workbook(sheets("programs", TestWorkbooks.inflating(3), "kpis", TestWorkbooks.inflating(3)), 1);
		UploadLimitExceeded refused = refused(bytes, limits(5, 4, 1, 50, 100_000, 100, 2_000_000, 32_767));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-inflated-size");
		assertThat(refused.getMessage()).startsWith("plan.xlsx: the workbook inflates to 6.0 MB")
			.contains("more than the 5 MB allowed");
		assertThat(refused.row()).isZero();
	}

	@Test
	void aSheetThatInflatesPastTheEntryLimitIsRefusedByNameBeforeItIsRead() {
		byte[] bytes = workbook(sheets("programs", rows("<row><c t=\"inlineStr\"><is><t>a</t></is></c></row>"), "kpis",
				TestWorkbooks.inflating(3)), 1);
		UploadLimitExceeded refused = refused(bytes, limits(100, 2, 1, 50, 100_000, 100, 2_000_000, 32_767));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-entry-size");
		assertThat(refused.getMessage()).contains("the sheet 'kpis' inflates to 3.0 MB, more than the 2 MB allowed");
	}

	@Test
	void aZipThatUnderstatesItsSizesIsStoppedWhereItsInflatedBytesPassTheLimit() {
		byte[] bytes = TestWorkbooks.understated(workbook(sheets("kpis", TestWorkbooks.inflating(6)), 1), 1000);
		UploadLimitExceeded refused = refused(bytes, limits(100, 2, 1, 50, 1_000_000, 100, 20_000_000, 32_767));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-entry-size");
		assertThat(refused.file()).isEqualTo("plan.xlsx[kpis]");
		assertThat(refused.row()).isPositive();
		assertThat(refused.getMessage()).startsWith("plan.xlsx[kpis], row ")
			.contains("the sheet 'kpis' (xl/worksheets/sheet1.xml) inflates to more than the 2 MB allowed");

		UploadLimitExceeded total = refused(bytes, limits(3, 50, 1, 50, 1_000_000, 100, 20_000_000, 32_767));
		assertThat(total.limit()).isEqualTo("policygraph.limits.upload.max-inflated-size");
		assertThat(total.getMessage()).contains("the workbook inflates to more than the 3 MB allowed");
	}

	@Test
	void aPartReadWholeIsStoppedAtTheSmallerLimitOfSuchParts() {
		byte[] bytes = workbook(sheets("kpis", rows("")), 6, Map.of("xl/styles.xml", "<styleSheet xmlns=\""
				+ TestWorkbooks.MAIN + "\"><!--" + "y".repeat(2 * 1024 * 1024) + "--></styleSheet>"));
		UploadLimitExceeded refused = refused(withStylesType(bytes), limits(100, 50, 1, 50, 100, 100, 100, 32_767));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-metadata-size");
		assertThat(refused.getMessage())
			.isEqualTo("plan.xlsx: a part of the workbook (xl/styles.xml) inflates to 2.0 MB,"
					+ " more than the 1 MB allowed (policygraph.limits.upload.max-metadata-size)");

		UploadLimitExceeded understated = refused(TestWorkbooks.understated(withStylesType(bytes), 100),
				limits(100, 50, 1, 50, 100, 100, 100, 32_767));
		assertThat(understated.getMessage()).isEqualTo("plan.xlsx: a part of the workbook (xl/styles.xml) inflates to"
				+ " more than the 1 MB allowed (policygraph.limits.upload.max-metadata-size)");
	}

	@Test
	void moreSheetsThanAllowedAreRefusedBeforeAnyIsRead() {
		Object[] many = new Object[6];
		for (int i = 0; i < 3; i++) {
			many[2 * i] = "sheet" + i;
			many[2 * i + 1] = rows("<row><c t=\"inlineStr\"><is><t>a</t></is></c></row>");
		}
		UploadLimitExceeded refused = refused(workbook(sheets(many), 6), limits(100, 50, 10, 2, 100, 100, 100, 100));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-sheets");
		assertThat(refused.getMessage()).isEqualTo(
				"plan.xlsx: the workbook has 3 sheets, more than the 2 allowed (policygraph.limits.upload.max-sheets)");
	}

	@Test
	void moreRowsThanAllowedAreRefusedAtTheFirstRowPastTheLimit() {
		StringBuilder xml = new StringBuilder();
		for (int r = 1; r <= 10; r++) {
			xml.append("<row r=\"")
				.append(r * 2)
				.append("\"><c r=\"A")
				.append(r * 2)
				.append("\" t=\"inlineStr\"><is><t>v</t></is></c></row>");
		}
		UploadLimitExceeded refused = refused(workbook(sheets("kpis", rows(xml.toString())), 6),
				limits(100, 50, 10, 50, 5, 100, 100, 100));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-rows");
		assertThat(refused.row()).isEqualTo(12);
		assertThat(refused.getMessage()).isEqualTo(
				"plan.xlsx[kpis], row 12: the sheet has more than 5 rows" + " (policygraph.limits.upload.max-rows)");
	}

	@Test
	void aCellWithContentRightOfTheLastColumnAllowedIsRefusedButABlankOneIsNot() {
		String blankFarRight = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c><c r=\"XFD1\" s=\"0\"/></row>";
		assertThat(new TableReader(limits(100, 50, 10, 50, 100, 3, 100, 100)).readWorkbook("plan.xlsx",
				workbook(sheets("kpis", rows(blankFarRight)), 6), new ArrayList<>()))
			.hasSize(1);

		String farRight = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"D2\"><v>1</v></c></row>";
		UploadLimitExceeded refused = refused(workbook(sheets("kpis", rows(farRight)), 6),
				limits(100, 50, 10, 50, 100, 3, 100, 100));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-columns");
		assertThat(refused.getMessage()).isEqualTo("plan.xlsx[kpis], row 2: a cell in column D is further right than"
				+ " the 3 columns allowed (policygraph.limits.upload.max-columns)");
	}

	@Test
	void aCellLongerThanAllowedIsRefusedWhetherItsTextIsInlineOrShared() {
		UploadLimitExceeded inline = refused(workbook(sheets("kpis",
				rows("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>" + "長".repeat(11) + "</t></is></c></row>")), 6),
				limits(100, 50, 10, 50, 100, 100, 100, 10));
		assertThat(inline.limit()).isEqualTo("policygraph.limits.upload.max-cell-length");
		assertThat(inline.getMessage()).isEqualTo("plan.xlsx[kpis], row 3: the cell in column B holds more than 10"
				+ " characters (policygraph.limits.upload.max-cell-length)");

		String strings = "<sst xmlns=\"" + TestWorkbooks.MAIN + "\"><si><t>" + "x".repeat(11) + "</t></si></sst>";
		UploadLimitExceeded shared = refused(
				workbook(sheets("kpis", rows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")), 6,
						Map.of("xl/sharedStrings.xml", strings)),
				limits(100, 50, 10, 50, 100, 100, 100, 10));
		assertThat(shared.getMessage()).startsWith("plan.xlsx[kpis], row 1: the cell in column A holds more than 10");
	}

	@Test
	void moreCellsThanAllowedInAllFilesTogetherAreRefused() {
		String row = "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>";
		UploadLimitExceeded refused = refused(
				workbook(sheets("kpis", rows(row.repeat(3)), "programs", rows(row.repeat(3))), 6),
				limits(100, 50, 10, 50, 100, 100, 7, 100));
		assertThat(refused.limit()).isEqualTo("policygraph.limits.upload.max-cells");
		assertThat(refused.file()).isEqualTo("plan.xlsx[programs]");
	}

	@Test
	void aCsvFileIsBoundByTheSameRowColumnAndCellLimits() {
		TableReader reader = new TableReader(limits(100, 50, 10, 50, 3, 3, 100, 5));
		assertThat(catchThrowableOfType(UploadLimitExceeded.class,
				() -> reader.readCsv("kpis.csv", "a,b\n1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8),
						new ArrayList<>())))
			.hasMessage("kpis.csv, row 4: the file has more than 3 rows (policygraph.limits.upload.max-rows)");
		assertThat(catchThrowableOfType(UploadLimitExceeded.class,
				() -> reader.readCsv("kpis.csv", "a,b,c,d\n".getBytes(StandardCharsets.UTF_8), new ArrayList<>())))
			.hasMessage("kpis.csv, row 1: a cell in column D is further right than the 3 columns allowed"
					+ " (policygraph.limits.upload.max-columns)");
		assertThat(catchThrowableOfType(UploadLimitExceeded.class,
				() -> reader.readCsv("kpis.csv", "a,b\n1,\"123456\"\n".getBytes(StandardCharsets.UTF_8),
						new ArrayList<>())))
			.hasMessage("kpis.csv, row 2: the cell in column B holds more than 5 characters"
					+ " (policygraph.limits.upload.max-cell-length)");
	}

	@Test
	void aDamagedWorkbookIsAProblemThatNamesNoJavaClass() {
		byte[] bytes = workbook(sheets("kpis", rows("<row><c t=\"s\"><v>7</v></c></row>")), 6);
		List<ImportProblem> problems = new ArrayList<>();
		assertThat(new TableReader(UploadLimits.DEFAULTS).readWorkbook("plan.xlsx", bytes, problems)).isEmpty();
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo(ImportProblem.Code.UNREADABLE_FILE);
			assertThat(p.message())
				.isEqualTo("not a readable .xlsx workbook: a cell refers to a shared text, but the workbook has none");
		});
		problems.clear();
		new TableReader(UploadLimits.DEFAULTS).readWorkbook("plan.xlsx",
				"PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1), problems);
		assertThat(problems).singleElement()
			.satisfies(p -> assertThat(p.message()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|\\(\\)"));
	}

	static UploadLimits limits(int inflatedMb, int entryMb, int metadataMb, int sheets, int rows, int columns,
			int cells, int cellLength) {
		return new UploadLimits(DataSize.ofMegabytes(inflatedMb), DataSize.ofMegabytes(entryMb),
				DataSize.ofMegabytes(metadataMb), sheets, rows, columns, cells, cellLength);
	}

	private static UploadLimitExceeded refused(byte[] bytes, UploadLimits limits) {
		List<ImportProblem> problems = new ArrayList<>();
		UploadLimitExceeded refused = catchThrowableOfType(UploadLimitExceeded.class,
				() -> new TableReader(limits).readWorkbook("plan.xlsx", bytes, problems));
		assertThat(refused).as("refused; problems instead: %s", problems).isNotNull();
		assertThat(refused.getMessage()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|\\(\\)|bytes");
		return refused;
	}

	/** The workbook with its styles part given the styles content type. */
	private static byte[] withStylesType(byte[] bytes) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
			String types = new String(entries.get("[Content_Types].xml"), StandardCharsets.UTF_8).replace("</Types>",
					"<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
			entries.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (var zipOut = new java.util.zip.ZipOutputStream(out)) {
				for (var e : entries.entrySet()) {
					zipOut.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
					zipOut.write(e.getValue());
					zipOut.closeEntry();
				}
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void assertReadAsInMemory(byte[] bytes) {
		List<ImportProblem> expectedProblems = new ArrayList<>();
		List<Table> expected = inMemory("plan.xlsx", bytes, expectedProblems);
		List<ImportProblem> problems = new ArrayList<>();
		List<Table> tables = new TableReader(UploadLimits.DEFAULTS).readWorkbook("plan.xlsx", bytes, problems);
		assertThat(expectedProblems).as("the reference read it")
			.allSatisfy(p -> assertThat(p.code()).isEqualTo(ImportProblem.Code.EMPTY_FILE));
		assertThat(tables).isEqualTo(expected);
		assertThat(problems).isEqualTo(expectedProblems);
		assertThat(tables).isNotEmpty();
	}

	/**
	 * The importer's reader of workbooks before it streamed them: POI's in-memory
	 * workbook and its formatter.
	 */
	static List<Table> inMemory(String fileName, byte[] bytes, List<ImportProblem> problems) {
		List<Table> tables = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			DataFormatter formatter = new DataFormatter();
			for (Sheet sheet : workbook) {
				String origin = fileName + "[" + sheet.getSheetName() + "]";
				List<List<String>> cells = new ArrayList<>();
				List<Integer> numbers = new ArrayList<>();
				for (var row : sheet) {
					List<String> values = new ArrayList<>();
					for (int c = 0; c < row.getLastCellNum(); c++) {
						Cell cell = row.getCell(c);
						values.add((cell != null) ? formatter.formatCellValue(cell) : "");
					}
					if (values.stream().anyMatch(v -> !v.isBlank())) {
						cells.add(values);
						numbers.add(row.getRowNum() + 1);
					}
				}
				if (cells.isEmpty()) {
					problems.add(new ImportProblem(origin, 0, null, ImportProblem.Code.EMPTY_FILE,
							"the sheet is empty: it needs at least a header row"));
					continue;
				}
				List<String> header = cells.get(0).stream().map(String::strip).toList();
				List<Table.Row> rows = new ArrayList<>();
				for (int i = 1; i < cells.size(); i++) {
					List<String> values = new ArrayList<>(cells.get(i));
					while (values.size() > header.size() && values.getLast().isBlank()) {
						values.removeLast();
					}
					Map<String, String> byColumn = new LinkedHashMap<>();
					for (int c = 0; c < Math.min(header.size(), values.size()); c++) {
						String value = values.get(c).strip();
						if (!value.isEmpty()) {
							byColumn.put(header.get(c), value);
						}
					}
					rows.add(new Table.Row(numbers.get(i), byColumn, values.size()));
				}
				tables.add(new Table(sheet.getSheetName(), origin, header, rows));
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return tables;
	}

}
