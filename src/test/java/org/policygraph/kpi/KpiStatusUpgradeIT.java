package org.policygraph.kpi;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store judged by an earlier version of the status rule, which kept no reason, gets the
 * reason (判定理由) at start-up: the start-up task judges it again.
 */
@PolicyGraphIntegrationTest
class KpiStatusUpgradeIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Driver driver;

	@Test
	void aStoreJudgedByTheFirstRuleGetsItsReasonsAtStart(@Autowired DatasetImporter importer) {
		importer.importPackagedDataset(false);
		// as kpi-status-rule/1 left it: a status, no reason
		this.driver.executableQuery(
				"""
						MATCH (k:Kpi)
						SET k.statusRule = 'kpi-status-rule/1'
						REMOVE k.statusReason, k.statusReasonEn, k.statusActualKind, k.statusActualYear, k.statusActualValue,
						       k.statusActualText, k.statusTargetKind, k.statusTargetYear, k.statusStartKind, k.statusExpected""")
			.execute();
		this.graphQl.document("{ node(id: \"kpi-tabunka-awareness\") { ... on Kpi { status statusReason { text } } } }")
			.execute()
			.path("node.statusReason")
			.valueIsNull();

		// what a start does (system/StoreUpgrades)
		try (var session = this.driver.session()) {
			// data/kpis.csv: 107 indicators
			assertThat(session.executeWrite(KpiStatuses::judgeOutdated)).isEqualTo(107);
			assertThat(session.executeWrite(KpiStatuses::judgeOutdated)).as("a second start finds nothing to do")
				.isZero();
		}

		// 001 lines 562-572: H28 49.9%, on the line from 43％（H25）to 50％（H31） at 46.5
		var kpi = this.graphQl
			.document("{ node(id: \"kpi-tabunka-awareness\") { ... on Kpi { status statusRule "
					+ "statusReason { text expectedValue actual { valueText } } } } }")
			.execute();
		kpi.path("node.status").entity(String.class).isEqualTo("ON_TRACK");
		kpi.path("node.statusRule").entity(String.class).isEqualTo(KpiStatuses.RULE);
		kpi.path("node.statusReason.actual.valueText").entity(String.class).isEqualTo("49.9%");
		kpi.path("node.statusReason.expectedValue").entity(Double.class).isEqualTo(46.5);
	}

}
