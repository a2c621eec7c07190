package org.policygraph.program;

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
class ProgramsIT {

	/** data/README.md, Counts: NODE Program 32 (8 from 000, 24 from 001). */
	static final int ALL_PROGRAMS = 32;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void pagingWithFiveAtATimeVisitsEveryProgramOnceInKeyOrderWithAStableTotal() {
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		int pages = 0;
		while (hasNext) {
			GraphQlTester.Response response = this.graphQl.documentName("program-page")
				.variable("first", 5)
				.variable("after", after)
				.execute();
			response.path("programs.totalCount").entity(Integer.class).isEqualTo(ALL_PROGRAMS);
			response.path("programs.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			List<String> ids = response.path("programs.edges[*].node.id").entityList(String.class).get();
			assertThat(ids).hasSizeLessThanOrEqualTo(5).isNotEmpty();
			seen.addAll(ids);
			hasNext = response.path("programs.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("programs.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(7);
		assertThat(seen).hasSize(ALL_PROGRAMS).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void firstDefaultsToTwenty() {
		this.graphQl.documentName("program-page")
			.execute()
			.path("programs.edges")
			.entityList(Object.class)
			.hasSize(20)
			.path("programs.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void aMalformedCursorIsABadArgument() {
		this.graphQl.documentName("program-page")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code"))
					&& "after".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void firstOutsideOneToAHundredIsABadArgument() {
		for (int first : new int[] { 0, 101 }) {
			this.graphQl.documentName("program-page")
				.variable("first", first)
				.execute()
				.errors()
				.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code"))
						&& "first".equals(error.getExtensions().get("field")))
				.verify();
		}
	}

	@Test
	void anUnknownOrganizationIdIsNotFoundNamingTheArgument() {
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("organizationId", "org-nowhere"))
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& "where.organizationId".equals(error.getExtensions().get("field"))
					&& error.getMessage().contains("org-nowhere"))
			.verify();
	}

	@Test
	void everyUnknownIdFilterIsNotFound() {
		for (String field : List.of("planId", "pillarId", "measureId", "partnerBodyId")) {
			this.graphQl.documentName("program-page")
				.variable("where", Map.of(field, "nowhere"))
				.execute()
				.errors()
				.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
						&& ("where." + field).equals(error.getExtensions().get("field")))
				.verify();
		}
	}

	@Test
	void filteringByPlanGivesThePlansPrograms() {
		// 000 lists programs No.1–No.9, No.9 being No.7 again (再掲): eight programs
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("planId", "plan-shin-vision"))
			.execute()
			.path("programs.totalCount")
			.entity(Integer.class)
			.isEqualTo(8)
			.path("programs.edges[*].node.name")
			.entityList(String.class)
			.contains("すこやかな共生社会構築事業", "メガリージョン推進事業", "次世代デジタル人材育成支援事業");
		// 001 lists its programs under sub-measures (⇒) of the specific measures; 32 - 8
		// = 24 programs
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("planId", "plan-sousei"))
			.execute()
			.path("programs.totalCount")
			.entity(Integer.class)
			.isEqualTo(24);
	}

	@Test
	void filteringByPillarFollowsSubMeasures() {
		// 000 Ⅱ「彩りあるまち」: No.6 スマらく区役所サービスプロジェクト, No.7 すこやかな共生社会構築事業,
		// No.8 次世代デジタル人材育成支援事業
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("pillarId", "pil-sv-2"))
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("prog-next-gen-digital", "prog-smaraku", "prog-sukoyaka-kyosei");
		// 001 基本目標Ⅰ: ①⇒1…⇒4 (four programs) and ⑦（i）⇒1 (two programs, two levels down)
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("pillarId", "pil-sousei-1"))
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.hasSize(6)
			.contains("prog-sousei-local-employment-rate", "prog-sousei-mirai-jinzai-fund", "prog-sousei-manabito-esd",
					"prog-sousei-intl-bridge", "prog-sousei-oeaed", "prog-sousei-china-business-support");
	}

	@Test
	void filteringByMeasureIncludesItsSubMeasures() {
		// 001 Ⅰ⑦ → （i） → ⇒1: 東アジア経済交流推進機構推進事業, 中国ビジネスサポート拠点整備事業
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("measureId", "ms-sousei-1-7"))
			.execute()
			.path("programs.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("中国ビジネスサポート拠点整備事業", "東アジア経済交流推進機構推進事業");
	}

	@Test
	void filteringByOrganizationIncludesItsUnits() {
		// 000 担当課 国際政策課: No.5 海外プロモーション促進事業, No.7/No.9 すこやかな共生社会構築事業
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("organizationId", "org-kokusai-seisaku-ka"))
			.execute()
			.path("programs.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("海外プロモーション促進事業", "すこやかな共生社会構築事業");
		// 002 (2)組織: 政策局 has WomanWill推進室 (000 No.3, No.4) and DX・AI戦略室 (000 No.6); 003
		// 課題A (3) / 課題B（5）
		// place 国際政策課 (000 No.5, No.7/9) in 政策局 too
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("organizationId", "org-seisaku-kyoku"))
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("prog-overseas-promotion", "prog-smaraku", "prog-sukoyaka-kyosei", "prog-womans-choice",
					"prog-work-life-balance");
	}

	@Test
	void filteringByPartnerBodyGivesTheProgramsWorkingThroughIt() {
		// 000 No.7: 北九州国際交流協会に「（仮）多文化地域コーディネーター」を配置;
		// 001 Ⅱ④⇒1 多文化共生推進に伴うコーディネート支援 (公益財団法人北九州国際交流協会への支援)
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("partnerBodyId", "pb-kitaq-international-association"))
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("prog-sousei-tabunka-coordinate", "prog-sukoyaka-kyosei");
	}

	@Test
	void filteringByTextFindsPartialJapaneseWordsInNamesAndSummaries() {
		// 000 No.7 summary 「（仮）多文化地域コーディネーター」; 001 多文化共生推進事業, 多文化共生推進に伴うコーディネート支援
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("text", "多文化"))
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("prog-sousei-tabunka-coordinate", "prog-sousei-tabunka-kyosei", "prog-sukoyaka-kyosei");
	}

	@Test
	void filtersApplyTogether() {
		// 国際政策課 runs No.5 (Ⅰ) and No.7/9 (Ⅱ, Ⅲ); only the latter serves Ⅲ
		this.graphQl.documentName("program-page")
			.variable("where", Map.of("organizationId", "org-kokusai-seisaku-ka", "pillarId", "pil-sv-3"))
			.execute()
			.path("programs.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("prog-sukoyaka-kyosei");
	}

	@Test
	void aProgramListedTwiceHasBothListingsBothPillarsAndOneBudget() {
		// 000: Ⅱ 都市ブランドの確立… No.7 すこやかな共生社会構築事業 … 国際 政策 課 … 91,040
		// Ⅲ 外国人との共生社会の実現に向けた環境整備 No.9 すこやかな共生社会構築事業 … 91,040
		this.graphQl.documentName("program-detail")
			.variable("where", Map.of("text", "すこやかな共生社会構築事業"))
			.execute()
			.path("programs.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("programs.edges[0].node.measures[*].id")
			.entityList(String.class)
			.containsExactly("ms-sv-city-brand", "ms-sv-foreign-coexistence")
			.path("programs.edges[0].node.listings[*].number")
			.entityList(Integer.class)
			.containsExactly(7, 9)
			.path("programs.edges[0].node.listings[*].reposted")
			.entityList(Boolean.class)
			.containsExactly(false, true)
			.path("programs.edges[0].node.pillars[*].label")
			.entityList(String.class)
			.containsExactly("Ⅱ", "Ⅲ")
			.path("programs.edges[0].node.organization.name")
			.entity(String.class)
			.isEqualTo("国際政策課")
			.path("programs.edges[0].node.partners[*].name")
			.entityList(String.class)
			.containsExactly("北九州国際交流協会")
			.path("programs.edges[0].node.budgets[*].amountYen")
			.entityList(Long.class)
			.containsExactly(91_040_000L)
			.path("programs.edges[0].node.budgets[0].fiscalYear")
			.entity(Integer.class)
			.isEqualTo(2026)
			.path("programs.edges[0].node.budgets[0].text")
			.entity(String.class)
			.isEqualTo("91,040千円")
			.path("programs.edges[0].node.continues")
			.entityList(Object.class)
			.hasSize(0)
			.path("programs.edges[0].node.sources[*].sourceId")
			.entityList(String.class)
			.contains("shin-vision-r8-programs");
	}

	@Test
	void aProgramUnderASubMeasureServesThePillarOfItsParentMeasure() {
		// 001 Ⅰ⑦（i）⇒1: 東アジア経済交流推進機構推進事業, under 基本目標Ⅰ
		this.graphQl.documentName("program-detail")
			.variable("where", Map.of("text", "東アジア経済交流推進機構推進事業"))
			.execute()
			.path("programs.edges[0].node.measures[0].id")
			.entity(String.class)
			.isEqualTo("ms-sousei-1-7-i-a1")
			.path("programs.edges[0].node.measures[0].parent.id")
			.entity(String.class)
			.isEqualTo("ms-sousei-1-7-i")
			.path("programs.edges[0].node.measures[0].pillars[*].id")
			.entityList(String.class)
			.containsExactly("pil-sousei-1")
			.path("programs.edges[0].node.pillars[*].id")
			.entityList(String.class)
			.containsExactly("pil-sousei-1")
			.path("programs.edges[0].node.listings[0].number")
			.valueIsNull()
			.path("programs.edges[0].node.organization")
			.valueIsNull();
	}

	@Test
	void theOrganizationOfAnEarlierPlansProgramIsTheBureauItNames() {
		// 001 Ⅱ①⇒1: F1層に届け！北九州シティプロモーション事業【企画調整局】
		this.graphQl.documentName("program-detail")
			.variable("where", Map.of("text", "F1層に届け"))
			.execute()
			.path("programs.edges[0].node.organization.name")
			.entity(String.class)
			.isEqualTo("企画調整局")
			.path("programs.edges[0].node.organization.kind")
			.entity(String.class)
			.isEqualTo("BUREAU");
	}

	@Test
	void relationshipFieldsCostOneStatementEachWhateverTheNumberOfPrograms() {
		RecordingDriver.clear();
		this.graphQl.documentName("program-statement-count").variable("first", 2).execute().path("programs").hasValue();
		List<String> forTwo = RecordingDriver.statements();

		RecordingDriver.clear();
		this.graphQl.documentName("program-statement-count")
			.variable("first", 50)
			.execute()
			.path("programs.edges")
			.entityList(Object.class)
			.hasSize(ALL_PROGRAMS);
		List<String> forAll = RecordingDriver.statements();

		// the page, then one statement each for measures, organization, partners and
		// budgets
		assertThat(forAll).hasSize(5).hasSameSizeAs(forTwo);
		assertThat(RecordingDriver.accessModes()).isNotEmpty().containsOnly(AccessMode.READ);
	}

}
