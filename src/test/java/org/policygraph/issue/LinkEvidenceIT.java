package org.policygraph.issue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy issue's links and the documents' range totals, read through the API: each link
 * quotes the sentence that makes it, each total over a range of years says so.
 */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkEvidenceIT {

	private static final String CONCERNS = """
			query($id: ID!) {
			  node(id: $id) {
			    ... on PolicyIssue {
			      concerns {
			        node { id __typename }
			        evidence
			        source { sourceId section }
			      }
			    }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aPolicyIssuesLinkToAProgramQuotesTheSentenceThatNamesIt() {
		// 002 line 377, under 課題B（6）⑤: 「(1)スマラク区役所サービスプロジェクト」
		Map<String, Object> smaraku = concern("issue-r7-b6", "prog-smaraku");
		assertThat(smaraku).containsEntry("evidence", "(1)スマラク区役所サービスプロジェクト")
			.containsEntry("source",
					Map.of("sourceId", "x-houshin-r7", "section", "4 課題/課題B（6）⑤(1) スマラク区役所サービスプロジェクト"));
		assertThat(smaraku.get("node")).isEqualTo(Map.of("id", "prog-smaraku", "__typename", "Program"));
	}

	@Test
	void kpiPartnerBodyAndOrganizationLinksCarryTheirQuotes() {
		// 002 line 109: 「今年度、31回の職員向けAI研修を実施し、延べ2,100人以上が参加した」
		assertThat(concern("issue-r7-a1", "kpi-xh-ai-training-sessions")).containsEntry("evidence",
				"今年度、31回の職員向けAI研修を実施し");
		// 002 line 227: 「政策連携団体（アジア成長研究所）の在り方」
		assertThat(concern("issue-r7-b3", "pb-asia-growth-institute")).containsEntry("evidence",
				"政策連携団体（アジア成長研究所）の在り方");
		// 003 line 149: 「国際政策課で作成したkintoneアプリ」
		assertThat(concern("issue-r6-a3", "org-kokusai-seisaku-ka")).containsEntry("evidence", "国際政策課で作成したkintoneアプリ");
	}

	@Test
	void everyLinkOfEveryIssueHasAQuoteOfAtMostSixtyCharacters() {
		List<String> evidence = this.graphQl.document("""
				{ policyIssues(first: 100) { edges { node { concerns { evidence } } } } }""")
			.execute()
			.path("policyIssues.edges[*].node.concerns[*].evidence")
			.entityList(String.class)
			.get();
		// CONCERNS 60 (data/manifest.csv)
		assertThat(evidence).hasSize(60)
			.allSatisfy(quote -> assertThat(quote).isNotBlank().hasSizeLessThanOrEqualTo(60));
	}

	@Test
	void actualsTotalledOverARangeOfYearsAreCumulative() {
		// 004 lines 373-381: デジタル専門人材の採用 「11名採用 (R4～6年度)」 「(R6年度採用 3名)」;
		// 地域活性化起業人 「7名受入 (R4～6年度)」 「(R6年度受入 5名)」
		assertThat(cumulativeByPeriod("kpi-dx-digital-specialist-hires")).containsEntry("R4～6", true)
			.containsEntry("R6", false);
		assertThat(cumulativeByPeriod("kpi-dx-regional-entrepreneurs")).containsEntry("R4～6", true)
			.containsEntry("R6", false);
		// 004 lines 404-409: DX変革リーダー 「約1450名選出 (R5～6年度)」 「前年度比+700名(前年度 750名)」
		assertThat(cumulativeByPeriod("kpi-dx-transformation-leaders")).containsEntry("R5～6", true)
			.containsEntry("R5", false);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> concern(String issue, String target) {
		List<Map<String, Object>> concerns = this.graphQl.document(CONCERNS)
			.variable("id", issue)
			.execute()
			.path("node.concerns")
			.entityList(Map.class)
			.get()
			.stream()
			.map(c -> (Map<String, Object>) c)
			.toList();
		return concerns.stream()
			.filter(c -> target.equals(((Map<?, ?>) c.get("node")).get("id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(issue + " has no link to " + target + ": " + concerns));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Boolean> cumulativeByPeriod(String kpi) {
		List<Map<String, Object>> observations = this.graphQl.document("""
				query($id: ID!) { node(id: $id) { ... on Kpi { observations { kind periodText cumulative } } } }""")
			.variable("id", kpi)
			.execute()
			.path("node.observations")
			.entityList(Map.class)
			.get()
			.stream()
			.map(o -> (Map<String, Object>) o)
			.filter(o -> "ACTUAL".equals(o.get("kind")))
			.toList();
		return observations.stream()
			.collect(Collectors.toMap(o -> (String) o.get("periodText"), o -> (Boolean) o.get("cumulative")));
	}

}
