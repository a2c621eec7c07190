package org.policygraph.whatif;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code whatIf}: what retiring programs would leave unsupported, answered from the
 * packaged data without changing it.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PackagedDataset
class WhatIfIT {

	private static final String WHAT_IF = """
			query($retire: [ID!]!) {
			  whatIf(retire: $retire) {
			    retired { id name }
			    kpisLosingLastProgram { id }
			    kpisLosingPillar { kpi { id } pillar { id plan { id } } }
			    measuresLeftEmpty { id name }
			    budgetChanges { pillar { id } plan { id } fiscalYear before after change }
			  }
			  sv2: node(id: "pil-sv-2") { ... on Pillar { budget(fiscalYear: 2026) } }
			  sv3: node(id: "pil-sv-3") { ... on Pillar { budget(fiscalYear: 2026) } }
			  vision: node(id: "plan-shin-vision") { ... on Plan { budget(fiscalYear: 2026) } }
			}""";

	/**
	 * 91,040千円, the R8 budget of すこやかな共生社会構築事業 (001 新ビジョン 事業一覧 Ⅱ No.7, and again as Ⅲ
	 * No.9 （再掲）).
	 */
	private static final long SUKOYAKA_R8_YEN = 91_040_000L;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void retiringAProgramListedUnderTwoMeasuresTakesItsBudgetFromBothPillarsAndOnceFromThePlan() {
		var answer = this.graphQl.document(WHAT_IF).variable("retire", List.of("prog-sukoyaka-kyosei")).execute();
		long sv2 = answer.path("sv2.budget").entity(Long.class).get();
		long sv3 = answer.path("sv3.budget").entity(Long.class).get();
		long vision = answer.path("vision.budget").entity(Long.class).get();
		List<Map<String, Object>> changes = answer.path("whatIf.budgetChanges").entityList(mapType()).get();
		assertThat(changes)
			.extracting(WhatIfIT::pillarId, WhatIfIT::planId, change -> change.get("fiscalYear"),
					change -> number(change, "before"), change -> number(change, "after"),
					change -> number(change, "change"))
			.containsExactly(tuple(null, "plan-shin-vision", 2026, vision, vision - SUKOYAKA_R8_YEN, -SUKOYAKA_R8_YEN),
					tuple("pil-sv-2", "plan-shin-vision", 2026, sv2, sv2 - SUKOYAKA_R8_YEN, -SUKOYAKA_R8_YEN),
					tuple("pil-sv-3", "plan-shin-vision", 2026, sv3, null, -SUKOYAKA_R8_YEN));
		// the packaged list gives Ⅲ one R8 budget, this one (as its 再掲), so none would be
		// left
		assertThat(sv3).isEqualTo(SUKOYAKA_R8_YEN);
	}

	@Test
	void itsIndicatorsKeepTheEarlierPlansProgramsButLoseBothPillarsOfTheVision() {
		var whatIf = this.graphQl.document(WHAT_IF).variable("retire", List.of("prog-sukoyaka-kyosei")).execute();
		whatIf.path("whatIf.retired[*].name").entityList(String.class).containsExactly("すこやかな共生社会構築事業");
		// the 総合戦略's 多文化共生推進事業 and its コーディネート支援 measure the same two indicators
		whatIf.path("whatIf.kpisLosingLastProgram").entityList(Object.class).hasSize(0);
		List<Map<String, Object>> losses = whatIf.path("whatIf.kpisLosingPillar").entityList(mapType()).get();
		assertThat(losses).extracting(loss -> id(loss, "kpi"), loss -> id(loss, "pillar"))
			.containsExactly(tuple("kpi-foreign-resident-livability", "pil-sv-2"),
					tuple("kpi-foreign-resident-livability", "pil-sv-3"), tuple("kpi-tabunka-awareness", "pil-sv-2"),
					tuple("kpi-tabunka-awareness", "pil-sv-3"));
		// Ⅱ No.7 都市ブランドの確立 and Ⅲ No.9 外国人との共生社会の実現に向けた環境整備 list this one program
		whatIf.path("whatIf.measuresLeftEmpty[*].id")
			.entityList(String.class)
			.containsExactly("ms-sv-city-brand", "ms-sv-foreign-coexistence");
	}

	@Test
	void retiringBothProgramsOfAnIndicatorLeavesItWithNone() {
		var whatIf = this.graphQl.document(WHAT_IF)
			.variable("retire", List.of("prog-sukoyaka-kyosei", "prog-sousei-tabunka-kyosei", "prog-sukoyaka-kyosei"))
			.execute();
		whatIf.path("whatIf.retired[*].id")
			.entityList(String.class)
			.containsExactly("prog-sukoyaka-kyosei", "prog-sousei-tabunka-kyosei");
		// 多文化共生推進事業 alone measures 行政･医療通訳の派遣件数 (Ⅱ④⇒1); both measure 「多文化共生」の認知度
		whatIf.path("whatIf.kpisLosingLastProgram[*].id")
			.entityList(String.class)
			.containsExactly("kpi-sousei-interpreter-dispatches", "kpi-tabunka-awareness");
	}

	@Test
	void theGraphIsLeftAsItWas() {
		this.graphQl.document(WHAT_IF).variable("retire", List.of("prog-sukoyaka-kyosei")).execute();
		this.graphQl.document("{ node(id: \"prog-sukoyaka-kyosei\") { id } }")
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo("prog-sukoyaka-kyosei");
	}

	@Test
	void anIdThatIsNoProgramIsRefusedByItsPlace() {
		this.graphQl.document(WHAT_IF)
			.variable("retire", List.of("prog-sukoyaka-kyosei", "kpi-tabunka-awareness"))
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
					&& error.getMessage().equals("retire[1]: no program with id 'kpi-tabunka-awareness'"))
			.verify();
	}

	@Test
	void noProgramsOrTooManyAreRefused() {
		this.graphQl.document(WHAT_IF)
			.variable("retire", List.of())
			.execute()
			.errors()
			.expect(error -> "BAD_ARGUMENT".equals(error.getExtensions().get("code"))
					&& error.getMessage().startsWith("retire must name 1 to 100 programs"))
			.verify();
	}

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

	@SuppressWarnings("unchecked")
	private static String id(Map<String, Object> map, String field) {
		Map<String, Object> node = (Map<String, Object>) map.get(field);
		return (node != null) ? (String) node.get("id") : null;
	}

	private static String pillarId(Map<String, Object> change) {
		return id(change, "pillar");
	}

	@SuppressWarnings("unchecked")
	private static String planId(Map<String, Object> change) {
		return (String) ((Map<String, Object>) change.get("plan")).get("id");
	}

	private static Long number(Map<String, Object> map, String field) {
		Object value = map.get(field);
		return (value != null) ? ((Number) value).longValue() : null;
	}

}
