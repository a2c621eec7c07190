package org.policygraph.program;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Programs and budgets (予算額) of plans, pillars and measures. */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramRollupsIT {

	/** 000's 予算額 (千円) column, the FY2026 (R8) budget, in yen. */
	static final long MEGAREGION = 13_039_000L;

	static final long SHIN_JIDAI = 40_000_000L;

	static final long WOMANS_CHOICE = 15_000_000L;

	static final long WORK_LIFE_BALANCE = 5_925_000L;

	static final long OVERSEAS_PROMOTION = 18_875_000L;

	static final long SMARAKU = 446_630_000L;

	/** No.7 and, again (再掲), No.9: 91,040 */
	static final long SUKOYAKA = 91_040_000L;

	static final long NEXT_GEN_DIGITAL = 1_116_000_000L;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void thePlansBudgetCountsAProgramListedUnderTwoPillarsOnce() {
		long eightPrograms = MEGAREGION + SHIN_JIDAI + WOMANS_CHOICE + WORK_LIFE_BALANCE + OVERSEAS_PROMOTION + SMARAKU
				+ SUKOYAKA + NEXT_GEN_DIGITAL;
		assertThat(eightPrograms).isEqualTo(1_746_509_000L);
		this.graphQl.documentName("program-budgets")
			.variable("fiscalYear", 2026)
			.execute()
			.path("plans[?(@.id == 'plan-shin-vision')].budget")
			.entityList(Long.class)
			.containsExactly(eightPrograms);
	}

	@Test
	void eachPillarsBudgetIncludesAProgramListedUnderIt() {
		this.graphQl.documentName("program-budgets")
			.variable("fiscalYear", 2026)
			.execute()
			.path("pillars[*].budget")
			.entityList(Long.class)
			.containsExactly(MEGAREGION + SHIN_JIDAI + WOMANS_CHOICE + WORK_LIFE_BALANCE + OVERSEAS_PROMOTION,
					SMARAKU + SUKOYAKA + NEXT_GEN_DIGITAL, SUKOYAKA);
	}

	@Test
	void aBudgetForAYearWithoutBudgetsIsNull() {
		// 000 gives budgets for R8 (FY2026) only; 001 gives none
		GraphQlTester.Response fy2025 = this.graphQl.documentName("program-budgets")
			.variable("fiscalYear", 2025)
			.execute();
		fy2025.path("pillars[0].budget").valueIsNull();
		assertThat(fy2025.path("plans[?(@.id == 'plan-shin-vision')].budget").entityList(Object.class).get())
			.containsOnlyNulls();
		GraphQlTester.Response fy2026 = this.graphQl.documentName("program-budgets")
			.variable("fiscalYear", 2026)
			.execute();
		assertThat(fy2026.path("plans[?(@.id == 'plan-sousei')].budget").entityList(Object.class).get())
			.containsOnlyNulls();
	}

	@Test
	void pillarProgramsAreEveryDistinctProgramServingThePillar() {
		// 000 Ⅰ: No.1–No.5; Ⅱ: No.6–No.8; Ⅲ: No.9 (= No.7, 再掲)
		this.graphQl.documentName("program-budgets")
			.variable("fiscalYear", 2026)
			.execute()
			.path("pillars[0].programs")
			.entityList(Object.class)
			.hasSize(5)
			.path("pillars[1].programs[*].id")
			.entityList(String.class)
			.containsExactly("prog-next-gen-digital", "prog-smaraku", "prog-sukoyaka-kyosei")
			.path("pillars[2].programs[*].id")
			.entityList(String.class)
			.containsExactly("prog-sukoyaka-kyosei");
	}

	@Test
	void aMeasuresProgramsIncludeThoseOfItsSubMeasures() {
		// 001 Ⅳ⑤: ⇒1 新たな広域連携推進事業, ⇒2 the same again, ⇒3 北九州都市圏域連携事業 and 世界遺産魅力発進事業,
		// ⇒4 沿線自治体との連携推進, ⇒5 広域連携推進事業
		this.graphQl.documentName("program-budgets")
			.variable("planId", "plan-sousei")
			.variable("fiscalYear", 2026)
			.execute()
			.path("pillars[?(@.id == 'pil-sousei-4')].measures[?(@.id == 'ms-sousei-4-5')].programs[*].id")
			.entityList(String.class)
			.containsExactly("prog-sousei-ensen-renkei", "prog-sousei-koiki-renkei",
					"prog-sousei-new-wide-area-cooperation", "prog-sousei-toshiken-renkei",
					"prog-sousei-world-heritage")
			.path("pillars[?(@.id == 'pil-sousei-1')].programs[*].id")
			.entityList(String.class)
			.hasSize(6);
	}

	@Test
	void aMeasuresFirstProgramsAreTheFirstInKeyOrderInOneStatementForAllMeasures() {
		RecordingDriver.clear();
		// Ⅳ⑤'s five programs (above) in key order: ensen-renkei, koiki-renkei,
		// new-wide-area-cooperation, …
		this.graphQl.documentName("measure-first-programs")
			.variable("planId", "plan-sousei")
			.variable("first", 2)
			.execute()
			.path("pillars[?(@.id == 'pil-sousei-4')].measures[?(@.id == 'ms-sousei-4-5')].programs[*].id")
			.entityList(String.class)
			.containsExactly("prog-sousei-ensen-renkei", "prog-sousei-koiki-renkei");
		assertThat(RecordingDriver.statements().stream().filter(statement -> statement.contains("LISTED_UNDER")))
			.hasSize(1);
	}

	@Test
	void aMeasuresProgramsRefuseFirstOutsideOneToHundred() {
		this.graphQl.documentName("measure-first-programs")
			.variable("planId", "plan-sousei")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_ARGUMENT")));
	}

	@Test
	void budgetsOfManyParentsCostOneStatementPerField() {
		RecordingDriver.clear();
		this.graphQl.documentName("program-budgets")
			.variable("planId", "plan-dx")
			.variable("fiscalYear", 2026)
			.execute()
			.path("pillars")
			.entityList(Object.class)
			.hasSize(12);
		List<String> budgetStatements = RecordingDriver.statements()
			.stream()
			.filter(statement -> statement.contains("HAS_BUDGET") || statement.contains("budgetRollup"))
			.toList();
		// one for the plans' budgets, one for the twelve DX themes' budgets
		assertThat(budgetStatements).hasSize(2);
		// each reads the totals kept on the graph: no aggregation over the programs
		assertThat(budgetStatements).noneMatch(statement -> statement.contains("HAS_BUDGET"));
	}

}
