package org.policygraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaRenderer;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.SharedFormula;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.policygraph.errors.Sizes;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an {@code .xlsx} workbook sheet by sheet as a stream of XML events, keeping only
 * the cells' text: a sheet is never held in memory as a whole, as POI's in-memory
 * workbook holds it (with many times its size in objects). The cells come out as the
 * in-memory workbook and {@link CellText} always gave them: a formula cell as its
 * formula, a number or date in its format, rows without content skipped. The
 * {@link UploadLimits} are checked before a part is read (from the sizes the zip
 * declares, and the number of sheets) and while it is read.
 */
final class WorkbookReader {

	private static final String UNREADABLE = "the file is damaged or is not an .xlsx workbook";

	private final TableReader reader;

	private final UploadLimits limits;

	private final String fileName;

	private final List<String> sheetNames = new ArrayList<>();

	/**
	 * Made only when a shared formula needs translating, to parse formulas that name
	 * sheets.
	 */
	private XSSFWorkbook formulaWorkbook;

	WorkbookReader(TableReader reader, String fileName) {
		this.reader = reader;
		this.limits = reader.limits();
		this.fileName = fileName;
	}

	List<Table> read(byte[] bytes, List<ImportProblem> problems) {
		List<Table> tables = new ArrayList<>();
		WorkbookArchive archive = null;
		SheetHandler sheet = null;
		OPCPackage pkg = null;
		try {
			archive = new WorkbookArchive(this.fileName, bytes, this.limits);
			pkg = OPCPackage.open(archive);
			PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
				.getRelationship(0);
			if (core == null) {
				throw new IllegalStateException("the workbook has no main part");
			}
			PackagePart workbookPart = pkg.getPart(core);
			WorkbookIndex index = new WorkbookIndex();
			parse(workbookPart, index);
			if (index.sheets.size() > this.limits.maxSheets()) {
				throw new UploadLimitExceeded(UploadLimits.PREFIX + "max-sheets", this.fileName, 0,
						"the workbook has " + UploadLimits.count(index.sheets.size()) + " sheets, more than the "
								+ UploadLimits.count(this.limits.maxSheets()) + " allowed");
			}
			Map<String, PackagePart> parts = new HashMap<>();
			for (String[] ref : index.sheets) {
				PackageRelationship relationship = workbookPart.getRelationship(ref[1]);
				PackagePart part = (relationship != null) ? workbookPart.getRelatedPart(relationship) : null;
				// as POI's workbook: a sheet listed without its part is left out
				if (part != null) {
					checkDeclared(archive, part, "the sheet '" + ref[0] + "'");
					parts.put(ref[0], part);
					this.sheetNames.add(ref[0]);
				}
			}
			List<PackagePart> stringsParts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
			for (PackagePart part : stringsParts) {
				checkDeclared(archive, part, "the shared texts");
			}
			List<PackagePart> stylesParts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
			StylesTable styles = stylesParts.isEmpty() ? new StylesTable() : new StylesTable(stylesParts.getFirst());
			ReadOnlySharedStringsTable strings = null;
			if (!stringsParts.isEmpty()) {
				archive.readingStreamed("the shared texts");
				// phonetic guides (furigana) are not part of a cell's text, as in POI's
				// workbook
				strings = new ReadOnlySharedStringsTable(stringsParts.getFirst(), false);
			}
			CellText text = new CellText(styles, index.date1904);
			for (String name : this.sheetNames) {
				String origin = this.fileName + "[" + name + "]";
				archive.readingStreamed("the sheet '" + name + "'");
				TableReader.Rows rows = this.reader.new Rows(name, origin, "the sheet", true);
				sheet = new SheetHandler(rows, text, strings, this.sheetNames.indexOf(name));
				parse(parts.get(name), sheet);
				sheet = null;
				Table table = rows.table();
				if (table == null) {
					problems.add(new ImportProblem(origin, 0, null, ImportProblem.Code.EMPTY_FILE,
							"the sheet is empty: it needs at least a header row"));
				}
				else {
					tables.add(table);
				}
			}
			return tables;
		}
		catch (IOException | SAXException | RuntimeException
				| org.apache.poi.openxml4j.exceptions.OpenXML4JException ex) {
			UploadLimitExceeded exceeded = UploadLimitExceeded.in(ex);
			if (exceeded == null && archive != null && archive.exceeded() != null) {
				exceeded = archive.exceeded();
				if (sheet != null) {
					String origin = sheet.rows.origin();
					exceeded = new UploadLimitExceeded(exceeded.limit(), origin, sheet.rowNumber, exceeded.reason());
				}
			}
			if (exceeded != null) {
				throw exceeded;
			}
			problems.add(new ImportProblem(this.fileName, 0, null, ImportProblem.Code.UNREADABLE_FILE,
					"not a readable .xlsx workbook: " + TableReader.reason(ex, UNREADABLE)));
			return List.of();
		}
		finally {
			if (pkg != null) {
				pkg.revert();
			}
			closeQuietly(archive);
			closeQuietly(this.formulaWorkbook);
		}
	}

	/** A streamed part's size as the zip declares it, before it is read. */
	private void checkDeclared(WorkbookArchive archive, PackagePart part, String what) {
		long declared = archive.declaredSize(part.getPartName().getName());
		if (declared > this.limits.maxEntrySize().toBytes()) {
			throw new UploadLimitExceeded(UploadLimits.PREFIX + "max-entry-size", this.fileName, 0,
					what + " inflates to " + Sizes.megabytes(declared) + ", more than the "
							+ Sizes.megabytes(this.limits.maxEntrySize().toBytes()) + " allowed");
		}
	}

	private static void parse(PackagePart part, ContentHandler handler) throws IOException, SAXException {
		XMLReader xml;
		try {
			// POI's parser settings: no document type declarations, so no external or
			// expanding entities
			xml = XMLHelper.newXMLReader();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
		xml.setContentHandler(handler);
		try (InputStream in = part.getInputStream()) {
			xml.parse(new InputSource(in));
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// read only; nothing to keep
			}
		}
	}

	/**
	 * The sheets in the workbook's order, as (name, relationship id), and its date
	 * system.
	 */
	private static final class WorkbookIndex extends DefaultHandler {

		private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

		final List<String[]> sheets = new ArrayList<>();

		boolean date1904;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if (localName.equals("sheet")) {
				String id = attributes.getValue(RELATIONSHIPS, "id");
				if (id != null && !id.isEmpty()) {
					this.sheets.add(new String[] { attributes.getValue("name"), id });
				}
			}
			else if (localName.equals("workbookPr")) {
				String value = attributes.getValue("date1904");
				this.date1904 = "1".equals(value) || "true".equals(value);
			}
		}

	}

	/** One sheet's XML, cell by cell, into {@link TableReader.Rows}. */
	private final class SheetHandler extends DefaultHandler {

		final TableReader.Rows rows;

		private final CellText text;

		private final ReadOnlySharedStringsTable strings;

		private final int sheetIndex;

		private final List<String> cells = new ArrayList<>();

		private final Map<String, SharedMaster> sharedFormulas = new HashMap<>();

		private final List<ArrayFormula> arrayFormulas = new ArrayList<>();

		int rowNumber;

		private int lastRowNumber;

		private int column;

		private int lastColumn;

		private String type;

		private String style;

		private final StringBuilder value = new StringBuilder();

		private final StringBuilder inline = new StringBuilder();

		private final StringBuilder formula = new StringBuilder();

		private boolean inValue;

		private boolean inInline;

		private boolean inInlineText;

		private int phoneticDepth;

		private boolean inFormula;

		private boolean hasFormula;

		private boolean hasInline;

		private String formulaType;

		private String formulaRef;

		private String formulaSi;

		SheetHandler(TableReader.Rows rows, CellText text, ReadOnlySharedStringsTable strings, int sheetIndex) {
			this.rows = rows;
			this.text = text;
			this.strings = strings;
			this.sheetIndex = sheetIndex;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					// as POI's workbook: a row without a number follows the last one
					this.rowNumber = (r != null) ? Integer.parseInt(r) : this.lastRowNumber + 1;
					this.lastRowNumber = Math.max(this.lastRowNumber, this.rowNumber);
					this.cells.clear();
					this.lastColumn = -1;
				}
				case "c" -> {
					String r = attributes.getValue("r");
					this.column = (r != null) ? new CellReference(r).getCol() : this.lastColumn + 1;
					this.type = attributes.getValue("t");
					this.style = attributes.getValue("s");
					this.value.setLength(0);
					this.inline.setLength(0);
					this.formula.setLength(0);
					this.hasFormula = false;
					this.hasInline = false;
				}
				case "v" -> this.inValue = true;
				case "is" -> {
					this.inInline = true;
					this.hasInline = true;
				}
				case "t" -> this.inInlineText = this.inInline && this.phoneticDepth == 0;
				case "rPh" -> this.phoneticDepth++;
				case "f" -> {
					this.inFormula = true;
					this.hasFormula = true;
					this.formulaType = attributes.getValue("t");
					this.formulaRef = attributes.getValue("ref");
					this.formulaSi = attributes.getValue("si");
				}
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			StringBuilder into = this.inValue ? this.value
					: this.inInlineText ? this.inline : this.inFormula ? this.formula : null;
			if (into != null) {
				into.append(ch, start, length);
				// stop a cell that will not fit before all of it is in memory
				this.rows.checkLength(this.rowNumber, this.column, into.length());
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v" -> this.inValue = false;
				case "t" -> this.inInlineText = false;
				case "is" -> this.inInline = false;
				case "rPh" -> this.phoneticDepth--;
				case "f" -> this.inFormula = false;
				case "c" -> endCell();
				case "row" -> this.rows.add(this.rowNumber, this.cells);
				default -> {
				}
			}
		}

		private void endCell() {
			String cell = cellText();
			this.lastColumn = this.column;
			if (this.column >= WorkbookReader.this.limits.maxColumns()) {
				if (!cell.isBlank()) {
					this.rows.checkCell(this.rowNumber, this.column, cell.length());
				}
				return;
			}
			while (this.cells.size() <= this.column) {
				this.cells.add("");
			}
			this.cells.set(this.column, cell);
		}

		/**
		 * The cell's text as {@code DataFormatter} gave it for POI's workbook, without
		 * evaluating formulas.
		 */
		private String cellText() {
			if (this.hasFormula && !"dataTable".equals(this.formulaType)) {
				return formulaText();
			}
			for (ArrayFormula array : this.arrayFormulas) {
				if (array.range().isInRange(this.rowNumber - 1, this.column)) {
					return array.formula();
				}
			}
			String raw = this.value.toString();
			return switch ((this.type != null) ? this.type : "n") {
				case "n" -> this.text.number(raw, this.style);
				case "s" -> sharedText(raw);
				case "inlineStr" -> CellText.text(this.hasInline ? this.inline.toString() : raw);
				case "str" -> CellText.text(raw);
				case "b" -> CellText.bool(raw);
				case "e" -> CellText.error(raw);
				default -> throw new IllegalStateException("a cell of the unknown type '" + this.type + "'");
			};
		}

		private String sharedText(String raw) {
			if (raw.isEmpty()) {
				return "";
			}
			if (this.strings == null) {
				throw new IllegalStateException("a cell refers to a shared text, but the workbook has none");
			}
			try {
				return CellText.text(this.strings.getItemAt(Integer.parseInt(raw)).getString());
			}
			catch (IllegalStateException | IndexOutOfBoundsException ex) {
				// POI's own message lists every shared text
				throw new IllegalStateException("a cell refers to a shared text the workbook does not have");
			}
		}

		private String formulaText() {
			String own = this.formula.toString();
			if ("array".equals(this.formulaType) && this.formulaRef != null) {
				this.arrayFormulas.add(new ArrayFormula(CellRangeAddress.valueOf(this.formulaRef), own));
				return own;
			}
			if (!"shared".equals(this.formulaType)) {
				return own;
			}
			if (this.formulaRef != null && !own.isEmpty()) {
				// as POI's sheet: a range that starts before its master cell starts at
				// the master
				CellRangeAddress range = CellRangeAddress.valueOf(this.formulaRef);
				int row = this.rowNumber - 1;
				this.sharedFormulas.put(this.formulaSi,
						new SharedMaster(own, new CellRangeAddress(Math.max(row, range.getFirstRow()),
								Math.max(row, range.getLastRow()), Math.max(this.column, range.getFirstColumn()),
								Math.max(this.column, range.getLastColumn()))));
			}
			SharedMaster master = this.sharedFormulas.get(this.formulaSi);
			if (master == null) {
				throw new IllegalStateException("a cell shares the formula of a cell the sheet does not have");
			}
			return translate(master, this.rowNumber - 1, this.column);
		}

		/**
		 * The shared formula as it reads in this cell, moved by the cell's distance from
		 * the master (as POI does).
		 */
		private String translate(SharedMaster master, int row, int column) {
			try {
				XSSFEvaluationWorkbook book = XSSFEvaluationWorkbook.create(formulaWorkbook());
				var parsed = FormulaParser.parse(master.formula(), book, FormulaType.CELL, this.sheetIndex, row);
				var moved = new SharedFormula(SpreadsheetVersion.EXCEL2007).convertSharedFormulas(parsed,
						row - master.range().getFirstRow(), column - master.range().getFirstColumn());
				return FormulaRenderer.toFormulaString(book, moved);
			}
			catch (RuntimeException ex) {
				// a formula naming what this reader does not know (a defined name): as
				// written in the master cell
				return master.formula();
			}
		}

	}

	private XSSFWorkbook formulaWorkbook() {
		if (this.formulaWorkbook == null) {
			this.formulaWorkbook = new XSSFWorkbook();
			this.sheetNames.forEach(this.formulaWorkbook::createSheet);
		}
		return this.formulaWorkbook;
	}

	private record SharedMaster(String formula, CellRangeAddress range) {
	}

	private record ArrayFormula(CellRangeAddress range, String formula) {
	}

}
