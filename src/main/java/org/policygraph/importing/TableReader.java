package org.policygraph.importing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;
import org.policygraph.model.TextCleaner;

/**
 * Reads CSV files and {@code .xlsx} sheets into {@link Table}s, reporting what cannot be
 * read as problems instead of failing on the first one, and refusing a file past the
 * {@link UploadLimits} as soon as it is passed. One reader serves one import: the cells
 * of all its files count together.
 */
final class TableReader {

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	private final UploadLimits limits;

	private long cells;

	TableReader(UploadLimits limits) {
		this.limits = limits;
	}

	UploadLimits limits() {
		return this.limits;
	}

	/**
	 * Reads one CSV file's bytes; the table name is the file name without {@code .csv}.
	 */
	Table readCsv(String fileName, byte[] bytes, List<ImportProblem> problems) {
		String name = fileName.replaceFirst("(?i)\\.csv$", "");
		String text = TextCleaner.utf8(bytes);
		if (text == null) {
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
		Rows rows = new Rows(name, fileName, "the file", false);
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSV)) {
			boolean header = true;
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				rows.add((int) record.getRecordNumber(),
						header ? cells : cells.stream().map(TableReader::unescapeCsvCell).toList());
				header = false;
			}
		}
		catch (IOException | RuntimeException ex) {
			UploadLimitExceeded exceeded = UploadLimitExceeded.in(ex);
			if (exceeded != null) {
				throw exceeded;
			}
			problems.add(new ImportProblem(fileName, 0, null, ImportProblem.Code.UNREADABLE_FILE,
					"not valid CSV: " + reason(ex, "the file ends early or is damaged")));
			return null;
		}
		return rows.table();
	}

	/**
	 * Reads every sheet of an {@code .xlsx} workbook; the table name is the sheet name.
	 */
	List<Table> readWorkbook(String fileName, byte[] bytes, List<ImportProblem> problems) {
		return new WorkbookReader(this, fileName).read(bytes, problems);
	}

	/**
	 * The innermost cause's own words, or {@code otherwise} when they would name a Java
	 * class or method: a wrapping exception's message starts with its cause's class name,
	 * and some of POI's name the setting to change, neither of which the uploader has any
	 * use for, and which the API never shows.
	 */
	static String reason(Throwable ex, String otherwise) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		if (message == null || message.isBlank() || message.matches(
				"(?s).*(\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.[A-Z]\\w*|\\b[A-Z]\\w*(Exception|Error)\\b|\\w+\\.\\w+\\(\\)).*")) {
			return otherwise;
		}
		return message;
	}

	/**
	 * A CSV cell that starts with an apostrophe (after blanks) is read without it:
	 * {@code '=A1} is the text {@code =A1}. {@link DatasetExporter} writes cells a
	 * spreadsheet would take for formulas that way.
	 */
	static String unescapeCsvCell(String cell) {
		String value = cell.strip();
		return value.startsWith("'") ? value.substring(1) : cell;
	}

	/**
	 * The rows of one file or sheet as they are read, the first being the header, with
	 * every limit on rows and cells checked as each row arrives. A sheet's rows without
	 * content are skipped (a spreadsheet keeps rows that were only formatted), and so are
	 * the blank cells after its last column; a CSV file's rows are kept as they are.
	 */
	final class Rows {

		private final String name;

		private final String origin;

		private final String what;

		private List<String> header;

		private final List<Table.Row> rows = new ArrayList<>();

		private final boolean sheet;

		private int count;

		/**
		 * @param what how the limits' messages name it: "the file", "the sheet"
		 * @param sheet whether these are a sheet's rows
		 */
		Rows(String name, String origin, String what, boolean sheet) {
			this.name = name;
			this.origin = origin;
			this.what = what;
			this.sheet = sheet;
		}

		String origin() {
			return this.origin;
		}

		/** One row as read, numbered as in the file (1-based). */
		void add(int number, List<String> cells) {
			boolean content = false;
			for (int c = 0; c < cells.size(); c++) {
				if (!cells.get(c).isBlank()) {
					checkCell(number, c, cells.get(c).length());
					content = true;
				}
			}
			if (!content && this.sheet) {
				return;
			}
			if (++this.count > TableReader.this.limits.maxRows()) {
				throw exceeded("max-rows", number, this.what + " has more than "
						+ UploadLimits.count(TableReader.this.limits.maxRows()) + " rows");
			}
			if (this.header == null) {
				this.header = cells.stream().map(String::strip).toList();
				return;
			}
			List<String> values = cells;
			if (this.sheet) {
				values = new ArrayList<>(cells);
				while (values.size() > this.header.size() && values.getLast().isBlank()) {
					values.removeLast();
				}
			}
			this.rows.add(row(number, this.header, values));
		}

		/**
		 * A cell with content at {@code column} (0-based) of {@code length} characters,
		 * before it is kept.
		 */
		void checkCell(int number, int column, int length) {
			if (column >= TableReader.this.limits.maxColumns()) {
				throw exceeded("max-columns", number,
						"a cell in column " + CellReference.convertNumToColString(column)
								+ " is further right than the "
								+ UploadLimits.count(TableReader.this.limits.maxColumns()) + " columns allowed");
			}
			checkLength(number, column, length);
		}

		/** A cell's text so far; called while a long one is still being read, too. */
		void checkLength(int number, int column, int length) {
			if (length > TableReader.this.limits.maxCellLength()) {
				throw exceeded("max-cell-length", number,
						"the cell in column " + CellReference.convertNumToColString(column) + " holds more than "
								+ UploadLimits.count(TableReader.this.limits.maxCellLength()) + " characters");
			}
		}

		private UploadLimitExceeded exceeded(String limit, int number, String message) {
			return new UploadLimitExceeded(UploadLimits.PREFIX + limit, this.origin, number, message);
		}

		/** The table read, or null when it had no row with content. */
		Table table() {
			if (this.header == null) {
				return null;
			}
			return new Table(this.name, this.origin, this.header, this.rows);
		}

		private Table.Row row(int number, List<String> header, List<String> cells) {
			Map<String, String> values = new LinkedHashMap<>();
			for (int c = 0; c < Math.min(header.size(), cells.size()); c++) {
				String value = cells.get(c).strip();
				if (!value.isEmpty()) {
					values.put(header.get(c), value);
				}
			}
			TableReader.this.cells += values.size();
			if (TableReader.this.cells > TableReader.this.limits.maxCells()) {
				throw new UploadLimitExceeded(UploadLimits.PREFIX + "max-cells", this.origin, number,
						"the upload holds more than " + UploadLimits.count(TableReader.this.limits.maxCells())
								+ " cells with content");
			}
			return new Table.Row(number, values, cells.size());
		}

	}

}
