package org.policygraph.dataset;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The facts the dataset audit against the five source documents ({@code shared/seeds/})
 * corrected, read back through the GraphQL API, and through the graph where the API does
 * not show them (a relationship's source, a bureau fact). Every expected value was read
 * from the document line quoted above it (file and line number of the seed file), not
 * from the CSV files.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PackagedDataset
class DocumentFactsIT {

	private static final String ORGANIZATIONS = """
			query($kind: OrganizationKind, $fiscalYear: Int!) {
			  organizations(kind: $kind) {
			    id name parent { id name } children { id name } programs { id } pillars { label }
			    budget(fiscalYear: $fiscalYear)
			  }
			}""";

	private static final String ISSUE = """
			query($id: ID!) {
			  node(id: $id) {
			    ... on PolicyIssue {
			      id actions programs { id name } partnerBodies { id } kpis { id } pillars { id }
			    }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Driver driver;

	// --- organisations and their places
	// ------------------------------------------------------------------------

	@Test
	void internationalPolicyDivisionIsInThePolicyBureau() {
		// 003 line 65: 局区X方針〈政策局〉; line 139 (課題A (3) ③): 当課で得た情報の整理が不十分;
		// line 149 (⑤): 国際政策課で作成したkintoneアプリ; line 265 (課題B（5）②): 国際政策課所管の外郭団体
		// 「アジア成長研究所」と「北九州国際交流協会」. No document names the 部 it belongs to.
		organizations("SECTION").path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].parent.id")
			.entityList(String.class)
			.containsExactly("org-seisaku-kyoku");
		Record placed = this.driver.executableQuery("""
				MATCH (:Organization {key: 'org-kokusai-seisaku-ka'})-[r:PART_OF]->(b:Organization)
				RETURN b.name AS bureau, r.sourceId AS source, r.section AS section""").execute().records().getFirst();
		assertThat(placed.get("bureau").asString()).isEqualTo("政策局");
		assertThat(placed.get("source").asString()).isEqualTo("x-houshin-r6");
		assertThat(placed.get("section").asString()).contains("課題A (3)").contains("当課");
	}

	@Test
	void sectionsNoDocumentPlacesHaveNoParent() {
		// 000 lines 6, 7, 20: 担当課 政策課, Z世代課, 総務 課 — named only as 担当課; neither bureau
		// policy (002, 003)
		// nor 004 says which 局 or 部 they are in
		List<Map<String, Object>> sections = organizations("SECTION").path("organizations")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(sections).filteredOn(o -> List.of("政策課", "Z世代課", "総務課").contains(o.get("name")))
			.hasSize(3)
			.allSatisfy(o -> assertThat(o.get("parent")).as(o.get("name").toString()).isNull());
	}

	@Test
	void policyBureauFiscal2026BudgetCountsTheInternationalPolicyDivisionsPrograms() {
		// 000 予算額 (千円), the FY2026 (R8) column: line 8 No.3 Woman's CHOICE推進事業 15,000 and
		// line 12 No.4
		// ワーク・ライフ・バランス推進事業 5,925 (Woman Will推進室); line 15 No.6 スマらく区役所サービスプロジェクト 446,630
		// (DX・AI戦略室); line 13 No.5 海外プロモーション促進事業 18,875 and lines 19/22 No.7/No.9
		// すこやかな共生社会構築事業
		// 91,040, one program listed twice (国際 政策 課)
		long expected = (15_000L + 5_925L + 446_630L + 18_875L + 91_040L) * 1_000L;
		organizations("BUREAU").path("organizations[?(@.id == 'org-seisaku-kyoku')].budget")
			.entityList(Long.class)
			.containsExactly(expected)
			.path("organizations[?(@.id == 'org-seisaku-kyoku')].programs[*].id")
			.entityList(String.class)
			.contains("prog-overseas-promotion", "prog-sukoyaka-kyosei")
			.path("organizations[?(@.id == 'org-seisaku-kyoku')].children[*].name")
			.entityList(String.class)
			.contains("国際政策課")
			// 000 line 19 and line 22: すこやかな共生社会構築事業 under Ⅱ and Ⅲ, so the bureau now
			// serves all three pillars
			.path("organizations[?(@.id == 'org-seisaku-kyoku')].pillars[*].label")
			.entityList(String.class)
			.containsExactly("Ⅰ", "Ⅱ", "Ⅲ");
	}

	// --- links the documents do not make
	// ----------------------------------------------------------------------

	@Test
	void issueB2Of2025NamesNoProgram() {
		// 002 lines 144-223 (課題B（2）②-⑥) name neither 海外プロモーション促進事業 nor すこやかな共生社会構築事業;
		// line 197 (⑤(3)): 有識者やアジア成長研究所などの知見を活用した調査・分析
		issue("issue-r7-b2").path("node.programs")
			.entityList(Object.class)
			.hasSize(0)
			.path("node.partnerBodies[*].id")
			.entityList(String.class)
			.containsExactly("pb-asia-growth-institute");
	}

	@Test
	void issueB6Of2025ConcernsTheProjectItNamesAndNoFigureOfTheYearBeforesReview() {
		// 002 line 377 (課題B（6）⑤(1)): スマラク区役所サービスプロジェクト. The 7,000時間 / 6,500件 of line 44
		// belong to
		// "3 令和6年度局区X方針の振り返り", not to 課題B（6）, whose lines 357-408 state no indicator.
		issue("issue-r7-b6").path("node.programs[*].name")
			.entityList(String.class)
			.containsExactly("スマらく区役所サービスプロジェクト")
			.path("node.kpis")
			.entityList(Object.class)
			.hasSize(0);
	}

	// --- the document's words only
	// ----------------------------------------------------------------------------

	@Test
	void universityGroupingNoteIsTheOverviewHeadingAlone() {
		// 003 line 55: 外郭団体等; line 61: (6)北九州市立大学の安定的・長期的な大学経営
		this.graphQl.document("{ partnerBodies { id notes { topic text } } }")
			.execute()
			.path("partnerBodies[?(@.id == 'pb-kitakyushu-university')].notes[?(@.topic == 'GROUPING')].text")
			.entityList(String.class)
			.containsExactly("外郭団体等");
	}

	@Test
	void fiscal2024ActionsAreTheSectionTextWithoutItsHeading() {
		// 003 lines 93-95: ④ 課題に対する取組み / 内部事務を軽減する方策として、現在、かなりの時間を要している返礼品の登録・
		// 変更事務に関し、入力や確認が効率的に行える新しいシステムを導入。
		issue("issue-r6-a1").path("node.actions")
			.entity(String.class)
			.isEqualTo("内部事務を軽減する方策として、現在、かなりの時間を要している返礼品の登録・変更事務に関し、" + "入力や確認が効率的に行える新しいシステムを導入。");
		// 003 lines 271-273: ④ 課題への対応 / 令和6年度に各外郭団体の存在意義や…
		issue("issue-r6-b5").path("node.actions").entity(String.class).satisfies(actions -> {
			assertThat(actions).startsWith("令和6年度に各外郭団体の存在意義");
			assertThat(actions).doesNotContain("④", "課題への対応");
		});
	}

	@Test
	void notYetSurveyedActualKeepsTheDocumentsNoteWithoutAddedBrackets() {
		// 001 lines 618-634: H27 - / ※KPIの根拠となる外国人市民を対象とした調査は 5年毎に実施しており、次回は H31年度に実施予定。
		this.graphQl.document("""
				{ node(id: "kpi-foreign-resident-livability") {
				    ... on Kpi { observations { kind fiscalYear text } } } }""")
			.execute()
			.path("node.observations[?(@.kind == 'ACTUAL' && @.fiscalYear == 2015)].text")
			.entityList(String.class)
			.containsExactly("H27 - ※KPIの根拠となる外国人市民を対象とした調査は5年毎に実施しており、次回はH31年度に実施予定。");
	}

	@Test
	void bureauBudgetFactsCarryTheDocumentsLine() {
		// 002 lines 22-24: (1)令和7年度局全体当初予算額 / 一般会計129億円(うち一般財源105億円)、特別会計なし
		// (bureau facts are not in the GraphQL schema: read from the graph)
		List<Record> facts = this.driver.executableQuery("""
				MATCH (:Plan {key: 'plan-xhoushin-r7'})-[:HAS_FACT]->(f:BureauFact)
				WHERE f.fact IN ['BUDGET_GENERAL_ACCOUNT', 'BUDGET_GENERAL_REVENUE', 'SPECIAL_ACCOUNT']
				RETURN f.fact AS fact, f.text AS text, f.value AS value ORDER BY fact""").execute().records();
		assertThat(facts).extracting(r -> r.get("fact").asString(), r -> r.get("text").asString())
			.containsExactly(tuple("BUDGET_GENERAL_ACCOUNT", "一般会計129億円(うち一般財源105億円)、特別会計なし"),
					tuple("BUDGET_GENERAL_REVENUE", "一般会計129億円(うち一般財源105億円)、特別会計なし"),
					tuple("SPECIAL_ACCOUNT", "特別会計なし"));
		assertThat(facts.getFirst().get("value").asDouble()).isEqualTo(12_900_000_000.0);
		assertThat(facts.get(1).get("value").asDouble()).isEqualTo(10_500_000_000.0);
	}

	private GraphQlTester.Response organizations(String kind) {
		return this.graphQl.document(ORGANIZATIONS).variable("kind", kind).variable("fiscalYear", 2026).execute();
	}

	private GraphQlTester.Response issue(String id) {
		return this.graphQl.document(ISSUE).variable("id", id).execute();
	}

}
