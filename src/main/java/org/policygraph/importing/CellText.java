package org.policygraph.importing;

import java.lang.reflect.Proxy;
import java.util.Date;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * The text of a workbook cell, as the importer has always read it: what POI's
 * {@link DataFormatter} shows for the cell without evaluating formulas (a number or date
 * in its cell's format, {@code TRUE}/{@code FALSE}, an error's code). The cells come from
 * a streamed sheet, not from POI's in-memory workbook, so the formatter is handed a
 * stand-in cell that answers the few questions it asks (its type, value, style and the
 * workbook's date system): the formatting rules stay POI's, not a copy of them.
 */
final class CellText {

	private final DataFormatter formatter = new DataFormatter();

	private final StylesTable styles;

	private final Sheet sheet;

	CellText(StylesTable styles, boolean date1904) {
		this.styles = styles;
		Workbook workbook = (Workbook) Proxy.newProxyInstance(CellText.class.getClassLoader(),
				new Class<?>[] { Workbook.class, Date1904Support.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "isDate1904" -> date1904;
					default -> throw new UnsupportedOperationException(method.getName());
				});
		this.sheet = (Sheet) Proxy.newProxyInstance(CellText.class.getClassLoader(), new Class<?>[] { Sheet.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "getWorkbook" -> workbook;
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	/**
	 * A number cell ({@code t="n"} or none): its raw value in the format of its style
	 * ({@code s}, or none).
	 */
	String number(String raw, String styleIndex) {
		if (raw == null || raw.isEmpty()) {
			return "";
		}
		double value = Double.parseDouble(raw);
		CellStyle style = style(styleIndex);
		Cell cell = (Cell) Proxy.newProxyInstance(CellText.class.getClassLoader(), new Class<?>[] { Cell.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "getCellType" -> CellType.NUMERIC;
					case "getNumericCellValue" -> value;
					case "getDateCellValue" ->
						(Date) DateUtil.getJavaDate(value, ((Date1904Support) this.sheet.getWorkbook()).isDate1904());
					case "getCellStyle" -> style;
					case "getSheet" -> this.sheet;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
		return this.formatter.formatCellValue(cell);
	}

	/**
	 * As POI's cell reads a style: the cell's own, or the workbook's first when it names
	 * none.
	 */
	private CellStyle style(String styleIndex) {
		if (this.styles.getNumCellStyles() == 0) {
			return null;
		}
		return this.styles.getStyleAt((styleIndex != null) ? Integer.parseInt(styleIndex) : 0);
	}

	/** A boolean cell: only {@code 1} is true. */
	static String bool(String raw) {
		return "1".equals(raw) ? "TRUE" : "FALSE";
	}

	/**
	 * An error cell ({@code #N/A}, {@code #DIV/0!} ...); a code that is none makes the
	 * workbook unreadable.
	 */
	static String error(String raw) {
		FormulaError error = (raw == null || raw.isEmpty()) ? FormulaError.forInt(0) : FormulaError.forString(raw);
		return error.getString();
	}

	/**
	 * A text as stored, with the {@code _xHHHH_} escapes of characters XML cannot hold
	 * decoded.
	 */
	static String text(String stored) {
		return stored.contains("_x") ? new XSSFRichTextString(stored).getString() : stored;
	}

}
