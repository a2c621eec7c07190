package org.policygraph.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.neo4j.driver.SimpleQueryRunner;
import org.policygraph.history.ImportRun;
import org.policygraph.model.Catalogue;
import org.policygraph.model.TextCleaner;

/**
 * What an upload merged into the graph changes, table by table: each of its rows is
 * matched with the graph's row of the same key (as {@link DatasetExporter} writes the
 * graph out) and compared cell by cell, each cell read by its column's rule, so that a
 * cell the import would store the same (a blank boolean and {@code false}, a space PDF
 * extraction put inside Japanese) is no change. Rows of the graph the upload leaves out
 * are listed, never deleted.
 */
final class UploadDiff {

	private static final Set<Catalogue.Rule> LINK_ENDS = Set.of(Catalogue.Rule.REFERENCE, Catalogue.Rule.TARGET_TYPE,
			Catalogue.Rule.TARGET_KEY);

	private UploadDiff() {
	}

	/** Compares each uploaded table with the graph, in the importing transaction. */
	static List<ImportRun.TableChanges> of(SimpleQueryRunner tx, Map<String, Table> tables) {
		List<ImportRun.TableChanges> changes = new ArrayList<>();
		for (Table table : tables.values()) {
			changes.add(compare(table, DatasetExporter.rows(tx, table.name())));
		}
		return changes;
	}

	static ImportRun.TableChanges compare(Table table, List<List<String>> graphRows) {
		Catalogue.TableType type = Catalogue.table(table.name());
		List<String> columns = type.columnNames();
		List<String> keyColumns = keyColumns(type);
		Map<String, Map<String, String>> inGraph = new LinkedHashMap<>();
		for (List<String> cells : graphRows) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < columns.size(); i++) {
				row.put(columns.get(i), normal(type.column(columns.get(i)), cells.get(i)));
			}
			inGraph.putIfAbsent(key(keyColumns, row), row);
		}
		List<ImportRun.RowChange> rowChanges = new ArrayList<>();
		long added = 0;
		long changed = 0;
		long unchanged = 0;
		for (Table.Row uploaded : table.rows()) {
			Map<String, String> row = new LinkedHashMap<>();
			for (String column : columns) {
				row.put(column, normal(type.column(column), uploaded.get(column)));
			}
			String key = key(keyColumns, row);
			Map<String, String> before = inGraph.remove(key);
			List<ImportRun.CellChange> cells = new ArrayList<>();
			for (String column : columns) {
				String was = (before != null) ? before.get(column) : null;
				if (!Objects.equals(was, row.get(column))) {
					cells.add(new ImportRun.CellChange(column, was, row.get(column)));
				}
			}
			if (before == null) {
				added++;
				rowChanges.add(new ImportRun.RowChange(uploaded.number(), key, true, cells));
			}
			else if (!cells.isEmpty()) {
				changed++;
				rowChanges.add(new ImportRun.RowChange(uploaded.number(), key, false, cells));
			}
			else {
				unchanged++;
			}
		}
		return new ImportRun.TableChanges(table.name(), table.rows().size(), added, changed, unchanged, inGraph.size(),
				rowChanges, List.copyOf(inGraph.keySet()));
	}

	/**
	 * The columns that tell a table's rows apart: a node's key columns, or a link's ends
	 * (and, for a further citation, the section it cites).
	 */
	static List<String> keyColumns(Catalogue.TableType type) {
		if (type.node() != null) {
			return type.node().key();
		}
		List<String> columns = new ArrayList<>();
		for (Catalogue.Column column : type.columns()) {
			if (LINK_ENDS.contains(column.rule())) {
				columns.add(column.name());
			}
		}
		if (type.relationship().to().labels().equals(List.of("Source"))) {
			columns.add("source_id");
			columns.add("section");
		}
		return columns;
	}

	private static String key(List<String> keyColumns, Map<String, String> row) {
		List<String> cells = new ArrayList<>();
		for (String column : keyColumns) {
			cells.add(Objects.requireNonNullElse(row.get(column), ""));
		}
		return String.join("|", cells);
	}

	/** A cell as the import would read it; blank is null. */
	private static String normal(Catalogue.Column column, String cell) {
		String value = (cell == null || cell.isBlank()) ? null : cell.strip();
		return switch (column.rule()) {
			case CLEANED_TEXT -> TextCleaner.clean(value);
			case BOOLEAN -> (value == null) ? "false" : value.toLowerCase(java.util.Locale.ROOT);
			case INTEGER, DECIMAL -> number(value);
			default -> value;
		};
	}

	private static String number(String value) {
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

}
