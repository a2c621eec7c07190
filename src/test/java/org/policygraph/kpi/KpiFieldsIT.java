package org.policygraph.kpi;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;
import org.policygraph.support.RecordingDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An indicator's fields (observations, programs, pillars, paths, status, sources) and the
 * indicators of programs, pillars and partner bodies.
 */
@PolicyGraphIntegrationTest
@PackagedDataset
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiFieldsIT {

	private static final String AWARENESS = "kpis.edges[?(@.node.id == 'kpi-tabunka-awareness')].node";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theAwarenessIndicatorsObservationsSpanBothPlansOldestFirst() {
		// 001: 43％（H25 年度）⇒ 50％（H31 年度） H27 43.8% H28 49.9%
		// 000: 基準年度 R5 59.5% / R10年度までの目標：63.0% / R8目標値 単年度目標設定なし
		GraphQlTester.Response response = details(Map.of("text", "多文化"));
		response.path(AWARENESS + ".observations[*].fiscalYear")
			.entityList(Integer.class)
			.containsExactly(2013, 2015, 2016, 2019, 2023, 2026, 2028)
			.path(AWARENESS + ".observations[*].kind")
			.entityList(String.class)
			.containsExactly("BASELINE", "ACTUAL", "ACTUAL", "TARGET", "BASELINE", "TARGET", "TARGET")
			.path(AWARENESS + ".observations[*].value")
			.entityList(Double.class)
			.containsExactly(43.0, 43.8, 49.9, 50.0, 59.5, null, 63.0)
			.path(AWARENESS + ".observations[5].qualitative")
			.entityList(String.class)
			.containsExactly("NOT_SET")
			.path(AWARENESS + ".observations[*].source.sourceId")
			.entityList(String.class)
			.containsExactly("sousei-kpi-h28", "sousei-kpi-h28", "sousei-kpi-h28", "sousei-kpi-h28",
					"shin-vision-r8-programs", "shin-vision-r8-programs", "shin-vision-r8-programs")
			.path(AWARENESS + ".sources[*].sourceId")
			.entityList(String.class)
			.contains("shin-vision-r8-programs", "sousei-kpi-h28");
	}

	@Test
	void theAwarenessIndicatorIsJudgedOnTrackAsOfItsLatestActual() {
		// H28 49.9% against 50％ (H31) is ahead of the line from 43％ (H25): 46.5
		details(Map.of("text", "多文化")).path(AWARENESS + ".status").entityList(String.class).containsExactly("ON_TRACK");
	}

	@Test
	void theAwarenessIndicatorServesPillarsOfBothPlans() {
		// 000: Ⅱ/No.7 and Ⅲ/No.9（再掲）; 001: Ⅱ④⇒1 多文化共生推進事業
		details(Map.of("text", "多文化")).path(AWARENESS + ".pillars[*].id")
			.entityList(String.class)
			.containsExactly("pil-sv-2", "pil-sv-3", "pil-sousei-2")
			.path(AWARENESS + ".programs[*].id")
			.entityList(String.class)
			.containsExactly("prog-sousei-tabunka-kyosei", "prog-sukoyaka-kyosei");
	}

	@Test
	void theCoexistenceProgramsIndicatorsContributeThroughPillarsTwoAndThree() {
		// 000: すこやかな共生社会構築事業 is No.7 under Ⅱ 都市ブランドの確立 and No.9（再掲）under Ⅲ
		// 外国人との共生社会の実現に向けた環境整備
		GraphQlTester.Response response = details(Map.of("programId", "prog-sukoyaka-kyosei"));
		for (String kpi : List.of("kpi-tabunka-awareness", "kpi-foreign-resident-livability")) {
			String node = "kpis.edges[?(@.node.id == '" + kpi + "')].node";
			response.path(node + ".paths[?(@.program.id == 'prog-sukoyaka-kyosei')].pillar.label")
				.entityList(String.class)
				.containsExactly("Ⅱ", "Ⅲ")
				.path(node + ".paths[?(@.program.id == 'prog-sukoyaka-kyosei')].measure.id")
				.entityList(String.class)
				.containsExactly("ms-sv-city-brand", "ms-sv-foreign-coexistence")
				// 001: and through the earlier strategy's Ⅱ④⇒1, where another program
				// carries it
				.path(node + ".paths[*].pillar.id")
				.entityList(String.class)
				.containsExactly("pil-sv-2", "pil-sv-3", "pil-sousei-2");
		}
		response.path(AWARENESS + ".paths[2].measure.id")
			.entityList(String.class)
			.containsExactly("ms-sousei-2-4-a1")
			.path(AWARENESS + ".paths[2].program.name")
			.entityList(String.class)
			.containsExactly("多文化共生推進事業");
	}

	@Test
	void figuresInDifferentUnitsAreStoredInBaseUnits() {
		// 000: 北九州都市圏域内の宿泊者数 R1 2,338千人; 001: 178.6万人(H31年度)
		String node = "kpis.edges[?(@.node.id == 'kpi-toshiken-overnight-stays')].node";
		details(Map.of("programId", "prog-megaregion")).path(node + ".observations[?(@.valueText != null)].value")
			.entityList(Double.class)
			.containsExactly(2_338_000.0, 1_786_000.0)
			.path(node + ".observations[?(@.valueText != null)].unit")
			.entityList(String.class)
			.containsExactly("千人", "万人")
			.path(node + ".status")
			.entityList(String.class)
			.containsExactly("NO_DATA");
	}

	@Test
	void theStatusOfEachSortOfIndicatorFollowsTheRule() {
		GraphQlTester.Response response = details(Map.of("planId", "plan-sousei"));
		// 001: 東アジア経済交流推進機構における会議数 21件（H27～31）, H28 累計 4件 → behind 21 × 2/5
		assertStatus(response, "kpi-sousei-oeaed-meetings", "OFF_TRACK");
		// 001: 大学連携促進助成金申請実績 25件（H27～31）, H28 累計 14件 → ahead of 25 × 2/5
		assertStatus(response, "kpi-sousei-univ-collab-grant-applications", "ON_TRACK");
		// 001: 将来性があると思う都市 政令市 4位 ⇒1位, H27/H28 － (5年に一度の調査)
		assertStatus(response, "kpi-sousei-future-potential-rank", "NO_DATA");
		// 001: 事業継続による大学等への支援 H27 0件 H28 2件, no target
		assertStatus(response, "kpi-sousei-university-support", "QUALITATIVE");
		// 001: 海外事務所を利用した企業数 380社（H31）, H28 466社
		assertStatus(response, "kpi-sousei-overseas-office-companies", "ACHIEVED");
		// 001: 小倉城来場者数 15.3万人(H27) ⇒ 19.1万人(H31), H28 18.6万人 (line: 16.25万人)
		assertStatus(response, "kpi-sousei-kokura-castle-visitors", "ON_TRACK");
	}

	@Test
	void aProgramsIndicatorsComeKpiOneFirst() {
		// 001: 多文化共生推進事業 KPI: 「多文化共生」認知度, then 行政･医療通訳の派遣件数
		String program = AWARENESS + ".programs[?(@.id == 'prog-sousei-tabunka-kyosei')].kpis[*].id";
		details(Map.of("text", "多文化")).path(program)
			.entityList(String.class)
			.containsExactly("kpi-tabunka-awareness", "kpi-sousei-interpreter-dispatches");
	}

	@Test
	void aPillarsIndicatorsIncludeEveryProgramsAndEveryFigureItReports() {
		// 000: Ⅱ「彩りあるまち」 No.6, No.7 (KPI①②), No.8
		this.graphQl.documentName("kpi-pillar-kpis")
			.execute()
			.path("pillars[?(@.id == 'pil-sv-2')].kpis[*].id")
			.entityList(String.class)
			.containsExactly("kpi-counter-staff-hours", "kpi-foreign-resident-livability",
					"kpi-new-faculty-construction", "kpi-tabunka-awareness");
		// 001: 基本目標Ⅱ ④ 多文化共生推進事業 → 「多文化共生」認知度
		this.graphQl.documentName("kpi-pillar-kpis")
			.variable("planId", "plan-sousei")
			.execute()
			.path("pillars[?(@.id == 'pil-sousei-2')].kpis[*].id")
			.entityList(String.class)
			.contains("kpi-tabunka-awareness", "kpi-sousei-future-potential-rank");
		// 004: 04 BPR: 業務量調査 (課, 係, 業務, 時間), 行政事務センター (業務数, 削減時間), and the R9 goal
		// 窓口職員の作業時間削減
		this.graphQl.documentName("kpi-pillar-kpis")
			.variable("planId", "plan-dx")
			.execute()
			.path("pillars[?(@.id == 'pil-dx-04')].kpis[*].id")
			.entityList(String.class)
			.containsExactly("kpi-counter-staff-hours", "kpi-dx-admin-center-hours-saved",
					"kpi-dx-admin-center-procedures", "kpi-dx-workload-survey-divisions",
					"kpi-dx-workload-survey-hours", "kpi-dx-workload-survey-sections", "kpi-dx-workload-survey-tasks");
	}

	@Test
	void aPartnerBodysIndicatorsAreThoseOfTheProgramsWorkingWithIt() {
		// 000: すこやかな共生社会構築事業 places its coordinator at 北九州国際交流協会 (KPI①②);
		// 001: 多文化共生推進に伴うコーディネート支援 supports it (暮らしやすい, 外国人向け無料一般相談人数)
		this.graphQl.documentName("kpi-partner-body-kpis")
			.execute()
			.path("partnerBodies[?(@.id == 'pb-kitaq-international-association')].kpis[*].id")
			.entityList(String.class)
			.containsExactly("kpi-foreign-resident-livability", "kpi-sousei-free-consultations",
					"kpi-tabunka-awareness")
			.path("partnerBodies[?(@.id == 'pb-asian-womens-forum')].kpis[*].id")
			.entityList(String.class)
			.hasSize(0);
	}

	@Test
	void everyRelationshipFieldIsOneStatementForTheWholeList() {
		RecordingDriver.clear();
		details(Map.of()).path("kpis.edges").entityList(Object.class).hasSize(100);
		// page; observations, programs (+ their kpis), pillars (+ their plans), paths,
		// status, sources
		assertThat(RecordingDriver.statements()).hasSizeLessThanOrEqualTo(10);
	}

	private GraphQlTester.Response details(Map<String, Object> where) {
		return this.graphQl.documentName("kpi-details").variable("where", where).execute();
	}

	private static void assertStatus(GraphQlTester.Response response, String kpi, String status) {
		response.path("kpis.edges[?(@.node.id == '" + kpi + "')].node.status")
			.entityList(String.class)
			.containsExactly(status);
	}

}
