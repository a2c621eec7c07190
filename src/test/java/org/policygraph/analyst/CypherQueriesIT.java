package org.policygraph.analyst;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.policygraph.graph.GraphReads;
import org.policygraph.graph.GraphSchema;
import org.policygraph.history.ChangeLog;
import org.policygraph.history.ImportRuns;
import org.policygraph.importing.DatasetImporter;
import org.policygraph.kpi.KpiStatuses;
import org.policygraph.support.TestNeo4j;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The analysts' Cypher library ({@code cypher/queries/}) answers its questions on the
 * curated dataset.
 * <p>
 * Every file runs unchanged (header, parameters from its own {@code cypher-shell} example
 * lines) and returns the columns its header promises; then each file has a test whose
 * expected values were read by hand from the source documents in {@code shared/seeds/}
 * (000 = shin-vision-r8-programs, 001 = sousei-kpi-h28, 002 = x-houshin-r7, 003 =
 * x-houshin-r6, 004 = kitaq-dx-r6), quoted in the comment above the assertion. The
 * dataset's CSV files were consulted only for the keys to ask by.
 * <p>
 * No Spring context: the shared in-process Neo4j, the schema script and the one importer
 * are enough, and keep this class fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CypherQueriesIT {

	private static final String KPIS_SERVING_EACH_PILLAR = "01-kpis-serving-each-pillar.cypher";

	private static final String PATHS_FROM_KPI_TO_PILLARS = "02-paths-from-kpi-to-pillars.cypher";

	private static final String PILLAR_BUDGET = "03-pillar-budget-for-fiscal-year.cypher";

	private static final String PLAN_BUDGET = "04-plan-budget-for-fiscal-year.cypher";

	private static final String KPIS_WITHOUT_ACTUAL = "05-kpis-without-actual.cypher";

	private static final String KPIS_BEHIND_TARGET = "06-kpis-behind-target.cypher";

	private static final String INDICATOR_SERIES = "07-indicator-series-across-plans.cypher";

	private static final String PARTNER_BODY_PROGRAMS = "08-programs-depending-on-partner-body.cypher";

	private static final String DEPARTMENT_PROGRAMS = "09-department-programs-and-pillars.cypher";

	private static final String ISSUES_TOUCHING_LAGGING_KPIS = "10-issues-touching-lagging-kpis.cypher";

	private static final String MEASURES_WITHOUT_KPI = "11-measures-without-kpi.cypher";

	private static final String PROGRAMS_SHARING_AN_INDICATOR = "12-programs-sharing-an-indicator-across-plans.cypher";

	private static final String WHERE_A_FACT_COMES_FROM = "13-where-a-fact-comes-from.cypher";

	private static final String FULL_TEXT_SEARCH = "14-full-text-search.cypher";

	private static final String POLICY_ISSUES_OF_FISCAL_YEAR = "15-policy-issues-of-fiscal-year.cypher";

	private static final String ORGANISATION_TREE = "16-organisation-tree.cypher";

	private static final String DX_THEME_FIGURES = "17-dx-theme-figures-latest.cypher";

	private static final String ISSUES_CONCERNING_A_NODE = "18-policy-issues-concerning-a-node.cypher";

	/** Every file that has a test below asserting what it answers. */
	private static final Set<String> ASSERTED = Set.of(KPIS_SERVING_EACH_PILLAR, PATHS_FROM_KPI_TO_PILLARS,
			PILLAR_BUDGET, PLAN_BUDGET, KPIS_WITHOUT_ACTUAL, KPIS_BEHIND_TARGET, INDICATOR_SERIES,
			PARTNER_BODY_PROGRAMS, DEPARTMENT_PROGRAMS, ISSUES_TOUCHING_LAGGING_KPIS, MEASURES_WITHOUT_KPI,
			PROGRAMS_SHARING_AN_INDICATOR, WHERE_A_FACT_COMES_FROM, FULL_TEXT_SEARCH, POLICY_ISSUES_OF_FISCAL_YEAR,
			ORGANISATION_TREE, DX_THEME_FIGURES, ISSUES_CONCERNING_A_NODE);

	private static final String SHIN_VISION = "shin-vision-r8-programs";

	private static final String SOUSEI = "sousei-kpi-h28";

	private static final String X_HOUSHIN_R7 = "x-houshin-r7";

	private static final String X_HOUSHIN_R6 = "x-houshin-r6";

	private Driver driver;

	@BeforeAll
	void loadTheDatasetIntoAnEmptyGraph() {
		TestNeo4j.reset();
		this.driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());
		DatabaseSelectionProvider database = DatabaseSelectionProvider.getDefaultSelectionProvider();
		new GraphSchema(this.driver, database, new FileSystemResource("cypher/schema.cypher")).apply();
		JsonMapper json = JsonMapper.shared();
		new DatasetImporter(this.driver, database, new DefaultResourceLoader(), new ChangeLog(json),
				new ImportRuns(GraphReads.through(this.driver), json))
			.importDirectory(Path.of("data"), false);
		// the full-text index may still be populating after it was created
		this.driver.executableQuery("CALL db.awaitIndexes(300)").execute();
	}

	@AfterAll
	void closeTheDriver() {
		this.driver.close();
	}

	// --- the library itself
	// ------------------------------------------------------------------------------------

	@Test
	void theLibraryHoldsAtLeastSixteenQuestions() {
		assertThat(CypherQueryFile.all()).hasSizeGreaterThanOrEqualTo(16);
	}

	@Test
	void everyFileInTheLibraryHasATestAssertingItsAnswer() {
		Set<String> files = CypherQueryFile.all()
			.stream()
			.map(f -> f.getFileName().toString())
			.collect(Collectors.toSet());
		assertThat(files).containsExactlyInAnyOrderElementsOf(ASSERTED);
	}

	@TestFactory
	Stream<DynamicTest> everyFileStartsWithTheFourHeaderLines() {
		return CypherQueryFile.all()
			.stream()
			.map(CypherQueryFile::read)
			.map(query -> DynamicTest.dynamicTest(query.fileName(), () -> {
				SoftAssertions softly = new SoftAssertions();
				softly.assertThat(query.fileName()).matches("\\d\\d-[a-z0-9]+(-[a-z0-9]+)*\\.cypher");
				softly.assertThat(query.headerValue("// Question (ja):"))
					.as("// Question (ja): in Japanese")
					.isNotBlank()
					.containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
				softly.assertThat(query.headerValue("// Question (en):")).as("// Question (en):").isNotBlank();
				softly.assertThat(query.headerValue("// Parameters:")).as("// Parameters:").isNotBlank();
				softly.assertThat(query.header()).as("// Returns:").contains("// Returns:");
				softly.assertThat(query.columns()).as("a column per line under // Returns:").isNotEmpty();
				softly.assertThat(query.header().getFirst())
					.as("the header comes first")
					.startsWith("// Question (ja):");
				softly.assertThat(query.statement()).as("one statement").isNotBlank().doesNotContain(";");
				softly.assertAll();
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyParameterAFileUsesIsDeclaredInItsHeaderWithAnExample() {
		return CypherQueryFile.all()
			.stream()
			.map(CypherQueryFile::read)
			.map(query -> DynamicTest.dynamicTest(query.fileName(), () -> {
				SoftAssertions softly = new SoftAssertions();
				softly.assertThat(query.declaredParameters())
					.as("parameters declared on the // Parameters: line")
					.containsExactlyInAnyOrderElementsOf(query.usedParameters());
				if (query.usedParameters().isEmpty()) {
					softly.assertThat(query.headerValue("// Parameters:")).isEqualTo("none");
				}
				softly.assertThat(query.exampleParameters().keySet())
					.as("a '// cypher-shell: :param name => value' line per parameter")
					.containsExactlyInAnyOrderElementsOf(query.declaredParameters());
				softly.assertAll();
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyFileRunsWithItsExampleParametersAndReturnsTheColumnsItDeclares() {
		return CypherQueryFile.all()
			.stream()
			.map(CypherQueryFile::read)
			.map(query -> DynamicTest.dynamicTest(query.fileName(), () -> {
				var result = this.driver.executableQuery(query.statement())
					.withParameters(query.exampleParameters())
					.execute();
				assertThat(result.keys()).as("columns under // Returns:").containsExactlyElementsOf(query.columns());
			}));
	}

	// --- 01 which KPIs serve each pillar
	// ------------------------------------------------------------------------

	@Test
	void newVisionPillarsAreServedByTheKpisOfTheProgramsUnderTheirMeasures() {
		List<Record> rows = run(KPIS_SERVING_EACH_PILLAR, Map.of("planKey", "plan-shin-vision"));
		Map<String, List<String>> kpisByPillar = rows.stream()
			.collect(Collectors.groupingBy(r -> r.get("pillarKey").asString(),
					Collectors.mapping(r -> r.get("kpiKey").asString(), Collectors.toList())));
		// 000 line 6 (Ⅰ, No.1 メガリージョン推進事業): 北九州都市圏域内の宿泊者数 / 関門エリアの観光消費額の増加;
		// line 7 (No.2): 「活躍する若者をよく目にするようになった」と答えた人の割合; line 8 (No.3): 社会全体における男女平等達成感;
		// line 12 (No.4): 「仕事と生活の調和（ワークライフバランス）」が取れていると思う人の割合;
		// line 13 (No.5): 姉妹友好都市以外の都市や地域との連携基盤構築
		assertThat(kpisByPillar.get("pil-sv-1")).containsExactlyInAnyOrder("kpi-toshiken-overnight-stays",
				"kpi-kanmon-tourism-spending", "kpi-young-people-active-image", "kpi-gender-equality-sense",
				"kpi-work-life-balance", "kpi-new-city-partnerships");
		// line 15 (Ⅱ, No.6): 集約する窓口業務に従事している職員の作業時間の削減; line 19 (No.7):
		// 市民の「多文化共生」という言葉の認知度 /
		// 「暮らしやすい」と回答した人の割合; line 20 (No.8): 新学部棟建設工事の進捗
		assertThat(kpisByPillar.get("pil-sv-2")).containsExactlyInAnyOrder("kpi-counter-staff-hours",
				"kpi-tabunka-awareness", "kpi-foreign-resident-livability", "kpi-new-faculty-construction");
		// line 22 (Ⅲ, No.9 すこやかな共生社会構築事業, the 再掲 of No.7): the same two KPIs
		assertThat(kpisByPillar.get("pil-sv-3")).containsExactlyInAnyOrder("kpi-tabunka-awareness",
				"kpi-foreign-resident-livability");
		assertThat(rows).allSatisfy(r -> assertThat(r.get("reportsOn").asBoolean()).isFalse());
	}

	@Test
	void aStrategyGoalReachesTheKpisOfProgramsUnderItsSubMeasures() {
		List<Record> rows = run(KPIS_SERVING_EACH_PILLAR, Map.of("planKey", "plan-sousei"));
		// 001 line 753 "Ⅳ時代に合った魅力的な都市をつくる", ⑤福岡県北東部地域市町との連携のさらなる強化, ⇒ … 『きりん』の輝き推進事業 …,
		// program 北九州都市圏域連携事業（地方創生推進）, line 1017–1019 "北九州都市圏域内の宿泊者数：178.6 万人(H31 年度)"
		assertThat(rows).filteredOn(r -> r.get("pillarKey").asString().equals("pil-sousei-4"))
			.extracting(r -> r.get("kpiKey").asString(), r -> r.get("programs").asList(Value::asString))
			.contains(tuple("kpi-toshiken-overnight-stays", List.of("北九州都市圏域連携事業（地方創生推進）")));
	}

	@Test
	void aDxThemeIsServedByTheFiguresItReportsDirectly() {
		List<Record> rows = run(KPIS_SERVING_EACH_PILLAR, Map.of("planKey", "plan-dx"));
		// 004 line 143–147 "04 BPR(業務改革)の取組の徹底 【R9に向けた目標】 窓口職員の作業時間削減 50%以上", line
		// 151–155
		// "市役所の業務量調査 … 354課": the figures stand under the theme itself, no program in
		// between
		assertThat(rows).filteredOn(r -> r.get("pillarKey").asString().equals("pil-dx-04"))
			.extracting(r -> r.get("kpiKey").asString(), r -> r.get("reportsOn").asBoolean(),
					r -> r.get("programs").size())
			.contains(tuple("kpi-counter-staff-hours", true, 0), tuple("kpi-dx-workload-survey-divisions", true, 0));
	}

	// --- 02 every path from one KPI to its pillars
	// ---------------------------------------------------------------

	@Test
	void multiculturalAwarenessKpiReachesTwoNewVisionPillarsAndOneStrategyGoal() {
		List<Record> rows = run(PATHS_FROM_KPI_TO_PILLARS, Map.of("kpiKey", "kpi-tabunka-awareness"));
		// 000 line 19: 都市ブランドの確立 … | 7 | すこやかな共生社会構築事業 | … | 市民の「多文化共生」という言葉の認知度 (under
		// Ⅱ, line 14)
		// 000 line 22: 外国人との共生社会の実現に向けた環境整備 | 9 | すこやかな共生社会構築事業 (under Ⅲ, line 21), the
		// 再掲
		// 001 line 338 "Ⅱ北九州市への新しいひとの流れをつくる", ④外国人が住みたくなる環境の整備, ⇒留学や研修など…,
		// 多文化共生推進事業, line 562 "市民の「多文化共生」という言葉の認知度"
		assertThat(rows)
			.extracting(r -> r.get("planKey").asString(), r -> r.get("pillarKey").asString(),
					r -> r.get("link").asString(), r -> r.get("reposted").asBoolean())
			.containsExactlyInAnyOrder(tuple("plan-shin-vision", "pil-sv-2", "MEASURED_BY", false),
					tuple("plan-shin-vision", "pil-sv-3", "MEASURED_BY", true),
					tuple("plan-sousei", "pil-sousei-2", "MEASURED_BY", false));
		assertThat(rows).filteredOn(r -> r.get("pillarKey").asString().equals("pil-sousei-2"))
			.singleElement()
			.satisfies(r -> assertThat(r.get("steps").asList(Value::asString))
				.containsSubsequence("市民の「多文化共生」という言葉の認知度", "多文化共生推進事業", "外国人が住みたくなる環境の整備", "北九州市への新しいひとの流れをつくる"));
	}

	@Test
	void counterStaffHoursKpiReachesBothAVisionPillarAndADxTheme() {
		List<Record> rows = run(PATHS_FROM_KPI_TO_PILLARS, Map.of("kpiKey", "kpi-counter-staff-hours"));
		// 000 line 15: Ⅱ, No.6 スマらく区役所サービスプロジェクト, KPI 集約する窓口業務に従事している職員の作業時間の削減
		// 004 line 143–147: 04 BPR(業務改革)の取組の徹底, 【R9に向けた目標】 窓口職員の作業時間削減 50%以上
		assertThat(rows).extracting(r -> r.get("pillarKey").asString(), r -> r.get("link").asString())
			.containsExactlyInAnyOrder(tuple("pil-sv-2", "MEASURED_BY"), tuple("pil-dx-04", "REPORTS_ON"));
	}

	// --- 03 a pillar's budget for a fiscal year
	// ------------------------------------------------------------------

	@Test
	void pillarTwoFiscal2026BudgetIncludesTheMulticulturalProgramOnce() {
		Record row = single(PILLAR_BUDGET, Map.of("pillarKey", "pil-sv-2", "fiscalYear", 2026L));
		// 000 予算額 (千円), the FY2026 column: line 15 (No.6) 446,630; line 19 (No.7
		// すこやかな共生社会構築事業) 91,040;
		// line 20 (No.8) 1,116,000 → 1,653,670 千円
		assertThat(row.get("programs").asLong()).isEqualTo(3);
		assertThat(row.get("budgetedPrograms").asLong()).isEqualTo(3);
		assertThat(row.get("totalYen").asLong()).isEqualTo(1_653_670_000L);
		assertThat(row.get("totalThousandYen").asLong()).isEqualTo(1_653_670L);
		assertThat(row.get("breakdown").asList(v -> v.get("budget").asString())).containsExactlyInAnyOrder("446,630千円",
				"91,040千円", "1,116,000千円");
	}

	@Test
	void pillarThreeFiscal2026BudgetIsTheRepostedProgramsBudget() {
		Record row = single(PILLAR_BUDGET, Map.of("pillarKey", "pil-sv-3", "fiscalYear", 2026L));
		// 000 line 22 (Ⅲ, No.9 すこやかな共生社会構築事業): 91,040 — the only program under Ⅲ
		assertThat(row.get("programs").asLong()).isEqualTo(1);
		assertThat(row.get("totalYen").asLong()).isEqualTo(91_040_000L);
	}

	@Test
	void pillarOneFiscal2026BudgetSumsItsFivePrograms() {
		Record row = single(PILLAR_BUDGET, Map.of("pillarKey", "pil-sv-1", "fiscalYear", 2026L));
		// 000 lines 6, 7, 8, 12, 13: 13,039 + 40,000 + 15,000 + 5,925 + 18,875 = 92,839
		// 千円
		assertThat(row.get("programs").asLong()).isEqualTo(5);
		assertThat(row.get("totalThousandYen").asLong()).isEqualTo(92_839L);
	}

	@Test
	void aFiscalYearWithoutBudgetsGivesNoTotal() {
		Record row = single(PILLAR_BUDGET, Map.of("pillarKey", "pil-sv-2", "fiscalYear", 2025L));
		// 000 states budgets for one year only: its table is the FY2026 (R8) list
		assertThat(row.get("budgetedPrograms").asLong()).isZero();
		assertThat(row.get("totalYen").asLong()).isZero();
	}

	// --- 04 a whole plan's budget
	// ----------------------------------------------------------------------------------

	@Test
	void newVisionFiscal2026TotalCountsTheRepostedProgramOnce() {
		Record row = single(PLAN_BUDGET, Map.of("planKey", "plan-shin-vision", "fiscalYear", 2026L));
		// 000 予算額 column: 13,039 + 40,000 + 15,000 + 5,925 + 18,875 + 446,630 + 91,040 +
		// 1,116,000 = 1,746,509 千円;
		// line 22 (No.9) repeats line 19's (No.7) 91,040 — the same money, so nine rows
		// but eight programs
		assertThat(row.get("listings").asLong()).isEqualTo(9);
		assertThat(row.get("programs").asLong()).isEqualTo(8);
		assertThat(row.get("budgetedPrograms").asLong()).isEqualTo(8);
		assertThat(row.get("totalThousandYen").asLong()).isEqualTo(1_746_509L);
		assertThat(row.get("totalYen").asLong()).isEqualTo(1_746_509_000L);
	}

	@Test
	void thePlanTotalIsLessThanTheSumOfItsPillarsByTheRepostedBudget() {
		long plan = single(PLAN_BUDGET, Map.of("planKey", "plan-shin-vision", "fiscalYear", 2026L)).get("totalYen")
			.asLong();
		long pillars = Stream.of("pil-sv-1", "pil-sv-2", "pil-sv-3")
			.mapToLong(p -> single(PILLAR_BUDGET, Map.of("pillarKey", p, "fiscalYear", 2026L)).get("totalYen").asLong())
			.sum();
		// すこやかな共生社会構築事業 serves Ⅱ and Ⅲ (000 lines 19 and 22): each pillar counts its
		// 91,040 千円, the plan once
		assertThat(pillars - plan).isEqualTo(91_040_000L);
	}

	// --- 05 KPIs with no actual
	// ------------------------------------------------------------------------------------

	@Test
	void strategyKpisWithoutAnyActualFigure() {
		List<Record> rows = run(KPIS_WITHOUT_ACTUAL, Map.of("planKey", "plan-sousei"));
		// 001 KPI実績 column, where both H27 and H28 are '－' / '調査中' / a not-yet-started
		// note, or no number at all:
		// 北九州市未来人材支援基金設置事業 "H27 －（H30～）"; 国際ブリッジ人材支援事業 "H27 －", "H28 －";
		// F1層に届け！… 将来性/住んでみたい都市 "－(5年に一度の調査、次回H31)"; 学園祭in Tokyo "－（H29）";
		// コーディネート支援 外国人市民の生活の向上 "H27 -", "H28 -"; 北九州都市圏域連携事業 観光客数 / 宿泊者数 "H27 －", "H28
		// 調査中";
		// 関門地域の活性化 共同PRツールの作成 (the H27 1回 / H28 累計 2回 are トップ会談's);
		// 公共施設マネジメント推進事業, both rows: a plan drawn up, written in words, and '－'
		assertThat(rows).extracting(r -> r.get("kpiKey").asString())
			.containsExactlyInAnyOrder("kpi-sousei-scholarship-support-recipients",
					"kpi-sousei-intl-student-company-awareness", "kpi-sousei-future-potential-rank",
					"kpi-sousei-desirable-residence-rank", "kpi-sousei-ui-turn-info", "kpi-foreign-resident-livability",
					"kpi-sousei-toshiken-tourists", "kpi-toshiken-overnight-stays", "kpi-sousei-joint-pr-tools",
					"kpi-sousei-facility-plans", "kpi-sousei-facility-consolidation");
		// line 1017–1023: 北九州都市圏域内の宿泊者数 … H27 － / H28 調査中
		assertThat(rows).filteredOn(r -> r.get("kpiKey").asString().equals("kpi-toshiken-overnight-stays"))
			.singleElement()
			.satisfies(r -> assertThat(r.get("actualTexts").asList(v -> v.asString().replace(" ", "")))
				.containsExactly("H27－", "H28調査中"));
	}

	@Test
	void newVisionKpisHaveNoActualsExceptTheOneTheStrategyAlreadyMeasured() {
		List<Record> rows = run(KPIS_WITHOUT_ACTUAL, Map.of("planKey", "plan-shin-vision"));
		// 000 has baseline and target columns only (lines 4, 11, 18); of its ten KPIs
		// only 市民の「多文化共生」という言葉の認知度
		// has actuals, in 001 (line 570–572 "H27 43.8%", "H28 49.9%")
		assertThat(rows).extracting(r -> r.get("kpiKey").asString())
			.hasSize(9)
			.doesNotContain("kpi-tabunka-awareness")
			.contains("kpi-counter-staff-hours", "kpi-new-faculty-construction", "kpi-foreign-resident-livability");
	}

	// --- 06 KPIs behind target
	// -------------------------------------------------------------------------------------

	@Test
	void strategyKpisOffTrackAreTheOnesTheApiCallsOffTrack() {
		List<Record> rows = run(KPIS_BEHIND_TARGET, Map.of("planKey", "plan-sousei"));
		// 001, judged as of H28 by docs/KPI_STATUS.md (the same six KpisIT finds through
		// the API):
		// 利用学生数 19,928→18,520 against 25,000; 外国人向け無料一般相談人数 832 behind the line to 1,200
		// (843.6);
		// 通訳の派遣件数 114 behind 144.8; 眺望スペース 2.7万人 behind 5万人; 東アジア経済交流推進機構 会議 累計 4件 behind
		// 21 × 2/5 = 8.4件; 50歳以上の転入者増加数 △198人 against 348人
		assertThat(rows).extracting(r -> r.get("kpiKey").asString())
			.containsExactly("kpi-sousei-esd-station-students", "kpi-sousei-free-consultations",
					"kpi-sousei-interpreter-dispatches", "kpi-sousei-observation-space-visitors",
					"kpi-sousei-oeaed-meetings", "kpi-sousei-over50-inflow-increase");
		// 001 line 562–572 「多文化共生」認知度 43％（H25）⇒ 50％（H31）, H28 49.9%: behind 50% but ahead
		// of the line from 43%
		// to 50% read at H28 (43 + 7 × 3/6 = 46.5%), so ON_TRACK, not listed
		assertThat(rows).extracting(r -> r.get("kpiKey").asString()).doesNotContain("kpi-tabunka-awareness");
		assertThat(rows).filteredOn(r -> r.get("kpiKey").asString().equals("kpi-sousei-esd-station-students"))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.get("actual").asString()).isEqualTo("18,520人");
				assertThat(r.get("targetValue").asDouble()).isEqualTo(25_000.0);
				assertThat(r.get("rule").asString()).isEqualTo(KpiStatuses.RULE);
			});
	}

	@Test
	void dxFiguresWithOneActualBeforeTheirR9GoalAreNotOffTrack() {
		List<Record> rows = run(KPIS_BEHIND_TARGET, Map.of("planKey", "plan-dx"));
		// 004 03: "市民活用度 80%以上 (R6北九州市情報化アンケートにおける…市民利用率 62.0%)"; 08: "市民認知度 90%以上
		// (…74.4%)":
		// below the R9 goal, but R6 is before R9 and a single actual with no baseline
		// starts the line to the goal
		// (docs/KPI_STATUS.md 6), so both are ON_TRACK
		assertThat(rows).extracting(r -> r.get("kpiKey").asString())
			.doesNotContain("kpi-dx-digital-service-usage", "kpi-dx-digital-service-awareness");
	}

	@Test
	void aLowerIsBetterKpiIsBehindOnlyWhenItsActualIsAboveTarget() {
		// 000 line 15: R9年度までの目標：対象業務の窓口職員作業時間▲50.0% — a reduction, LOWER_IS_BETTER. No
		// document gives
		// an actual yet, so two hypothetical actuals for R9, the target's year, are added
		// (and judged, as
		// recordObservation judges them) inside a transaction that is rolled back.
		assertThat(singleValue("MATCH (:Kpi {key: 'kpi-counter-staff-hours'})-[:HAS_OBSERVATION]->(t:Observation "
				+ "{kind: 'TARGET', periodText: 'R9年度まで'}) RETURN t.value")
			.asDouble()).isEqualTo(-50.0);
		assertThat(behindWithHypotheticalActual("kpi-counter-staff-hours", -30.0, "▲30.0%"))
			.as("a 30%% cut is behind a 50%% cut target")
			.contains("kpi-counter-staff-hours");
		assertThat(behindWithHypotheticalActual("kpi-counter-staff-hours", -60.0, "▲60.0%"))
			.as("a 60%% cut meets a 50%% cut target")
			.doesNotContain("kpi-counter-staff-hours");
	}

	// --- 07 an indicator's series across plans
	// ---------------------------------------------------------------------

	@Test
	void multiculturalAwarenessSeriesSpansTheStrategyAndTheNewVision() {
		List<Record> rows = run(INDICATOR_SERIES, Map.of("kpiKey", "kpi-tabunka-awareness"));
		// 001 line 566–572: 43％（H25 年度）⇒ 50％（H31 年度）, H27 43.8%, H28 49.9%
		// 000 line 19: 基準 R5 59.5%, 中期目標 R10年度までの目標：63.0%, R8目標値 単年度目標設定なし
		assertThat(rows)
			.extracting(r -> r.get("fiscalYear").asLong(), r -> r.get("kind").asString(),
					r -> r.get("valueText").asString(null), r -> r.get("sourceId").asString())
			.containsExactly(tuple(2013L, "BASELINE", "43%", SOUSEI), tuple(2015L, "ACTUAL", "43.8%", SOUSEI),
					tuple(2016L, "ACTUAL", "49.9%", SOUSEI), tuple(2019L, "TARGET", "50%", SOUSEI),
					tuple(2023L, "BASELINE", "59.5%", SHIN_VISION), tuple(2026L, "TARGET", null, SHIN_VISION),
					tuple(2028L, "TARGET", "63.0%", SHIN_VISION));
	}

	// --- 08 programs depending on one partner body
	// -----------------------------------------------------------------

	@Test
	void kitakyushuInternationalAssociationCarriesTwoProgramsInTwoPlans() {
		List<Record> rows = run(PARTNER_BODY_PROGRAMS, Map.of("partnerKey", "pb-kitaq-international-association"));
		// 000 line 19/22: すこやかな共生社会構築事業 "北九州国際交流協会に「（仮）多文化地域コーディネーター」を配置し", 担当課 国際政策課
		// 001 line 584–602: 多文化共生推進に伴うコーディネート支援 "（公益財団法人北九州国際交流協会への支援）", no bureau named
		assertThat(rows)
			.extracting(r -> r.get("program").asString(), r -> r.get("plans").asList(Value::asString),
					r -> r.get("runBy").asList(Value::asString))
			.containsExactlyInAnyOrder(tuple("すこやかな共生社会構築事業", List.of("北九州市新ビジョン"), List.of("国際政策課")),
					tuple("多文化共生推進に伴うコーディネート支援", List.of("北九州市まち・ひと・しごと創生総合戦略"), List.of()));
	}

	// --- 09 what a department runs
	// ---------------------------------------------------------------------------------

	@Test
	void internationalPolicyDivisionRunsOverseasPromotionAndTheMulticulturalProgram() {
		List<Record> rows = run(DEPARTMENT_PROGRAMS, Map.of("orgKey", "org-kokusai-seisaku-ka"));
		// 000 line 13 (Ⅰ, No.5 海外プロモーション促進事業, 担当課 国際 政策 課); line 19 (Ⅱ, No.7) and line 22
		// (Ⅲ, No.9)
		// すこやかな共生社会構築事業, 国際 政策 課
		assertThat(rows).extracting(r -> r.get("program").asString(), r -> r.get("pillars").asList(Value::asString))
			.containsExactlyInAnyOrder(tuple("海外プロモーション促進事業", List.of("稼げるまち")),
					tuple("すこやかな共生社会構築事業", List.of("彩りあるまち", "安らぐまち")));
	}

	@Test
	void policyBureauRunsWhatItsOfficesRun() {
		List<Record> rows = run(DEPARTMENT_PROGRAMS, Map.of("orgKey", "org-seisaku-kyoku"));
		// 002 line 26–28: 組織(部名) 総務部、政策部、グローバル挑戦部、WomanWill推進室、DX・AI戦略室、東京事務所;
		// 000 lines 8, 12 (Woman Will推進室: No.3, No.4), line 15 (DX・AI戦略室: No.6)
		assertThat(rows).extracting(r -> r.get("program").asString(), r -> r.get("runBy").asString())
			.contains(tuple("Woman's CHOICE推進事業", "WomanWill推進室"), tuple("ワーク・ライフ・バランス推進事業", "WomanWill推進室"),
					tuple("スマらく区役所サービスプロジェクト", "DX・AI戦略室"));
	}

	// --- 10 policy issues touching lagging KPIs
	// --------------------------------------------------------------------

	@Test
	void fiscal2025IssuesTouchingKpisWithoutActualsOrBehindTarget() {
		List<Record> rows = run(ISSUES_TOUCHING_LAGGING_KPIS, Map.of("planKey", "plan-xhoushin-r7"));
		// 002 課題A（1）④: "ツール導入前と比較して10万時間の職員の年間作業時間削減を実現する" — a target, no figure yet;
		// 課題B（1）③ メガリージョン → メガリージョン推進事業, whose KPIs (000 line 6) have no actuals;
		// 課題B（6）⑤(1) スマラク区役所サービスプロジェクト → 窓口職員の作業時間の削減, no actual (000 line 15).
		// 課題B（2） names neither 海外プロモーション促進事業 nor すこやかな共生社会構築事業 (002 lines 144-223), and
		// 課題B（6）
		// names no indicator of its own, so neither reaches a KPI but through a program
		// it names.
		assertThat(rows)
			.extracting(r -> r.get("issueKey").asString(), r -> r.get("kpiKey").asString(),
					r -> r.get("reason").asString())
			.containsExactlyInAnyOrder(tuple("issue-r7-a1", "kpi-xh-staff-hours-saved", "NO_ACTUAL"),
					tuple("issue-r7-b1", "kpi-toshiken-overnight-stays", "NO_ACTUAL"),
					tuple("issue-r7-b1", "kpi-kanmon-tourism-spending", "NO_ACTUAL"),
					tuple("issue-r7-b6", "kpi-counter-staff-hours", "NO_ACTUAL"));
		assertThat(rows).filteredOn(r -> r.get("kpiKey").asString().equals("kpi-counter-staff-hours"))
			.singleElement()
			.satisfies(r -> assertThat(r.get("via").asList(Value::asString)).containsExactly("スマらく区役所サービスプロジェクト"));
	}

	@Test
	void fiscal2024IssueOnWideAreaCooperationTouchesTheMegaregionKpis() {
		List<Record> rows = run(ISSUES_TOUCHING_LAGGING_KPIS, Map.of("planKey", "plan-xhoushin-r6"));
		// 003 line 201–213 課題B（3） 広域連携事業の推進: "メガリージョンの推進は「稼げるまち」の軸の一つ"
		// → メガリージョン推進事業 (000 line 6: no actuals);
		// the R6 issues' own figures (寄附受付サイト 6つ, SDGs 認知度 90%超, 新たに4事業, 約3割) have no
		// targets
		assertThat(rows).extracting(r -> r.get("issueKey").asString()).containsOnly("issue-r6-b3");
	}

	// --- 11 measures with no KPI
	// ---------------------------------------------------------------------------------

	@Test
	void everyMeasureOfBothPlansHasAKpi() {
		// 000: every row (lines 6–22) fills KPI（成果指標①）; 001: every ⇒ lists a program with
		// a ＫＰＩ（平成３１年度） —
		// 関門海峡都市・観光まちびらき連携事業（地方創生推進） (line 802–822) has none, but its ⇒ (line 756) also
		// lists
		// 関門地域魅力向上事業（地方創生推進） (line 766–792) with one
		assertThat(run(MEASURES_WITHOUT_KPI, Map.of("planKey", "plan-shin-vision"))).isEmpty();
		assertThat(run(MEASURES_WITHOUT_KPI, Map.of("planKey", "plan-sousei"))).isEmpty();
	}

	@Test
	void aMeasureWhoseOnlyProgramHasNoKpiIsListed() {
		// Hypothetical, rolled back: a measure listing only 関門海峡都市・観光まちびらき連携事業, which 001
		// (line 802–822)
		// gives no KPI, has no KPI — and neither has its parent, since the KPI must come
		// from below
		try (var session = this.driver.session(); Transaction tx = session.beginTransaction()) {
			tx.run("""
					MATCH (plan:Plan {key: 'plan-sousei'}), (parent:Measure {key: 'ms-sousei-4-4'})
					MATCH (p:Program {key: 'prog-sousei-kanmon-machibiraki'})
					CREATE (m:Measure {key: 'ms-test-parent', name: 'test parent'})-[:IN_PLAN]->(plan)
					CREATE (s:Measure {key: 'ms-test-child', name: 'test child'})-[:IN_PLAN]->(plan)
					CREATE (s)-[:PART_OF]->(m), (p)-[:LISTED_UNDER {reposted: false}]->(s)""").consume();
			List<Record> rows = tx
				.run(statement(MEASURES_WITHOUT_KPI), Map.<String, Object>of("planKey", "plan-sousei"))
				.list();
			assertThat(rows)
				.extracting(r -> r.get("measureKey").asString(), r -> r.get("partOf").asString(null),
						r -> r.get("programs").asList(Value::asString))
				.containsExactlyInAnyOrder(tuple("ms-test-child", "test parent", List.of("関門海峡都市・観光まちびらき連携事業（地方創生推進）")),
						tuple("ms-test-parent", null, List.of()));
			tx.rollback();
		}
	}

	// --- 12 programs whose indicator appears in both plans
	// ---------------------------------------------------------

	@Test
	void newVisionProgramsShareThreeIndicatorsWithStrategyPrograms() {
		List<Record> rows = run(PROGRAMS_SHARING_AN_INDICATOR,
				Map.of("planKey", "plan-shin-vision", "otherPlanKey", "plan-sousei"));
		// 000 line 6 メガリージョン推進事業 KPI① 北九州都市圏域内の宿泊者数 — 001 line 1017 北九州都市圏域連携事業
		// "北九州都市圏域内の宿泊者数"
		// 000 line 19 すこやかな共生社会構築事業 KPI① 市民の「多文化共生」という言葉の認知度 — 001 line 562 多文化共生推進事業,
		// the same words
		// 000 line 19 KPI② 「暮らしやすい」と回答した人の割合（外国人市民アンケート：5年毎） — 001 コーディネート支援 "外国人市民の生活の向上
		// （…＝とても暮らしやすい、まあまあ暮らしやすい）" from the same five-yearly survey of foreign residents
		assertThat(rows)
			.extracting(r -> r.get("programKey").asString(), r -> r.get("kpiKey").asString(),
					r -> r.get("otherProgramKey").asString())
			.containsExactlyInAnyOrder(
					tuple("prog-megaregion", "kpi-toshiken-overnight-stays", "prog-sousei-toshiken-renkei"),
					tuple("prog-sukoyaka-kyosei", "kpi-tabunka-awareness", "prog-sousei-tabunka-kyosei"),
					tuple("prog-sukoyaka-kyosei", "kpi-foreign-resident-livability", "prog-sousei-tabunka-coordinate"));
		// no document says which program continues which, so the graph records no
		// CONTINUES
		assertThat(rows).allSatisfy(r -> assertThat(r.get("continues").asBoolean()).isFalse());
	}

	// --- 13 where a fact comes from
	// --------------------------------------------------------------------------------

	@Test
	void kitakyushuInternationalAssociationIsStatedInFourDocuments() {
		List<Record> rows = run(WHERE_A_FACT_COMES_FROM, Map.of("key", "pb-kitaq-international-association"));
		// 002 line 30–32 (3)所管の政策連携団体 "アジア成長研究所、北九州国際交流協会、…" — where the node is first
		// taken from;
		// 000 line 19 (No.7 事業概要); 001 line 602 "（公益財団法人北九州国際交流協会への支援）"; 003 line 57 /
		// 261–265 課題B（5）
		assertThat(rows).extracting(r -> r.get("sourceId").asString())
			.containsOnly(X_HOUSHIN_R7, SHIN_VISION, SOUSEI, X_HOUSHIN_R6);
		assertThat(rows).extracting(r -> r.get("sourceId").asString())
			.contains(X_HOUSHIN_R7, SHIN_VISION, SOUSEI, X_HOUSHIN_R6);
		assertThat(rows.getFirst().get("firstStatement").asBoolean()).isTrue();
		assertThat(rows.getFirst().get("sourceId").asString()).isEqualTo(X_HOUSHIN_R7);
		assertThat(rows.getFirst().get("section").asString()).contains("所管の政策連携団体");
		assertThat(rows).extracting(r -> r.get("label").asString()).containsOnly("PartnerBody");
	}

	// --- 14 full-text search
	// -------------------------------------------------------------------------------------

	@Test
	void searchingForPartOfAJapaneseWordFindsTheMulticulturalProgramsAndKpi() {
		List<Record> rows = run(FULL_TEXT_SEARCH, Map.of("text", "多文化"));
		// 001 line 548 多文化共生推進事業 and line 584 多文化共生推進に伴うコーディネート支援; 000 line 19
		// 市民の「多文化共生」という言葉の認知度
		assertThat(rows).extracting(r -> r.get("key").asString())
			.contains("prog-sousei-tabunka-kyosei", "prog-sousei-tabunka-coordinate", "kpi-tabunka-awareness");
		assertThat(rows.getFirst().get("name").asString()).contains("多文化");
	}

	// --- 15 policy issues of a fiscal year
	// ---------------------------------------------------------------------------

	@Test
	void fiscal2025HasTwelveIssuesWithProgressAtDecember2025() {
		List<Record> rows = run(POLICY_ISSUES_OF_FISCAL_YEAR, Map.of("fiscalYear", 2025L));
		// 002: 課題A（1）, 課題B（1）…（6）, 課題C（1）…（5); "⑥進捗状況(令和7年12月時点)" (line 106, 140, …)
		assertThat(rows).extracting(r -> r.get("area").asString() + r.get("number").toString().replace("\"", ""))
			.containsExactly("A1", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "C2", "C3", "C4", "C5");
		assertThat(rows).allSatisfy(r -> assertThat(r.get("progressAsOf").asString()).isEqualTo("2025-12"));
		// 002 line 227 課題B（3）政策連携団体（アジア成長研究所）の在り方
		assertThat(rows.get(3).get("title").asString()).isEqualTo("政策連携団体（アジア成長研究所）の在り方");
	}

	@Test
	void fiscal2024HasTenIssuesWithProgressAtTheEndOfNovember2024() {
		List<Record> rows = run(POLICY_ISSUES_OF_FISCAL_YEAR, Map.of("fiscalYear", 2024L));
		// 003: 課題A（1）–(3), 課題B（1）–（6）, 課題C（1）; "⑤ 取組みの進捗状況、取組結果（令和6年11月末時点）" (line 97,
		// 123, …)
		assertThat(rows).hasSize(10);
		assertThat(rows).allSatisfy(r -> assertThat(r.get("progressAsOf").asString()).isEqualTo("2024-11"));
	}

	// --- 16 the organisation tree of 政策局
	// -------------------------------------------------------------------------

	@Test
	void policyBureauHoldsItsSixListedUnitsAndTheInternationalPolicyDivision() {
		List<Record> rows = run(ORGANISATION_TREE, Map.of("orgKey", "org-seisaku-kyoku"));
		// 002 line 26–28: (2)組織(部名) (R7.4.1付)
		// 総務部、政策部、グローバル挑戦部、WomanWill推進室、DX・AI戦略室、東京事務所;
		// 003 (局区X方針〈政策局〉) line 139 "当課で得た情報", line 149 "国際政策課で作成したkintoneアプリ", line 265
		// "国際政策課所管の外郭団体": the bureau's own policy speaks as 国際政策課, which no document puts
		// under a 部
		assertThat(rows.getFirst().get("name").asString()).isEqualTo("政策局");
		assertThat(rows.getFirst().get("depth").asLong()).isZero();
		assertThat(rows.subList(1, rows.size()))
			.extracting(r -> r.get("name").asString(), r -> r.get("depth").asLong(), r -> r.get("parent").asString())
			.containsExactlyInAnyOrder(tuple("総務部", 1L, "政策局"), tuple("政策部", 1L, "政策局"), tuple("グローバル挑戦部", 1L, "政策局"),
					tuple("WomanWill推進室", 1L, "政策局"), tuple("DX・AI戦略室", 1L, "政策局"), tuple("東京事務所", 1L, "政策局"),
					tuple("国際政策課", 1L, "政策局"));
	}

	// --- 17 a DX theme's figures with their latest values
	// -----------------------------------------------------------

	@Test
	void dataUtilisationThemeShowsItsFiguresAsOfMarch2025() {
		List<Record> rows = run(DX_THEME_FIGURES, Map.of("pillarKey", "pil-dx-06"));
		// 004 line 233–272: 06 データの利活用 — オープンデータ 公開データセット数 646件 (R7.3末時点) (前年度 639件);
		// 統合型GIS 共有マップ数 212マップ (R7.3末時点) (前年度 175マップ); データ利活用 伴走支援件数 17件 (R6年度) (前年度 4件)
		assertThat(rows)
			.extracting(r -> r.get("kpiKey").asString(), r -> r.get("latestValue").asString(),
					r -> r.get("latestBaseValue").asDouble())
			.containsExactlyInAnyOrder(tuple("kpi-dx-open-datasets", "646件", 646.0),
					tuple("kpi-dx-gis-shared-maps", "212マップ", 212.0), tuple("kpi-dx-data-support-cases", "17件", 17.0));
		// 004 line 235–238: 【R9に向けた目標】 ・防災GISの検討→運用 ・庁内データの利活用による解決モデルの定着
		assertThat(rows.getFirst().get("goal").asString()).contains("防災GIS");
	}

	@Test
	void digitalTalentThemeShowsTheSingleYearFigureWhenARangeEndsTheSameYear() {
		List<Record> rows = run(DX_THEME_FIGURES, Map.of("pillarKey", "pil-dx-10"));
		// 004 line 373–381: デジタル専門人材の採用 11名採用 (R4～6年度) (R6年度採用 3名)
		assertThat(rows).filteredOn(r -> r.get("kpiKey").asString().equals("kpi-dx-digital-specialist-hires"))
			.singleElement()
			.satisfies(r -> assertThat(r.get("latestValue").asString()).isEqualTo("3名"));
	}

	// --- 18 policy issues concerning a node
	// --------------------------------------------------------------------------

	@Test
	void kitakyushuInternationalAssociationIsTheSubjectOfOneIssueEachYear() {
		List<Record> rows = run(ISSUES_CONCERNING_A_NODE, Map.of("key", "pb-kitaq-international-association"));
		// 002 line 264 課題B（４）政策連携団体（北九州国際交流協会）の在り方; 003 line 57
		// (5)アジア成長研究所及び北九州国際交流協会の運営の在り方検討
		assertThat(rows).extracting(r -> r.get("issueKey").asString(), r -> r.get("fiscalYear").asLong())
			.containsExactly(tuple("issue-r7-b4", 2025L), tuple("issue-r6-b5", 2024L));
	}

	// --- helpers
	// ---------------------------------------------------------------------------------------------------

	private List<Record> run(String fileName, Map<String, Object> parameters) {
		return this.driver.executableQuery(statement(fileName)).withParameters(parameters).execute().records();
	}

	private Record single(String fileName, Map<String, Object> parameters) {
		List<Record> rows = run(fileName, parameters);
		assertThat(rows).as(fileName).hasSize(1);
		return rows.getFirst();
	}

	private Value singleValue(String cypher) {
		return this.driver.executableQuery(cypher).execute().records().getFirst().get(0);
	}

	private static String statement(String fileName) {
		return CypherQueryFile.named(fileName).statement();
	}

	/**
	 * The KPIs of the 新ビジョン that 06 finds off track, with one more (hypothetical) R9
	 * actual, rolled back.
	 */
	private List<String> behindWithHypotheticalActual(String kpiKey, double value, String valueText) {
		try (var session = this.driver.session(); Transaction tx = session.beginTransaction()) {
			Map<String, Object> actual = new HashMap<>();
			actual.put("kpiKey", kpiKey);
			actual.put("value", value);
			actual.put("valueText", valueText);
			tx.run("""
					MATCH (k:Kpi {key: $kpiKey})
					CREATE (k)-[:HAS_OBSERVATION]->(:Observation {key: 'hypothetical', kind: 'ACTUAL', fiscalYear: 2027,
					  periodText: 'R9', value: $value, valueText: $valueText})""", actual).consume();
			// as recordObservation does: the status is judged in the transaction that
			// adds the actual
			KpiStatuses.judge(tx, List.of(kpiKey));
			List<String> behind = new ArrayList<>(
					tx.run(statement(KPIS_BEHIND_TARGET), Map.<String, Object>of("planKey", "plan-shin-vision"))
						.list(r -> r.get("kpiKey").asString()));
			tx.rollback();
			return behind;
		}
	}

}
