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
		units();
		// every node file with a key column of its own; units check their keys
		// themselves, with their multipliers
		Catalogue.TABLES.stream()
			.filter(t -> t.node() != null && t.node().key().size() == 1 && !t.name().equals("units"))
			.forEach(t -> collectKeys(t.name(), t.node().key().getFirst()));
		sources();
		plans();
		planFacts();
		pillars();
		measures();
		relationships("measure_pillars");
		programs();
		relationships("program_measures");
		organizations();
		relationships("organization_parents");
		relationships("program_organizations");
		partnerBodies();
		relationships("program_partners");
		facilities();
		kpis();
		relationships("program_kpis");
		relationships("kpi_pillars");
		observations();
		budgets();
		policyIssues();
		relationships("policy_issue_links");
		relationships("program_continuations");
		mentions();
		notes();
		aliases();
		milestones();
		searchProperties();
		hierarchyCycles();
		return this.writes;
	}

	// --- node files
	// -------------------------------------------------------------------------------------------

	private void units() {
		Map<String, Unit> units = new LinkedHashMap<>();
		each("units", r -> {
			String unit = required(r, "unit");
			String base = required(r, "base_unit");
			BigDecimal multiplier = decimal(r, "multiplier");
			if (unit == null || base == null || multiplier == null) {
				return;
			}
			if (units.containsKey(unit)) {
				problem(r, "unit", Code.DUPLICATE_KEY, "unit '" + unit + "' is listed twice");
				return;
			}
			units.put(unit, new Unit(unit, base, multiplier, text(r, "kind"), text(r, "name_en")));
			this.writes.nodes("Unit")
				.add(node(unit, props(r, "baseUnit", base, "multiplier", multiplier.doubleValue(), "kind",
						text(r, "kind"), "nameEn", text(r, "name_en"))));
		});
		this.graph.units().forEach(units::putIfAbsent);
		this.figures = new Figures(units);
	}

	private void sources() {
		each("sources", r -> {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("sourceId", r.get("source_id"));
			p.put("title", required(r, "title"));
			p.put("titleEn", text(r, "title_en"));
			p.put("file", text(r, "file"));
			p.put("publisher", text(r, "publisher"));
			p.put("asOf", text(r, "as_of"));
			p.put("description", text(r, "description"));
			this.writes.nodes("Source").add(node(r.get("source_id"), p));
		});
	}

	private void plans() {
		int[] ordinal = { 0 };
		each("plans", r -> {
			ordinal[0]++;
			enumValue(r, "plans", "kind");
			Period period = period(r, "period");
			if (period != null) {
				this.planPeriods.put(r.get("plan_key"), period);
			}
			Map<String, Object> p = named(r, "plan_key");
			p.put("kind", r.get("kind"));
			p.put("ordinal", ordinal[0]);
			periodProps(p, period, "fiscalYearFrom", "fiscalYearTo");
			nodeWithSource("Plan", r, "plan_key", p);
		});
	}

	private void planFacts() {
		each("plan_facts", r -> {
			String plan = reference(r, "plan_key", "plans");
			String fact = required(r, "fact");
			Figure figure = optionalFigure(r, "figure");
			if (plan == null || fact == null || !provenance(r)) {
				return;
			}
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("fact", fact);
			p.put("text", required(r, "text"));
			figureProps(p, figure);
			provenanceProps(p, r);
			String key = plan + "|" + fact + "|" + r.get("section");
			this.writes.nodes("BureauFact").add(node(key, p));
			this.writes.relationships("HAS_FACT", "Plan", "BureauFact")
				.add(rel(plan, key, provenanceProps(new LinkedHashMap<>(), r)));
			citation("BureauFact", key, r);
		});
	}

	private void pillars() {
		each("pillars", r -> {
			String plan = reference(r, "plan_key", "plans");
			Integer ordinal = integer(r, "ordinal", true);
			Map<String, Object> p = named(r, "pillar_key");
			p.put("ordinal", ordinal);
			p.put("label", text(r, "label"));
			p.put("goal", text(r, "goal"));
			if (nodeWithSource("Pillar", r, "pillar_key", p) && plan != null) {
				this.writes.relationships("HAS_PILLAR", "Plan", "Pillar")
					.add(rel(plan, r.get("pillar_key"), props(r, "ordinal", ordinal)));
			}
		});
	}

	private void measures() {
		each("measures", r -> {
			String plan = reference(r, "plan_key", "plans");
			String parent = optionalReference(r, "parent_measure_key", "measures");
			Map<String, Object> p = named(r, "measure_key");
			p.put("label", text(r, "label"));
			if (nodeWithSource("Measure", r, "measure_key", p)) {
				if (plan != null) {
					this.writes.relationships("IN_PLAN", "Measure", "Plan")
						.add(rel(r.get("measure_key"), plan, props(r)));
				}
				if (parent != null) {
					this.writes.relationships("PART_OF", "Measure", "Measure")
						.add(rel(r.get("measure_key"), parent, props(r)));
					hierarchyEdge("Measure", "PART_OF", "Measure", r.get("measure_key"), parent, r,
							"parent_measure_key");
				}
			}
		});
	}

	private void programs() {
		each("programs", r -> {
			Map<String, Object> p = named(r, "program_key");
			p.put("summary", clean(text(r, "summary")));
			nodeWithSource("Program", r, "program_key", p);
		});
	}

	private void organizations() {
		each("organizations", r -> {
			enumValue(r, "organizations", "kind");
			Map<String, Object> p = named(r, "org_key");
			p.put("kind", r.get("kind"));
			nodeWithSource("Organization", r, "org_key", p);
		});
	}

	private void partnerBodies() {
		each("partner_bodies", r -> {
			String supervisor = optionalReference(r, "supervising_org_key", "organizations");
			if (nodeWithSource("PartnerBody", r, "partner_key", named(r, "partner_key")) && supervisor != null) {
				this.writes.relationships("SUPERVISED_BY", "PartnerBody", "Organization")
					.add(rel(r.get("partner_key"), supervisor, props(r)));
			}
		});
	}

	private void facilities() {
		each("facilities", r -> {
			String org = optionalReference(r, "org_key", "organizations");
			Map<String, Object> p = named(r, "facility_key");
			p.put("operation", text(r, "operation"));
			if (nodeWithSource("Facility", r, "facility_key", p) && org != null) {
				this.writes.relationships("MANAGED_BY", "Facility", "Organization")
					.add(rel(r.get("facility_key"), org, props(r)));
			}
		});
	}

	private void kpis() {
		Set<String> units = new HashSet<>();
		this.tables.getOrDefault("units", emptyTable("units")).rows().forEach(u -> units.add(u.get("unit")));
		units.addAll(this.graph.units().keySet());
		each("kpis", r -> {
			enumValue(r, "kpis", "direction");
			String unit = text(r, "unit");
			if (unit != null && !units.contains(unit)) {
				problem(r, "unit", Code.UNKNOWN_UNIT, "unknown unit '" + unit + "' (add it to units.csv)");
			}
			Map<String, Object> p = named(r, "kpi_key");
			p.put("unit", unit);
			p.put("direction", r.get("direction"));
			p.put("method", clean(text(r, "method")));
			nodeWithSource("Kpi", r, "kpi_key", p);
		});
	}

	private void observations() {
		Set<String> seen = new HashSet<>();
		each("observations", r -> {
			String kpi = reference(r, "kpi_key", "kpis");
			String kind = enumValue(r, "observations", "kind");
			String targetType = enumValue(r, "observations", "target_type");
			String qualitative = enumValue(r, "observations", "qualitative");
			Period period = period(r, "period");
			Figure figure = optionalFigure(r, "figure");
			String text = required(r, "text");
			broken(r, ObservationRow.check(kind, targetType, r.get("figure") != null, qualitative));
			if (kpi == null || kind == null || period == null || text == null || !provenance(r)) {
				return;
			}
			ObservationRow row = new ObservationRow(kpi, kind, targetType, period, figure, qualitative, text,
					r.get("source_id"), r.get("section"));
			String key = row.key();
			if (!seen.add(key)) {
				problem(r, "period", Code.DUPLICATE_KEY, "a second " + kind + " of " + kpi + " for period '"
						+ period.text() + "' from " + r.get("source_id"));
				return;
			}
			this.writes.nodes("Observation").add(node(key, row.properties()));
			this.writes.relationships("HAS_OBSERVATION", "Kpi", "Observation").add(rel(kpi, key, props(r)));
			citation("Observation", key, r);
		});
	}

	private void budgets() {
		Set<String> seen = new HashSet<>();
		each("budgets", r -> {
			String program = reference(r, "program_key", "programs");
			Period period = period(r, "period");
			Figure figure = optionalFigure(r, "figure");
			List<RuleProblem> broken = BudgetRow.check(period, r.get("figure"), figure);
			broken(r, broken);
			if (!broken.isEmpty() || program == null || period == null || figure == null || !provenance(r)) {
				return;
			}
			BudgetRow row = new BudgetRow(program, period, figure, r.get("source_id"), r.get("section"));
			String key = row.key();
			if (!seen.add(key)) {
				problem(r, "period", Code.DUPLICATE_KEY,
						"a second budget of " + program + " for fiscal year " + period.fiscalYear());
				return;
			}
			this.writes.nodes("Budget").add(node(key, row.properties()));
			this.writes.relationships("HAS_BUDGET", "Program", "Budget").add(rel(program, key, props(r)));
			citation("Budget", key, r);
		});
	}

	private void policyIssues() {
		each("policy_issues", r -> {
			String plan = reference(r, "plan_key", "plans");
			String area = enumValue(r, "policy_issues", "area");
			Integer number = integer(r, "number", true);
			Period asOf = period(r, "progress_as_of");
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("title", clean(required(r, "title")));
			p.put("titleEn", text(r, "title_en"));
			p.put("area", area);
			p.put("number", number);
			Period planPeriod = (plan != null) ? this.planPeriods.get(plan) : null;
			p.put("fiscalYear", (planPeriod != null) ? planPeriod.fiscalYear() : null);
			for (String column : List.of("policy_field", "impact", "urgency", "content", "background", "outcome",
					"summary", "quarterly_plan", "actions", "progress")) {
				p.put(Catalogue.camel(column), clean(text(r, column)));
			}
			p.put("progressAsOfText", (asOf != null) ? asOf.text() : null);
			p.put("progressAsOf", (asOf != null && asOf.month() != null) ? asOf.month().toString() : null);
			if (plan != null && planPeriod == null) {
				problem(r, "plan_key", Code.BAD_VALUE, "plan " + plan + " states no fiscal year for its policy issues");
			}
			if (nodeWithSource("PolicyIssue", r, "issue_key", p) && plan != null) {
				this.writes.relationships("OF_PLAN", "PolicyIssue", "Plan")
					.add(rel(r.get("issue_key"), plan, props(r)));
			}
		});
	}

	/**
	 * Statements a document makes about a node that fit no column of its own: kept
	 * verbatim, with their source.
	 */
	private void notes() {
		Set<String> seen = new HashSet<>();
		each("notes", r -> {
			String label = targetLabel(r);
			String target = (label != null) ? reference(r, "target_key", Catalogue.TARGET_LABELS.get(label)) : null;
			String topic = required(r, "topic");
			String text = required(r, "text");
			if (target == null || topic == null || text == null || !provenance(r)) {
				return;
			}
			String key = String.join("|", target, topic, r.get("source_id"), r.get("section"));
			if (!seen.add(key)) {
				problem(r, "topic", Code.DUPLICATE_KEY,
						"a second " + topic + " note on " + target + " from the same section");
				return;
			}
			Map<String, Object> p = props(r, "topic", topic, "text", clean(text));
			this.writes.nodes("Note").add(node(key, p));
			this.writes.relationships("HAS_NOTE", label, "Note").add(rel(target, key, props(r)));
			citation("Note", key, r);
		});
	}

	/**
	 * Other names a document gives a node (別表記), spelt as there, each with its source; a
	 * name is listed once per place that gives it.
	 */
	private void aliases() {
		Set<String> seen = new HashSet<>();
		each("aliases", r -> {
			String label = targetLabel(r);
			String target = (label != null) ? reference(r, "target_key", Catalogue.TARGET_LABELS.get(label)) : null;
			String name = required(r, "name");
			if (target == null || name == null || !provenance(r)) {
				return;
			}
			String key = String.join("|", target, name, r.get("source_id"), r.get("section"));
			if (!seen.add(key)) {
				problem(r, "name", Code.DUPLICATE_KEY,
						"the alias " + name + " of " + target + " is listed twice for the same section");
				return;
			}
			this.writes.nodes("Alias").add(node(key, props(r, "name", name)));
			this.writes.relationships("HAS_ALIAS", label, "Alias").add(rel(target, key, props(r)));
			this.aliasNames.computeIfAbsent(label + "|" + target, k -> new ArrayList<>()).add(name);
			citation("Alias", key, r);
		});
	}

	/**
	 * Dated steps a plan states in words (マイルストーン), under their theme and, where the
	 * document says so, a program; the date as the document writes it, as fiscal year and
	 * month.
	 */
	private void milestones() {
		each("milestones", r -> {
			String pillar = reference(r, "pillar_key", "pillars");
			String program = optionalReference(r, "program_key", "programs");
			Integer ordinal = integer(r, "ordinal", true);
			Period period = period(r, "period");
			Map<String, Object> p = named(r, "milestone_key");
			p.put("ordinal", ordinal);
			p.put("text", clean(required(r, "text")));
			p.put("event", text(r, "event"));
			periodProps(p, period, "fiscalYear", "fiscalYearTo");
			if (nodeWithSource("Milestone", r, "milestone_key", p)) {
				if (pillar != null) {
					this.writes.relationships("OF_PILLAR", "Milestone", "Pillar")
						.add(rel(r.get("milestone_key"), pillar, props(r)));
				}
				if (program != null) {
					this.writes.relationships("OF_PROGRAM", "Milestone", "Program")
						.add(rel(r.get("milestone_key"), program, props(r)));
				}
			}
		});
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
	private String enumValue(Table.Row r, String table, String column) {
		Catalogue.Column described = Catalogue.table(table).column(column);
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

	private Map<String, Object> named(Table.Row r, String keyColumn) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", clean(required(r, "name")));
		p.put("nameEn", text(r, "name_en"));
		return p;
	}

	/**
	 * Adds a node with its provenance and its citation; false when the row has a problem.
	 */
	private boolean nodeWithSource(String label, Table.Row r, String keyColumn, Map<String, Object> p) {
		String key = r.get(keyColumn);
		if (key == null || !provenance(r)) {
			return false;
		}
		provenanceProps(p, r);
		this.writes.nodes(label).add(node(key, p));
		citation(label, key, r);
		return true;
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

	private static Map<String, Object> props(Table.Row r, Object... pairs) {
		Map<String, Object> p = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			p.put((String) pairs[i], pairs[i + 1]);
		}
		return provenanceProps(p, r);
	}

	private static void periodProps(Map<String, Object> p, Period period, String fromName, String toName) {
		if (period != null) {
			p.putAll(period.properties(fromName, toName));
		}
	}

	private static void figureProps(Map<String, Object> p, Figure figure) {
		p.putAll(Figure.properties(figure));
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

	private static Table emptyTable(String name) {
		return new Table(name, name + ".csv", List.of(), List.of());
	}

}
