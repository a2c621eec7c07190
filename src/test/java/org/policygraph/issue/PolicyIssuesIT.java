package org.policygraph.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AccessMode;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyIssuesIT {

	/** 002 (局区X方針 R7): 課題A（1）, 課題B（1）…課題B（6）, 課題C（1）…課題C（5）, in the document's order. */
	static final List<String> R7 = List.of("issue-r7-a1", "issue-r7-b1", "issue-r7-b2", "issue-r7-b3", "issue-r7-b4",
			"issue-r7-b5", "issue-r7-b6", "issue-r7-c1", "issue-r7-c2", "issue-r7-c3", "issue-r7-c4", "issue-r7-c5");

	/** 003 (局区X方針 R6): 課題A（1）…A（3）, 課題B（1）…B（6）, 課題C（1）. */
	static final List<String> R6 = List.of("issue-r6-a1", "issue-r6-a2", "issue-r6-a3", "issue-r6-b1", "issue-r6-b2",
			"issue-r6-b3", "issue-r6-b4", "issue-r6-b5", "issue-r6-b6", "issue-r6-c1");

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theR7BureauPolicyHasTwelveIssuesInAreaAndNumberOrder() {
		page(Map.of("fiscalYear", 2025), 100).path("policyIssues.totalCount")
			.entity(Integer.class)
			.isEqualTo(12)
			.path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(R7.toArray(String[]::new))
			.path("policyIssues.edges[*].node.fiscalYear")
			.entityList(Integer.class)
			.satisfies(years -> assertThat(years).containsOnly(2025));
	}

	@Test
	void theR6BureauPolicyHasTenIssues() {
		page(Map.of("fiscalYear", 2024), 100).path("policyIssues.totalCount")
			.entity(Integer.class)
			.isEqualTo(10)
			.path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(R6.toArray(String[]::new));
	}

	@Test
	void withoutAFilterTheNewestYearComesFirst() {
		List<String> all = new ArrayList<>(R7);
		all.addAll(R6);
		page(null, 100).path("policyIssues.totalCount")
			.entity(Integer.class)
			.isEqualTo(22)
			.path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(all.toArray(String[]::new))
			.path("policyIssues.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void theAreaFilterKeepsOneAreaOfEveryYear() {
		// 002: 課題C（1）…C（5); 003: 課題C（1） 北九州市・新ビジョンの実現
		page(Map.of("area", "C"), 100).path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("issue-r7-c1", "issue-r7-c2", "issue-r7-c3", "issue-r7-c4", "issue-r7-c5", "issue-r6-c1")
			.path("policyIssues.edges[*].node.area")
			.entityList(String.class)
			.satisfies(areas -> assertThat(areas).containsOnly("C"));
	}

	@Test
	void filtersApplyTogether() {
		// 003: 課題A（1）, 課題A（2）, 課題A（3）
		page(Map.of("area", "A", "fiscalYear", 2024), 100).path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("issue-r6-a1", "issue-r6-a2", "issue-r6-a3");
	}

	@Test
	void anAreaOtherThanABOrCIsABadArgument() {
		expectError(Map.of("area", "D"), "BAD_ARGUMENT", "where.area");
		expectError(Map.of("area", "b"), "BAD_ARGUMENT", "where.area");
	}

	@Test
	void theIssueAboutTheKitakyushuInternationalAssociationIsFoundByItsPartnerBody() {
		// 002: 課題B（４）政策連携団体（北九州国際交流協会）の在り方
		// 003: 課題B（5） アジア成長研究所及び北九州国際交流協会の運営の在り方検討
		page(Map.of("partnerBodyId", "pb-kitaq-international-association"), 100).path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("issue-r7-b4", "issue-r6-b5")
			.path("policyIssues.edges[0].node.title")
			.entity(String.class)
			.isEqualTo("政策連携団体（北九州国際交流協会）の在り方")
			.path("policyIssues.edges[0].node.policyField")
			.entity(String.class)
			.isEqualTo("政策連携団体");
	}

	@Test
	void anUnknownPartnerBodyIsNotFound() {
		expectError(Map.of("partnerBodyId", "pb-nowhere"), "NOT_FOUND", "where.partnerBodyId");
	}

	@Test
	void theTextFilterFindsWordsInTitlesAndSummariesIgnoringCase() {
		// 003: (1)ふるさと納税の寄附受入額の増加 (課題A（1）)
		page(Map.of("text", "ふるさと納税"), 100).path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("issue-r6-a1");
		// 002 課題一覧 A: ・生成AIを中心としたAIの徹底活用やkintone等を活用した業務効率化の推進。
		page(Map.of("text", "KINTONE"), 100).path("policyIssues.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("issue-r7-a1");
	}

	@Test
	void pagesOfFiveVisitEveryIssueOnceInTheDocumentedOrder() {
		List<String> expected = new ArrayList<>(R7);
		expected.addAll(R6);
		List<String> seen = new ArrayList<>();
		String after = null;
		for (int pages = 1; pages <= 10; pages++) {
			GraphQlTester.Response response = this.graphQl.documentName("issue-page")
				.variable("first", 5)
				.variable("after", after)
				.execute();
			response.path("policyIssues.totalCount").entity(Integer.class).isEqualTo(22);
			response.path("policyIssues.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			seen.addAll(response.path("policyIssues.edges[*].node.id").entityList(String.class).get());
			boolean hasNext = response.path("policyIssues.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("policyIssues.pageInfo.endCursor").entity(String.class).get();
			if (!hasNext) {
				assertThat(pages).isEqualTo(5);
				break;
			}
		}
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void aCursorThatIsNotAnIssueCursorIsABadArgument() {
		this.graphQl.documentName("issue-page")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code"))
					&& "after".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void r7ProgressIsAsOfDecember2025() {
		// 002: ⑥進捗状況(令和7年12月時点)
		page(Map.of("fiscalYear", 2025), 100).path("policyIssues.edges[*].node.progressAsOf")
			.entityList(String.class)
			.hasSize(12)
			.satisfies(months -> assertThat(months).containsOnly("2025-12"));
	}

	@Test
	void anIssueShowsWhatItConcerns() {
		// 002 課題B（2）海外でのプレゼンス向上及び外国人に選ばれるまちに向けた国際関連施策の実施: 【インパクト：高】
		// 【緊急度：高】; ④ names 「稼げるまち」 and 「彩り豊かで安らぐまち」; ⑤(3) アジア成長研究所などの知見を活用;
		// it names no program (002 lines 144-223)
		this.graphQl.documentName("issue-detail")
			.variable("where", Map.of("fiscalYear", 2025, "area", "B"))
			.execute()
			.path("policyIssues.edges[1].node.id")
			.entity(String.class)
			.isEqualTo("issue-r7-b2")
			.path("policyIssues.edges[1].node.impact")
			.entity(String.class)
			.isEqualTo("高")
			.path("policyIssues.edges[1].node.urgency")
			.entity(String.class)
			.isEqualTo("高")
			.path("policyIssues.edges[1].node.plan.id")
			.entity(String.class)
			.isEqualTo("plan-xhoushin-r7")
			.path("policyIssues.edges[1].node.plan.kind")
			.entity(String.class)
			.isEqualTo("BUREAU_POLICY")
			.path("policyIssues.edges[1].node.programs")
			.entityList(Object.class)
			.hasSize(0)
			.path("policyIssues.edges[1].node.partnerBodies[*].id")
			.entityList(String.class)
			.containsExactly("pb-asia-growth-institute")
			.path("policyIssues.edges[1].node.pillars[*].id")
			.entityList(String.class)
			.containsExactly("pil-sv-1", "pil-sv-2", "pil-sv-3")
			.path("policyIssues.edges[1].node.pillars[0].plan.id")
			.entity(String.class)
			.isEqualTo("plan-shin-vision")
			.path("policyIssues.edges[1].node.sources[*].sourceId")
			.entityList(String.class)
			.contains("x-houshin-r7");
	}

	@Test
	void anIssueListsTheIndicatorsAndOrganizationsItNames() {
		// 003 課題A（3）: ③「当課」, ⑤「国際政策課で作成したkintoneアプリ」
		this.graphQl.documentName("issue-detail")
			.variable("where", Map.of("fiscalYear", 2024, "area", "A"))
			.execute()
			.path("policyIssues.edges[2].node.organizations[*].name")
			.entityList(String.class)
			.containsExactly("国際政策課");
		// 002 課題C（5）④: インターネット接続環境は…共同利用を行い、単独利用と比較して5割以上の経費削減を実現
		this.graphQl.documentName("issue-detail")
			.variable("where", Map.of("fiscalYear", 2025, "area", "C"))
			.execute()
			.path("policyIssues.edges[4].node.kpis[*].id")
			.entityList(String.class)
			.containsExactly("kpi-xh-internet-shared-cost-reduction");
	}

	@Test
	void programsAndPartnerBodiesListTheIssuesConcerningThem() {
		// 002 課題B（1）③ and 003 課題B（3）③: メガリージョンの推進
		this.graphQl.documentName("issue-of-node")
			.variable("id", "prog-megaregion")
			.execute()
			.path("node.policyIssues[*].id")
			.entityList(String.class)
			.containsExactly("issue-r7-b1", "issue-r6-b3");
		// 002 課題B（2）⑤(3), 課題B（3）政策連携団体（アジア成長研究所）の在り方; 003 課題B（5）
		this.graphQl.documentName("issue-of-node")
			.variable("id", "pb-asia-growth-institute")
			.execute()
			.path("node.policyIssues[*].id")
			.entityList(String.class)
			.containsExactly("issue-r7-b2", "issue-r7-b3", "issue-r6-b5");
	}

	@Test
	void thirtyIssuesWithFiveRelationshipFieldsCostSixStatements() {
		RecordingDriver.clear();
		this.graphQl.documentName("issue-relations")
			.variable("first", 30)
			.execute()
			.path("policyIssues.edges")
			.entityList(Object.class)
			.hasSize(22);
		List<String> many = RecordingDriver.statements();
		RecordingDriver.clear();
		this.graphQl.documentName("issue-relations")
			.variable("first", 2)
			.execute()
			.path("policyIssues.edges")
			.entityList(Object.class)
			.hasSize(2);
		List<String> few = RecordingDriver.statements();
		// the page, then one statement each for plan, programs, partnerBodies, pillars
		// and kpis
		assertThat(many).hasSize(6);
		assertThat(few).hasSize(many.size());
		assertThat(RecordingDriver.accessModes()).isNotEmpty().containsOnly(AccessMode.READ);
	}

	private GraphQlTester.Response page(Map<String, Object> where, int first) {
		return this.graphQl.documentName("issue-page").variable("where", where).variable("first", first).execute();
	}

	private void expectError(Map<String, Object> where, String code, String field) {
		this.graphQl.documentName("issue-page")
			.variable("where", where)
			.execute()
			.errors()
			.expect(error -> code.equals(error.getExtensions().get("code"))
					&& field.equals(error.getExtensions().get("field")))
			.verify();
	}

}
