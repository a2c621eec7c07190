package org.policygraph.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.policygraph.importing.ImportProblem.Code;
import org.policygraph.model.Catalogue;
import org.policygraph.model.Catalogue.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The validator's rules on rows held in memory, without a database: node files and files
 * of relationships checked as the catalogue describes them (each cell by its column's
 * rule, each column with a property written to it, each reference made a relationship),
 * enum columns by the catalogue's values, and the rules of observations and budgets.
 */
class DatasetValidatorTests {

	static final String SOURCE = "shin-vision-r8-programs";

	@Test
	void aFileOfRelationshipsIsCheckedAndWrittenAsTheCatalogueDescribesIt() {
		Dataset d = programsAndMeasures();
		d.add("program_measures", "program_key", "prog-megaregion", "measure_key", "ms-1", "number", "1", "reposted",
				"true");
		GraphWrites writes = d.validateWithoutProblems();
		GraphWrites.Relationships listed = relationships(writes, "LISTED_UNDER");
		assertThat(listed.fromLabel()).isEqualTo("Program");
		assertThat(listed.toLabel()).isEqualTo("Measure");
		assertThat(listed.rows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("from", "prog-megaregion").containsEntry("to", "ms-1"))
			.extracting(row -> row.get("props"))
			.isEqualTo(Map.of("number", 1, "reposted", true, "sourceId", SOURCE, "section", "s"));
	}

	@Test
	void aRelationshipsPropertiesAndEndsAreEachNamedAtTheirColumn() {
		Dataset d = programsAndMeasures();
		d.add("program_measures", "program_key", "prog-nope", "measure_key", "ms-1", "number", "one", "reposted",
				"yes");
		assertThat(d.validate())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("program_measures.csv", 2, "number", Code.BAD_INTEGER),
					tuple("program_measures.csv", 2, "reposted", Code.BAD_BOOLEAN),
					tuple("program_measures.csv", 2, "program_key", Code.UNKNOWN_REFERENCE));
	}

	@Test
	void aPolicyIssueLinkNamesItsTargetsLabelByTargetType() {
		Dataset d = programsAndMeasures();
		d.add("policy_issue_links", "issue_key", "pi-1", "target_type", "Budget", "target_key", "prog-megaregion");
		assertThat(d.validate()).extracting(ImportProblem::column, ImportProblem::code)
			.contains(tuple("target_type", Code.BAD_VALUE));
	}

	@Test
	void anOrganizationKindIsOneTheDocumentsStateNotTheApisUnknown() {
		Dataset d = programsAndMeasures();
		d.add("organizations", "org_key", "org-a", "name", "総務課", "kind", "UNKNOWN");
		assertThat(d.validate()).extracting(ImportProblem::column, ImportProblem::code, ImportProblem::message)
			.containsExactly(tuple("kind", Code.BAD_VALUE, "'UNKNOWN' is not one of [BUREAU, DIVISION, SECTION]"));
	}

	/**
	 * As observations.csv holds them: a TARGET without a target type, an ACTUAL that is
	 * AT_LEAST.
	 */
	@Test
	void aTargetWithoutTargetTypeAndAQualitativeActualAreAccepted() {
		Dataset d = kpi();
		d.add("observations", "kpi_key", "kpi-a", "kind", "TARGET", "period", "R8", "qualitative", "MILESTONE", "text",
				"策定");
		d.add("observations", "kpi_key", "kpi-a", "kind", "ACTUAL", "period", "R7", "figure", "90%", "qualitative",
				"AT_LEAST", "text", "90%を超える");
		assertThat(d.validate()).isEmpty();
	}

	@Test
	void anActualWithATargetTypeIsRefusedAtTheTargetType() {
		Dataset d = kpi();
		d.add("observations", "kpi_key", "kpi-a", "kind", "ACTUAL", "target_type", "ANNUAL", "period", "R7", "figure",
				"90%", "text", "90%");
		assertThat(d.validate()).extracting(ImportProblem::column, ImportProblem::code, ImportProblem::message)
			.containsExactly(tuple("target_type", Code.BAD_VALUE, "an actual has no target type"));
	}

	@Test
	void aNegativeBudgetIsRefusedAtItsFigure() {
		Dataset d = programsAndMeasures();
		d.add("budgets", "program_key", "prog-megaregion", "period", "R8", "figure", "▲13,039千円");
		assertThat(d.validate()).extracting(ImportProblem::column, ImportProblem::code, ImportProblem::message)
			.containsExactly(tuple("figure", Code.BAD_FIGURE, "a budget cannot be negative"));
	}

	@Test
	void aNodeRowWithOnlyItsKeyIsRefusedAtEachRequiredColumnInColumnOrder() {
		for (Catalogue.TableType table : Catalogue.TABLES) {
			if (table.node() == null || !table.node().ownKey()) {
				continue;
			}
			Dataset d = new Dataset();
			d.addAsIs(table.name(), table.node().key().getFirst(), "x-1");
			// a period's and a figure's own rules say whether they may be blank
			List<Tuple> expected = table.columns()
				.stream()
				.filter(c -> c.required() && c.rule() != Rule.KEY && c.rule() != Rule.PERIOD && c.rule() != Rule.FIGURE)
				.map(c -> tuple(c.name(), Code.REQUIRED))
				.toList();
			assertThat(d.validate()).as(table.name())
				.filteredOn(p -> p.file().equals(table.name() + ".csv"))
				.extracting(ImportProblem::column, ImportProblem::code)
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aNodeRowsCellsAreEachCheckedByTheirColumnsRule() {
		Dataset d = programsAndMeasures();
		d.add("plans", "plan_key", "plan-b", "name", "計画", "kind", "NOVEL", "period", "来年");
		d.add("pillars", "pillar_key", "p-1", "plan_key", "plan-a", "ordinal", "one", "name", "柱");
		d.add("measures", "measure_key", "ms-2", "plan_key", "plan-a", "parent_measure_key", "ms-nope", "name", "施策");
		d.add("kpis", "kpi_key", "kpi-a", "name", "認知度", "unit", "ドル", "direction", "HIGHER_IS_BETTER");
		assertThat(d.validate()).extracting(ImportProblem::file, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("plans.csv", "kind", Code.BAD_VALUE), tuple("plans.csv", "period", Code.BAD_PERIOD),
					tuple("pillars.csv", "ordinal", Code.BAD_INTEGER),
					tuple("measures.csv", "parent_measure_key", Code.UNKNOWN_REFERENCE),
					tuple("kpis.csv", "unit", Code.UNKNOWN_UNIT));
	}

	@Test
	void everyColumnWithAPropertyBecomesThatPropertyOfTheNode() {
		Dataset d = programsAndMeasures();
		d.add("programs", "program_key", "prog-b", "name", "北九州 市の 事業", "name_en", "A program", "summary", "要 約");
		GraphWrites writes = d.validateWithoutProblems();
		Map<String, Object> props = nodeProps(writes, "Program", "prog-b");
		// names and summaries are cleaned (spaces extraction put inside Japanese
		// removed), the English name kept as written
		assertThat(props).containsEntry("name", "北九州市の事業")
			.containsEntry("nameEn", "A program")
			.containsEntry("summary", "要約")
			.containsEntry("sourceId", SOURCE)
			.containsEntry("section", "s");
		for (Catalogue.Column column : Catalogue.table("programs").columns()) {
			if (column.rule() != Rule.KEY) {
				assertThat(props).as(column.name()).containsKey(column.property());
			}
		}
	}

	@Test
	void aReferenceInANodeFileMakesTheRelationshipTheCatalogueNames() {
		Dataset d = programsAndMeasures();
		d.add("measures", "measure_key", "ms-2", "plan_key", "plan-a", "parent_measure_key", "ms-1", "name", "小施策");
		GraphWrites writes = d.validateWithoutProblems();
		assertThat(relationships(writes, "PART_OF").rows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("from", "ms-2").containsEntry("to", "ms-1"));
		assertThat(relationships(writes, "IN_PLAN").rows()).extracting(row -> row.get("from"))
			.containsExactly("ms-1", "ms-2");
	}

	@Test
	void aSecondNoteOnTheSameTopicFromTheSameSectionIsRefusedAtTheTopic() {
		Dataset d = programsAndMeasures();
		d.add("notes", "target_type", "Program", "target_key", "prog-megaregion", "topic", "期間", "text", "5年");
		d.add("notes", "target_type", "Program", "target_key", "prog-megaregion", "topic", "期間", "text", "6年");
		assertThat(d.validate()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple(3, "topic", Code.DUPLICATE_KEY));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> nodeProps(GraphWrites writes, String label, String key) {
		return writes.nodes(label)
			.stream()
			.filter(row -> row.get("key").equals(key))
			.map(row -> (Map<String, Object>) row.get("props"))
			.findFirst()
			.orElseThrow();
	}

	// --- an in-memory dataset
	// ---------------------------------------------------------------------------------

	static Dataset programsAndMeasures() {
		Dataset d = new Dataset();
		d.add("plans", "plan_key", "plan-a", "name", "計画", "kind", "VISION", "period", "R8");
		d.add("measures", "measure_key", "ms-1", "plan_key", "plan-a", "name", "施策");
		d.add("programs", "program_key", "prog-megaregion", "name", "メガリージョン推進事業");
		d.add("units", "unit", "千円", "base_unit", "yen", "multiplier", "1000");
		d.add("units", "unit", "%", "base_unit", "percent", "multiplier", "1");
		return d;
	}

	static Dataset kpi() {
		Dataset d = programsAndMeasures();
		d.add("kpis", "kpi_key", "kpi-a", "name", "認知度", "unit", "%", "direction", "HIGHER_IS_BETTER");
		return d;
	}

	static GraphWrites.Relationships relationships(GraphWrites writes, String type) {
		return writes.relationships.stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
	}

	static final class Dataset {

		final Map<String, List<Table.Row>> rows = new LinkedHashMap<>();

		Dataset() {
			add("sources", "source_id", SOURCE, "title", "新ビジョン");
		}

		/**
		 * A row of the file, with its provenance (rows of sources and units have none).
		 */
		void add(String table, String... columnsAndValues) {
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < columnsAndValues.length; i += 2) {
				values.put(columnsAndValues[i], columnsAndValues[i + 1]);
			}
			if (!table.equals("sources") && !table.equals("units")) {
				values.put("source_id", SOURCE);
				values.put("section", "s");
			}
			List<Table.Row> file = this.rows.computeIfAbsent(table, t -> new ArrayList<>());
			file.add(new Table.Row(file.size() + 2, values, values.size()));
		}

		/** A row of the file with these cells alone. */
		void addAsIs(String table, String... columnsAndValues) {
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < columnsAndValues.length; i += 2) {
				values.put(columnsAndValues[i], columnsAndValues[i + 1]);
			}
			List<Table.Row> file = this.rows.computeIfAbsent(table, t -> new ArrayList<>());
			file.add(new Table.Row(file.size() + 2, values, values.size()));
		}

		List<ImportProblem> validate() {
			List<ImportProblem> problems = new ArrayList<>();
			new DatasetValidator(tables(), problems).validate();
			return problems;
		}

		GraphWrites validateWithoutProblems() {
			List<ImportProblem> problems = new ArrayList<>();
			GraphWrites writes = new DatasetValidator(tables(), problems).validate();
			assertThat(problems).isEmpty();
			return writes;
		}

		Map<String, Table> tables() {
			Map<String, Table> tables = new LinkedHashMap<>();
			DatasetTables.COLUMNS.forEach((name, columns) -> tables.put(name,
					new Table(name, name + ".csv", columns, this.rows.getOrDefault(name, List.of()))));
			return tables;
		}

	}

}
