package org.policygraph.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads CSV files and {@code .xlsx} sheets into {@link Table}s, reporting what cannot be read as problems
 * instead of failing on the first one.
 */
final class TableReader {

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	private TableReader() {
	}

	/** Reads one CSV file's bytes; the table name is the file name without {@code .csv}. */
	static Table readCsv(String fileName, byte[] bytes, List<ImportProblem> problems) {
		String name = fileName.replaceFirst("(?i)\\.csv$", "");
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new ImportProblem(fileName, 0, null, ImportProblem.Code.BAD_ENCODING,
					"the file is not UTF-8 text (save it as CSV UTF-8)"));
			return null;
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			problems.add(new ImportProblem(fileName, 0, null, ImportProblem.Code.EMPTY_FILE,
					"the file is empty: it needs at least a header row"));
			return null;
		}
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSV)) {
			List<CSVRecord> records = parser.getRecords();
			List<String> header = records.get(0).toList().stream().map(String::strip).toList();
			List<Table.Row> rows = new ArrayList<>();
			for (int i = 1; i < records.size(); i++) {
				CSVRecord record = records.get(i);
				rows.add(row((int) record.getRecordNumber(), header,
						record.toList().stream().map(TableReader::unescapeCsvCell).toList()));
			}
			return new Table(name, fileName, header, rows);
		}
		catch (IOException | RuntimeException ex) {
			problems.add(new ImportProblem(fileName, 0, null, ImportProblem.Code.UNREADABLE_FILE,
					"not valid CSV: " + reason(ex)));
			return null;
		}
	}

	/** Reads every sheet of an {@code .xlsx} workbook; the table name is the sheet name. */
	static List<Table> readWorkbook(String fileName, InputStream in, List<ImportProblem> problems) {
		List<Table> tables = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(in)) {
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
					rows.add(row(numbers.get(i), header, values));
				}
				tables.add(new Table(sheet.getSheetName(), origin, header, rows));
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add(new ImportProblem(fileName, 0, null, ImportProblem.Code.UNREADABLE_FILE,
					"not a readable .xlsx workbook: " + reason(ex)));
		}
		return tables;
	}

	static List<Table> readWorkbook(String fileName, byte[] bytes, List<ImportProblem> problems) {
		return readWorkbook(fileName, new ByteArrayInputStream(bytes), problems);
	}

	/**
	 * The innermost cause's own words: a wrapping exception's message starts with its cause's class name, which
	 * the uploader has no use for and the API never shows.
	 */
	private static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : "the file ends early or is damaged";
	}

	/**
	 * A CSV cell that starts with an apostrophe (after blanks) is read without it: {@code '=A1} is the text
	 * {@code =A1}. {@link DatasetExporter} writes cells a spreadsheet would take for formulas that way.
	 */
	static String unescapeCsvCell(String cell) {
		String value = cell.strip();
		return value.startsWith("'") ? value.substring(1) : cell;
	}

	private static Table.Row row(int number, List<String> header, List<String> cells) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int c = 0; c < Math.min(header.size(), cells.size()); c++) {
			String value = cells.get(c).strip();
			if (!value.isEmpty()) {
				values.put(header.get(c), value);
			}
		}
		return new Table.Row(number, values, cells.size());
	}

}
