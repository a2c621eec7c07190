package org.policygraph.importing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.policygraph.support.PackagedDataset;
import org.policygraph.support.PolicyGraphIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The packaged dataset, read back through the graph, states what the five source
 * documents ({@code shared/seeds/}) say. Every expected value below was read by hand from
 * the document quoted in the comment above it; the dataset's CSV files were only
 * consulted for the keys to query by. A failing test here means the dataset (or the
 * importer) disagrees with the document.
 */
@PolicyGraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PackagedDataset
class DatasetFactsIT {

	private static final String SHIN_VISION = "shin-vision-r8-programs";

	private static final String SOUSEI = "sousei-kpi-h28";

	private static final String X_HOUSHIN_R7 = "x-houshin-r7";

	private static final String X_HOUSHIN_R6 = "x-houshin-r6";

	private static final String KITAQ_DX = "kitaq-dx-r6";

	@Autowired
	Driver driver;

	// --- 000: 政策局 主要事務事業一覧（新ビジョン）R8
	// ------------------------------------------------------------

	@Test
	void multiculturalSocietyProgramHasAFiscal2026BudgetOf91040ThousandYen() {
		// 000 row 19 (No.7) and row 22 (No.9): 予算額 (千円) 91,040; the table's budget column
		// is FY2026 (R8)
		Map<String, Object> budget = budgetOf("prog-sukoyaka-kyosei", 2026);
		assertThat(budget).containsEntry("amountYen", 91_040_000L).containsEntry("text", "91,040千円");
	}

	@Test
	void universityFacultySupportHasAFiscal2026BudgetOf1116MillionYen() {
		// 000 row 20 (No.8 次世代デジタル人材育成支援事業): 予算額 1,116,000（千円）
		Map<String, Object> budget = budgetOf("prog-next-gen-digital", 2026);
		assertThat(budget).containsEntry("amountYen", 1_116_000_000L).containsEntry("text", "1,116,000千円");
	}

	@Test
	void smarakuProjectHasAFiscal2026BudgetOf446630ThousandYen() {
		// 000 row 15 (No.6 スマらく区役所サービスプロジェクト): 予算額 446,630（千円）
		assertThat(budgetOf("prog-smaraku", 2026)).containsEntry("amountYen", 446_630_000L);
	}

	@Test
	void fiscal2026BudgetCountsTheProgramListedUnderTwoMeasuresOnce() {
		// 000 budget column: 13,039 + 40,000 + 15,000 + 5,925 + 18,875 + 446,630 + 91,040
		// + 1,116,000
		// = 1,746,509 千円; row 22 (No.9) repeats No.7's 91,040 (再掲) and is the same money.
		Record total = single("""
				MATCH (p:Program)-[:LISTED_UNDER]->(:Measure)-[:IN_PLAN]->(:Plan {key: $plan})
				WITH DISTINCT p
				MATCH (p)-[:HAS_BUDGET]->(b:Budget {fiscalYear: $fiscalYear})
				RETURN count(b) AS budgets, sum(b.amountYen) AS yen""",
				Map.of("plan", "plan-shin-vision", "fiscalYear", 2026));
		assertThat(total.get("budgets").asLong()).isEqualTo(8);
		assertThat(total.get("yen").asLong()).isEqualTo(1_746_509_000L);
	}

	@Test
	void multiculturalSocietyProgramIsOneProgramListedUnderPillarsTwoAndThree() {
		// 000 row 19: Ⅱ「彩りあるまち」 7 すこやかな共生社会構築事業; row 22: Ⅲ「安らぐまち」 9 すこやかな共生社会構築事業
		List<Record> listings = query("""
				MATCH (p:Program {name: $name})-[l:LISTED_UNDER]->(:Measure)-[:UNDER]->(pil:Pillar)
				RETURN p.key AS program, l.number AS number, pil.name AS pillar
				ORDER BY number""", Map.of("name", "すこやかな共生社会構築事業"));
		assertThat(listings).extracting(r -> r.get("number").asInt(), r -> r.get("pillar").asString())
			.containsExactly(tuple(7, "彩りあるまち"), tuple(9, "安らぐまち"));
		assertThat(listings).extracting(r -> r.get("program").asString()).containsOnly("prog-sukoyaka-kyosei");
	}

	@Test
	void onlyTheSecondListingOfTheMulticulturalSocietyProgramIsAReposting() {
		// 000 rows 19 and 22: the same program, summary, KPIs and budget under No.7 and
		// again under No.9 (再掲)
		List<Record> listings = query("""
				MATCH (:Program {key: $program})-[l:LISTED_UNDER]->(:Measure)
				RETURN l.number AS number, l.reposted AS reposted ORDER BY number""",
				Map.of("program", "prog-sukoyaka-kyosei"));
		assertThat(listings).extracting(r -> r.get("number").asInt(), r -> r.get("reposted").asBoolean())
			.containsExactly(tuple(7, false), tuple(9, true));
	}

	@Test
	void newVisionListsEightProgramsUnderNineProgramNumbers() {
		// 000 事務事業番号 1 … 9, where 9 repeats 7
		Record listing = single("""
				MATCH (p:Program)-[l:LISTED_UNDER]->(:Measure)-[:IN_PLAN]->(:Plan {key: $plan})
				RETURN count(DISTINCT p) AS programs, collect(l.number) AS numbers""",
				Map.of("plan", "plan-shin-vision"));
		assertThat(listing.get("programs").asLong()).isEqualTo(8);
		assertThat(listing.get("numbers").asList(v -> v.asInt())).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	@Test
	void newVisionHasItsThreePillarsInDocumentOrder() {
		// 000 row 5: I 「稼げるまち」の実現; row 14: Ⅱ「彩りあるまち」の実現; row 21: Ⅲ「安らぐまち」の実現
		List<Record> pillars = query("""
				MATCH (:Plan {key: $plan})-[h:HAS_PILLAR]->(p:Pillar)
				RETURN p.name AS name ORDER BY h.ordinal""", Map.of("plan", "plan-shin-vision"));
		assertThat(pillars).extracting(r -> r.get("name").asString()).containsExactly("稼げるまち", "彩りあるまち", "安らぐまち");
	}

	@Test
	void universityTalentProgramServesItsMeasureUnderPillarTwo() {
		// 000 row 20: 北九州市立大学における 地域や社会の未来を担う 人材育成の支援 | 8 | 次世代デジタル人材育成支援事業 (under Ⅱ)
		Record listing = single("""
				MATCH (:Program {key: $program})-[l:LISTED_UNDER]->(m:Measure)-[:UNDER]->(p:Pillar)
				RETURN m.name AS measure, l.number AS number, p.name AS pillar""",
				Map.of("program", "prog-next-gen-digital"));
		assertThat(listing.get("measure").asString()).isEqualTo("北九州市立大学における地域や社会の未来を担う人材育成の支援");
		assertThat(listing.get("number").asInt()).isEqualTo(8);
		assertThat(listing.get("pillar").asString()).isEqualTo("彩りあるまち");
	}

	@Test
	void internationalPolicyDivisionRunsTheOverseasPromotionAndMulticulturalPrograms() {
		// 000 row 13 (No.5 海外プロモーション促進事業) and rows 19/22 (すこやかな共生社会構築事業): 担当課「国際 政策 課」
		Record division = single("""
				MATCH (p:Program)-[:RUN_BY]->(o:Organization {key: $org})
				RETURN o.name AS name, collect(p.name) AS programs""", Map.of("org", "org-kokusai-seisaku-ka"));
		assertThat(division.get("name").asString()).isEqualTo("国際政策課");
		assertThat(division.get("programs").asList(v -> v.asString())).containsExactlyInAnyOrder("海外プロモーション促進事業",
				"すこやかな共生社会構築事業");
	}

	@Test
	void womanWillOfficeRunsTheWomensCareerAndWorkLifeBalancePrograms() {
		// 000 row 8 (No.3 Woman's CHOICE推進事業): 担当課「Woman Will推進室」;
		// row 12 (No.4 ワーク・ライフ・バランス推進事業): 担当課「Woma n Will 推進 室」
		Record office = single("""
				MATCH (p:Program)-[:RUN_BY]->(o:Organization {key: $org})
				RETURN o.name AS name, collect(p.name) AS programs""", Map.of("org", "org-womanwill"));
		assertThat(office.get("name").asString()).isEqualTo("WomanWill推進室");
		assertThat(office.get("programs").asList(v -> v.asString())).containsExactlyInAnyOrder("Woman's CHOICE推進事業",
				"ワーク・ライフ・バランス推進事業");
	}

	@Test
	void multiculturalSocietyProgramWorksThroughTheKitakyushuInternationalAssociation() {
		// 000 row 19: 北九州国際交流協会に「（仮）多文化地域コーディネーター」を配置し…
		List<Record> partners = query("""
				MATCH (:Program {key: $program})-[:WORKS_WITH]->(pb:PartnerBody)
				RETURN pb.name AS name""", Map.of("program", "prog-sukoyaka-kyosei"));
		assertThat(partners).extracting(r -> r.get("name").asString()).containsExactly("北九州国際交流協会");
	}

	@Test
	void multiculturalSocietyProgramIsMeasuredByAwarenessFirstAndLivabilitySecond() {
		// 000 row 19: KPI（成果指標①）市民の「多文化共生」という言葉の認知度; KPI（成果指標②）「暮らしやすい」と回答した人の割合
		List<Record> kpis = query("""
				MATCH (:Program {key: $program})-[m:MEASURED_BY]->(k:Kpi)
				RETURN m.ordinal AS ordinal, k.name AS name ORDER BY ordinal""",
				Map.of("program", "prog-sukoyaka-kyosei"));
		assertThat(kpis).extracting(r -> r.get("ordinal").asInt(), r -> r.get("name").asString())
			.containsExactly(tuple(1, "市民の「多文化共生」という言葉の認知度"), tuple(2, "「暮らしやすい」と回答した人の割合"));
	}

	@Test
	void awarenessKpiKeepsItsSurveyWithoutExtractionSpaces() {
		// 000 row 19: 市民の「多 文化共生」 という言葉 の認知度 （行政評価 市民アン ケート：毎 年度）
		Record kpi = single("MATCH (k:Kpi {key: $kpi}) RETURN k.name AS name, k.method AS method",
				Map.of("kpi", "kpi-tabunka-awareness"));
		assertThat(kpi.get("name").asString()).isEqualTo("市民の「多文化共生」という言葉の認知度");
		assertThat(kpi.get("method").asString()).isEqualTo("行政評価市民アンケート：毎年度");
	}

	@Test
	void overnightStaysBaselineIsTwoMillionThreeHundredThirtyEightThousandInFiscal2019() {
		// 000 row 6: 北九州都市圏域内の宿泊者数 | 基準年度 R1 | 基準値 2,338千人
		Map<String, Object> baseline = observation("kpi-toshiken-overnight-stays", "BASELINE", "R1", SHIN_VISION);
		assertThat(baseline).containsEntry("fiscalYear", 2019L)
			.containsEntry("value", 2_338_000.0)
			.containsEntry("valueText", "2,338千人")
			.containsEntry("baseUnit", "person");
	}

	@Test
	void overnightStaysFiscal2026TargetAwaitsPublicationInApril2026() {
		// 000 row 6: R8目標値「R8.4月公表予定」: no figure yet
		Map<String, Object> target = observation("kpi-toshiken-overnight-stays", "TARGET", "R8", SHIN_VISION);
		assertThat(target).containsEntry("qualitative", "PENDING")
			.containsEntry("fiscalYear", 2026L)
			.containsEntry("text", "R8.4月公表予定")
			.doesNotContainKey("value");
	}

	@Test
	void kanmonTourismSpendingBaselineIs646Point8HundredMillionYenInFiscal2021() {
		// 000 row 6: 関門エリアの観光消費額の増加 | 基準年度 R3 | 基準値 646.8億円
		Map<String, Object> baseline = observation("kpi-kanmon-tourism-spending", "BASELINE", "R3", SHIN_VISION);
		assertThat(baseline).containsEntry("fiscalYear", 2021L)
			.containsEntry("value", 64_680_000_000.0)
			.containsEntry("baseUnit", "yen");
	}

	@Test
	void kanmonTourismSpendingMidTermTargetIsDueByFiscal2028() {
		// 000 row 6: 中期目標「R10年度までの目標：2657.4億円」
		Map<String, Object> target = observation("kpi-kanmon-tourism-spending", "TARGET", "R10年度まで", SHIN_VISION);
		assertThat(target).containsEntry("targetType", "MID_TERM")
			.containsEntry("periodKind", "BY")
			.containsEntry("fiscalYear", 2028L)
			.containsEntry("value", 265_740_000_000.0);
	}

	@Test
	void kanmonTourismSpendingHasNoSingleYearTargetForFiscal2026() {
		// 000 row 6: R8目標値「単年度目標設定なし」
		Map<String, Object> target = observation("kpi-kanmon-tourism-spending", "TARGET", "R8", SHIN_VISION);
		assertThat(target).containsEntry("qualitative", "NOT_SET")
			.containsEntry("fiscalYear", 2026L)
			.containsEntry("text", "単年度目標設定なし")
			.doesNotContainKey("value");
	}

	@Test
	void youngPeopleImageTargetForFiscal2026IsAnIncreaseOverFiscal2024() {
		// 000 row 7: 基準年度 R6 | 基準値 8.6% | 中期目標 — | R8目標値「R6年度比増加」
		Map<String, Object> target = observation("kpi-young-people-active-image", "TARGET", "R8", SHIN_VISION);
		assertThat(target).containsEntry("qualitative", "INCREASE")
			.containsEntry("targetType", "ANNUAL")
			.containsEntry("text", "R6年度比増加")
			.doesNotContainKey("value");
	}

	@Test
	void genderEqualityBaselineIs10Point7PercentInFiscal2022() {
		// 000 row 8: 社会全体における男女平等達成感 | 基準年度 R4 | 基準値 10.7%
		Map<String, Object> baseline = observation("kpi-gender-equality-sense", "BASELINE", "R4", SHIN_VISION);
		assertThat(baseline).containsEntry("fiscalYear", 2022L).containsEntry("value", 10.7);
	}

	@Test
	void newPartnershipsTargetIsAtLeastOneAndHasNoBaseline() {
		// 000 row 13: 姉妹友好都市以外の都市や地域との連携基盤構築 | 基準年度 — | 基準値 — | 中期目標 — | R8目標値「1つ以上」
		Map<String, Object> target = observation("kpi-new-city-partnerships", "TARGET", "R8", SHIN_VISION);
		assertThat(target).containsEntry("qualitative", "AT_LEAST").containsEntry("value", 1.0);
		assertThat(count("""
				MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation {kind: 'BASELINE'}) RETURN count(o)""",
				Map.of("kpi", "kpi-new-city-partnerships")))
			.isZero();
	}

	@Test
	void counterStaffHoursAreToBeHalvedByFiscal2027() {
		// 000 row 15: 中期目標「R9年度までの目標：対象業務の窓口職員作業時間▲50.0%」
		Map<String, Object> target = observation("kpi-counter-staff-hours", "TARGET", "R9年度まで", SHIN_VISION);
		assertThat(target).containsEntry("fiscalYear", 2027L).containsEntry("value", -50.0);
	}

	@Test
	void newFacultyBuildingProgressStartsAtZeroInFiscal2025() {
		// 000 row 20: 新学部棟建設工事の進捗 | 基準年度 R7 | 基準値 0.0% (zero is a figure, not a missing
		// one)
		Map<String, Object> baseline = observation("kpi-new-faculty-construction", "BASELINE", "R7", SHIN_VISION);
		assertThat(baseline).containsEntry("fiscalYear", 2025L).containsEntry("value", 0.0);
	}

	// --- 001: まち・ひと・しごと創生総合戦略 KPI実績（H28年度まで） -------------------------------------------

	@Test
	void eastAsiaMeetingsTargetIs21AcrossFiscal2015To2019() {
		// 001 lines 297-303: 東アジア経済交流推進機構における会議数： 5 件（H26 年度）⇒ 21 件（H27～31 年度）
		Map<String, Object> target = observation("kpi-sousei-oeaed-meetings", "TARGET", "H27～31", SOUSEI);
		assertThat(target).containsEntry("periodKind", "RANGE")
			.containsEntry("fiscalYear", 2015L)
			.containsEntry("fiscalYearTo", 2019L)
			.containsEntry("targetType", "CUMULATIVE")
			.containsEntry("cumulative", true)
			.containsEntry("value", 21.0);
	}

	@Test
	void over50InflowFellBy198InFiscal2016() {
		// 001 lines 437-447: 北九州市への 50歳以上の 転入者増加数 … H28 △198 人
		Map<String, Object> actual = observation("kpi-sousei-over50-inflow-increase", "ACTUAL", "H28", SOUSEI);
		assertThat(actual).containsEntry("fiscalYear", 2016L).containsEntry("value", -198.0);
	}

	@Test
	void cityRankIndicatorsAreBetterWhenLower() {
		// 001 lines 373-397: ①将来性があると思う都市 政令市 4位 ⇒1位; ②住んでみたい都市 政令市 15位 ⇒5位以内
		List<Record> kpis = query("""
				MATCH (k:Kpi) WHERE k.key IN $kpis RETURN k.name AS name, k.unit AS unit, k.direction AS direction""",
				Map.of("kpis", List.of("kpi-sousei-future-potential-rank", "kpi-sousei-desirable-residence-rank")));
		assertThat(kpis)
			.extracting(r -> r.get("name").asString(), r -> r.get("unit").asString(),
					r -> r.get("direction").asString())
			.containsExactlyInAnyOrder(tuple("将来性があると思う都市", "位", "LOWER_IS_BETTER"),
					tuple("住んでみたい都市", "位", "LOWER_IS_BETTER"));
	}

	@Test
	void promisingFutureRankIsToRiseFromFourthToFirstByFiscal2019() {
		// 001 lines 375-377: 政令市 4位（H26 年度） ⇒1位（H31 年度）
		assertThat(observation("kpi-sousei-future-potential-rank", "BASELINE", "H26", SOUSEI))
			.containsEntry("fiscalYear", 2014L)
			.containsEntry("value", 4.0);
		assertThat(observation("kpi-sousei-future-potential-rank", "TARGET", "H31", SOUSEI))
			.containsEntry("fiscalYear", 2019L)
			.containsEntry("value", 1.0);
	}

	@Test
	void desirableCityTargetIsFifthOrBetterInFiscal2019() {
		// 001 line 397: ⇒5位以内（H31 年度）
		Map<String, Object> target = observation("kpi-sousei-desirable-residence-rank", "TARGET", "H31", SOUSEI);
		assertThat(target).containsEntry("fiscalYear", 2019L)
			.containsEntry("qualitative", "AT_LEAST")
			.containsEntry("value", 5.0);
	}

	@Test
	void internshipTargetForHeisei31IsFiscal2019() {
		// 001 lines 64-70: 両市企業等へのインターンシップ人数 577 人（H26 年度）⇒ 800 人（H31 年度）
		Map<String, Object> target = observation("kpi-sousei-internship-count", "TARGET", "H31", SOUSEI);
		assertThat(target).containsEntry("fiscalYear", 2019L).containsEntry("value", 800.0);
	}

	@Test
	void scholarshipSupportRunsFromFiscal2018To2020EvenThoughHeiseiEndedIn2019() {
		// 001 lines 114-116: 支援対象者数： 300 人/年度（H30～32 年度）; a yearly figure, not a total
		Map<String, Object> target = observation("kpi-sousei-scholarship-support-recipients", "TARGET", "H30～32",
				SOUSEI);
		assertThat(target).containsEntry("fiscalYear", 2018L)
			.containsEntry("fiscalYearTo", 2020L)
			.containsEntry("value", 300.0)
			.containsEntry("cumulative", false);
	}

	@Test
	void observationSpaceVisitorsTargetIs200ThousandAcrossFiscal2016To2019() {
		// 001 lines 742-748: 旧本事務所眺望スペースの来場者数：5.6 万人/年（H27 年度）⇒20 万人（H28～31 年度）
		Map<String, Object> target = observation("kpi-sousei-observation-space-visitors", "TARGET", "H28～31", SOUSEI);
		assertThat(target).containsEntry("fiscalYear", 2016L)
			.containsEntry("fiscalYearTo", 2019L)
			.containsEntry("cumulative", true)
			.containsEntry("value", 200_000.0);
	}

	@Test
	void kokuraCastleHad186ThousandVisitorsInFiscal2016() {
		// 001 line 689: H28 18.6 万人
		Map<String, Object> actual = observation("kpi-sousei-kokura-castle-visitors", "ACTUAL", "H28", SOUSEI);
		assertThat(actual).containsEntry("fiscalYear", 2016L).containsEntry("value", 186_000.0);
	}

	@Test
	void kanmonSpendingIncreaseWas559MillionYenInFiscal2016() {
		// 001 line 796: H28 559,000 千円 （両市観光動態調査より算出）
		Map<String, Object> actual = observation("kpi-sousei-kanmon-consumption-increase", "ACTUAL", "H28", SOUSEI);
		assertThat(actual).containsEntry("value", 559_000_000.0).containsEntry("baseUnit", "yen");
	}

	@Test
	void universityGrantApplicationsForFiscal2016AreARunningTotal() {
		// 001 lines 532-540: 大学連携促進助成金申請実績：6件（H26 年度）⇒ 25 件（H27～31 年度） … H28 累計 14 件
		Map<String, Object> actual = observation("kpi-sousei-univ-collab-grant-applications", "ACTUAL", "H28", SOUSEI);
		assertThat(actual).containsEntry("cumulative", true).containsEntry("value", 14.0);
	}

	@Test
	void overseasOfficesServed466CompaniesInFiscal2016() {
		// 001 lines 327-337: 海外事務所を利用した企業数： 374 社（H26 年度）⇒ 380 社（H31 年度） H27 388 社 H28
		// 466 社
		Map<String, Object> actual = observation("kpi-sousei-overseas-office-companies", "ACTUAL", "H28", SOUSEI);
		assertThat(actual).containsEntry("fiscalYear", 2016L).containsEntry("value", 466.0);
	}

	@Test
	void internationalStudentSurveyWasNotHeldInFiscal2015() {
		// 001 lines 239-257: H27 － … 調査は 3年毎に実施。前回調査は H26 年度に実施し、次回は H29 年度実施予定。
		Map<String, Object> actual = observation("kpi-sousei-intl-student-company-awareness", "ACTUAL", "H27", SOUSEI);
		assertThat(actual).containsEntry("qualitative", "NOT_MEASURED").doesNotContainKey("value");
	}

	@Test
	void planningAndCoordinationBureauRunsTheThreeProgramsMarkedWithIt() {
		// 001 lines 345-355, 413-421, 1263-1271: the three programs marked 【企画調整局】
		Record bureau = single("""
				MATCH (p:Program)-[:RUN_BY]->(o:Organization {key: $org})
				RETURN o.name AS name, collect(p.name) AS programs""", Map.of("org", "org-kikaku-chosei-kyoku"));
		assertThat(bureau.get("name").asString()).isEqualTo("企画調整局");
		assertThat(bureau.get("programs").asList(v -> v.asString())).containsExactlyInAnyOrder("F1層に届け！北九州シティプロモーション事業",
				"定住・移住促進事業（地方創生推進）", "北九州市ミュージアム構想推進事業");
	}

	@Test
	void strategyHasBasicGoalsOneTwoAndFourInOrder() {
		// 001 line 1: Ⅰ北九州市にしごとをつくり…; line 338: Ⅱ北九州市への新しいひとの流れをつくる; line 753:
		// Ⅳ時代に合った魅力的な都市をつくる
		List<Record> pillars = query("""
				MATCH (:Plan {key: $plan})-[h:HAS_PILLAR]->(p:Pillar)
				RETURN p.label AS label, p.name AS name ORDER BY h.ordinal""", Map.of("plan", "plan-sousei"));
		assertThat(pillars).extracting(r -> r.get("label").asString(), r -> r.get("name").asString())
			.containsExactly(tuple("Ⅰ", "北九州市にしごとをつくり、安心して働けるようにする"), tuple("Ⅱ", "北九州市への新しいひとの流れをつくる"),
					tuple("Ⅳ", "時代に合った魅力的な都市をつくる"));
	}

	@Test
	void strategyRunsFromFiscal2015ToFiscal2019() {
		// seeds README: 001 is the earlier plan (FY2015–FY2019); 001 line 9: ＫＰＩ（平成３１年度）,
		// actuals from H27
		Record plan = single(
				"MATCH (p:Plan {key: $plan}) RETURN p.fiscalYearFrom AS fromYear, p.fiscalYearTo AS toYear",
				Map.of("plan", "plan-sousei"));
		assertThat(plan.get("fromYear").asInt()).isEqualTo(2015);
		assertThat(plan.get("toYear").asInt()).isEqualTo(2019);
	}

	@Test
	void eastAsiaProgramServesBasicGoalOneThroughItsSubMeasures() {
		// 001 lines 258-273: ⑦新社会（スマートシティ）創造… （i）…「都市まるごと」輸出 ⇒アジア諸都市とのネットワーク拡充…
		// 東アジア経済交流推進機構推進事業
		Record path = single(
				"""
						MATCH (:Program {key: $program})-[:LISTED_UNDER]->(:Measure)-[:PART_OF*0..]->(m:Measure)-[:UNDER]->(p:Pillar)
						RETURN m.label AS measure, p.label AS pillar""",
				Map.of("program", "prog-sousei-oeaed"));
		assertThat(path.get("measure").asString()).isEqualTo("⑦");
		assertThat(path.get("pillar").asString()).isEqualTo("Ⅰ");
	}

	@Test
	void kitakyushuInternationalAssociationIsOnePartnerOfProgramsInBothPlans() {
		// 001 lines 602-604: （公益財団法人北九州国際交流協会への支援）; 000 row 19: 北九州国際交流協会に…を配置し
		List<Record> programs = query("""
				MATCH (p:Program)-[:WORKS_WITH]->(pb:PartnerBody {name: $name})
				RETURN p.name AS program""", Map.of("name", "北九州国際交流協会"));
		assertThat(programs).extracting(r -> r.get("program").asString())
			.containsExactlyInAnyOrder("多文化共生推進に伴うコーディネート支援", "すこやかな共生社会構築事業");
	}

	@Test
	void multiculturalAwarenessSeriesSpansTheStrategyAndTheNewVision() {
		// 001 lines 562-572: 43％（H25 年度）⇒ 50％（H31 年度）, H27 43.8%, H28 49.9%; 000 row 19:
		// R5 59.5%
		List<Record> series = query("""
				MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation)
				WHERE o.kind IN ['BASELINE', 'ACTUAL'] AND o.value IS NOT NULL
				RETURN o.fiscalYear AS fiscalYear, o.value AS value, o.sourceId AS source ORDER BY fiscalYear""",
				Map.of("kpi", "kpi-tabunka-awareness"));
		assertThat(series)
			.extracting(r -> r.get("fiscalYear").asInt(), r -> r.get("value").asDouble(),
					r -> r.get("source").asString())
			.containsExactly(tuple(2013, 43.0, SOUSEI), tuple(2015, 43.8, SOUSEI), tuple(2016, 49.9, SOUSEI),
					tuple(2023, 59.5, SHIN_VISION));
	}

	@Test
	void overnightStaysIndicatorSpansBothPlansInOneBaseUnit() {
		// 001 lines 1017-1019: 北九州都市圏域内の宿泊者数：178.6 万人(H31 年度); 000 row 6: R1 2,338千人
		Map<String, Object> target = observation("kpi-toshiken-overnight-stays", "TARGET", "H31", SOUSEI);
		assertThat(target).containsEntry("fiscalYear", 2019L)
			.containsEntry("value", 1_786_000.0)
			.containsEntry("baseUnit", "person");
	}

	// --- 002: 局区X方針〈政策局〉令和7年度
	// ------------------------------------------------------------------

	@Test
	void fiscal2025PolicyHasTwelveIssues() {
		// 002 lines 48-70: 課題領域A: 1 issue; 課題領域B: 6; 課題領域C: 5
		List<Record> issues = issuesOf("plan-xhoushin-r7");
		assertThat(issues).extracting(r -> r.get("area").asString() + r.get("number").asInt())
			.containsExactly("A1", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "C2", "C3", "C4", "C5");
	}

	@Test
	void fiscal2025IssuesReportProgressAsOfDecember2025() {
		// 002 line 106 etc.: ⑥進捗状況(令和7年12月時点)
		List<Record> issues = issuesOf("plan-xhoushin-r7");
		assertThat(issues).hasSize(12).allSatisfy(r -> {
			assertThat(r.get("progressAsOf").asString(null)).isEqualTo("2025-12");
			assertThat(r.get("fiscalYear").asInt()).isEqualTo(2025);
		});
	}

	@Test
	void fiscal2025IssuesAreAllOfHighImpactAndHighUrgency() {
		// 002 line 81 etc.: ①インパクト(政策課題)と緊急度のマトリクス 【インパクト:高】 【緊急度:高】 (every issue)
		assertThat(issuesOf("plan-xhoushin-r7")).hasSize(12).allSatisfy(r -> {
			assertThat(r.get("impact").asString(null)).isEqualTo("高");
			assertThat(r.get("urgency").asString(null)).isEqualTo("高");
		});
	}

	@Test
	void issueB2IsTheInternationalPresenceIssueInTheInternationalField() {
		// 002 line 144: 課題B（2）海外でのプレゼンス向上及び外国人に選ばれるまちに向けた国際関連施策の実施【政策分野：国際】
		Record issue = single("""
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(:Plan {key: $plan})
				WHERE i.area = 'B' AND i.number = 2
				RETURN i.title AS title, i.policyField AS field""", Map.of("plan", "plan-xhoushin-r7"));
		assertThat(issue.get("title").asString()).isEqualTo("海外でのプレゼンス向上及び外国人に選ばれるまちに向けた国際関連施策の実施");
		assertThat(issue.get("field").asString()).isEqualTo("国際");
	}

	@Test
	void bureauGeneralAccountBudgetIs12Point9BillionYen() {
		// 002 lines 22-24: (1)令和7年度局全体当初予算額 一般会計129億円(うち一般財源105億円)、特別会計なし
		Map<String, Object> fact = bureauFact("plan-xhoushin-r7", "BUDGET_GENERAL_ACCOUNT");
		assertThat(fact).containsEntry("value", 12_900_000_000.0).containsEntry("valueText", "129億円");
	}

	@Test
	void bureauGeneralRevenueFundsAre10Point5BillionYen() {
		// 002 line 24: 一般会計129億円(うち一般財源105億円)
		assertThat(bureauFact("plan-xhoushin-r7", "BUDGET_GENERAL_REVENUE")).containsEntry("value", 10_500_000_000.0);
	}

	@Test
	void policyBureauSupervisesThreePartnerBodies() {
		// 002 lines 30-32: (3)所管の政策連携団体 アジア成長研究所、北九州国際交流協会、アジア女性交流・研究フォーラム
		List<Record> bodies = query("""
				MATCH (pb:PartnerBody)-[:SUPERVISED_BY]->(:Organization {name: $bureau})
				RETURN pb.name AS name""", Map.of("bureau", "政策局"));
		assertThat(bodies).extracting(r -> r.get("name").asString())
			.containsExactlyInAnyOrder("アジア成長研究所", "北九州国際交流協会", "アジア女性交流・研究フォーラム");
	}

	@Test
	void genderEqualityCentreMoveIsManagedForThePolicyBureauByADesignatedManager() {
		// 002 lines 34-36: (4)所管の主な公共施設(運営方法:直営、指定管理、その他) 指定管理 北九州市立男女共同参画センター・ムーブ
		Record facility = single("""
				MATCH (f:Facility {name: $name})-[:MANAGED_BY]->(o:Organization)
				RETURN f.operation AS operation, o.name AS bureau""", Map.of("name", "北九州市立男女共同参画センター・ムーブ"));
		assertThat(facility.get("operation").asString()).isEqualTo("指定管理");
		assertThat(facility.get("bureau").asString()).isEqualTo("政策局");
	}

	@Test
	void policyBureauHasSixDepartmentsAsOfApril2025() {
		// 002 lines 26-28: (2)組織(部名) (R7.4.1付)
		// 総務部、政策部、グローバル挑戦部、WomanWill推進室、DX・AI戦略室、東京事務所
		// Only the units this list places: 国際政策課 is also in the bureau, placed by 003
		// (課題A (3), 課題B（5）), not by this list.
		List<Record> units = query("""
				MATCH (o:Organization)-[r:PART_OF]->(:Organization {key: $bureau})
				WHERE r.sourceId = $source
				RETURN o.name AS name""", Map.of("bureau", "org-seisaku-kyoku", "source", X_HOUSHIN_R7));
		assertThat(units).extracting(r -> r.get("name").asString())
			.containsExactlyInAnyOrder("総務部", "政策部", "グローバル挑戦部", "WomanWill推進室", "DX・AI戦略室", "東京事務所");
	}

	@Test
	void issueB4ConcernsTheKitakyushuInternationalAssociation() {
		// 002 line 264: 課題B（４）政策連携団体（北九州国際交流協会）の在り方
		List<Record> bodies = query("""
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(:Plan {key: $plan})
				WHERE i.area = 'B' AND i.number = 4
				MATCH (i)-[:CONCERNS]->(pb:PartnerBody)
				RETURN pb.name AS name""", Map.of("plan", "plan-xhoushin-r7"));
		assertThat(bodies).extracting(r -> r.get("name").asString()).containsExactly("北九州国際交流協会");
	}

	@Test
	void issueB6ConcernsTheSmarakuWardOfficeProjectSpeltTheNewVisionsWay() {
		// 002 line 377: (1)スマラク区役所サービスプロジェクト; 000 row 15 (the FY2026 list):
		// スマらく区役所サービスプロジェクト
		List<Record> programs = query("""
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(:Plan {key: $plan})
				WHERE i.area = 'B' AND i.number = 6
				MATCH (i)-[:CONCERNS]->(p:Program)
				RETURN p.name AS name""", Map.of("plan", "plan-xhoushin-r7"));
		assertThat(programs).extracting(r -> r.get("name").asString()).containsExactly("スマらく区役所サービスプロジェクト");
	}

	@Test
	void aiTrainingParticipantsAreACumulativeCountOfAtLeast2100() {
		// 002 line 109: 今年度、31回の職員向けAI研修を実施し、延べ2,100人以上が参加した
		Map<String, Object> actual = observation("kpi-xh-ai-training-participants", "ACTUAL", "R7", X_HOUSHIN_R7);
		assertThat(actual).containsEntry("fiscalYear", 2025L)
			.containsEntry("value", 2_100.0)
			.containsEntry("qualitative", "AT_LEAST")
			.containsEntry("cumulative", true);
	}

	@Test
	void staffHoursSavedByAiAreToReach100ThousandByFiscal2027() {
		// 002 line 93: (AI活用により、令和9年度までに職員の作業時間10万時間削減)
		Map<String, Object> target = observation("kpi-xh-staff-hours-saved", "TARGET", "R9年度まで", X_HOUSHIN_R7);
		assertThat(target).containsEntry("periodKind", "BY")
			.containsEntry("fiscalYear", 2027L)
			.containsEntry("value", 100_000.0)
			.containsEntry("baseUnit", "hour");
	}

	@Test
	void staffGenerativeAiUseReachedThirtyPercentByDecember2025() {
		// 002 lines 106-109: ⑥進捗状況(令和7年12月時点) … 職員の生成AI利用率は8%→30%程度に上昇した。
		Map<String, Object> actual = observation("kpi-xh-genai-usage-rate", "ACTUAL", "R7.12", X_HOUSHIN_R7);
		assertThat(actual).containsEntry("month", "2025-12")
			.containsEntry("fiscalYear", 2025L)
			.containsEntry("value", 30.0);
	}

	@Test
	void wardCounterReformSavedSevenThousandHoursInFiscal2024() {
		// 002 line 44 (3 令和6年度局区X方針の振り返り): 作業時間の削減(年間7,000時間、処理件数6,500件)
		Map<String, Object> actual = observation("kpi-xh-counter-reform-hours", "ACTUAL", "R6", X_HOUSHIN_R7);
		assertThat(actual).containsEntry("fiscalYear", 2024L).containsEntry("value", 7_000.0);
	}

	// --- 003: 局区X方針〈政策局〉令和6年度
	// ------------------------------------------------------------------

	@Test
	void fiscal2024PolicyHasTenIssues() {
		// 003 lines 77-307: 課題A（1）～A (3), 課題B（1）～B（6）, 課題C (1)
		List<Record> issues = issuesOf("plan-xhoushin-r6");
		assertThat(issues).extracting(r -> r.get("area").asString() + r.get("number").asInt())
			.containsExactly("A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "B6", "C1");
	}

	@Test
	void fiscal2024IssuesReportProgressAsOfNovember2024() {
		// 003 line 97 etc.: ⑤ 取組みの進捗状況、取組結果（令和6年11月末時点）
		assertThat(issuesOf("plan-xhoushin-r6")).hasSize(10).allSatisfy(r -> {
			assertThat(r.get("progressAsOf").asString(null)).isEqualTo("2024-11");
			assertThat(r.get("fiscalYear").asInt()).isEqualTo(2024);
		});
	}

	@Test
	void issueB6IsTheUniversityManagementIssue() {
		// 003 lines 279-283: 課題B（6） ① 課題名 北九州市立大学の安定的・長期的な大学経営
		Record issue = single("""
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(:Plan {key: $plan})
				WHERE i.area = 'B' AND i.number = 6
				RETURN i.title AS title""", Map.of("plan", "plan-xhoushin-r6"));
		assertThat(issue.get("title").asString()).isEqualTo("北九州市立大学の安定的・長期的な大学経営");
	}

	@Test
	void issueB5ConcernsBothPartnerBodiesOfTheInternationalPolicyDivision() {
		// 003 lines 261-265: アジア成長研究所及び北九州国際交流協会の運営の在り方検討 … 国際政策課所管の外郭団体
		List<Record> targets = query("""
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(:Plan {key: $plan})
				WHERE i.area = 'B' AND i.number = 5
				MATCH (i)-[:CONCERNS]->(t)
				RETURN t.name AS name""", Map.of("plan", "plan-xhoushin-r6"));
		assertThat(targets).extracting(r -> r.get("name").asString())
			.containsExactlyInAnyOrder("アジア成長研究所", "北九州国際交流協会", "国際政策課");
	}

	@Test
	void issueB5BelongsToTheAffiliatedBodiesField() {
		// 003 lines 55-59: 外郭団体等 (5)アジア成長研究所及び北九州国際交流協会の運営の在り方検討
		Record issue = single("""
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(:Plan {key: $plan})
				WHERE i.area = 'B' AND i.number = 5
				RETURN i.policyField AS field""", Map.of("plan", "plan-xhoushin-r6"));
		assertThat(issue.get("field").asString()).isEqualTo("外郭団体等");
	}

	@Test
	void furusatoNozeiDonationsAreTakenThroughSixSites() {
		// 003 line 85: 現在、楽天など6つの寄附受付サイトで受付。
		Map<String, Object> actual = observation("kpi-xh-furusato-sites", "ACTUAL", "R6", X_HOUSHIN_R6);
		assertThat(actual).containsEntry("value", 6.0);
	}

	@Test
	void sdgsAwarenessIsAboveNinetyPercent() {
		// 003 line 185: SDGsの市民認知度が90%を超える一方、
		Record actual = single("""
				MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation {sourceId: $source})
				RETURN o.value AS value, o.qualitative AS qualitative""",
				Map.of("kpi", "kpi-xh-sdgs-awareness", "source", X_HOUSHIN_R6));
		assertThat(actual.get("value").asDouble()).isEqualTo(90.0);
		assertThat(actual.get("qualitative").asString(null)).isEqualTo("AT_LEAST");
	}

	@Test
	void shareActingOnSocialIssuesIsRecordedAsBelowFortyPercent() {
		// 003 line 185: …一方、「社会課題を意識し、行動する人の割合」は40%を切っており、
		// The figure is an upper bound: 40% is what it stays below.
		Record actual = single("""
				MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation {sourceId: $source})
				RETURN o.value AS value, o.text AS text, o.qualitative AS qualitative""",
				Map.of("kpi", "kpi-xh-sdgs-action-rate", "source", X_HOUSHIN_R6));
		assertThat(actual.get("value").asDouble()).isEqualTo(40.0);
		assertThat(actual.get("qualitative").asString()).isEqualTo("BELOW");
		assertThat(actual.get("text").asString()).contains("40%を切って");
	}

	// --- 004: KitaQ DX ダッシュボード
	// ----------------------------------------------------------------------

	@Test
	void dxPlanHasTenNumberedThemesThenStandardisationAndTheBusters() {
		// 004: headings 01 … 10 (lines 3, 63, 111, 143, 192, 233, 281, 296, 340, 361),
		// then 標準準拠システムへ段階移行
		// (lines 415-426) and 北九州課題快傑バスターズ始動！ (line 430): twelve themes
		List<Record> themes = query("""
				MATCH (:Plan {key: $plan})-[h:HAS_PILLAR]->(p:Pillar)
				RETURN p.label AS label, p.name AS name ORDER BY h.ordinal""", Map.of("plan", "plan-dx"));
		assertThat(themes).hasSize(12);
		assertThat(themes.subList(0, 10)).extracting(r -> r.get("label").asString())
			.containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09", "10");
		assertThat(themes.get(11).get("name").asString()).contains("課題快傑バスターズ");
	}

	@Test
	void dxThemesKeepTheDashboardHeadings() {
		// 004 lines 3, 63, 111 (extracted as デジタル・デバйд対策: the PDF says デバイド), 143, 192,
		// 233, 281, 296, 340, 361
		List<Record> themes = query("""
				MATCH (:Plan {key: $plan})-[h:HAS_PILLAR]->(p:Pillar) WHERE h.ordinal <= 10
				RETURN p.name AS name ORDER BY h.ordinal""", Map.of("plan", "plan-dx"));
		assertThat(themes).extracting(r -> r.get("name").asString())
			.containsExactly("マイナンバーカードの普及・利用の促進", "フロントヤード改革の推進", "デジタル・デバイド対策", "BPR(業務改革)の取組の徹底", "AIなど先端技術の利用促進",
					"データの利活用", "働き方改革", "丁寧で分かりやすい広報・PR", "セキュリティ対策の徹底", "デジタル人材の確保・育成");
	}

	@Test
	void openDataHad646DatasetsAtTheEndOfFiscal2024() {
		// 004 lines 244-248: 公開データセット数 646件 (R7.3末時点)
		Map<String, Object> actual = observation("kpi-dx-open-datasets", "ACTUAL", "R7.3末", KITAQ_DX);
		assertThat(actual).containsEntry("periodKind", "MONTH")
			.containsEntry("month", "2025-03")
			.containsEntry("fiscalYear", 2024L)
			.containsEntry("value", 646.0);
	}

	@Test
	void openDataHad639DatasetsAYearEarlier() {
		// 004 lines 250-251: 前年度比+7件 (前年度 639件)
		Map<String, Object> actual = observation("kpi-dx-open-datasets", "ACTUAL", "R6.3末", KITAQ_DX);
		assertThat(actual).containsEntry("month", "2024-03")
			.containsEntry("fiscalYear", 2023L)
			.containsEntry("value", 639.0);
	}

	@Test
	void lowCodeSystemsAreACumulativeCountOf544() {
		// 004 lines 220-226: 開発したシステム数(累計) (R7. 3末時点) 544システム 前年度比+237システム (前年度 307システム)
		Map<String, Object> actual = observation("kpi-dx-lowcode-systems", "ACTUAL", "R7.3末", KITAQ_DX);
		assertThat(actual).containsEntry("value", 544.0).containsEntry("cumulative", true);
	}

	@Test
	void convenienceStoreCertificatesExceeded300ThousandInFiscal2024() {
		// 004 lines 21-24: 30 万枚超 前年度比+3万枚 (前年度 27万枚)
		Map<String, Object> actual = observation("kpi-dx-konbini-certificates", "ACTUAL", "R6", KITAQ_DX);
		assertThat(actual).containsEntry("fiscalYear", 2024L)
			.containsEntry("value", 300_000.0)
			.containsEntry("qualitative", "AT_LEAST");
	}

	@Test
	void counterIssuanceFell34PercentSinceFiscal2017() {
		// 004 lines 56-61: 窓口発行件数 ▲34% (H29→R6年度) 前年度比±0ポイント (前年度 ▲34%)
		Map<String, Object> actual = observation("kpi-dx-counter-issuance-change", "ACTUAL", "R6", KITAQ_DX);
		assertThat(actual).containsEntry("fiscalYear", 2024L).containsEntry("value", -34.0);
	}

	@Test
	void digitalServiceUsageGoalIsAtLeast80PercentTowardFiscal2027UnderThemesTwoAndThree() {
		// 004 lines 66-69 and 113-116: 【R9に向けた目標】デジタルを導入した市民サービス市民活用度 80%以上 (under 02 and
		// 03)
		Record target = single("""
				MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation {kind: 'TARGET', sourceId: $source})
				RETURN o.fiscalYear AS fiscalYear, o.value AS value, o.qualitative AS qualitative""",
				Map.of("kpi", "kpi-dx-digital-service-usage", "source", KITAQ_DX));
		assertThat(target.get("fiscalYear").asInt()).isEqualTo(2027);
		assertThat(target.get("value").asDouble()).isEqualTo(80.0);
		assertThat(target.get("qualitative").asString(null)).isEqualTo("AT_LEAST");
		List<Record> themes = query("MATCH (:Kpi {key: $kpi})-[:REPORTS_ON]->(p:Pillar) RETURN p.label AS label",
				Map.of("kpi", "kpi-dx-digital-service-usage"));
		assertThat(themes).extracting(r -> r.get("label").asString()).containsExactlyInAnyOrder("02", "03");
	}

	@Test
	void dataUtilisationThemeReportsItsThreeFigures() {
		// 004 lines 242-272 (06 データの利活用): オープンデータ 646件, 統合型GIS 212マップ, データ利活用 伴走支援件数 17件
		List<Record> figures = query("""
				MATCH (k:Kpi)-[:REPORTS_ON]->(:Pillar {key: $theme})
				MATCH (k)-[:HAS_OBSERVATION]->(o:Observation {kind: 'ACTUAL', fiscalYear: 2024})
				RETURN o.value AS value""", Map.of("theme", "pil-dx-06"));
		assertThat(figures).extracting(r -> r.get("value").asDouble()).containsExactlyInAnyOrder(646.0, 212.0, 17.0);
	}

	@Test
	void digitalSkillsCoursesHad564ParticipantsInFiscal2024() {
		// 004 lines 130-133: 564 名参加 (R6年度) 前年度比▲14,418名 (前年度 14,982名)
		Map<String, Object> actual = observation("kpi-dx-digital-course-participants", "ACTUAL", "R6", KITAQ_DX);
		assertThat(actual).containsEntry("fiscalYear", 2024L).containsEntry("value", 564.0);
	}

	@Test
	void dxTransformationLeadersWereSelectedOverFiscal2023To2024() {
		// 004 lines 404-409: 約1450名選出 (R5～6年度) 前年度比+700名(前年度 750名)
		Map<String, Object> actual = observation("kpi-dx-transformation-leaders", "ACTUAL", "R5～6", KITAQ_DX);
		assertThat(actual).containsEntry("periodKind", "RANGE")
			.containsEntry("fiscalYear", 2023L)
			.containsEntry("fiscalYearTo", 2024L)
			.containsEntry("value", 1_450.0);
	}

	@Test
	void bustersOpinionsAreOneFigureReportedByTheDashboardAndTheFiscal2025Policy() {
		// 004 line 436: PoliPoli Gov上で募集した意見件数 423件; 002 line 576:
		// 令和7年1～2月で収集した423件の市民意見等
		List<Record> observations = query("""
				MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation)
				RETURN o.sourceId AS source, o.value AS value""", Map.of("kpi", "kpi-dx-busters-opinions"));
		assertThat(observations).extracting(r -> r.get("source").asString(), r -> r.get("value").asDouble())
			.containsExactlyInAnyOrder(tuple(KITAQ_DX, 423.0), tuple(X_HOUSHIN_R7, 423.0));
	}

	// --- every document: provenance
	// ------------------------------------------------------------------------

	@Test
	void everySourceDocumentIsASourceCitedByTheGraph() {
		// seeds README: the five files and their source ids
		List<Record> sources = query("""
				MATCH (s:Source)
				RETURN s.key AS key, s.file AS file, COUNT { (s)<-[:CITED_IN]-() } AS citations ORDER BY key""",
				Map.of());
		assertThat(sources).extracting(r -> r.get("key").asString(), r -> r.get("file").asString())
			.containsExactlyInAnyOrder(tuple(SHIN_VISION, "000_96ab029a6dc616e7.txt"),
					tuple(SOUSEI, "001_30570259401e3693.txt"), tuple(X_HOUSHIN_R7, "002_dfcb48dd885b145d.txt"),
					tuple(X_HOUSHIN_R6, "003_995f59e5fc06ae31.txt"), tuple(KITAQ_DX, "004_d5dbd86d4a28e2b8.txt"));
		assertThat(sources).allSatisfy(r -> assertThat(r.get("citations").asLong()).isPositive());
	}

	@Test
	void everyNodeTakenFromADocumentIsCitedInASource() {
		// MODEL.md: every node has a CITED_IN to a Source. Units come from units.csv, a
		// reference table, not a document.
		long nodes = count("MATCH (n) WHERE NOT n:Source AND NOT n:Unit AND NOT n:Change RETURN count(n)", Map.of());
		long uncited = count("""
				MATCH (n) WHERE NOT n:Source AND NOT n:Unit AND NOT n:Change AND NOT (n)-[:CITED_IN]->(:Source)
				RETURN count(n)""", Map.of());
		assertThat(nodes).isPositive();
		assertThat(uncited).isZero();
	}

	@Test
	void everyCitationNamesTheSectionOfItsSource() {
		long bad = count("""
				MATCH ()-[c:CITED_IN]->(s:Source)
				WHERE c.section IS NULL OR trim(c.section) = '' OR c.sourceId <> s.key
				RETURN count(c)""", Map.of());
		assertThat(bad).isZero();
	}

	@Test
	void everyNodeRecordsWhereItsFirstDocumentStatesIt() {
		long bad = count("""
				MATCH (n) WHERE NOT n:Source AND NOT n:Unit AND NOT n:Change
				  AND (n.sourceId IS NULL OR n.section IS NULL
				       OR NOT EXISTS { (n)-[c:CITED_IN]->(:Source {key: n.sourceId}) WHERE c.section = n.section })
				RETURN count(n)""", Map.of());
		assertThat(bad).isZero();
	}

	@Test
	void awarenessIndicatorIsCitedInBothPlansThatStateIt() {
		// 001 lines 562-564 (多文化共生推進事業) and 000 rows 19 and 22 state the same indicator
		List<Record> sources = query("""
				MATCH (:Kpi {key: $kpi})-[:CITED_IN]->(s:Source) RETURN DISTINCT s.key AS source""",
				Map.of("kpi", "kpi-tabunka-awareness"));
		assertThat(sources).extracting(r -> r.get("source").asString()).containsExactlyInAnyOrder(SHIN_VISION, SOUSEI);
	}

	// --- helpers
	// -----------------------------------------------------------------------------------------------

	private List<Record> query(String cypher, Map<String, Object> parameters) {
		return this.driver.executableQuery(cypher).withParameters(parameters).execute().records();
	}

	@Test
	void aTargetStatedInWordsKeepsItsWordsAndYear() {
		// 001 Ⅳ⑥ 公共施設マネジメント推進事業: 施設分野別実行計画、モデルプロジェクト地域の公共施設再配置計画の策定：（H27 年度）
		Record target = single("""
				MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation {kind: 'TARGET', sourceId: $source})
				RETURN o.fiscalYear AS fiscalYear, o.value AS value, o.qualitative AS qualitative, o.text AS text""",
				Map.of("kpi", "kpi-sousei-facility-plans", "source", SOUSEI));
		assertThat(target.get("fiscalYear").asInt()).isEqualTo(2015);
		assertThat(target.get("value").isNull()).isTrue();
		assertThat(target.get("qualitative").asString()).isEqualTo("MILESTONE");
		assertThat(target.get("text").asString()).contains("公共施設再配置計画の策定");
	}

	private Record single(String cypher, Map<String, Object> parameters) {
		List<Record> records = query(cypher, parameters);
		assertThat(records).as("records of %s with %s", cypher, parameters).hasSize(1);
		return records.get(0);
	}

	private long count(String cypher, Map<String, Object> parameters) {
		return single(cypher, parameters).get(0).asLong();
	}

	/**
	 * The observation's stored properties; a property the document leaves empty is
	 * absent.
	 */
	private Map<String, Object> observation(String kpi, String kind, String periodText, String source) {
		return single(
				"""
						MATCH (:Kpi {key: $kpi})-[:HAS_OBSERVATION]->(o:Observation {kind: $kind, periodText: $period, sourceId: $source})
						RETURN properties(o) AS o""",
				Map.of("kpi", kpi, "kind", kind, "period", periodText, "source", source))
			.get("o")
			.asMap();
	}

	private Map<String, Object> budgetOf(String program, int fiscalYear) {
		return single("""
				MATCH (:Program {key: $program})-[:HAS_BUDGET]->(b:Budget {fiscalYear: $fiscalYear})
				RETURN properties(b) AS b""", Map.of("program", program, "fiscalYear", fiscalYear)).get("b").asMap();
	}

	private Map<String, Object> bureauFact(String plan, String fact) {
		return single("""
				MATCH (:Plan {key: $plan})-[:HAS_FACT]->(f:BureauFact {fact: $fact})
				RETURN properties(f) AS f""", Map.of("plan", plan, "fact", fact)).get("f").asMap();
	}

	private List<Record> issuesOf(String plan) {
		return query("""
				MATCH (i:PolicyIssue)-[:OF_PLAN]->(:Plan {key: $plan})
				RETURN i.area AS area, i.number AS number, i.fiscalYear AS fiscalYear, i.progressAsOf AS progressAsOf,
				       i.impact AS impact, i.urgency AS urgency
				ORDER BY area, number""", Map.of("plan", plan));
	}

}
