package org.policygraph.importing;

import java.util.List;
import java.util.Map;

/**
 * One file of a dataset (a CSV file or a workbook sheet) as read, before validation.
 *
 * @param name the file's table name, e.g. {@code programs}
 * @param origin how problems name it, e.g. {@code programs.csv} or
 * {@code workbook.xlsx[programs]}
 * @param header the column names in file order
 * @param rows the data rows
 */
public record Table(String name, String origin, List<String> header, List<Row> rows) {

	/**
	 * A data row.
	 *
	 * @param number the 1-based row number in the file (the header is row 1)
	 * @param values cell values by column name; blank cells are absent
	 * @param cellCount how many cells the row had
	 */
	public record Row(int number, Map<String, String> values, int cellCount) {

		public String get(String column) {
			return this.values.get(column);
		}

	}

}
