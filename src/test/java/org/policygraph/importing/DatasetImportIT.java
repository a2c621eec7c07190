package org.policygraph.importing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PolicyGraphIntegrationTest
class DatasetImportIT {

	@Autowired
	DatasetImporter importer;

	@Test
	void packagedDatasetImports() {
		ImportReport report = this.importer.importPackagedDataset(false);
		assertThat(report.created()).isPositive();
	}

}
