package org.policygraph.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DX plan's steps stated in words (マイルストーン), answered by the API with their dates,
 * themes and sources; expected values from 004_d5dbd86d4a28e2b8.txt (kitaq-dx-r6).
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PackagedDataset
class MilestonesIT {

	private static final String MILESTONE = """
			query($id: ID!) { node(id: $id) { ... on Milestone {
			  id name nameEn text ordinal fiscalYear fiscalYearTo month periodText event
			  pillar { id label name plan { id } }
			  programs { id }
			  source { sourceId section }
			  aliases { name }
			} } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theSecurityLineWasSetUpInApril2022UnderTheme09() {
		// 004 lines 340, 349-351: 09 セキュリティ対策の徹底 / (R4.4) / セキュリティ 担当ライン新設
		Map<String, Object> milestone = milestone("mil-dx-09-security-line");
		assertThat(milestone).containsEntry("name", "セキュリティ担当ライン新設")
			.containsEntry("fiscalYear", 2022)
			.containsEntry("month", 4)
			.containsEntry("periodText", "R4.4")
			.containsEntry("event", "新設")
			.containsEntry("fiscalYearTo", null)
			.containsEntry("nameEn", null)
			.containsEntry("ordinal", 1)
			.containsEntry("programs", List.of())
			// no document gives a milestone another name (data/aliases.csv names none)
			.containsEntry("aliases", List.of())
			.containsEntry("source", Map.of("sourceId", "kitaq-dx-r6", "section", "09/セキュリティ担当ライン新設"));
		assertThat(milestone.get("text")).asString().contains("R4.4").contains("セキュリティ担当ライン新設");
		assertThat(milestone.get("pillar")).isEqualTo(
				Map.of("id", "pil-dx-09", "label", "09", "name", "セキュリティ対策の徹底", "plan", Map.of("id", "plan-dx")));
	}

	@Test
	void theSecurityPolicyHasTwoDatesEnforcedR5_4AndRevisedR7_4() {
		// 004 lines 355-357: (R5.4施行、R7.4改定) 情報セキュリティ ポリシー改定
		assertThat(milestone("mil-dx-09-security-policy-enforced")).containsEntry("name", "情報セキュリティポリシー改定")
			.containsEntry("fiscalYear", 2023)
			.containsEntry("month", 4)
			.containsEntry("periodText", "R5.4")
			.containsEntry("event", "施行");
		assertThat(milestone("mil-dx-09-security-policy-revised")).containsEntry("name", "情報セキュリティポリシー改定")
			.containsEntry("fiscalYear", 2025)
			.containsEntry("month", 4)
			.containsEntry("periodText", "R7.4")
			.containsEntry("event", "改定");
	}

	@Test
	void aMonthBeforeAprilBelongsToTheFiscalYearBefore() {
		// 004 line 393: DX人材育成プロジェクトを立上げ(R5.10): October 2023, fiscal year 2023
		assertThat(milestone("mil-dx-10-talent-project")).containsEntry("fiscalYear", 2023)
			.containsEntry("month", 10)
			.containsEntry("event", "立上げ");
		// 004 lines 102-107: 子育て応援アプリ (R7.3末時点) アプリで妊娠届提出: March 2025 is fiscal year 2024
		assertThat(milestone("mil-dx-02-pregnancy-notification-app")).containsEntry("name", "アプリで妊娠届提出")
			.containsEntry("fiscalYear", 2024)
			.containsEntry("month", 3)
			.containsEntry("periodText", "R7.3末時点")
			.containsEntry("event", null);
	}

	@Test
	void aStepTheDocumentGivesNoDateHasNone() {
		// 004 lines 290-292: オフィス改革 本庁舎3階(政策局、危機管理室)で本格実施, no date
		Map<String, Object> office = milestone("mil-dx-07-office-reform");
		assertThat(office).containsEntry("name", "オフィス改革")
			.containsEntry("fiscalYear", null)
			.containsEntry("month", null)
			.containsEntry("periodText", null);
		assertThat(office.get("text")).asString().contains("本庁舎3階(政策局、危機管理室)で本格実施");
		// 004 line 426, under 標準化 (line 415-418): クラウド共通基盤の構築
		assertThat(milestone("mil-dx-standardization-cloud-platform")).containsEntry("name", "クラウド共通基盤の構築")
			.containsEntry("fiscalYear", null)
			.extractingByKey("pillar")
			.isEqualTo(Map.of("id", "pil-dx-standardization", "label", "標準化", "name", "標準化", "plan",
					Map.of("id", "plan-dx")));
	}

	@Test
	void aThemeListsItsMilestonesInDocumentOrderAndThePlanAllOfThem() {
		this.graphQl.document("""
				{ pillars(planId: "plan-dx") { id milestones { id } } plans { id milestones { id } } }""")
			.execute()
			// 004 lines 349-357: the line (R4.4) above the policy (R5.4施行、R7.4改定)
			.path("pillars[?(@.id == 'pil-dx-09')].milestones[*].id")
			.entityList(String.class)
			.containsExactly("mil-dx-09-security-line", "mil-dx-09-security-policy-enforced",
					"mil-dx-09-security-policy-revised")
			// 02 妊娠届, 04 行政事務センター, 05 デジラボ, 07 オフィス改革, 09 ×3, 10 人材育成, 標準化 クラウド
			.path("plans[?(@.id == 'plan-dx')].milestones[*].id")
			.entityList(String.class)
			.containsExactly("mil-dx-02-pregnancy-notification-app", "mil-dx-04-admin-center-opened",
					"mil-dx-05-digilab", "mil-dx-07-office-reform", "mil-dx-09-security-line",
					"mil-dx-09-security-policy-enforced", "mil-dx-09-security-policy-revised",
					"mil-dx-10-talent-project", "mil-dx-standardization-cloud-platform")
			.path("plans[?(@.id == 'plan-shin-vision')].milestones[*].id")
			.entityList(String.class)
			.hasSize(0);
	}

	@Test
	void searchFindsMilestonesByTheirWords() {
		// 004 line 351: セキュリティ 担当ライン新設; line 202: デジラボ; line 206: AI議事録作成支援
		// (in デジラボ's words)
		assertThat(searchIds("セキュリティ担当ライン")).contains("mil-dx-09-security-line");
		assertThat(searchIds("デジラボ")).first().isEqualTo("mil-dx-05-digilab");
		assertThat(searchIds("議事録作成支援")).contains("mil-dx-05-digilab");
		// 004 line 107: アプリで妊娠届提出, and in hiragana (kana are folded)
		assertThat(searchIds("妊娠届")).contains("mil-dx-02-pregnancy-notification-app");
		assertThat(searchIds("あぷりで妊娠届")).contains("mil-dx-02-pregnancy-notification-app");
	}

	@Test
	void aMilestonesHistoryShowsTheImportThatCreatedIt() {
		this.graphQl.document("{ history(id: \"mil-dx-09-security-line\") { action nodeId change { operation } } }")
			.execute()
			.path("history[?(@.action == 'CREATED')].change.operation")
			.entityList(String.class)
			.contains("import");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> milestone(String id) {
		return this.graphQl.document(MILESTONE).variable("id", id).execute().path("node").entity(Map.class).get();
	}

	private List<String> searchIds(String text) {
		return this.graphQl.document("query($text: String!) { search(text: $text) { node { id } } }")
			.variable("text", text)
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.get();
	}

}
