package org.policygraph.kpi;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AccessMode;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Query.kpis: filters, computed status, paging and refused arguments. */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpisIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void everyIndicatorIsListedInKeyOrderAPageAtATime() {
		// data/README.md counts: Kpi 107
		this.graphQl.documentName("kpi-page")
			.variable("first", 100)
			.execute()
			.path("kpis.totalCount")
			.entity(Integer.class)
			.isEqualTo(107)
			.path("kpis.edges")
			.entityList(Object.class)
			.hasSize(100)
			.path("kpis.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		List<String> ids = this.graphQl.documentName("kpi-page")
			.variable("first", 100)
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(ids).isSorted().startsWith("kpi-counter-staff-hours");
	}

	@Test
	void theNextPageContinuesAfterTheCursor() {
		String endCursor = this.graphQl.documentName("kpi-page")
			.variable("first", 100)
			.execute()
			.path("kpis.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQl.documentName("kpi-page")
			.variable("first", 100)
			.variable("after", endCursor)
			.execute()
			.path("kpis.edges")
			.entityList(Object.class)
			.hasSize(7)
			.path("kpis.totalCount")
			.entity(Integer.class)
			.isEqualTo(107)
			.path("kpis.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("kpis.pageInfo.hasPreviousPage")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void textFindsWordsInTheName() {
		// 001: 市民の「多文化共生」という言葉の認知度
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("text", "多文化"))
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("kpi-tabunka-awareness");
	}

	@Test
	void everyWordOfTheTextMustOccurInAnyCase() {
		// 002: 職員向けAI研修の実施回数 / 延べ参加者数
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("text", "ai 研修"))
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("kpi-xh-ai-training-participants", "kpi-xh-ai-training-sessions");
	}

	@Test
	void aProgramsIndicatorsAreThoseItIsMeasuredBy() {
		// 000: すこやかな共生社会構築事業 KPI① 市民の「多文化共生」という言葉の認知度, KPI② 「暮らしやすい」と回答した人の割合
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("programId", "prog-sukoyaka-kyosei"))
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("kpi-foreign-resident-livability", "kpi-tabunka-awareness");
	}

	@Test
	void aPillarsIndicatorsAreThoseOfItsMeasuresPrograms() {
		// 000: Ⅱ「彩りあるまち」: No.6 スマらく (KPI①), No.7 すこやかな共生社会構築事業 (KPI①②), No.8 次世代デジタル
		// (KPI①)
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("pillarId", "pil-sv-2"))
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("kpi-counter-staff-hours", "kpi-foreign-resident-livability",
					"kpi-new-faculty-construction", "kpi-tabunka-awareness");
	}

	@Test
	void aPlansIndicatorsIncludeThoseOfProgramsUnderSubMeasures() {
		// 000: eight programs, two of them with a KPI② → 10 indicators
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("planId", "plan-shin-vision"))
			.execute()
			.path("kpis.totalCount")
			.entity(Integer.class)
			.isEqualTo(10);
		// 001: 東アジア経済交流推進機構推進事業 is listed under Ⅰ⑦（i）⇒1, a sub-measure of a sub-measure
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("planId", "plan-sousei", "text", "東アジア"))
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("kpi-sousei-oeaed-meetings");
	}

	@Test
	void aDxPlansIndicatorsAreTheFiguresItsThemesReport() {
		// 004: 34 figures under themes 01–10, 標準化 and 課題快傑バスターズ, 市民活用度 under both 02 and
		// 03
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("planId", "plan-dx"))
			.variable("first", 100)
			.execute()
			.path("kpis.totalCount")
			.entity(Integer.class)
			.isEqualTo(34)
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.contains("kpi-dx-digital-service-usage", "kpi-counter-staff-hours")
			.doesNotContain("kpi-tabunka-awareness");
	}

	@Test
	void theStatusFilterKeepsTotalCountAndPagingRight() {
		// 001 (statuses by docs/KPI_STATUS.md, as of H28): 利用学生数 19,928→18,520 against
		// 25,000;
		// 外国人向け無料一般相談人数 832 behind 843.6; 通訳の派遣件数 114 behind 144.8; 眺望スペース 2.7万人 behind
		// 5万人;
		// 会議数 累計 4件 behind 8.4件; 50歳以上の転入者 △198人
		List<String> firstPage = List.of("kpi-sousei-esd-station-students", "kpi-sousei-free-consultations",
				"kpi-sousei-interpreter-dispatches", "kpi-sousei-observation-space-visitors");
		Map<String, Object> offTrack = Map.of("planId", "plan-sousei", "status", "OFF_TRACK");
		String endCursor = this.graphQl.documentName("kpi-page")
			.variable("where", offTrack)
			.variable("first", 4)
			.execute()
			.path("kpis.totalCount")
			.entity(Integer.class)
			.isEqualTo(6)
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(firstPage.toArray(String[]::new))
			.path("kpis.edges[*].node.status")
			.entityList(String.class)
			.containsExactly("OFF_TRACK", "OFF_TRACK", "OFF_TRACK", "OFF_TRACK")
			.path("kpis.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("kpis.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQl.documentName("kpi-page")
			.variable("where", offTrack)
			.variable("first", 4)
			.variable("after", endCursor)
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("kpi-sousei-oeaed-meetings", "kpi-sousei-over50-inflow-increase")
			.path("kpis.totalCount")
			.entity(Integer.class)
			.isEqualTo(6)
			.path("kpis.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void onlyTwoIndicatorsHaveMetTheirTargets() {
		// 001: まなびとJOBステーション 1,500人（H31）, H28 2,446人; 海外事務所を利用した企業数 380社（H31）, H28 466社
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("status", "ACHIEVED"))
			.execute()
			.path("kpis.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("kpi-sousei-manabito-job-station-users", "kpi-sousei-overseas-office-companies");
	}

	@Test
	void anUnknownIdInTheFilterIsNotFoundNamingTheArgument() {
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("pillarId", "pil-nowhere"))
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& "where.pillarId".equals(error.getExtensions().get("field"))
					&& error.getMessage().contains("pil-nowhere"))
			.verify();
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("planId", "plan-nowhere"))
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& "where.planId".equals(error.getExtensions().get("field")))
			.verify();
		this.graphQl.documentName("kpi-page")
			.variable("where", Map.of("programId", "prog-nowhere"))
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& "where.programId".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void aPageSizeOutOfRangeOrAForeignCursorIsABadArgument() {
		this.graphQl.documentName("kpi-page")
			.variable("first", 101)
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code"))
					&& "first".equals(error.getExtensions().get("field")))
			.verify();
		this.graphQl.documentName("kpi-page")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code"))
					&& "after".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void fiftyIndicatorsWithTheirRelationsCostAsManyStatementsAsFive() {
		RecordingDriver.clear();
		this.graphQl.documentName("kpi-statement-count")
			.variable("first", 5)
			.execute()
			.path("kpis.edges")
			.entityList(Object.class)
			.hasSize(5);
		List<String> forFive = RecordingDriver.statements();
		RecordingDriver.clear();
		this.graphQl.documentName("kpi-statement-count")
			.variable("first", 50)
			.execute()
			.path("kpis.edges")
			.entityList(Object.class)
			.hasSize(50);
		List<String> forFifty = RecordingDriver.statements();
		// the page, then one statement each for observations, programs and pillars; the
		// status is kept on each
		// indicator (KpiStatuses) and comes with the page
		assertThat(forFifty).hasSize(4).hasSameSizeAs(forFive);
		assertThat(RecordingDriver.accessModes()).isNotEmpty().containsOnly(AccessMode.READ);
	}

}
