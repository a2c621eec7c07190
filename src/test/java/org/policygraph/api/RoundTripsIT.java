package org.policygraph.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AccessMode;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;
import org.policygraph.support.RecordingDriverConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request costs a number of Cypher round trips bounded by its nesting depth, never by the number of rows:
 * relationship fields are batched.
 */
@PolicyGraphIntegrationTest
@Import(RecordingDriverConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripsIT {

	private static final String DEEP_TREE = """
			query DeepTree($planId: ID) {
			  plans {
			    pillars {
			      name
			      measures {
			        name
			        programs {
			          name
			          kpis { name observations { kind value } }
			        }
			      }
			    }
			  }
			  pillars(planId: $planId) { name }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@BeforeAll
	void loadDataset(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
	}

	@Test
	void aDeepTreeCostsOneStatementPerLevelWhateverTheNumberOfRows() {
		RecordingDriver.clear();
		var response = this.graphQl.document(DEEP_TREE).variable("planId", "plan-sousei").execute();
		response.errors().verify();
		// plans → pillars → measures → programs → KPIs → observations over every plan: hundreds of rows.
		response.path("plans[*].pillars[*].measures[*].programs[*].kpis[*].observations[*]")
			.entityList(Object.class)
			.hasSizeGreaterThan(100);
		// One statement per level (plans, pillars, measures, programs, kpis, observations), one for the second
		// root field and one for its existence check of the plan id.
		assertThat(RecordingDriver.statements()).hasSizeLessThanOrEqualTo(8);
	}

	@Test
	void aReadRequestRunsAllItsStatementsInOneReadTransaction() {
		RecordingDriver.clear();
		this.graphQl.document(DEEP_TREE).variable("planId", "plan-sousei").execute().errors().verify();
		// several statements (one per level), one session and so one transaction for them all
		assertThat(RecordingDriver.statements()).hasSizeGreaterThanOrEqualTo(6);
		assertThat(RecordingDriver.accessModes()).containsExactly(AccessMode.READ);
	}

	@Test
	void readOnlyRequestsUseReadTransactionsOnly() {
		RecordingDriver.clear();
		this.graphQl.document(DEEP_TREE).execute().errors().verify();
		assertThat(RecordingDriver.accessModes()).isNotEmpty().containsOnly(AccessMode.READ);
	}

}
