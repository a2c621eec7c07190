package org.policygraph.importing;

import org.junit.jupiter.api.Test;
import org.policygraph.model.Catalogue;

import static org.assertj.core.api.Assertions.assertThat;

/** The export writes every table of the catalogue, each with all its columns. */
class DatasetExporterTests {

	@Test
	void theExportWritesEveryCataloguedTableInReadingOrder() {
		assertThat(DatasetExporter.tableNames())
			.containsExactlyElementsOf(Catalogue.TABLES.stream().map(Catalogue.TableType::name).toList());
	}

	@Test
	void eachTablesStatementReturnsEveryColumnOfTheTable() {
		for (Catalogue.TableType table : Catalogue.TABLES) {
			String statement = DatasetExporter.statement(table.name());
			assertThat(statement).as(table.name()).isNotNull();
			for (String column : table.columnNames()) {
				assertThat(statement).as(table.name()).containsPattern(" AS " + column + "\\b");
			}
		}
	}

	@Test
	void aFileOfRelationshipsIsReadByAStatementMadeFromItsDescription() {
		// program_measures.csv: program_key, measure_key, number, reposted, source_id,
		// section
		assertThat(DatasetExporter.relationship(Catalogue.table("program_measures"))).isEqualToIgnoringWhitespace("""
				MATCH (a:Program)-[r:LISTED_UNDER]->(b:Measure)
				RETURN a.key AS program_key, b.key AS measure_key, r.number AS number, r.reposted AS reposted,
				       r.sourceId AS source_id, r.section AS section
				ORDER BY program_key, measure_key""");
		assertThat(DatasetExporter.relationship(Catalogue.table("programs"))).isNull();
	}

	@Test
	void aNodeFileIsReadByAStatementMadeFromItsDescription() {
		// measures.csv: measure_key, plan_key, parent_measure_key, label, name, name_en,
		// source_id, section; a measure may lack its parent
		assertThat(DatasetExporter.nodes(Catalogue.table("measures"))).isEqualToIgnoringWhitespace("""
				MATCH (n:Measure)
				OPTIONAL MATCH (n)-[:IN_PLAN]->(e0:Plan)
				OPTIONAL MATCH (n)-[:PART_OF]->(e1:Measure)
				RETURN n.key AS measure_key, e0.key AS plan_key, e1.key AS parent_measure_key, n.label AS label,
				       n.name AS name, n.nameEn AS name_en, n.sourceId AS source_id, n.section AS section
				ORDER BY n.key""");
		// notes.csv: target_type, target_key, topic, text, source_id, section; a note
		// exists
		// only on its target
		assertThat(DatasetExporter.nodes(Catalogue.table("notes"))).isEqualToIgnoringWhitespace("""
				MATCH (n:Note)
				MATCH (e0)-[:HAS_NOTE]->(n)
				RETURN [label IN labels(e0) WHERE label IN $targetLabels][0] AS target_type, e0.key AS target_key,
				       n.topic AS topic, n.text AS text, n.sourceId AS source_id, n.section AS section
				ORDER BY n.key""");
		// a budget's amount is read back as written
		assertThat(DatasetExporter.nodes(Catalogue.table("budgets"))).contains("n.periodText AS period")
			.contains("n.text AS figure");
		// plans go out in the order of their rows
		assertThat(DatasetExporter.nodes(Catalogue.table("plans"))).endsWith("ORDER BY n.ordinal, n.key");
	}

}
