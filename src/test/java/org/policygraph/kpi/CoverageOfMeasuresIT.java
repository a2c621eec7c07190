package org.policygraph.kpi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Which measures count as without indicators. Every measure in the documents has one
 * through its programs, so a small plan shows the rule: a measure counts when no program
 * under it or its sub-measures has an indicator, including when it lists no program at
 * all.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageOfMeasuresIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@BeforeAll
	void createASmallPlan(@Autowired Driver driver) {
		try (var session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run("""
					CREATE (plan:Plan {key: 'plan-small', name: '小さな計画', kind: 'VISION', ordinal: 1, sourceId: 'test'})
					CREATE (pillar:Pillar {key: 'pil-small', name: '柱', ordinal: 1, sourceId: 'test'})
					CREATE (plan)-[:HAS_PILLAR {ordinal: 1}]->(pillar)
					CREATE (measured:Measure {key: 'ms-measured', name: '指標のある施策'})-[:IN_PLAN]->(plan),
					       (measured)-[:UNDER {ordinal: 1}]->(pillar)
					CREATE (sub:Measure {key: 'ms-measured-sub', name: '⇒ 具体的施策'})-[:IN_PLAN]->(plan),
					       (sub)-[:PART_OF]->(measured)
					CREATE (:Program {key: 'prog-with-kpi', name: '指標のある事業'})-[:LISTED_UNDER]->(sub),
					       (:Program {key: 'prog-with-kpi-2', name: '同じ指標の事業'})-[:LISTED_UNDER]->(sub)
					WITH plan, pillar
					MATCH (program:Program {key: 'prog-with-kpi'})
					CREATE (program)-[:MEASURED_BY {ordinal: 1}]->
					       (:Kpi {key: 'kpi-small', name: '指標', direction: 'HIGHER_IS_BETTER'})
					CREATE (unmeasured:Measure {key: 'ms-unmeasured', name: '指標のない施策'})-[:IN_PLAN]->(plan),
					       (unmeasured)-[:UNDER {ordinal: 2}]->(pillar)
					CREATE (:Program {key: 'prog-without-kpi', name: '指標のない事業'})-[:LISTED_UNDER]->(unmeasured)
					CREATE (empty:Measure {key: 'ms-empty', name: '事業のない施策'})-[:IN_PLAN]->(plan),
					       (empty)-[:UNDER {ordinal: 3}]->(pillar)
					""").consume());
		}
	}

	@Test
	void aMeasureCountsUnlessAProgramUnderItOrItsSubMeasuresHasAnIndicator() {
		this.graphQl.documentName("kpi-coverage")
			.variable("planId", "plan-small")
			.execute()
			.path("coverage.measuresWithoutKpis[*].id")
			.entityList(String.class)
			.containsExactly("ms-empty", "ms-unmeasured")
			.path("coverage.programsWithoutKpis[*].id")
			.entityList(String.class)
			.containsExactly("prog-with-kpi-2", "prog-without-kpi");
	}

}
