package org.policygraph.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.policygraph.graph.SelectedDatabase;
import org.policygraph.model.Catalogue;

import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Service;

/**
 * Writes the graph back out in the dataset's own format: one CSV file per table of
 * {@link DatasetTables}, or an {@code .xlsx} workbook with one sheet per table, the forms
 * {@link DatasetImporter} reads. Importing what it writes into an empty graph gives the
 * same graph. No cell is ever a live formula: workbook cells are string cells, and a CSV
 * cell that a spreadsheet would run ({@code =}, {@code +}, {@code -}, {@code @} …) is
 * written behind an apostrophe, which the importer removes again
 * ({@link TableReader#unescapeCsvCell}).
 */
@Service
public class DatasetExporter {

	private static final CSVFormat CSV = CSVFormat.RFC4180;

	/** Every node type a {@code target_type} column may name. */
	private static final List<String> TARGET_LABELS = List.copyOf(Catalogue.TARGET_LABELS.keySet());

	private static final String TARGET_TYPE = "[label IN labels(%s) WHERE label IN $targetLabels][0]";

	/**
	 * One read statement per table of the {@link Catalogue}, returning the table's
	 * columns by name; derived properties are left out. A node file and a file of
	 * relationships between two labels are read by a statement made from their
	 * description; the two files of links to a node of any label are written out here.
	 * Labels, types and property names enter a statement only as the catalogue's, checked
	 * against its closed sets.
	 */
	private static final Map<String, String> STATEMENTS = statements();

	private final Driver driver;

	private final DatabaseSelectionProvider databaseSelection;

	public DatasetExporter(Driver driver, DatabaseSelectionProvider databaseSelection) {
		this.driver = driver;
		this.databaseSelection = databaseSelection;
	}

	/** The statement that reads a table, or null when there is none. */
	static String statement(String table) {
		return STATEMENTS.get(table);
	}

	/** The tables, in the order the importer reads them. */
	public static List<String> tableNames() {
		return List.copyOf(DatasetTables.COLUMNS.keySet());
	}

	/**
	 * Writes one table as a CSV file: UTF-8 with a byte order mark, so that Excel opens
	 * the Japanese text as such, and RFC 4180 quoting.
	 */
	public void writeCsv(String table, OutputStream out) {
		List<List<String>> rows = read(List.of(table)).get(table);
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			CSVPrinter printer = new CSVPrinter(writer, CSV);
			printer.printRecord(DatasetTables.COLUMNS.get(table));
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(DatasetExporter::escapeCsvCell).toList());
			}
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes every table, read in one transaction, as a sheet of an {@code .xlsx}
	 * workbook.
	 */
	public void writeWorkbook(OutputStream out) {
		Map<String, List<List<String>>> tables = read(tableNames());
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			tables.forEach((table, rows) -> {
				Sheet sheet = workbook.createSheet(table);
				writeRow(sheet, 0, table, DatasetTables.COLUMNS.get(table));
				for (int i = 0; i < rows.size(); i++) {
					writeRow(sheet, i + 1, table, rows.get(i));
				}
			});
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every table's rows as text cells, in column order; absent values are empty cells.
	 */
	private Map<String, List<List<String>>> read(List<String> tables) {
		for (String table : tables) {
			if (!STATEMENTS.containsKey(table)) {
				throw new IllegalArgumentException(
						"'" + table + "' is not a table of the dataset (expected one of " + tableNames() + ")");
			}
		}
		try (Session session = this.driver.session(SelectedDatabase.sessionConfig(this.databaseSelection))) {
			return session.executeRead(tx -> {
				Map<String, List<List<String>>> result = new LinkedHashMap<>();
				for (String table : tables) {
					result.put(table, rows(tx, table));
				}
				return result;
			});
		}
	}

	/**
	 * A table's rows as the graph holds them, in the caller's transaction; an upload is
	 * compared with them.
	 */
	static List<List<String>> rows(SimpleQueryRunner tx, String table) {
		List<String> columns = DatasetTables.COLUMNS.get(table);
		List<List<String>> rows = new ArrayList<>();
		tx.run(STATEMENTS.get(table), Map.of("targetLabels", TARGET_LABELS)).forEachRemaining(record -> {
			List<String> row = new ArrayList<>(columns.size());
			for (String column : columns) {
				row.add(text(record.get(column)));
			}
			rows.add(row);
		});
		return rows;
	}

	private static String text(Value value) {
		if (value.isNull()) {
			return "";
		}
		Object object = value.asObject();
		if (object instanceof Double number) {
			// A unit's multiplier: 1.0E8 is written as the 100000000 a person would type.
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(object);
	}

	private static void writeRow(Sheet sheet, int index, String table, List<String> cells) {
		Row row = sheet.createRow(index);
		for (int c = 0; c < cells.size(); c++) {
			String cell = cells.get(c);
			if (cell.length() > SpreadsheetVersion.EXCEL2007.getMaxTextLength()) {
				throw new IllegalStateException(table + ", row " + (index + 1) + ", column "
						+ DatasetTables.COLUMNS.get(table).get(c) + ": " + cell.length()
						+ " characters do not fit an .xlsx cell (" + SpreadsheetVersion.EXCEL2007.getMaxTextLength()
						+ " at most); export this table as CSV");
			}
			if (!cell.isEmpty()) {
				// A string cell is text to every spreadsheet, whatever it starts with;
				// never a formula.
				row.createCell(c).setCellValue(cell);
			}
		}
	}

	/**
	 * A cell a spreadsheet would take for a formula (OWASP's list: {@code = + - @}, tab,
	 * carriage return, and the full-width forms Japanese input produces) or one that
	 * starts with the escape itself gets an apostrophe in front.
	 */
	static String escapeCsvCell(String cell) {
		if (!cell.isEmpty() && "=+-@\t\r'＝＋－＠".indexOf(cell.charAt(0)) >= 0) {
			return "'" + cell;
		}
		return cell;
	}

	private static Map<String, String> statements() {
		Map<String, String> s = new LinkedHashMap<>();
		s.put("policy_issue_links", """
				MATCH (issue:PolicyIssue)-[r:CONCERNS]->(target)
				RETURN issue.key AS issue_key, %s AS target_type, target.key AS target_key, r.sourceId AS source_id,
				       r.section AS section, r.evidence AS evidence
				ORDER BY issue_key, target_type, target_key""".formatted(TARGET_TYPE.formatted("target")));
		// A node's citation of the place its own row came from is written by that row;
		// the others are mentions.
		s.put("mentions", """
				MATCH (target)-[c:CITED_IN]->(source:Source)
				WHERE any(label IN labels(target) WHERE label IN $targetLabels)
				  AND NOT (source.key = target.sourceId AND c.section = target.section)
				RETURN %s AS target_type, target.key AS target_key, source.key AS source_id, c.section AS section,
				       c.evidence AS evidence
				ORDER BY target_type, target_key, source_id, section""".formatted(TARGET_TYPE.formatted("target")));
		Map<String, String> statements = new LinkedHashMap<>();
		for (Catalogue.TableType table : Catalogue.TABLES) {
			String statement = s.containsKey(table.name()) ? s.get(table.name())
					: (table.node() != null) ? nodes(table) : relationship(table);
			if (statement == null) {
				throw new IllegalStateException("no export statement reads the table " + table.name());
			}
			statements.put(table.name(), statement);
		}
		for (String table : s.keySet()) {
			if (!statements.containsKey(table)) {
				throw new IllegalStateException(
						"the export statement of " + table + " reads no table of the catalogue");
			}
		}
		return statements;
	}

	/**
	 * A node file: each column with a property read from the node ({@code n.key} for its
	 * key, the text as written for a period or a figure), each reference from the node at
	 * the other end of its relationship (a target's label from {@code target_type}). A
	 * node whose key is made of several columns exists only with its relationship; one
	 * with a key of its own may lack a reference.
	 */
	static String nodes(Catalogue.TableType table) {
		Catalogue.NodeType node = table.node();
		StringBuilder statement = new StringBuilder("MATCH (n:").append(Catalogue.label(node.label())).append(")");
		Map<String, String> read = new LinkedHashMap<>();
		List<Catalogue.RelationshipType> relationships = table.relationships();
		for (int i = 0; i < relationships.size(); i++) {
			Catalogue.RelationshipType type = relationships.get(i);
			boolean outgoing = own(node, type.from());
			Catalogue.End other = outgoing ? type.to() : type.from();
			String variable = "e" + i;
			String end = other.polymorphic() ? variable : variable + ":" + Catalogue.label(other.label());
			String relationship = "-[:" + Catalogue.relationshipType(type.type()) + "]->";
			statement.append(node.ownKey() ? "\nOPTIONAL MATCH " : "\nMATCH ")
				.append(outgoing ? "(n)" + relationship + "(" + end + ")" : "(" + end + ")" + relationship + "(n)");
			read.put(other.column(), variable + ".key");
			if (other.polymorphic()) {
				read.put("target_type", TARGET_TYPE.formatted(variable));
			}
		}
		List<String> columns = new ArrayList<>();
		for (Catalogue.Column column : table.columns()) {
			String expression = (column.property() != null) ? "n." + Catalogue.property(column.property())
					: read.get(column.name());
			if (expression == null) {
				throw new IllegalStateException(
						table.name() + "." + column.name() + " is neither a property nor a reference");
			}
			columns.add(expression + " AS " + column.name());
		}
		return statement.append("\nRETURN ")
			.append(String.join(", ", columns))
			.append(node.ordinal() ? "\nORDER BY n.ordinal, n.key" : "\nORDER BY n.key")
			.toString();
	}

	/** Whether an end of a relationship is the node of its own row. */
	private static boolean own(Catalogue.NodeType node, Catalogue.End end) {
		return end.column() == null || (node.ownKey() && end.column().equals(node.key().getFirst()));
	}

	/**
	 * A file of relationships between two labels: its two key columns, its relationship's
	 * properties, then the provenance; null for any other file.
	 */
	static String relationship(Catalogue.TableType table) {
		if (table.node() != null || table.relationships().size() != 1) {
			return null;
		}
		Catalogue.RelationshipType type = table.relationship();
		if (type.from().polymorphic() || type.to().polymorphic()) {
			return null;
		}
		StringBuilder properties = new StringBuilder();
		for (Catalogue.Column column : type.properties()) {
			properties.append("r.")
				.append(Catalogue.property(column.property()))
				.append(" AS ")
				.append(column.name())
				.append(", ");
		}
		return """
				MATCH (a:%s)-[r:%s]->(b:%s)
				RETURN a.key AS %s, b.key AS %s, %sr.sourceId AS source_id, r.section AS section
				ORDER BY %s, %s""".formatted(Catalogue.label(type.from().label()),
				Catalogue.relationshipType(type.type()), Catalogue.label(type.to().label()), type.from().column(),
				type.to().column(), properties, type.from().column(), type.to().column());
	}

}
