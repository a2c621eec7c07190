package org.policygraph.organization;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationsIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theInternationalPolicyDivisionRunsTwoProgramsAndTheirBudgetCountsTheRepostedOneOnce() {
		// 000: No.5 海外プロモーション促進事業 … 国際 政策 課 … 18,875
		// No.7 / No.9 すこやかな共生社会構築事業 … 国際 政策 課 … 91,040
		this.graphQl.documentName("organization-list")
			.variable("kind", "SECTION")
			.variable("fiscalYear", 2026)
			.execute()
			.path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].programs[*].name")
			.entityList(String.class)
			.containsExactly("海外プロモーション促進事業", "すこやかな共生社会構築事業")
			.path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].budget")
			.entityList(Long.class)
			.containsExactly((18_875L + 91_040L) * 1000)
			.path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].pillars[*].label")
			.entityList(String.class)
			.containsExactly("Ⅰ", "Ⅱ", "Ⅲ");
	}

	@Test
	void aPlannerCanTellASectionNoDocumentPlacesFromOnePlacedInABureau() {
		// 003 (局区X方針〈政策局〉) 課題A（3） "当課で得た情報" / 課題B（5） "国際政策課所管の外郭団体": placed in 政策局, no 部
		// named;
		// 002 (2)組織(部名) lists 総務部 under 政策局; no document places 政策課 (000 names it only as
		// 担当課)
		String document = """
				{ organizations {
				    id kind placement placementSource { sourceId section } parent { id kind }
				} }""";
		var answer = this.graphQl.document(document).execute();
		answer.path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].placement")
			.entityList(String.class)
			.containsExactly("PLACED")
			.path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].parent.id")
			.entityList(String.class)
			.containsExactly("org-seisaku-kyoku")
			.path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].parent.kind")
			.entityList(String.class)
			.containsExactly("BUREAU")
			.path("organizations[?(@.id == 'org-kokusai-seisaku-ka')].placementSource.sourceId")
			.entityList(String.class)
			.containsExactly("x-houshin-r6")
			.path("organizations[?(@.id == 'org-somu-bu')].placement")
			.entityList(String.class)
			.containsExactly("PLACED")
			.path("organizations[?(@.id == 'org-somu-bu')].placementSource.sourceId")
			.entityList(String.class)
			.containsExactly("x-houshin-r7")
			.path("organizations[?(@.id == 'org-seisaku-ka')].placement")
			.entityList(String.class)
			.containsExactly("NOT_STATED")
			.path("organizations[?(@.id == 'org-seisaku-ka')].parent")
			.entityList(Object.class)
			.containsExactly((Object) null)
			.path("organizations[?(@.id == 'org-seisaku-kyoku')].placement")
			.entityList(String.class)
			.containsExactly("TOP")
			.path("organizations[?(@.id == 'org-seisaku-kyoku')].placementSource")
			.entityList(Object.class)
			.containsExactly((Object) null);
	}

	@Test
	void aBureauHasTheProgramsPillarsAndBudgetOfItsUnits() {
		// 002 (2)組織(部名): 総務部、政策部、グローバル挑戦部、WomanWill推進室、DX・AI戦略室、東京事務所; 003 (局区X方針〈政策局〉)
		// 課題A (3) "当課" / "国際政策課で作成したkintoneアプリ", 課題B（5）"国際政策課所管の外郭団体": 国際政策課 too
		// 000: WomanWill推進室 runs No.3 (15,000) and No.4 (5,925) under Ⅰ; DX・AI戦略室 runs
		// No.6 (446,630) under Ⅱ;
		// 国際政策課 runs No.5 (18,875) under Ⅰ and No.7/No.9 (91,040, counted once) under Ⅱ
		// and Ⅲ
		this.graphQl.documentName("organization-list")
			.variable("kind", "BUREAU")
			.variable("fiscalYear", 2026)
			.execute()
			.path("organizations[*].id")
			.entityList(String.class)
			.containsExactly("org-kikaku-chosei-kyoku", "org-seisaku-kyoku")
			.path("organizations[1].children[*].name")
			.entityList(String.class)
			.contains("総務部", "政策部", "グローバル挑戦部", "WomanWill推進室", "DX・AI戦略室", "東京事務所", "国際政策課")
			.hasSize(7)
			.path("organizations[1].programs[*].id")
			.entityList(String.class)
			.containsExactly("prog-overseas-promotion", "prog-smaraku", "prog-sukoyaka-kyosei", "prog-womans-choice",
					"prog-work-life-balance")
			.path("organizations[1].pillars[*].label")
			.entityList(String.class)
			.containsExactly("Ⅰ", "Ⅱ", "Ⅲ")
			.path("organizations[1].budget")
			.entity(Long.class)
			.isEqualTo((15_000L + 5_925L + 446_630L + 18_875L + 91_040L) * 1000)
			.path("organizations[1].parent")
			.valueIsNull()
			.path("organizations[1].sources[*].sourceId")
			.entityList(String.class)
			.contains("x-houshin-r7", "x-houshin-r6", "kitaq-dx-r6");
	}

	@Test
	void aUnitNamesTheBureauItBelongsTo() {
		this.graphQl.documentName("organization-list")
			.variable("kind", "DIVISION")
			.variable("fiscalYear", 2026)
			.execute()
			.path("organizations[?(@.id == 'org-womanwill')].parent.name")
			.entityList(String.class)
			.containsExactly("政策局")
			.path("organizations[?(@.id == 'org-womanwill')].name")
			.entityList(String.class)
			.containsExactly("WomanWill推進室");
	}

	@Test
	void organizationsWhoseKindNoDocumentStatesAreUnknown() {
		// 003 課題C（1）④ names 市長公室, 004 07 names 危機管理室, neither saying what level they are
		this.graphQl.documentName("organization-list")
			.variable("kind", "UNKNOWN")
			.variable("fiscalYear", 2026)
			.execute()
			.path("organizations[*].name")
			.entityList(String.class)
			.containsExactly("危機管理室", "市長公室")
			.path("organizations[*].kind")
			.entityList(String.class)
			.containsExactly("UNKNOWN", "UNKNOWN")
			.path("organizations[0].budget")
			.valueIsNull();
	}

	@Test
	void withoutAKindEveryOrganizationIsListedInKeyOrder() {
		List<String> ids = this.graphQl.documentName("organization-list")
			.variable("fiscalYear", 2026)
			.execute()
			.path("organizations[*].id")
			.entityList(String.class)
			.hasSize(14)
			.get();
		assertThat(ids).isSorted();
	}

	@Test
	void partnerBodiesNameTheirSupervisorProgramsAndNotes() {
		// 002 (3)所管の政策連携団体: アジア成長研究所、北九州国際交流協会、アジア女性交流・研究フォーラム
		this.graphQl.documentName("organization-partner-bodies")
			.execute()
			.path("partnerBodies[*].id")
			.entityList(String.class)
			.containsExactly("pb-asia-growth-institute", "pb-asian-womens-forum", "pb-kitakyushu-university",
					"pb-kitaq-international-association")
			.path("partnerBodies[?(@.id == 'pb-kitaq-international-association')].supervisor.name")
			.entityList(String.class)
			.containsExactly("政策局")
			.path("partnerBodies[?(@.id == 'pb-kitaq-international-association')].programs[*].name")
			.entityList(String.class)
			.containsExactly("多文化共生推進に伴うコーディネート支援", "すこやかな共生社会構築事業")
			// 002 課題B（5）③: 当財団は平成2年(1990年)の設立以来
			.path("partnerBodies[?(@.id == 'pb-asian-womens-forum')].notes[*].topic")
			.entityList(String.class)
			.contains("FOUNDED", "MISSION")
			.path("partnerBodies[?(@.id == 'pb-asian-womens-forum')].sources[*].sourceId")
			.entityList(String.class)
			.contains("x-houshin-r7");
	}

	@Test
	void aPartnerBodyNoDocumentPlacesUnderABureauHasNoSupervisor() {
		// 003 lists 北九州市立大学 under 外郭団体等 without naming the bureau in charge
		this.graphQl.documentName("organization-partner-bodies")
			.execute()
			.path("partnerBodies[2].id")
			.entity(String.class)
			.isEqualTo("pb-kitakyushu-university")
			.path("partnerBodies[2].supervisor")
			.valueIsNull();
	}

	@Test
	void aFacilityNamesTheBureauManagingIt() {
		// 002 (4)所管の主な公共施設: 指定管理 北九州市立男女共同参画センター・ムーブ
		this.graphQl.documentName("organization-facility")
			.variable("id", "fac-move")
			.execute()
			.path("node.name")
			.entity(String.class)
			.isEqualTo("北九州市立男女共同参画センター・ムーブ")
			.path("node.operation")
			.entity(String.class)
			.isEqualTo("指定管理")
			.path("node.manager.name")
			.entity(String.class)
			.isEqualTo("政策局")
			.path("node.sources[*].sourceId")
			.entityList(String.class)
			.containsExactly("x-houshin-r7");
	}

	@Test
	void aBureauListsTheFacilitiesItIsInChargeOf() {
		// 002 (4)所管の主な公共施設: 指定管理 北九州市立男女共同参画センター・ムーブ
		this.graphQl.documentName("organization-list")
			.variable("kind", "BUREAU")
			.variable("fiscalYear", 2026)
			.execute()
			.path("organizations[?(@.id == 'org-seisaku-kyoku')].facilities[*].id")
			.entityList(String.class)
			.containsExactly("fac-move")
			.path("organizations[?(@.id == 'org-kikaku-chosei-kyoku')].facilities[*]")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void relationshipFieldsOfEveryOrganizationCostOneStatementEach() {
		RecordingDriver.clear();
		this.graphQl.documentName("organization-list")
			.variable("fiscalYear", 2026)
			.execute()
			.path("organizations")
			.hasValue();
		// the list, then parent, children, programs, pillars, budget, facilities and
		// sources: one statement each
		assertThat(RecordingDriver.statements()).hasSize(8);
	}

}
