package org.policygraph.kpi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Query.coverage on the documents' data: the gaps each plan leaves. */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theStrategysOnlyProgramWithoutAnIndicatorIsTheKanmonMachibirakiProgram() {
		// 001: Ⅳ④⇒1 関門海峡都市・観光まちびらき連携事業 shares its row with 関門地域魅力向上事業, whose KPI it does
		// not carry
		this.graphQl.documentName("kpi-coverage")
			.variable("planId", "plan-sousei")
			.execute()
			.path("coverage.programsWithoutKpis[*].id")
			.entityList(String.class)
			.containsExactly("prog-sousei-kanmon-machibiraki")
			// every measure of the strategy has a program with a KPI, through its
			// sub-measures (⇒)
			.path("coverage.measuresWithoutKpis")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void theStrategyNamesABureauForOnlyThreeOfItsTwentyFourPrograms() {
		// 001: 【企画調整局】 after F1層に届け！…, 定住・移住促進事業 and 北九州市ミュージアム構想推進事業 only
		this.graphQl.documentName("kpi-coverage")
			.variable("planId", "plan-sousei")
			.execute()
			.path("coverage.programsWithoutOrganization[*].id")
			.entityList(String.class)
			.hasSize(21)
			.contains("prog-sousei-oeaed", "prog-sousei-tabunka-kyosei")
			.doesNotContain("prog-sousei-f1-city-promotion", "prog-sousei-teiju-iju", "prog-sousei-museum-concept");
	}

	@Test
	void theStrategysIndicatorsWithoutTargetOrActual() {
		// 001: 事業継続による大学等への支援 states no target; the others' targets are steps in words
		// (共同PRツールの
		// 作成, 連携中枢都市圏の形成（H28.4.18）, 集客イベントの毎年度開催, …の策定（H27年度）), which are targets too
		this.graphQl.documentName("kpi-coverage")
			.variable("planId", "plan-sousei")
			.execute()
			.path("coverage.kpisWithoutTarget[*].id")
			.entityList(String.class)
			.containsExactly("kpi-sousei-university-support")
			// 001: H27/H28 only －, 調査中 or nothing: no actual with a figure
			.path("coverage.kpisWithoutActual[*].id")
			.entityList(String.class)
			.containsExactly("kpi-foreign-resident-livability", "kpi-sousei-desirable-residence-rank",
					"kpi-sousei-facility-consolidation", "kpi-sousei-facility-plans",
					"kpi-sousei-future-potential-rank", "kpi-sousei-intl-student-company-awareness",
					"kpi-sousei-joint-pr-tools", "kpi-sousei-scholarship-support-recipients",
					"kpi-sousei-toshiken-tourists", "kpi-sousei-ui-turn-info", "kpi-toshiken-overnight-stays");
	}

	@Test
	void theNewVisionsOnlyIndicatorWithAnActualIsTheAwarenessOne() {
		// 000 gives baselines and targets only; 001's H27 43.8% / H28 49.9% are actuals
		// of the same indicator
		this.graphQl.documentName("kpi-coverage")
			.variable("planId", "plan-shin-vision")
			.execute()
			.path("coverage.kpisWithoutActual[*].id")
			.entityList(String.class)
			.hasSize(9)
			.doesNotContain("kpi-tabunka-awareness")
			.path("coverage.kpisWithoutTarget")
			.entityList(Object.class)
			.hasSize(0)
			.path("coverage.programsWithoutKpis")
			.entityList(Object.class)
			.hasSize(0)
			.path("coverage.programsWithoutOrganization")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void withoutAPlanTheReportCoversEveryPlan() {
		// 004: dashboard figures have no targets (e.g. 証明書のコンビニ交付枚数); 001's
		// 事業継続による大学等への支援 none either
		this.graphQl.documentName("kpi-coverage")
			.execute()
			.path("coverage.kpisWithoutTarget[*].id")
			.entityList(String.class)
			.contains("kpi-dx-konbini-certificates", "kpi-sousei-university-support", "kpi-xh-furusato-sites")
			.doesNotContain("kpi-tabunka-awareness")
			.path("coverage.programsWithoutKpis[*].id")
			.entityList(String.class)
			.containsExactly("prog-sousei-kanmon-machibiraki");
	}

	@Test
	void anUnknownPlanIsNotFound() {
		this.graphQl.documentName("kpi-coverage")
			.variable("planId", "plan-nowhere")
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& "planId".equals(error.getExtensions().get("field"))
					&& error.getMessage().contains("plan-nowhere"))
			.verify();
	}

}
