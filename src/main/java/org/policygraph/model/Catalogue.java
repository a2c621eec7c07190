package org.policygraph.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one description of the graph's data: every file of a dataset (its columns, in
 * order, with the rule each cell keeps and the property it becomes), the node each row of
 * a node file is, and the relationships a row makes. The importer, the exporter and the
 * mutations all work from it; {@code data/README.md} explains the columns for people.
 * Every node with a source also gets a {@code CITED_IN} relationship to it, from its own
 * row and from {@code mentions}; that is not repeated per table.
 */
public final class Catalogue {

	/** What a cell must be, and how it becomes a property. */
	public enum Rule {

		/** The row's key: unique in its file, required. */
		KEY,
		/** Text as written (surrounding blanks removed). */
		TEXT,
		/**
		 * Text with the spaces PDF extraction puts inside Japanese removed
		 * ({@link TextCleaner}).
		 */
		CLEANED_TEXT,
		/** One of {@link Column#values()}. */
		ENUM,
		/** A whole number. */
		INTEGER,
		/** {@code true} or {@code false}; blank is false. */
		BOOLEAN,
		/** A decimal number (a unit's multiplier). */
		DECIMAL,
		/**
		 * A figure with a unit ({@link Figures}): value, valueText, unit and baseUnit.
		 */
		FIGURE,
		/** A period in Japanese era years ({@link FiscalYears}). */
		PERIOD,
		/** The key of a row of the file {@link Column#values()} names. */
		REFERENCE,
		/**
		 * The label of the node {@code target_key} names, one of {@link Column#values()}.
		 */
		TARGET_TYPE,
		/** The key of a node of the label {@code target_type} names. */
		TARGET_KEY,
		/** The id of the source document the row comes from ({@code sources}). */
		SOURCE,
		/** The section or row of that document. */
		SECTION

	}

	/**
	 * One column of a file.
	 *
	 * @param name the column's name in the file
	 * @param rule what its cells must be
	 * @param property the property it becomes (for a period or a figure, the one keeping
	 * its text as written, beside those {@link Period#properties} and
	 * {@link Figure#properties} derive), or null when it becomes a relationship
	 * @param required whether a cell may be blank (a period's and a figure's own rules
	 * say whether they may)
	 * @param values the allowed values of an enum or a target type; the file a reference
	 * points into
	 */
	public record Column(String name, Rule rule, String property, boolean required, List<String> values) {

		/** The one file a {@link Rule#REFERENCE} points into. */
		public String referencedTable() {
			return this.values.getFirst();
		}

	}

	/**
	 * The node a row of a file is.
	 *
	 * @param label its label
	 * @param key the columns its key is made of, joined by {@code |} when more than one
	 * @param ordinal whether the row's place in its file is kept as the node's
	 * {@code ordinal} (and the file is written back in that order)
	 */
	public record NodeType(String label, List<String> key, boolean ordinal) {

		public NodeType(String label, List<String> key) {
			this(label, key, false);
		}

		/** Whether the node's key is the value of one column of its own. */
		public boolean ownKey() {
			return this.key.size() == 1;
		}

	}

	/**
	 * One end of a relationship a row makes.
	 *
	 * @param labels the label of the node there; several when a {@code target_type}
	 * column says which
	 * @param column the column holding its key, or null for the row's own node when its
	 * key is made of several
	 */
	public record End(List<String> labels, String column) {

		public boolean polymorphic() {
			return this.labels.size() > 1;
		}

		public String label() {
			if (polymorphic()) {
				throw new IllegalStateException("the end " + this.column + " is one of " + this.labels);
			}
			return this.labels.getFirst();
		}

	}

	/**
	 * A relationship a row makes, with its provenance ({@code sourceId}, {@code section})
	 * and these properties.
	 *
	 * @param table the file whose rows make it
	 * @param type its type
	 * @param from the node it starts from
	 * @param to the node it points to
	 * @param properties the columns that become its properties
	 */
	public record RelationshipType(String table, String type, End from, End to, List<Column> properties) {

		public List<String> propertyNames() {
			return this.properties.stream().map(Column::property).toList();
		}

	}

	/**
	 * One file of a dataset.
	 *
	 * @param name its name ({@code programs} for programs.csv or the sheet programs)
	 * @param columns its columns in file order
	 * @param node the node each row is, or null for a file of relationships
	 * @param relationships the relationships each row makes (references in a node file,
	 * or the row itself)
	 */
	public record TableType(String name, List<Column> columns, NodeType node, List<RelationshipType> relationships) {

		public List<String> columnNames() {
			return this.columns.stream().map(Column::name).toList();
		}

		public Column column(String name) {
			return this.columns.stream()
				.filter(c -> c.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(this.name + " has no column " + name));
		}

		/** The relationship a file of relationships is about. */
		public RelationshipType relationship() {
			if (this.node != null || this.relationships.size() != 1) {
				throw new IllegalStateException(this.name + " is not a file of relationships");
			}
			return this.relationships.getFirst();
		}

	}

	/**
	 * The node types a {@code target_type} may name, each as its label, its node file and
	 * its key prefix, in the order the exporter lists them.
	 */
	private static final String[][] TARGETS = { { "Plan", "plans", "plan-" }, { "Pillar", "pillars", "pil-" },
			{ "Measure", "measures", "ms-" }, { "Program", "programs", "prog-" },
			{ "Organization", "organizations", "org-" }, { "PartnerBody", "partner_bodies", "pb-" },
			{ "Facility", "facilities", "fac-" }, { "Kpi", "kpis", "kpi-" },
			{ "PolicyIssue", "policy_issues", "issue-" }, { "Milestone", "milestones", "mil-" } };

	/** The node types a {@code target_type} column may name, each with its node file. */
	public static final Map<String, String> TARGET_LABELS = targets(1);

	/**
	 * The prefix the keys of each node type a {@code target_type} may name begin with in
	 * the packaged dataset ({@code prog-megaregion}, {@code kpi-tabunka-awareness}): an
	 * id names its type, so a look-up by id seeks one label's key index. The prefix is a
	 * convention, not a rule: a dataset may use other keys (the benchmark's
	 * municipalities begin theirs with {@code m001-}), and such ids are looked up under
	 * every label.
	 */
	public static final Map<String, String> KEY_PREFIXES = targets(2);

	/**
	 * Every file, in the order the importer reads them (a file's references point only to
	 * earlier or node files).
	 */
	public static final List<TableType> TABLES = tables();

	private static final Map<String, TableType> BY_NAME = byName();

	/**
	 * The labels of the nodes the files describe: the closed set of labels a statement's
	 * text may name.
	 */
	public static final Set<String> LABELS = TABLES.stream()
		.filter(t -> t.node() != null)
		.map(t -> t.node().label())
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * The types of the relationships the files make, with {@code CITED_IN}: the closed
	 * set of types a statement's text may name.
	 */
	public static final Set<String> RELATIONSHIP_TYPES = Stream
		.concat(Stream.of("CITED_IN"), TABLES.stream().flatMap(t -> t.relationships().stream()).map(r -> r.type()))
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * The properties the files' columns become: the closed set of property names a
	 * statement's text may name.
	 */
	public static final Set<String> PROPERTIES = TABLES.stream()
		.flatMap(t -> Stream.concat(t.columns().stream(),
				t.relationships().stream().flatMap(r -> r.properties().stream())))
		.map(Column::property)
		.filter(Objects::nonNull)
		.collect(Collectors.toUnmodifiableSet());

	private Catalogue() {
	}

	/**
	 * A label checked to be one of {@link #LABELS}; a label enters a statement's text
	 * only through this.
	 */
	public static String label(String label) {
		return checked(label, LABELS, "label");
	}

	/**
	 * A relationship type checked to be one of {@link #RELATIONSHIP_TYPES}; a type enters
	 * a statement's text only through this.
	 */
	public static String relationshipType(String type) {
		return checked(type, RELATIONSHIP_TYPES, "relationship type");
	}

	/**
	 * A property name checked to be one of {@link #PROPERTIES}; a property name enters a
	 * statement's text only through this.
	 */
	public static String property(String property) {
		return checked(property, PROPERTIES, "property");
	}

	private static String checked(String name, Set<String> names, String what) {
		if (!names.contains(name)) {
			throw new IllegalArgumentException("'" + name + "' is not a " + what + " of the catalogue");
		}
		return name;
	}

	public static TableType table(String name) {
		TableType table = BY_NAME.get(name);
		if (table == null) {
			throw new IllegalArgumentException("'" + name + "' is not a table of the dataset");
		}
		return table;
	}

	/** Every file's columns in order, by file, in reading order. */
	public static Map<String, List<String>> columns() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		TABLES.forEach(t -> columns.put(t.name(), t.columnNames()));
		return columns;
	}

	/** The node file of a label. */
	public static TableType tableOf(String label) {
		return TABLES.stream()
			.filter(t -> t.node() != null && t.node().label().equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no file holds " + label + " nodes"));
	}

	/**
	 * The label whose key prefix an id begins with, if any: the one label to look the id
	 * up under first ({@link #KEY_PREFIXES}).
	 */
	public static Optional<String> labelOfKey(String id) {
		if (id == null) {
			return Optional.empty();
		}
		return KEY_PREFIXES.entrySet()
			.stream()
			.filter(e -> id.startsWith(e.getValue()))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/**
	 * What {@code lookUp} finds for an id under the label its key prefix names, when that
	 * label is one of {@code labels}; under all of {@code labels} when the id has no such
	 * prefix or nothing is found there (a dataset's keys need not follow the prefixes).
	 */
	public static <T> List<T> underLabelOfKey(String id, List<String> labels, Function<List<String>, List<T>> lookUp) {
		List<T> found = labelOfKey(id).filter(labels::contains)
			.map(label -> lookUp.apply(List.of(label)))
			.orElse(List.of());
		return found.isEmpty() ? lookUp.apply(labels) : found;
	}

	/** The values of an enum, as its cells and the schema write them. */
	public static List<String> names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

	/**
	 * Each target's label with its column {@code column} of {@link #TARGETS}, in order.
	 */
	private static Map<String, String> targets(int column) {
		Map<String, String> byLabel = new LinkedHashMap<>();
		for (String[] target : TARGETS) {
			byLabel.put(target[0], target[column]);
		}
		return Collections.unmodifiableMap(byLabel);
	}

	private static List<TableType> tables() {
		List<String> targets = List.copyOf(TARGET_LABELS.keySet());
		return List.of(
				nodes("sources", "Source", key("source_id"), text("title", "title", true), text("title_en", "titleEn"),
						text("file", "file"), text("publisher", "publisher"), text("as_of", "asOf"),
						text("description", "description")),
				nodes("units", "Unit", key("unit"), text("base_unit", "baseUnit", true),
						column("multiplier", Rule.DECIMAL, "multiplier", true), text("kind", "kind"),
						text("name_en", "nameEn")),
				// a plan's ordinal is its row's place in the file
				table("plans", new NodeType("Plan", List.of("plan_key"), true),
						List.of(key("plan_key"), cleaned("name", "name", true), text("name_en", "nameEn"),
								enumeration("kind", true, names(PlanKind.class)), period("period", "periodText", false),
								source(), section()),
						List.of()),
				table("plan_facts", new NodeType("BureauFact", List.of("plan_key", "fact", "section")),
						List.of(reference("plan_key", "plans", true), text("fact", "fact", true),
								figure("figure", "valueText", false), text("text", "text", true), source(), section()),
						List.of(relationship("plan_facts", "HAS_FACT", end("Plan", "plan_key"),
								end("BureauFact", null)))),
				table("pillars", new NodeType("Pillar", List.of("pillar_key")),
						List.of(key("pillar_key"), reference("plan_key", "plans", true), integer("ordinal", true),
								text("label", "label"), cleaned("name", "name", true), text("name_en", "nameEn"),
								text("goal", "goal"), source(), section()),
						List.of(relationship("pillars", "HAS_PILLAR", end("Plan", "plan_key"),
								end("Pillar", "pillar_key"), integer("ordinal", true)))),
				table("measures", new NodeType("Measure", List.of("measure_key")),
						List.of(key("measure_key"), reference("plan_key", "plans", true),
								reference("parent_measure_key", "measures", false), text("label", "label"),
								cleaned("name", "name", true), text("name_en", "nameEn"), source(), section()),
						List.of(relationship("measures", "IN_PLAN", end("Measure", "measure_key"),
								end("Plan", "plan_key")),
								relationship("measures", "PART_OF", end("Measure", "measure_key"),
										end("Measure", "parent_measure_key")))),
				links("measure_pillars", "UNDER", end("Measure", "measure_key"), end("Pillar", "pillar_key"),
						integer("ordinal", false)),
				nodes("programs", "Program", key("program_key"), cleaned("name", "name", true),
						text("name_en", "nameEn"), cleaned("summary", "summary", false), source(), section()),
				links("program_measures", "LISTED_UNDER", end("Program", "program_key"), end("Measure", "measure_key"),
						integer("number", false), column("reposted", Rule.BOOLEAN, "reposted", false)),
				nodes("organizations", "Organization", key("org_key"), cleaned("name", "name", true),
						text("name_en", "nameEn"), enumeration("kind", false, OrganizationKind.stated()), source(),
						section()),
				links("organization_parents", "PART_OF", end("Organization", "org_key"),
						end("Organization", "parent_org_key")),
				links("program_organizations", "RUN_BY", end("Program", "program_key"), end("Organization", "org_key")),
				table("partner_bodies", new NodeType("PartnerBody", List.of("partner_key")),
						List.of(key("partner_key"), cleaned("name", "name", true), text("name_en", "nameEn"),
								reference("supervising_org_key", "organizations", false), source(), section()),
						List.of(relationship("partner_bodies", "SUPERVISED_BY", end("PartnerBody", "partner_key"),
								end("Organization", "supervising_org_key")))),
				links("program_partners", "WORKS_WITH", end("Program", "program_key"),
						end("PartnerBody", "partner_key"), text("role", "role")),
				table("facilities", new NodeType("Facility", List.of("facility_key")),
						List.of(key("facility_key"), cleaned("name", "name", true), text("name_en", "nameEn"),
								text("operation", "operation"), reference("org_key", "organizations", false), source(),
								section()),
						List.of(relationship("facilities", "MANAGED_BY", end("Facility", "facility_key"),
								end("Organization", "org_key")))),
				nodes("kpis", "Kpi", key("kpi_key"), cleaned("name", "name", true), text("name_en", "nameEn"),
						new Column("unit", Rule.REFERENCE, "unit", false, List.of("units")),
						enumeration("direction", true, names(Direction.class)), cleaned("method", "method", false),
						source(), section()),
				links("program_kpis", "MEASURED_BY", end("Program", "program_key"), end("Kpi", "kpi_key"),
						integer("ordinal", false)),
				links("kpi_pillars", "REPORTS_ON", end("Kpi", "kpi_key"), end("Pillar", "pillar_key")),
				table("observations", new NodeType("Observation", ObservationRow.KEY),
						List.of(reference("kpi_key", "kpis", true),
								enumeration("kind", true, names(ObservationKind.class)),
								enumeration("target_type", false, names(TargetType.class)),
								period("period", "periodText", false), figure("figure", "valueText", false),
								enumeration("qualitative", false, names(Qualitative.class)),
								cleaned("text", "text", true), source(), section()),
						List.of(relationship("observations", "HAS_OBSERVATION", end("Kpi", "kpi_key"),
								end("Observation", null)))),
				table("budgets", new NodeType("Budget", BudgetRow.KEY),
						List.of(reference("program_key", "programs", true), period("period", "periodText", true),
								figure("figure", "text", true), source(), section()),
						List.of(relationship("budgets", "HAS_BUDGET", end("Program", "program_key"),
								end("Budget", null)))),
				table("policy_issues", new NodeType("PolicyIssue", List.of("issue_key")),
						Stream
							.of(Stream.of(key("issue_key"), reference("plan_key", "plans", true),
									enumeration("area", true, names(Area.class)), integer("number", true),
									cleaned("title", "title", true), text("title_en", "titleEn")),
									Stream
										.of("policy_field", "impact", "urgency", "content", "background", "outcome",
												"summary", "quarterly_plan", "actions", "progress")
										.map(name -> cleaned(name, camel(name), false)),
									Stream.of(period("progress_as_of", "progressAsOfText", false), source(), section()))
							.flatMap(s -> s)
							.toList(),
						List.of(relationship("policy_issues", "OF_PLAN", end("PolicyIssue", "issue_key"),
								end("Plan", "plan_key")))),
				withColumns(
						links("policy_issue_links", "CONCERNS", end("PolicyIssue", "issue_key"),
								new End(targets, "target_key"), evidence()),
						reference("issue_key", "policy_issues", true), targetType(targets), targetKey(), source(),
						section(), evidence()),
				withColumns(
						links("program_continuations", "CONTINUES", end("Program", "program_key"),
								end("Program", "earlier_program_key"), text("basis", "basis"), evidence()),
						reference("earlier_program_key", "programs", true), reference("program_key", "programs", true),
						text("basis", "basis"), source(), section(), evidence()),
				table("mentions", null, List.of(targetType(targets), targetKey(), source(), section(), evidence()),
						List.of(relationship("mentions", "CITED_IN", new End(targets, "target_key"),
								end("Source", "source_id"), evidence()))),
				table("notes", new NodeType("Note", List.of("target_key", "topic", "source_id", "section")),
						List.of(targetType(targets), targetKey(), text("topic", "topic", true),
								cleaned("text", "text", true), source(), section()),
						List.of(relationship("notes", "HAS_NOTE", new End(targets, "target_key"), end("Note", null)))),
				// another name a document gives a node (別表記), spelt as there; search
				// finds the node by it
				table("aliases", new NodeType("Alias", List.of("target_key", "name", "source_id", "section")),
						List.of(targetType(targets), targetKey(), text("name", "name", true), source(), section()),
						List.of(relationship("aliases", "HAS_ALIAS", new End(targets, "target_key"),
								end("Alias", null)))),
				// a dated step a plan states in words (マイルストーン), under its theme
				// and, where the document says so, a program; period is the date as
				// written (R4.4)
				table("milestones", new NodeType("Milestone", List.of("milestone_key")),
						List.of(key("milestone_key"), reference("pillar_key", "pillars", true),
								reference("program_key", "programs", false), integer("ordinal", true),
								cleaned("name", "name", true), text("name_en", "nameEn"), cleaned("text", "text", true),
								period("period", "periodText", false), text("event", "event"), source(), section()),
						List.of(relationship("milestones", "OF_PILLAR", end("Milestone", "milestone_key"),
								end("Pillar", "pillar_key")),
								relationship("milestones", "OF_PROGRAM", end("Milestone", "milestone_key"),
										end("Program", "program_key")))));
	}

	private static Map<String, TableType> byName() {
		Map<String, TableType> tables = new LinkedHashMap<>();
		TABLES.forEach(t -> tables.put(t.name(), t));
		return tables;
	}

	// --- building the description
	// -------------------------------------------------------------------------------

	private static TableType nodes(String name, String label, Column... columns) {
		return table(name, new NodeType(label, List.of(columns[0].name())), List.of(columns), List.of());
	}

	private static TableType table(String name, NodeType node, List<Column> columns,
			List<RelationshipType> relationships) {
		return new TableType(name, columns, node, relationships);
	}

	/**
	 * A file of relationships: the two ends' key columns, the properties, then the
	 * provenance.
	 */
	private static TableType links(String name, String type, End from, End to, Column... properties) {
		List<Column> columns = Stream
			.of(Stream.of(reference(from), reference(to)), Stream.of(properties), Stream.of(source(), section()))
			.flatMap(s -> s)
			.toList();
		return new TableType(name, columns, null,
				List.of(new RelationshipType(name, type, from, to, List.of(properties))));
	}

	/** The same file with its columns in another order than its ends. */
	private static TableType withColumns(TableType table, Column... columns) {
		return new TableType(table.name(), List.of(columns), table.node(), table.relationships());
	}

	private static Column reference(End end) {
		return end.polymorphic() ? targetKey() : reference(end.column(), TARGET_LABELS.get(end.label()), true);
	}

	private static RelationshipType relationship(String table, String type, End from, End to, Column... properties) {
		return new RelationshipType(table, type, from, to, List.of(properties));
	}

	private static End end(String label, String column) {
		return new End(List.of(label), column);
	}

	private static Column key(String name) {
		return new Column(name, Rule.KEY, "key", true, List.of());
	}

	private static Column text(String name, String property) {
		return text(name, property, false);
	}

	private static Column text(String name, String property, boolean required) {
		return new Column(name, Rule.TEXT, property, required, List.of());
	}

	private static Column cleaned(String name, String property, boolean required) {
		return new Column(name, Rule.CLEANED_TEXT, property, required, List.of());
	}

	private static Column integer(String name, boolean required) {
		return new Column(name, Rule.INTEGER, name, required, List.of());
	}

	private static Column enumeration(String name, boolean required, List<String> values) {
		return new Column(name, Rule.ENUM, camel(name), required, values);
	}

	private static Column column(String name, Rule rule, String property, boolean required) {
		return new Column(name, rule, property, required, List.of());
	}

	private static Column period(String name, String textProperty, boolean required) {
		return new Column(name, Rule.PERIOD, textProperty, required, List.of());
	}

	private static Column figure(String name, String textProperty, boolean required) {
		return new Column(name, Rule.FIGURE, textProperty, required, List.of());
	}

	private static Column reference(String name, String table, boolean required) {
		return new Column(name, Rule.REFERENCE, null, required, List.of(table));
	}

	private static Column targetType(List<String> labels) {
		return new Column("target_type", Rule.TARGET_TYPE, null, true, labels);
	}

	private static Column targetKey() {
		return new Column("target_key", Rule.TARGET_KEY, null, true, List.of());
	}

	private static Column source() {
		return new Column("source_id", Rule.SOURCE, "sourceId", true, List.of("sources"));
	}

	private static Column section() {
		return new Column("section", Rule.SECTION, "section", true, List.of());
	}

	/**
	 * The sentence of the cited section that makes a link, quoted exactly as the document
	 * writes it: a link of the documents' words, not a reader's inference.
	 */
	private static Column evidence() {
		return text("evidence", "evidence", true);
	}

	/** A column's property name: {@code quarterly_plan} is {@code quarterlyPlan}. */
	public static String camel(String column) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

}
