package org.policygraph.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policygraph.source.SourceRef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status rule (docs/KPI_STATUS.md), branch by branch. Figures are the documents'
 * (values in base units, as the importer stores them); where a branch needs an actual the
 * documents do not have, the test says "hypothetical".
 */
class KpiStatusRuleTests {

	private static final String HIGHER = "HIGHER_IS_BETTER";

	private static final String LOWER = "LOWER_IS_BETTER";

	@Nested
	class NoDataAndQualitative {

		@Test
		void anIndicatorWithoutAnyActualFigureHasNoData() {
			// 001: ①将来性があると思う都市 政令市 4位（H26 年度）⇒1位（H31 年度） H27 －(5 年に一度の調査、次回 H31) H28 －
			assertThat(status(LOWER, baseline(2014, 4), target(2019, 1), notMeasured(2015), notMeasured(2016)))
				.isEqualTo(KpiStatus.NO_DATA);
		}

		@Test
		void targetsWithoutActualsAreNoData() {
			// 000: 新学部棟建設工事の進捗 R7 0.0% R9年度までの目標：100.0% 単年度目標設定なし
			assertThat(status(HIGHER, baseline(2025, 0), target(2027, 100), qualitativeTarget(2026, "NOT_SET")))
				.isEqualTo(KpiStatus.NO_DATA);
		}

		@Test
		void actualsWithoutAnyTargetAreQualitative() {
			// 001: 大学等誘致・整備促進事業 KPI 事業継続による大学等への支援 H27 0件 H28 2件 (no target)
			assertThat(status(HIGHER, actual(2015, 0), actual(2016, 2))).isEqualTo(KpiStatus.QUALITATIVE);
		}

		@Test
		void actualsWhoseOnlyTargetHasNoFigureAreQualitative() {
			// 000: メガリージョン推進事業 KPI① R8目標値 R8.4月公表予定; hypothetical R8 actual 2,400千人
			assertThat(status(HIGHER, baseline(2019, 2_338_000), qualitativeTarget(2026, "PENDING"),
					actual(2026, 2_400_000)))
				.isEqualTo(KpiStatus.QUALITATIVE);
		}

		@Test
		void anIncreaseTargetWithoutABaselineIsQualitative() {
			// R6年度比増加 with no figure for R6 in the graph; hypothetical R8 actual 9.0%
			assertThat(status(HIGHER, qualitativeTarget(2026, "INCREASE"), actual(2026, 9.0)))
				.isEqualTo(KpiStatus.QUALITATIVE);
		}

	}

	@Nested
	class AgainstAPlainTarget {

		@Test
		void anActualMeetingTheTargetIsAchieved() {
			// 001: 海外事務所を利用した企業数 374社（H26 年度）⇒380社（H31 年度） H27 388社 H28 466社
			assertThat(status(HIGHER, baseline(2014, 374), target(2019, 380), actual(2015, 388), actual(2016, 466)))
				.isEqualTo(KpiStatus.ACHIEVED);
		}

		@Test
		void anActualAheadOfTheLineFromTheBaselineIsOnTrack() {
			// 001: インターンシップ人数 577人（H26年度）⇒ 800人（H31年度） H27 743人 H28 670人
			// line at H28: 577 + 223 × 2/5 = 666.2 ≤ 670
			assertThat(status(HIGHER, baseline(2014, 577), target(2019, 800), actual(2015, 743), actual(2016, 670)))
				.isEqualTo(KpiStatus.ON_TRACK);
		}

		@Test
		void theLatestActualIsJudgedNotTheBestOne() {
			// same KPI: H27 743人 was far ahead, but H28 670人 is what counts; hypothetical
			// H28 640人 is behind 666.2
			assertThat(status(HIGHER, baseline(2014, 577), target(2019, 800), actual(2015, 743), actual(2016, 640)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void anActualBehindTheLineIsOffTrack() {
			// 001: 利用学生数 21,116人（H26年度）⇒ 25,000人（H31年度） H27 19,928人 H28 18,520人
			assertThat(status(HIGHER, baseline(2014, 21_116), target(2019, 25_000), actual(2015, 19_928),
					actual(2016, 18_520)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void aDecreaseBelowTheBaselineIsOffTrack() {
			// 001: 北九州市への50歳以上の転入者増加数 0人（H28年度）⇒348人（H31年度） H27 － H28 △198人
			assertThat(status(HIGHER, baseline(2016, 0), target(2019, 348), notMeasured(2015), actual(2016, -198)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void anAtLeastTargetIsMetWhenReached() {
			// 001: 「本市が好きだ」と答えた市民の割合 78.5％（H25 年度）⇒90％以上（H31 年度）; hypothetical H31 90%
			assertThat(status(HIGHER, baseline(2013, 78.5), atLeast(2019, 90), actual(2019, 90)))
				.isEqualTo(KpiStatus.ACHIEVED);
			// the document's H28 84.8％ is ahead of the line 78.5 + 11.5 × 3/6 = 84.25
			assertThat(status(HIGHER, baseline(2013, 78.5), atLeast(2019, 90), actual(2015, 83.5), actual(2016, 84.8)))
				.isEqualTo(KpiStatus.ON_TRACK);
		}

		@Test
		void aTargetYearReachedUnmetIsOffTrackEvenAheadOfTheLine() {
			// 001: 「多文化共生」認知度 43％（H25）⇒ 50％（H31）; hypothetical H31 actual 49.9%
			assertThat(status(HIGHER, baseline(2013, 43), target(2019, 50), actual(2019, 49.9)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void withoutABaselineTheLineStartsAtTheEarliestActual() {
			// 004: 市民活用度 80%以上 (R9) and R6 62.0%: the only actual is the start of its own
			// line
			assertThat(status(HIGHER, atLeast(2027, 80), actual(2024, 62.0))).isEqualTo(KpiStatus.ON_TRACK);
			// hypothetical R7 61.0% after R6 62.0%: behind the line from 62.0 (R6) to 80
			// (R9)
			assertThat(status(HIGHER, atLeast(2027, 80), actual(2024, 62.0), actual(2025, 61.0)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void undatedActualsCountOnlyWhenTheyMeetTheTarget() {
			// x-houshin figures carry no year; hypothetical target 90% by R9
			assertThat(status(HIGHER, atLeast(2027, 90), undatedActual(91))).isEqualTo(KpiStatus.ACHIEVED);
			assertThat(status(HIGHER, atLeast(2027, 90), undatedActual(89))).isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void anUndatedTargetHasNoLineToBeAheadOf() {
			// hypothetical target without a period, 80%, and an R6 actual of 62.0%
			assertThat(status(HIGHER, target(null, 80), actual(2024, 62.0))).isEqualTo(KpiStatus.OFF_TRACK);
			assertThat(status(HIGHER, target(null, 80), actual(2024, 82.0))).isEqualTo(KpiStatus.ACHIEVED);
		}

		@Test
		void aBelowTargetIsMetOnlyWhenPassed() {
			// 「40%を切って」 as a target; hypothetical actuals of exactly 40% and 39%
			assertThat(status(LOWER, below(2027, 40), actual(2027, 40))).isEqualTo(KpiStatus.OFF_TRACK);
			assertThat(status(LOWER, below(2027, 40), actual(2027, 39))).isEqualTo(KpiStatus.ACHIEVED);
		}

	}

	@Nested
	class ChoosingTheTargetAndTheBaseline {

		// 001: 「多文化共生」認知度 43％（H25 年度）⇒ 50％（H31 年度） H27 43.8% H28 49.9%
		// 000: 基準 R5 59.5%, R10年度までの目標：63.0%, R8 単年度目標設定なし
		private final List<Observation> awareness = List.of(baseline(2013, 43), target(2019, 50), actual(2015, 43.8),
				actual(2016, 49.9), baseline(2023, 59.5), byTarget(2028, 63.0), qualitativeTarget(2026, "NOT_SET"));

		@Test
		void theTargetEndingNearestAfterTheActualAndTheBaselineBeforeItApply() {
			// H28 49.9% against H31 50％ on the line from H25 43％: 43 + 7 × 3/6 = 46.5
			assertThat(KpiStatusRule.statusOf(HIGHER, this.awareness)).isEqualTo(KpiStatus.ON_TRACK);
		}

		@Test
		void aLaterActualIsJudgedAgainstTheLaterPlansTargetAndBaseline() {
			// hypothetical R6 actuals: line from R5 59.5% to R10 63.0% is at 60.2 in R6
			assertThat(KpiStatusRule.statusOf(HIGHER, with(this.awareness, actual(2024, 62.0))))
				.isEqualTo(KpiStatus.ON_TRACK);
			assertThat(KpiStatusRule.statusOf(HIGHER, with(this.awareness, actual(2024, 60.0))))
				.isEqualTo(KpiStatus.OFF_TRACK);
			assertThat(KpiStatusRule.statusOf(HIGHER, with(this.awareness, actual(2024, 63.0))))
				.isEqualTo(KpiStatus.ACHIEVED);
		}

		@Test
		void afterTheLastTargetYearTheLatestTargetApplies() {
			// 001: インターンシップ 800人（H31年度）; hypothetical R2 actuals
			assertThat(status(HIGHER, baseline(2014, 577), target(2019, 800), actual(2020, 790)))
				.isEqualTo(KpiStatus.OFF_TRACK);
			assertThat(status(HIGHER, baseline(2014, 577), target(2019, 800), actual(2020, 810)))
				.isEqualTo(KpiStatus.ACHIEVED);
		}

		@Test
		void figuresWrittenInDifferentUnitsCompareInBaseUnits() {
			// 000: 2,338千人 (R1); 001: 178.6万人 (H31); hypothetical H30 actual 1,800千人 =
			// 180.0万人 ≥ 178.6万人
			assertThat(status(HIGHER, baseline(2019, 2_338_000), target(2019, 1_786_000), actual(2018, 1_800_000)))
				.isEqualTo(KpiStatus.ACHIEVED);
		}

	}

	@Nested
	class Increase {

		// 000: シン・ジダイ創造事業 KPI① R6 8.6% R8目標値 R6年度比増加
		private final Observation baseline = baseline(2024, 8.6);

		private final Observation increase = qualitativeTarget(2026, "INCREASE");

		@Test
		void anIncreaseOverTheBaselineIsAchieved() {
			assertThat(status(HIGHER, this.baseline, this.increase, actual(2026, 9.0))).isEqualTo(KpiStatus.ACHIEVED);
		}

		@Test
		void holdingTheBaselineBeforeTheTargetYearIsOnTrack() {
			assertThat(status(HIGHER, this.baseline, this.increase, actual(2025, 8.6))).isEqualTo(KpiStatus.ON_TRACK);
		}

		@Test
		void holdingTheBaselineInTheTargetYearIsNoIncrease() {
			assertThat(status(HIGHER, this.baseline, this.increase, actual(2026, 8.6))).isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void fallingBelowTheBaselineIsOffTrack() {
			assertThat(status(HIGHER, this.baseline, this.increase, actual(2025, 8.0))).isEqualTo(KpiStatus.OFF_TRACK);
		}

	}

	@Nested
	class LowerIsBetter {

		// 001: ①将来性があると思う都市 政令市 4位（H26 年度）⇒1位（H31 年度）
		@Test
		void aRankAtOrAboveTheTargetIsAchieved() {
			// hypothetical H31 survey: 1位
			assertThat(status(LOWER, baseline(2014, 4), target(2019, 1), actual(2019, 1)))
				.isEqualTo(KpiStatus.ACHIEVED);
		}

		@Test
		void aRankAtOrAheadOfTheLineIsOnTrack() {
			// line at H29: 4 − 3 × 3/5 = 2.2; hypothetical H29 2位 is ahead, 3位 behind
			assertThat(status(LOWER, baseline(2014, 4), target(2019, 1), actual(2017, 2)))
				.isEqualTo(KpiStatus.ON_TRACK);
			assertThat(status(LOWER, baseline(2014, 4), target(2019, 1), actual(2017, 3)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void aWithinRankBoundIsMetWhenReached() {
			// 001: ②住んでみたい都市 政令市 15位（H26 年度）⇒5位以内（H31 年度）; hypothetical H31 5位 and 6位
			assertThat(status(LOWER, baseline(2014, 15), atLeast(2019, 5), actual(2019, 5)))
				.isEqualTo(KpiStatus.ACHIEVED);
			assertThat(status(LOWER, baseline(2014, 15), atLeast(2019, 5), actual(2019, 6)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

	}

	@Nested
	class Cumulative {

		@Test
		void aRunningTotalBehindTheProRataTargetIsOffTrack() {
			// 001: 東アジア経済交流推進機構における会議数 5件（H26 年度）⇒ 21件（H27～31 年度） H27 5件 H28 累計 4件
			// the running total 4 is behind 21 × 2/5 = 8.4
			assertThat(status(HIGHER, baseline(2014, 5), cumulativeTarget(2015, 2019, 21), actual(2015, 5),
					runningTotal(2016, 4)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void aRunningTotalAheadOfTheProRataTargetIsOnTrack() {
			// 001: 大学連携促進助成金申請実績 6件（H26 年度）⇒ 25件（H27～31 年度） H27 9件 H28 累計 14件 (≥ 25 × 2/5
			// = 10)
			assertThat(status(HIGHER, baseline(2014, 6), cumulativeTarget(2015, 2019, 25), actual(2015, 9),
					runningTotal(2016, 14)))
				.isEqualTo(KpiStatus.ON_TRACK);
			// 001: トップ会談 5回（H27～31年度） H27 1回 H28 累計 2回 (= 5 × 2/5)
			assertThat(status(HIGHER, cumulativeTarget(2015, 2019, 5), actual(2015, 1), runningTotal(2016, 2)))
				.isEqualTo(KpiStatus.ON_TRACK);
		}

		@Test
		void annualActualsInTheRangeAreSummed() {
			// 001: 旧本事務所眺望スペースの来場者数 5.6万人/年（H27）⇒20万人（H28～31年度） H27 5.6万人 H28 2.7万人
			// H27 is before the range: 2.7万人 is behind 20万人 × 1/4
			List<Observation> visitors = List.of(baseline(2015, 56_000), cumulativeTarget(2016, 2019, 200_000),
					actual(2015, 56_000), actual(2016, 27_000));
			assertThat(KpiStatusRule.statusOf(HIGHER, visitors)).isEqualTo(KpiStatus.OFF_TRACK);
			// hypothetical H29 8万人: 10.7万人 ≥ 20万人 × 2/4
			assertThat(KpiStatusRule.statusOf(HIGHER, with(visitors, actual(2017, 80_000))))
				.isEqualTo(KpiStatus.ON_TRACK);
		}

		@Test
		void annualActualsAfterARunningTotalAddToIt() {
			// 001: 25件（H27～31）, H28 累計 14件; hypothetical H29 5件: 19 ≥ 25 × 3/5 = 15
			assertThat(status(HIGHER, cumulativeTarget(2015, 2019, 25), actual(2015, 9), runningTotal(2016, 14),
					actual(2017, 5)))
				.isEqualTo(KpiStatus.ON_TRACK);
		}

		@Test
		void aRunningTotalReachingTheTargetEarlyIsAchieved() {
			// hypothetical H30 累計 21件 against 21件（H27～31）
			assertThat(status(HIGHER, cumulativeTarget(2015, 2019, 21), runningTotal(2018, 21)))
				.isEqualTo(KpiStatus.ACHIEVED);
		}

		@Test
		void aRangeEndedShortIsOffTrack() {
			// hypothetical H31 累計 20件 against 21件（H27～31）
			assertThat(status(HIGHER, cumulativeTarget(2015, 2019, 21), runningTotal(2019, 20)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

		@Test
		void aLowerIsBetterTotalIsJudgedAgainstItsCeiling() {
			// hypothetical: at most 100 over R6～R9
			assertThat(status(LOWER, cumulativeTarget(2024, 2027, 100), actual(2024, 20)))
				.isEqualTo(KpiStatus.ON_TRACK);
			assertThat(status(LOWER, cumulativeTarget(2024, 2027, 100), actual(2024, 30)))
				.isEqualTo(KpiStatus.OFF_TRACK);
			assertThat(status(LOWER, cumulativeTarget(2024, 2027, 100), runningTotal(2027, 90)))
				.isEqualTo(KpiStatus.ACHIEVED);
			assertThat(status(LOWER, cumulativeTarget(2024, 2027, 100), runningTotal(2027, 110)))
				.isEqualTo(KpiStatus.OFF_TRACK);
		}

	}

	private static KpiStatus status(String direction, Observation... observations) {
		return KpiStatusRule.statusOf(direction, Arrays.asList(observations));
	}

	private static List<Observation> with(List<Observation> observations, Observation more) {
		List<Observation> all = new ArrayList<>(observations);
		all.add(more);
		return all;
	}

	private static Observation baseline(int year, double value) {
		return observation("BASELINE", null, year, null, value, null, false);
	}

	private static Observation target(Integer year, double value) {
		return observation("TARGET", "ANNUAL", year, null, value, null, false);
	}

	private static Observation byTarget(int year, double value) {
		return observation("TARGET", "MID_TERM", year, null, value, null, false);
	}

	private static Observation atLeast(int year, double value) {
		return observation("TARGET", "MID_TERM", year, null, value, "AT_LEAST", false);
	}

	private static Observation below(int year, double value) {
		return observation("TARGET", "MID_TERM", year, null, value, "BELOW", false);
	}

	private static Observation qualitativeTarget(int year, String qualitative) {
		return observation("TARGET", "ANNUAL", year, null, null, qualitative, false);
	}

	private static Observation cumulativeTarget(int from, int to, double value) {
		return observation("TARGET", "CUMULATIVE", from, to, value, null, true);
	}

	private static Observation actual(int year, double value) {
		return observation("ACTUAL", null, year, null, value, null, false);
	}

	private static Observation runningTotal(int year, double value) {
		return observation("ACTUAL", null, year, null, value, null, true);
	}

	private static Observation undatedActual(double value) {
		return observation("ACTUAL", null, null, null, value, null, false);
	}

	private static Observation notMeasured(int year) {
		return observation("ACTUAL", null, year, null, null, "NOT_MEASURED", false);
	}

	private static Observation observation(String kind, String targetType, Integer year, Integer yearTo, Double value,
			String qualitative, boolean cumulative) {
		return new Observation(kind, targetType, year, yearTo, null, null, null, value, null, null, qualitative, kind,
				cumulative, new SourceRef("test", null), null, null);
	}

}
