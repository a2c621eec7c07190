package org.policygraph.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.SimpleQueryRunner;
import org.policygraph.graph.Hierarchies;
import org.policygraph.importing.ImportProblem.Code;
import org.policygraph.model.BudgetRow;
import org.policygraph.model.Catalogue;
import org.policygraph.model.Figure;
import org.policygraph.model.Figures;
import org.policygraph.model.FiscalYears;
import org.policygraph.model.ObservationRow;
import org.policygraph.model.Period;
import org.policygraph.model.RuleProblem;
import org.policygraph.model.SearchText;
import org.policygraph.model.TextCleaner;
import org.policygraph.model.Unit;

/**
 * Checks every row of a dataset and turns it into graph writes. Collects every problem
 * rather than stopping at the first; the writes are only used when there is none.
 */
final class DatasetValidator {

	private final Map<String, Table> tables;

	private final List<ImportProblem> problems;

	private final GraphWrites writes = new GraphWrites();

	/** Keys of each node file, collected before relationships are checked. */
	private final Map<String, Set<String>> keys = new HashMap<>();

	private final Map<String, Period> planPeriods = new HashMap<>();

	private Figures figures;

	/**
	 * Each hierarchy's rows (child, parent), with the row and column that gave the
	 * parent, for the cycle rule.
	 */
	private final Map<Hierarchies.Hierarchy, List<HierarchyEdge>> hierarchyEdges = new LinkedHashMap<>();

	private record HierarchyEdge(String child, String parent, Table.Row row, String column) {
	}

	/**
	 * What the graph holds that rows may refer to: nothing for a whole dataset, the
	 * graph's keys for an upload merged into it.
	 */
	private final GraphKeys graph;

	DatasetValidator(Map<String, Table> tables, List<ImportProblem> problems) {
		this(tables, problems, GraphKeys.NONE);
	}

	DatasetValidator(Map<String, Table> tables, List<ImportProblem> problems, GraphKeys graph) {
		this.tables = tables;
		this.problems = problems;
		this.graph = graph;
		this.planPeriods.putAll(graph.planPeriods());
		graph.aliasNames().forEach((node, names) -> this.aliasNames.put(node, new ArrayList<>(names)));
	}

	GraphWrites validate() {
		// every node file with a key column of its own
		Catalogue.TABLES.stream()
			.filter(t -> t.node() != null && t.node().ownKey())
			.forEach(t -> collectKeys(t.name(), t.node().key().getFirst()));
		for (Catalogue.TableType table : Catalogue.TABLES) {
			if (table.node() != null) {
				nodes(table);
			}
			else if (table.name().equals("mentions")) {
				mentions();
			}
			else {
				relationships(table.name());
			}
		}
		searchProperties();
		hierarchyCycles();
		return this.writes;
	}

	// --- node files
	// -------------------------------------------------------------------------------------------

	/**
	 * A row of a node file: its cells read by their columns' rules (null where blank or
	 * refused) and the properties the node gets.
	 */
	private static final class NodeRow {

		private final Table.Row row;

		private final Map<String, Object> cells;

		private final Map<String, Object> properties;

		/** The record a hook built from the row, when its file has one. */
		private Object record;

		NodeRow(Table.Row row, Map<String, Object> cells, Map<String, Object> properties) {
			this.row = row;
			this.cells = cells;
			this.properties = properties;
		}

		Table.Row row() {
			return this.row;
		}

		Map<String, Object> cells() {
			return this.cells;
		}

		Map<String, Object> properties() {
			return this.properties;
		}

		String text(String column) {
			return (String) this.cells.get(column);
		}

	}

	/**
	 * What a node file needs beyond its columns' rules. Most files need nothing; a file
	 * that does names it in {@link #hooks()}.
	 *
	 * @param row checks the rules between a row's cells and adds the properties they
	 * derive, once every cell is valid; may report problems
	 * @param key the node's key when it is not the catalogue's key columns joined by
	 * {@code |}
	 * @param duplicate where and how a second row with the same key is refused (column,
	 * message), for a file whose key is made of several columns; null to merge such rows
	 * @param afterFile runs once the file is read
	 */
	private record Hook(Consumer<NodeRow> row, Function<NodeRow, String> key,
			Function<NodeRow, Map.Entry<String, String>> duplicate, Runnable afterFile) {

		static final Hook NONE = new Hook(r -> {
		}, r -> null, null, () -> {
		});

		Hook withRow(Consumer<NodeRow> row) {
			return new Hook(row, this.key, this.duplicate, this.afterFile);
		}

		Hook withKey(Function<NodeRow, String> key) {
			return new Hook(this.row, key, this.duplicate, this.afterFile);
		}

		Hook withDuplicate(Function<NodeRow, Map.Entry<String, String>> duplicate) {
			return new Hook(this.row, this.key, duplicate, this.afterFile);
		}

		Hook withAfterFile(Runnable afterFile) {
			return new Hook(this.row, this.key, this.duplicate, afterFile);
		}

	}

	/** The node files that need more than their columns' rules, each with what. */
	private Map<String, Hook> hooks() {
		Map<String, Hook> hooks = new LinkedHashMap<>();
		// units are what figures are read with: the upload's, and for an upload merged
		// into the graph, the graph's it does not change
		Map<String, Unit> units = new LinkedHashMap<>();
		hooks
			.put("units",
					Hook.NONE
						.withRow(r -> units.put(r.text("unit"), new Unit(r.text("unit"), r.text("base_unit"),
								(BigDecimal) r.cells().get("multiplier"), r.text("kind"), r.text("name_en"))))
						.withAfterFile(() -> {
							this.graph.units().forEach(units::putIfAbsent);
							this.figures = new Figures(units);
						}));
		// a source's key is also its sourceId
		hooks.put("sources", Hook.NONE.withRow(r -> r.properties().put("sourceId", r.text("source_id"))));
		hooks.put("plans", Hook.NONE.withRow(this::planPeriod));
		hooks.put("milestones", Hook.NONE.withRow(DatasetValidator::milestonePeriod));
		hooks.put("observations", Hook.NONE.withRow(this::observation)
			.withKey(r -> ((ObservationRow) r.record).key())
			.withDuplicate(r -> Map.entry("period", "a second " + r.text("kind") + " of " + r.text("kpi_key")
					+ " for period '" + ((Period) r.cells().get("period")).text() + "' from " + r.text("source_id"))));
		hooks.put("budgets",
				Hook.NONE.withRow(this::budget)
					.withKey(r -> ((BudgetRow) r.record).key())
					.withDuplicate(r -> Map.entry("period", "a second budget of " + r.text("program_key")
							+ " for fiscal year " + ((Period) r.cells().get("period")).fiscalYear())));
		hooks.put("policy_issues", Hook.NONE.withRow(this::policyIssue));
		// statements a document makes about a node that fit no column of its own
		hooks.put("notes", Hook.NONE.withDuplicate(r -> Map.entry("topic",
				"a second " + r.text("topic") + " note on " + r.text("target_key") + " from the same section")));
		// other names a document gives a node (別表記), spelt as there; a name is listed
		// once per place that gives it
		hooks.put("aliases",
				Hook.NONE
					.withRow(r -> this.aliasNames
						.computeIfAbsent(r.text("target_type") + "|" + r.text("target_key"), k -> new ArrayList<>())
						.add(r.text("name")))
					.withDuplicate(r -> Map.entry("name", "the alias " + r.text("name") + " of " + r.text("target_key")
							+ " is listed twice for the same section")));
		return hooks;
	}

	private Map<String, Hook> hooks;

	/**
	 * A node file as the catalogue describes it: every cell checked by its column's rule,
	 * every column with a property written to the node, every reference made into the
	 * relationship the catalogue names, and the node cited by its source.
	 */
	private void nodes(Catalogue.TableType table) {
		if (this.hooks == null) {
			this.hooks = hooks();
		}
		Hook hook = this.hooks.getOrDefault(table.name(), Hook.NONE);
		Catalogue.NodeType node = table.node();
		Set<String> seen = new HashSet<>();
		int[] ordinal = { 0 };
		each(table.name(), r -> {
			ordinal[0]++;
			int before = this.problems.size();
			Map<String, Object> cells = new HashMap<>();
			for (Catalogue.Column column : table.columns()) {
				cells.put(column.name(), cell(r, column, cells));
			}
			if (this.problems.size() > before) {
				return;
			}
			Map<String, Object> p = new LinkedHashMap<>();
			for (Catalogue.Column column : table.columns()) {
				properties(p, column, cells.get(column.name()));
			}
			if (node.ordinal()) {
				p.put("ordinal", ordinal[0]);
			}
			NodeRow row = new NodeRow(r, cells, p);
			hook.row().accept(row);
			if (this.problems.size() > before) {
				return;
			}
			String key = hook.key().apply(row);
			if (key == null) {
				key = String.join("|", node.key().stream().map(row::text).toList());
			}
			if (!node.ownKey() && hook.duplicate() != null && !seen.add(key)) {
				Map.Entry<String, String> duplicate = hook.duplicate().apply(row);
				problem(r, duplicate.getKey(), Code.DUPLICATE_KEY, duplicate.getValue());
				return;
			}
			this.writes.nodes(node.label()).add(node(key, p));
			for (Catalogue.RelationshipType type : table.relationships()) {
				nodeRelationship(row, key, type);
			}
			if (table.columns().stream().anyMatch(c -> c.rule() == Catalogue.Rule.SOURCE)) {
				citation(node.label(), key, r);
			}
		});
		hook.afterFile().run();
	}

	/**
	 * A relationship a node's row makes through a reference: skipped when the reference
	 * is blank.
	 */
	private void nodeRelationship(NodeRow row, String key, Catalogue.RelationshipType type) {
		String from = end(row, key, type.from());
		String to = end(row, key, type.to());
		if (from == null || to == null) {
			return;
		}
		String fromLabel = type.from().polymorphic() ? row.text("target_type") : type.from().label();
		String toLabel = type.to().polymorphic() ? row.text("target_type") : type.to().label();
		Map<String, Object> p = new LinkedHashMap<>();
		for (Catalogue.Column column : type.properties()) {
			p.put(column.property(), row.cells().get(column.name()));
		}
		this.writes.relationships(type.type(), fromLabel, toLabel).add(rel(from, to, provenanceProps(p, row.row())));
		hierarchyEdge(fromLabel, type.type(), toLabel, from, to, row.row(), type.to().column());
	}

	/** The key of a relationship's end: a reference's, or the row's own node's. */
	private static String end(NodeRow row, String key, Catalogue.End end) {
		return (end.column() != null) ? row.text(end.column()) : key;
	}

	/**
	 * A cell read by its column's rule, each problem named at the column; null when blank
	 * or refused. A period and a figure are read whether blank or not: their own rules
	 * say whether they may be blank.
	 */
	private Object cell(Table.Row r, Catalogue.Column column, Map<String, Object> cells) {
		String name = column.name();
		return switch (column.rule()) {
			case KEY -> r.get(name); // checked with every key of its file
			case TEXT, CLEANED_TEXT, SECTION -> column.required() ? required(r, name) : r.get(name);
			case ENUM -> enumValue(r, column);
			case INTEGER -> integer(r, name, column.required());
			case DECIMAL -> decimal(r, name);
			case BOOLEAN -> bool(r, name);
			case PERIOD -> period(r, name);
			case FIGURE -> optionalFigure(r, name);
			case REFERENCE, SOURCE -> column.required() ? reference(r, name, column.referencedTable())
					: optionalReference(r, name, column.referencedTable());
			case TARGET_TYPE -> targetLabel(r);
			case TARGET_KEY -> (cells.get("target_type") != null)
					? reference(r, name, Catalogue.TARGET_LABELS.get((String) cells.get("target_type"))) : null;
		};
	}

	/** The properties a valid cell becomes, by its column's rule. */
	private static void properties(Map<String, Object> p, Catalogue.Column column, Object cell) {
		if (column.property() == null || column.rule() == Catalogue.Rule.KEY) {
			return;
		}
		switch (column.rule()) {
			case CLEANED_TEXT -> p.put(column.property(), clean((String) cell));
			case DECIMAL -> p.put(column.property(), ((BigDecimal) cell).doubleValue());
			case PERIOD -> p.put(column.property(), ((Period) cell).text().isEmpty() ? null : ((Period) cell).text());
			case FIGURE -> {
				p.putAll(Figure.properties((Figure) cell));
				p.put(column.property(), (cell != null) ? ((Figure) cell).text() : null);
			}
			default -> p.put(column.property(), cell);
		}
	}

	/** A plan's period as its first and last fiscal year, kept for its policy issues. */
	private void planPeriod(NodeRow r) {
		Period period = (Period) r.cells().get("period");
		this.planPeriods.put(r.text("plan_key"), period);
		r.properties().putAll(period.properties("fiscalYearFrom", "fiscalYearTo"));
	}

	/** A milestone's date as its fiscal year(s) and month, beside the text as written. */
	private static void milestonePeriod(NodeRow r) {
		Period period = (Period) r.cells().get("period");
		if (period != null) {
			r.properties().putAll(period.properties("fiscalYear", "fiscalYearTo"));
		}
	}

	/** An observation's properties are its record's ({@link ObservationRow}). */
	private void observation(NodeRow r) {
		broken(r.row(), ObservationRow.check(r.text("kind"), r.text("target_type"), r.row().get("figure") != null,
				r.text("qualitative")));
		ObservationRow row = new ObservationRow(r.text("kpi_key"), r.text("kind"), r.text("target_type"),
				(Period) r.cells().get("period"), (Figure) r.cells().get("figure"), r.text("qualitative"),
				r.text("text"), r.text("source_id"), r.text("section"));
		r.record = row;
		r.properties().clear();
		r.properties().putAll(row.properties());
	}

	/** A budget's properties are its record's ({@link BudgetRow}). */
	private void budget(NodeRow r) {
		Period period = (Period) r.cells().get("period");
		Figure figure = (Figure) r.cells().get("figure");
		List<RuleProblem> broken = BudgetRow.check(period, r.row().get("figure"), figure);
		broken(r.row(), broken);
		if (!broken.isEmpty()) {
			return;
		}
		BudgetRow row = new BudgetRow(r.text("program_key"), period, figure, r.text("source_id"), r.text("section"));
		r.record = row;
		r.properties().clear();
		r.properties().putAll(row.properties());
	}

	/**
	 * A policy issue's fiscal year is its plan's; its progress is as of a month, kept
	 * with the text as written.
	 */
	private void policyIssue(NodeRow r) {
		String plan = r.text("plan_key");
		Period planPeriod = this.planPeriods.get(plan);
		if (planPeriod == null) {
			problem(r.row(), "plan_key", Code.BAD_VALUE,
					"plan " + plan + " states no fiscal year for its policy issues");
			return;
		}
		r.properties().put("fiscalYear", planPeriod.fiscalYear());
		Period asOf = (Period) r.cells().get("progress_as_of");
		r.properties().put("progressAsOfText", asOf.text());
		r.properties().put("progressAsOf", (asOf.month() != null) ? asOf.month().toString() : null);
	}

	/** Alias names by {@code label|key}, for the search properties of their nodes. */
	private final Map<String, List<String>> aliasNames = new HashMap<>();

	/**
	 * The folded text search matches ({@link SearchText}), from each node's names, texts
	 * and aliases as they are written.
	 */
	@SuppressWarnings("unchecked")
	private void searchProperties() {
		for (GraphWrites.Nodes nodes : this.writes.nodes) {
			if (SearchText.LABELS.contains(nodes.label())) {
				for (Map<String, Object> row : nodes.rows()) {
					Map<String, Object> p = (Map<String, Object>) row.get("props");
					p.putAll(SearchText.properties(p,
							this.aliasNames.getOrDefault(nodes.label() + "|" + row.get("key"), List.of())));
				}
			}
		}
	}

	// --- building blocks
	// --------------------------------------------------------------------------------------

	private void each(String table, Consumer<Table.Row> action) {
		Table t = this.tables.get(table);
		if (t != null) {
			t.rows().forEach(action);
			this.current = null;
		}
	}

	private void collectKeys(String table, String keyColumn) {
		// a row of the upload may refer to a node already in the graph; only the upload's
		// own rows must be unique
		Set<String> found = new HashSet<>();
		this.keys.put(table, new HashSet<>(this.graph.keysOf(table)));
		Table t = this.tables.get(table);
		if (t == null) {
			return;
		}
		for (Table.Row r : t.rows()) {
			this.current = t;
			String key = r.get(keyColumn);
			if (key == null) {
				problem(r, keyColumn, Code.REQUIRED, "the key is required");
			}
			else if (!found.add(key)) {
				problem(r, keyColumn, Code.DUPLICATE_KEY,
						"key '" + key + "' is used by an earlier row: one thing, one row");
			}
		}
		this.keys.get(table).addAll(found);
	}

	private Table current;

	private Table tableOf(Table.Row row) {
		for (Table t : this.tables.values()) {
			if (t.rows().contains(row)) {
				return t;
			}
		}
		throw new IllegalStateException("row not in any table");
	}

	private void problem(Table.Row row, String column, Code code, String message) {
		Table t = (this.current != null && this.current.rows().contains(row)) ? this.current : tableOf(row);
		this.current = t;
		this.problems.add(new ImportProblem(t.origin(), row.number(), column, code, message));
	}

	private String required(Table.Row r, String column) {
		String value = r.get(column);
		if (value == null) {
			problem(r, column, Code.REQUIRED, "a value is required");
		}
		return value;
	}

	private static String text(Table.Row r, String column) {
		return r.get(column);
	}

	private static String clean(String text) {
		return TextCleaner.clean(text);
	}

	/** A cell of an enum column: one of the values the catalogue lists for it. */
	private String enumValue(Table.Row r, Catalogue.Column described) {
		String column = described.name();
		String value = described.required() ? required(r, column) : r.get(column);
		if (value != null && !described.values().contains(value)) {
			problem(r, column, Code.BAD_VALUE,
					"'" + value + "' is not one of " + described.values().stream().sorted().toList());
			return null;
		}
		return value;
	}

	private Integer integer(Table.Row r, String column, boolean required) {
		String value = required ? required(r, column) : r.get(column);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			problem(r, column, Code.BAD_INTEGER, "'" + value + "' is not a whole number");
			return null;
		}
	}

	private BigDecimal decimal(Table.Row r, String column) {
		String value = required(r, column);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			problem(r, column, Code.BAD_FIGURE, "'" + value + "' is not a number");
			return null;
		}
	}

	private Boolean bool(Table.Row r, String column) {
		String value = r.get(column);
		if (value == null) {
			return false;
		}
		return switch (value.toLowerCase()) {
			case "true" -> true;
			case "false" -> false;
			default -> {
				problem(r, column, Code.BAD_BOOLEAN, "'" + value + "' is not true or false");
				yield null;
			}
		};
	}

	private Period period(Table.Row r, String column) {
		try {
			return FiscalYears.parse(r.get(column));
		}
		catch (RuntimeException ex) {
			problem(r, column, Code.BAD_PERIOD, ex.getMessage());
			return null;
		}
	}

	private Figure optionalFigure(Table.Row r, String column) {
		String value = r.get(column);
		if (value == null || this.figures == null) {
			return null;
		}
		try {
			return this.figures.parse(value);
		}
		catch (IllegalArgumentException ex) {
			broken(r, List.of(RuleProblem.figure(column, ex)));
			return null;
		}
	}

	private String reference(Table.Row r, String column, String table) {
		String value = required(r, column);
		return (value != null) ? checkReference(r, column, table, value) : null;
	}

	private String optionalReference(Table.Row r, String column, String table) {
		String value = r.get(column);
		return (value != null) ? checkReference(r, column, table, value) : null;
	}

	private String checkReference(Table.Row r, String column, String table, String value) {
		if (table.equals("units") && !this.keys.getOrDefault(table, Set.of()).contains(value)) {
			problem(r, column, Code.UNKNOWN_UNIT, "unknown unit '" + value + "' (add it to units.csv)");
			return null;
		}
		if (!this.keys.getOrDefault(table, Set.of()).contains(value)) {
			problem(r, column, Code.UNKNOWN_REFERENCE, "'" + value + "' is not a key of " + table
					+ (this.graph.isEmpty() ? "" : ", neither in the upload nor in the graph"));
			return null;
		}
		return value;
	}

	private String targetLabel(Table.Row r) {
		String type = required(r, "target_type");
		if (type != null && !Catalogue.TARGET_LABELS.containsKey(type)) {
			problem(r, "target_type", Code.BAD_VALUE,
					"'" + type + "' is not one of " + Catalogue.TARGET_LABELS.keySet().stream().sorted().toList());
			return null;
		}
		return type;
	}

	/** Checks the provenance columns; every row needs a known source and a section. */
	private boolean provenance(Table.Row r) {
		String source = reference(r, "source_id", "sources");
		String section = required(r, "section");
		return source != null && section != null;
	}

	/**
	 * A further document citing a node: a citation like the one the node's own row makes,
	 * with the properties (the quote) the catalogue gives a mention.
	 */
	private void mentions() {
		Catalogue.RelationshipType type = Catalogue.table("mentions").relationship();
		each("mentions", r -> {
			Map<String, Object> p = new LinkedHashMap<>();
			for (Catalogue.Column column : type.properties()) {
				p.put(column.property(), value(r, column));
			}
			String label = targetLabel(r);
			if (label != null && reference(r, "target_key", Catalogue.TARGET_LABELS.get(label)) != null
					&& provenance(r)) {
				this.writes.relationships("CITED_IN", label, "Source", "section")
					.add(rel(r.get("target_key"), r.get("source_id"), provenanceProps(p, r)));
			}
		});
	}

	private void citation(String label, String key, Table.Row r) {
		this.writes.relationships("CITED_IN", label, "Source", "section")
			.add(rel(key, r.get("source_id"), provenanceProps(new LinkedHashMap<>(), r)));
	}

	private void relationship(Table.Row r, String type, String fromLabel, String fromColumn, String fromTable,
			String toLabel, String toColumn, String toTable, Map<String, Object> props) {
		String from = reference(r, fromColumn, fromTable);
		String to = reference(r, toColumn, toTable);
		if (from != null && to != null && provenance(r)) {
			this.writes.relationships(type, fromLabel, toLabel).add(rel(from, to, props));
			hierarchyEdge(fromLabel, type, toLabel, from, to, r, toColumn);
		}
	}

	/**
	 * A file of relationships as the catalogue describes it: each row links two nodes,
	 * with its properties.
	 */
	private void relationships(String table) {
		Catalogue.RelationshipType type = Catalogue.table(table).relationship();
		each(table, r -> {
			Map<String, Object> p = new LinkedHashMap<>();
			for (Catalogue.Column column : type.properties()) {
				p.put(column.property(), value(r, column));
			}
			provenanceProps(p, r);
			String toLabel = type.to().polymorphic() ? targetLabel(r) : type.to().label();
			if (toLabel != null) {
				relationship(r, type.type(), type.from().label(), type.from().column(),
						Catalogue.tableOf(type.from().label()).name(), toLabel, type.to().column(),
						Catalogue.tableOf(toLabel).name(), p);
			}
		});
	}

	/** A cell of a relationship's property, by its column's rule. */
	private Object value(Table.Row r, Catalogue.Column column) {
		return switch (column.rule()) {
			case INTEGER -> integer(r, column.name(), column.required());
			case BOOLEAN -> bool(r, column.name());
			case TEXT -> column.required() ? required(r, column.name()) : text(r, column.name());
			case CLEANED_TEXT -> clean(text(r, column.name()));
			default -> throw new IllegalStateException(column + " is not a property a relationship carries");
		};
	}

	/** The rules between a row's columns that it breaks, each named at its column. */
	private void broken(Table.Row r, List<RuleProblem> broken) {
		broken.forEach(b -> problem(r, b.column(), Code.valueOf(b.kind().name()), b.message()));
	}

	// --- the cycle rule
	// ---------------------------------------------------------------------------------------

	private void hierarchyEdge(String fromLabel, String type, String toLabel, String child, String parent,
			Table.Row row, String column) {
		Hierarchies.of(fromLabel, type, toLabel)
			.ifPresent(h -> this.hierarchyEdges.computeIfAbsent(h, k -> new ArrayList<>())
				.add(new HierarchyEdge(child, parent, row, column)));
	}

	/**
	 * No row may make a node part of itself, directly or through other rows: each cycle
	 * is named at its last row.
	 */
	private void hierarchyCycles() {
		this.hierarchyEdges.forEach((hierarchy, edges) -> Hierarchies
			.cycles(edges.stream().map(e -> Map.entry(e.child(), e.parent())).toList())
			.forEach((closing, cycle) -> {
				HierarchyEdge edge = edges.get(closing);
				problem(edge.row(), edge.column(), Code.BAD_VALUE,
						Hierarchies.describe(cycle) + ": " + hierarchy.rule());
			}));
	}

	/**
	 * The cycles the dataset closes with what the graph already holds, asked in the
	 * import's transaction after it has written (so that a cycle of old and new links is
	 * seen whole); each named at a row of the dataset on it.
	 */
	List<ImportProblem> cyclesWithGraph(SimpleQueryRunner tx) {
		List<ImportProblem> found = new ArrayList<>();
		this.hierarchyEdges.forEach((hierarchy, edges) -> hierarchy
			.cycleThrough(tx, edges.stream().map(HierarchyEdge::child).distinct().toList())
			.ifPresent(cycle -> {
				HierarchyEdge edge = edges.stream()
					.filter(e -> cycle.indexOf(e.child()) >= 0 && cycle.indexOf(e.child()) < cycle.size() - 1
							&& cycle.get(cycle.indexOf(e.child()) + 1).equals(e.parent()))
					.findFirst()
					.orElse(edges.getFirst());
				found.add(new ImportProblem(tableOf(edge.row()).origin(), edge.row().number(), edge.column(),
						Code.BAD_VALUE,
						Hierarchies.describe(cycle) + ": with what the graph already holds, " + hierarchy.rule()));
			}));
		return found;
	}

	private static Map<String, Object> provenanceProps(Map<String, Object> p, Table.Row r) {
		p.put("sourceId", r.get("source_id"));
		p.put("section", r.get("section"));
		return p;
	}

	private static Map<String, Object> node(String key, Map<String, Object> props) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", key);
		row.put("props", props);
		return row;
	}

	private static Map<String, Object> rel(String from, String to, Map<String, Object> props) {
		Map<String, Object> row = new HashMap<>();
		row.put("from", from);
		row.put("to", to);
		row.put("props", props);
		return row;
	}

}
