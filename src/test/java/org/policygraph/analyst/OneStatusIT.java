package org.policygraph.analyst;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts and front-end teams get one answer to "which KPIs are off track": the
 * analysts' question (cypher/queries/06-kpis-behind-target.cypher) lists, for every plan,
 * exactly the indicators the API answers for {@code kpis(where: {planId, status:
 * OFF_TRACK})}.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PackagedDataset
class OneStatusIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Driver driver;

	@Test
	void theAnalystsOffTrackQuestionAndTheApiListTheSameKpisForEveryPlan() {
		List<String> plans = this.driver.executableQuery("MATCH (p:Plan) RETURN p.key AS key ORDER BY key")
			.execute()
			.records()
			.stream()
			.map(r -> r.get("key").asString())
			.toList();
		assertThat(plans).hasSize(5);
		int offTrack = 0;
		for (String plan : plans) {
			List<String> analysts = this.driver
				.executableQuery(CypherQueryFile.named("06-kpis-behind-target.cypher").statement())
				.withParameters(Map.of("planKey", plan))
				.execute()
				.records()
				.stream()
				.map(r -> r.get("kpiKey").asString())
				.toList();
			List<String> api = this.graphQl
				.document("query($plan: ID!) { kpis(where: {planId: $plan, status: OFF_TRACK}, first: 100) "
						+ "{ edges { node { id status statusRule } } } }")
				.variable("plan", plan)
				.execute()
				.path("kpis.edges[*].node.id")
				.entityList(String.class)
				.get();
			assertThat(analysts).as("plan %s", plan).containsExactlyElementsOf(api);
			offTrack += api.size();
		}
		// 総合戦略 (001): six, see KpisIT.theStatusFilterKeepsTotalCountAndPagingRight
		assertThat(offTrack).isGreaterThanOrEqualTo(6);
	}

	@Test
	void everyKpiCarriesTheStatusTheApiAnswersAndTheRuleThatJudgedIt() {
		Map<String, String> stored = new HashMap<>();
		this.driver.executableQuery("MATCH (k:Kpi) RETURN k.key AS key, k.status AS status, k.statusRule AS rule")
			.execute()
			.records()
			.forEach(r -> {
				assertThat(r.get("rule").asString()).as(r.get("key").asString()).isEqualTo("kpi-status-rule/2");
				stored.put(r.get("key").asString(), r.get("status").asString());
			});
		assertThat(stored).hasSize(107);
		Map<String, String> answered = new HashMap<>();
		String after = null;
		do {
			var page = this.graphQl
				.document("query($after: String) { kpis(first: 100, after: $after) "
						+ "{ edges { node { id status } } pageInfo { hasNextPage endCursor } } }")
				.variable("after", after)
				.execute();
			page.path("kpis.edges[*].node").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get().forEach(kpi -> answered.put((String) kpi.get("id"), (String) kpi.get("status")));
			after = page.path("kpis.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("kpis.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(answered).isEqualTo(stored);
	}

}
