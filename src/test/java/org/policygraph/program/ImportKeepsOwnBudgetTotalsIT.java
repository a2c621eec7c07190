package org.policygraph.program;

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
 * An import computes the budget totals of the roots its rows count for, and only those:
 * the graph's other plans, pillars and organizations keep the totals they had, so an
 * import's work does not grow with what the graph already holds.
 */
@PolicyGraphIntegrationTest
class ImportKeepsOwnBudgetTotalsIT {

	@Autowired
	Driver driver;

	@Test
	void aTownsImportComputesTheTotalsOfItsOwnRootsAndNoOthers(@Autowired DatasetImporter importer,
			@TempDir Path folder) {
		importer.importPackagedDataset(false);
		// the packaged roots, marked as an earlier version left them
		this.driver
			.executableQuery("MATCH (r) WHERE r:Plan OR r:Pillar OR r:Organization SET r.budgetRollupVersion = 0")
			.execute();

		MunicipalityGenerator.Written town = new MunicipalityGenerator(7, MunicipalityGenerator.Shape.TINY)
			.write(folder, 1);
		importer.importDirectory(town.folder(), false);

		Map<String, Long> versions = this.driver.executableQuery("""
				MATCH (r) WHERE r:Plan OR r:Pillar OR r:Organization
				WITH r.key STARTS WITH $town AS inTown, r.budgetRollupVersion AS version
				RETURN inTown + ' ' + version AS group, count(*) AS roots""")
			.withParameters(Map.of("town", MunicipalityGenerator.prefix(1) + "-"))
			.execute()
			.records()
			.stream()
			.collect(Collectors.toMap(r -> r.get("group").asString(), r -> r.get("roots").asLong()));
		// data/plans.csv, pillars.csv and organizations.csv: 5 plans, 18 pillars and 14
		// organizations, untouched by the town's import
		long packaged = 5 + 18 + 14;
		long own = (long) town.rows().get("plans") + town.rows().get("pillars") + town.rows().get("organizations");
		assertThat(versions).containsOnly(Map.entry("false 0", packaged),
				Map.entry("true " + BudgetRollups.VERSION, own));
	}

}
