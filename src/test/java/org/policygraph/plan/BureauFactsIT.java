package org.policygraph.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What 政策局's bureau policy states of the bureau besides its issues, answered by the API.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PackagedDataset
class BureauFactsIT {

	private static final String BUREAU = """
			query($id: ID!) { node(id: $id) { ... on Plan { bureau {
			  mission { text source { sourceId section } }
			  generalAccount { yen text statement source { sourceId section } }
			  generalRevenue { yen text }
			  specialAccount { text }
			  organization { text }
			  reviewSummary { text }
			  reviewAchieved { text }
			  reviewShortfalls { text }
			  areas { area definition source { section } }
			} } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theR7BureauPolicyAnswersItsBudgetMissionReviewAndAreas() {
		var bureau = this.graphQl.document(BUREAU).variable("id", "plan-xhoushin-r7").execute();
		// 002 line 24: 一般会計129億円(うち一般財源105億円)、特別会計なし
		bureau.path("node.bureau.generalAccount.yen")
			.entity(Long.class)
			.isEqualTo(12_900_000_000L)
			.path("node.bureau.generalAccount.text")
			.entity(String.class)
			.isEqualTo("129億円")
			.path("node.bureau.generalAccount.statement")
			.entity(String.class)
			.isEqualTo("一般会計129億円(うち一般財源105億円)、特別会計なし")
			.path("node.bureau.generalAccount.source.sourceId")
			.entity(String.class)
			.isEqualTo("x-houshin-r7")
			.path("node.bureau.generalRevenue.yen")
			.entity(Long.class)
			.isEqualTo(10_500_000_000L)
			.path("node.bureau.specialAccount.text")
			.entity(String.class)
			.isEqualTo("特別会計なし")
			// 002 line 28: 総務部、政策部、グローバル挑戦部、WomanWill推進室、DX・AI戦略室、東京事務所
			.path("node.bureau.organization.text")
			.entity(String.class)
			.satisfies(text -> assertThat(text).contains("総務部、政策部、グローバル挑戦部、WomanWill推進室、DX・AI戦略室、東京事務所"))
			// 002 line 3: 1 組織の使命
			.path("node.bureau.mission.source.section")
			.entity(String.class)
			.isEqualTo("1 組織の使命")
			.path("node.bureau.mission.text")
			.entity(String.class)
			.satisfies(text -> assertThat(text).startsWith("新ビジョンで掲げた都市像の実現に向け"))
			// 002 line 44: three achievements, the first the サステナブル経営認証制度
			.path("node.bureau.reviewAchieved[*].text")
			.entityList(String.class)
			.hasSize(3)
			.satisfies(items -> assertThat(items.getFirst()).contains("サステナブル経営認証制度の創設"))
			.path("node.bureau.reviewShortfalls")
			.entityList(Object.class)
			.hasSize(1)
			.path("node.bureau.reviewSummary.text")
			.entity(String.class)
			.satisfies(text -> assertThat(text).contains("おおむね一定の成果が得られた"))
			// 002 lines 72–77: 【凡例】 課題領域 A 行政サービス現場改善にかかる課題 … C 将来を見据えて、今から着手しなければならない課題
			.path("node.bureau.areas[*].area")
			.entityList(String.class)
			.containsExactly("A", "B", "C")
			.path("node.bureau.areas[0].definition")
			.entity(String.class)
			.isEqualTo("行政サービス現場改善にかかる課題")
			.path("node.bureau.areas[2].definition")
			.entity(String.class)
			.isEqualTo("将来を見据えて、今から着手しなければならない課題");
	}

	@Test
	void aPlanThatStatesNoBureauFactsHasNone() {
		this.graphQl.document(BUREAU).variable("id", "plan-shin-vision").execute().path("node.bureau").valueIsNull();
	}

}
