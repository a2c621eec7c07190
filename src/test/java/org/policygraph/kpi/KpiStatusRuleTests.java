package org.policygraph.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policygraph.source.SourceRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

	/**
	 * The reason (判定理由) each branch gives: the figures as the documents write them, the
	 * point on the line or the pro-rata total worked out here from docs/KPI_STATUS.md.
	 */
	@Nested
	class Reasons {

		@Test
		void anActualAheadOfTheLineNamesTheBaselineTheTargetAndThePointOnTheLine() {
			// 001 lines 562-572: 多文化共生 認知度 43％（H25 年度）⇒ 50％（H31 年度） H27 43.8% H28 49.9%;
			// 000: 59.5%（R5） R10年度までの目標：63.0%. H28 is judged against H31 (the nearest
			// target at or after it), from the H25 baseline: 43 + (50 − 43) × 3/6 = 46.5
			StatusReason reason = reason(KpiStatus.ON_TRACK, HIGHER, doc("BASELINE", 2013, "H25", 43, "43%"),
					doc("TARGET", 2019, "H31", 50, "50%"), doc("BASELINE", 2023, "R5", 59.5, "59.5%"),
					doc("TARGET", 2028, "R10年度まで", 63.0, "63.0%"), doc("ACTUAL", 2015, "H27", 43.8, "43.8%"),
					doc("ACTUAL", 2016, "H28", 49.9, "49.9%"));
			assertThat(reason.text()).isEqualTo("H28（2016年度）の実績 49.9% は目標に届かず、H25（2013年度）の基準値 43% から"
					+ "H31（2019年度）の目標 50% への直線上の2016年度の値 46.5 以上のため順調。");
			assertThat(reason.textEn()).isEqualTo("The FY2016 actual 49.9% misses the target 50% (FY2019) and is at or "
					+ "ahead of 46.5, the FY2016 point on the line from the baseline 43% (FY2013), so on track.");
			assertThat(reason.direction()).isEqualTo(HIGHER);
			assertThat(reason.actual())
				.isEqualTo(new StatusReason.StatusFigure("ACTUAL", 2016, null, "H28", 49.9, "49.9%"));
			assertThat(reason.target())
				.isEqualTo(new StatusReason.StatusFigure("TARGET", 2019, null, "H31", 50.0, "50%"));
			assertThat(reason.start())
				.isEqualTo(new StatusReason.StatusFigure("BASELINE", 2013, null, "H25", 43.0, "43%"));
			assertThat(reason.expectedValue()).isEqualTo(46.5);
			assertThat(reason.runningTotal()).isNull();
		}

		@Test
		void anActualBehindTheLineSaysHowFarTheLineHadGot() {
			// 001: 利用学生数 21,116人（H26）⇒ 25,000人（H31） H28 18,520人; line at H28:
			// 21,116 + 3,884 × 2/5 = 22,669.6
			StatusReason reason = reason(KpiStatus.OFF_TRACK, HIGHER, doc("BASELINE", 2014, "H26", 21_116, "21,116人"),
					doc("TARGET", 2019, "H31", 25_000, "25,000人"), doc("ACTUAL", 2016, "H28", 18_520, "18,520人"));
			assertThat(reason.text()).isEqualTo("H28（2016年度）の実績 18,520人 は目標に届かず、H26（2014年度）の基準値 21,116人 から"
					+ "H31（2019年度）の目標 25,000人 への直線上の2016年度の値 22,669.6 を下回るため遅れ。");
			assertThat(reason.textEn()).isEqualTo("The FY2016 actual 18,520人 misses the target 25,000人 (FY2019) and is "
					+ "behind 22,669.6, the FY2016 point on the line from the baseline 21,116人 (FY2014), so off track.");
			assertThat(reason.expectedValue()).isCloseTo(22_669.6, within(1e-9));
		}

		@Test
		void withoutABaselineTheLineStartsAtTheEarliestActual() {
			// hypothetical: 80%以上 by R9, R6 62.0%, R7 61.0%; line at R7: 62 + 18 × 1/3 =
			// 68
			StatusReason reason = reason(KpiStatus.OFF_TRACK, HIGHER, doc("TARGET", 2027, "R9", 80, "80%以上"),
					doc("ACTUAL", 2024, "R6", 62, "62.0%"), doc("ACTUAL", 2025, "R7", 61, "61.0%"));
			assertThat(reason.text()).isEqualTo("R7（2025年度）の実績 61.0% は目標に届かず、R6（2024年度）の最初の実績 62.0% から"
					+ "R9（2027年度）の目標 80%以上 への直線上の2025年度の値 68 を下回るため遅れ。");
			assertThat(reason.start().kind()).isEqualTo("ACTUAL");
			assertThat(reason.expectedValue()).isEqualTo(68.0);
		}

		@Test
		void aMetTargetNamesTheActualAndTheTarget() {
			// 001 lines 327-337: 海外事務所を利用した企業数 374 社（H26 年度）⇒ 380 社（H31 年度） H27 388 社 H28
			// 466 社
			StatusReason reason = reason(KpiStatus.ACHIEVED, HIGHER, doc("BASELINE", 2014, "H26", 374, "374社"),
					doc("TARGET", 2019, "H31", 380, "380社"), doc("ACTUAL", 2015, "H27", 388, "388社"),
					doc("ACTUAL", 2016, "H28", 466, "466社"));
			assertThat(reason.text()).isEqualTo("H28（2016年度）の実績 466社 はH31（2019年度）の目標 380社 以上のため達成。");
			assertThat(reason.textEn())
				.isEqualTo("The FY2016 actual 466社 meets the target 380社 (FY2019): 466社 ≥ 380, so achieved.");
			assertThat(reason.start()).isNull();
			assertThat(reason.expectedValue()).isNull();
		}

		@Test
		void anIncreaseTargetIsQuotedWithTheBaselineItMustPass() {
			// 000: シン・ジダイ創造事業 KPI① R6 8.6% R8目標値 R6年度比増加; hypothetical R8 9.0%
			StatusReason reason = reason(KpiStatus.ACHIEVED, HIGHER, doc("BASELINE", 2024, "R6", 8.6, "8.6%"),
					new Observation("TARGET", "ANNUAL", 2026, null, "R8", null, null, null, null, null, "INCREASE",
							"R6年度比増加", false, new SourceRef("test", null), null, null),
					doc("ACTUAL", 2026, "R8", 9.0, "9.0%"));
			assertThat(reason.text()).isEqualTo("R8（2026年度）の実績 9.0% はR8（2026年度）の目標 R6年度比増加（基準値 8.6） を上回るため達成。");
			assertThat(reason.target())
				.isEqualTo(new StatusReason.StatusFigure("TARGET", 2026, null, "R8", 8.6, "R6年度比増加"));
		}

		@Test
		void aTargetYearReachedUnmetSaysSo() {
			// hypothetical: 43%（H25）⇒ 50%（H31）, H31 49.9%
			StatusReason reason = reason(KpiStatus.OFF_TRACK, HIGHER, doc("BASELINE", 2013, "H25", 43, "43%"),
					doc("TARGET", 2019, "H31", 50, "50%"), doc("ACTUAL", 2019, "H31", 49.9, "49.9%"));
			assertThat(reason.text()).isEqualTo("H31（2019年度）の実績 49.9% はH31（2019年度）の目標 50% に届かず、目標年度に達しているため遅れ。");
			assertThat(reason.textEn()).isEqualTo(
					"The FY2019 actual 49.9% misses the target 50% (FY2019) and the target year has come, so off track.");
		}

		@Test
		void anUndatedTargetSaysNoLineCanBeDrawn() {
			// hypothetical: 80% without a year, R6 62.0%
			StatusReason reason = reason(KpiStatus.OFF_TRACK, HIGHER, doc("TARGET", null, null, 80, "80%"),
					doc("ACTUAL", 2024, "R6", 62, "62.0%"));
			assertThat(reason.text())
				.isEqualTo("R6（2024年度）の実績 62.0% は年度なしの目標 80% に届かない。年度がなく目標への線を引けないため、目標を満たすかだけで判定し遅れ。");
			assertThat(reason.textEn())
				.isEqualTo("The FY2024 actual 62.0% misses the target 80% (no year); without years "
						+ "no line to the target can be drawn, so only meeting it counts: off track.");
		}

		@Test
		void aRunningTotalIsComparedWithTheTargetProRata() {
			// 001: 東アジア経済交流推進機構における会議数 21件（H27～31 年度） H27 5件 H28 累計 4件: 4 < 21 × 2/5 =
			// 8.4
			StatusReason behind = reason(KpiStatus.OFF_TRACK, HIGHER, doc("BASELINE", 2014, "H26", 5, "5件"),
					range(2015, 2019, "H27～31", 21, "21件"), doc("ACTUAL", 2015, "H27", 5, "5件"),
					total(2016, "H28", 4, "累計 4件"));
			assertThat(behind.text())
				.isEqualTo("H28（2016年度）までの2015～2019年度の累計 4 は目標 21件 に届かないが、" + "経過した2/5年分の目標 8.4 にも届かないため遅れ。");
			assertThat(behind.textEn()).isEqualTo("The running total 4 for FY2015–2019 (to FY2016) has not reached the "
					+ "target 21件 and is behind the target pro rata for 2 of 5 years, 8.4, so off track.");
			assertThat(behind.runningTotal()).isEqualTo(4.0);
			assertThat(behind.expectedValue()).isCloseTo(8.4, within(1e-9));
			assertThat(behind.target().fiscalYearTo()).isEqualTo(2019);
			// 001: 大学連携促進助成金申請実績 25件（H27～31 年度） H27 9件 H28 累計 14件: 14 ≥ 25 × 2/5 = 10
			StatusReason ahead = reason(KpiStatus.ON_TRACK, HIGHER, range(2015, 2019, "H27～31", 25, "25件"),
					doc("ACTUAL", 2015, "H27", 9, "9件"), total(2016, "H28", 14, "累計 14件"));
			assertThat(ahead.text())
				.isEqualTo("H28（2016年度）までの2015～2019年度の累計 14 は目標 25件 に届かないが、" + "経過した2/5年分の目標 10 以上のため順調。");
		}

		@Test
		void aRunningTotalReachingOrMissingTheTargetSaysSo() {
			// hypothetical: 21件（H27～31）, 累計 21 by H30, 20 by H31
			assertThat(reason(KpiStatus.ACHIEVED, HIGHER, range(2015, 2019, "H27～31", 21, "21件"),
					total(2018, "H30", 21, "累計 21件"))
				.text()).isEqualTo("H30（2018年度）までの2015～2019年度の累計 21 は目標 21件 以上のため達成。");
			assertThat(reason(KpiStatus.OFF_TRACK, HIGHER, range(2015, 2019, "H27～31", 21, "21件"),
					total(2019, "H31", 20, "累計 20件"))
				.text()).isEqualTo("H31（2019年度）までの2015～2019年度の累計 20 は期間を終えて目標 21件 に届かないため遅れ。");
		}

		@Test
		void aCeilingIsComparedProRataThenAsAWhole() {
			// hypothetical: at most 100 over R6～9; R6 30 > 100 × 1/4 = 25
			StatusReason over = reason(KpiStatus.OFF_TRACK, LOWER, range(2024, 2027, "R6～9", 100, "100件"),
					doc("ACTUAL", 2024, "R6", 30, "30件"));
			assertThat(over.text()).isEqualTo("R6（2024年度）までの2024～2027年度の累計 30 は経過した1/4年分の上限 25 を超えたため遅れ。");
			assertThat(over.textEn()).isEqualTo(
					"The running total 30 for FY2024–2027 (to FY2024) is over the ceiling pro rata for 1 of 4 years, 25, so off track.");
			assertThat(over.direction()).isEqualTo(LOWER);
			assertThat(reason(KpiStatus.ACHIEVED, LOWER, range(2024, 2027, "R6～9", 100, "100件"),
					total(2027, "R9", 90, "累計 90件"))
				.text()).isEqualTo("R9（2027年度）までの2024～2027年度の累計 90 は上限 100件 以下のため達成。");
		}

		@Test
		void noDataSaysWhetherActualsLackAFigureOrAreMissing() {
			// 001: 将来性があると思う都市 H27 －, H28 －
			StatusReason dashes = reason(KpiStatus.NO_DATA, LOWER, baseline(2014, 4), target(2019, 1),
					notMeasured(2015), notMeasured(2016));
			assertThat(dashes.text()).isEqualTo("実績値が数値で示されていない（－・調査中など）ため、判定できない（実績なし）。");
			assertThat(dashes.actual()).isNull();
			assertThat(dashes.target()).isNull();
			// 000: 新学部棟建設工事の進捗: baseline and target only
			StatusReason none = reason(KpiStatus.NO_DATA, HIGHER, baseline(2025, 0), target(2027, 100));
			assertThat(none.text()).isEqualTo("実績値がまだないため、判定できない（実績なし）。");
			assertThat(none.textEn()).isEqualTo("There is no actual yet, so there is nothing to judge (no data).");
		}

		@Test
		void qualitativeSaysWhetherTargetsLackAFigureOrAreMissing() {
			// 001: 事業継続による大学等への支援 H27 0件 H28 2件, no target
			StatusReason none = reason(KpiStatus.QUALITATIVE, HIGHER, doc("ACTUAL", 2015, "H27", 0, "0件"),
					doc("ACTUAL", 2016, "H28", 2, "2件"));
			assertThat(none.text()).isEqualTo("H28（2016年度）の実績 2件 はあるが、目標値が示されていないため、数値では判定できない（定性目標）。");
			assertThat(none.textEn()).isEqualTo(
					"There is an actual, 2件 (FY2016), but no target, so it cannot be judged as a number (qualitative).");
			assertThat(none.actual().valueText()).isEqualTo("2件");
			// hypothetical: R8 公表予定 only
			StatusReason words = reason(KpiStatus.QUALITATIVE, HIGHER, qualitativeTarget(2026, "PENDING"),
					doc("ACTUAL", 2024, "R6", 9.0, "9.0%"));
			assertThat(words.text()).startsWith("R6（2024年度）の実績 9.0% はあるが、目標値が数値で示されていない");
			assertThat(words.target()).isNull();
		}

		@Test
		void theReasonKeptOnTheIndicatorReadsBackAsItWasWritten() {
			StatusReason reason = reason(KpiStatus.ON_TRACK, HIGHER, doc("BASELINE", 2013, "H25", 43, "43%"),
					doc("TARGET", 2019, "H31", 50, "50%"), doc("ACTUAL", 2016, "H28", 49.9, "49.9%"));
			java.util.Map<String, Object> properties = new java.util.HashMap<>(reason.properties());
			properties.values().removeIf(java.util.Objects::isNull);
			properties.put("direction", HIGHER);
			assertThat(StatusReason.of(properties)).isEqualTo(reason);
		}

		private static StatusReason reason(KpiStatus expected, String direction, Observation... observations) {
			KpiStatusRule.Judgement judgement = KpiStatusRule.judge(direction, Arrays.asList(observations));
			assertThat(judgement.status()).isEqualTo(expected);
			return judgement.reason();
		}

		private static Observation range(int from, int to, String period, double value, String valueText) {
			return new Observation("TARGET", "CUMULATIVE", from, to, period, null, null, value, valueText, null, null,
					valueText, true, new SourceRef("test", null), null, null);
		}

		private static Observation total(int year, String period, double value, String valueText) {
			return new Observation("ACTUAL", null, year, null, period, null, null, value, valueText, null, null,
					valueText, true, new SourceRef("test", null), null, null);
		}

		private static Observation doc(String kind, Integer year, String period, double value, String valueText) {
			return new Observation(kind, "TARGET".equals(kind) ? "MID_TERM" : null, year, null, period, null, null,
					value, valueText, null, valueText.endsWith("以上") ? "AT_LEAST" : null, valueText, false,
					new SourceRef("test", null), null, null);
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
