package org.policygraph.kpi;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.policygraph.bench.MunicipalityGenerator;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import judges the status of the indicators it writes, and only those: the graph's
 * other indicators keep the status they had, so an import's work and transaction memory
 * do not grow with what the graph already holds.
 */
@PolicyGraphIntegrationTest
class ImportJudgesOwnIndicatorsIT {

	@Autowired
	Driver driver;

	@Test
	void aWholeDatasetImportJudgesItsOwnIndicatorsAndNoOthers(@Autowired DatasetImporter importer,
			@TempDir Path folder) {
		importer.importPackagedDataset(false);
		// the packaged indicators, marked as an earlier rule left them
		this.driver.executableQuery("MATCH (k:Kpi) SET k.statusRule = 'kpi-status-rule/1'").execute();

		MunicipalityGenerator.Written town = new MunicipalityGenerator(7, MunicipalityGenerator.Shape.TINY)
			.write(folder, 1);
		importer.importDirectory(town.folder(), false);

		Map<String, Object> rules = this.driver.executableQuery("""
				MATCH (k:Kpi)
				WITH k.key STARTS WITH $town AS inTown, k.statusRule AS rule
				RETURN inTown + ' ' + rule AS group, count(*) AS kpis""")
			.withParameters(Map.of("town", MunicipalityGenerator.prefix(1) + "-"))
			.execute()
			.records()
			.stream()
			.collect(Collectors.toMap(r -> r.get("group").asString(), r -> r.get("kpis").asLong()));
		// data/kpis.csv: 107 indicators, untouched by the town's import
		assertThat(rules).containsOnly(Map.entry("false kpi-status-rule/1", 107L),
				Map.entry("true " + KpiStatuses.RULE, (long) town.rows().get("kpis")));
	}

}
