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

}
