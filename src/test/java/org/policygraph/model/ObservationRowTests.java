package org.policygraph.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules, key and properties of an observation, the same whether imported or recorded
 * by a mutation.
 */
class ObservationRowTests {

	@Test
	void aBaselineWithATargetTypeBreaksARuleAtTheTargetType() {
		assertThat(ObservationRow.check("BASELINE", "ANNUAL", true, null)).containsExactly(
				new RuleProblem("target_type", RuleProblem.Kind.BAD_VALUE, "a baseline has no target type"));
	}

	@Test
	void anActualWithATargetTypeBreaksARuleAtTheTargetType() {
		assertThat(ObservationRow.check("ACTUAL", "MID_TERM", true, null)).containsExactly(
				new RuleProblem("target_type", RuleProblem.Kind.BAD_VALUE, "an actual has no target type"));
	}

	@Test
	void neitherAFigureNorAQualitativeKindIsAMissingFigure() {
		assertThat(ObservationRow.check("ACTUAL", null, false, null)).containsExactly(new RuleProblem("figure",
				RuleProblem.Kind.REQUIRED, "either a figure or a qualitative kind is required"));
	}

	/**
	 * observations.csv: a TARGET without a target type (MILESTONE) and ACTUALs that are
	 * AT_LEAST, PENDING, BELOW.
	 */
	@Test
	void aTargetWithoutATargetTypeAndAnActualOfAnyQualitativeKindKeepTheRules() {
		assertThat(ObservationRow.check("TARGET", null, false, "MILESTONE")).isEmpty();
		for (String qualitative : List.of("AT_LEAST", "PENDING", "BELOW", "MILESTONE", "NOT_MEASURED")) {
			assertThat(ObservationRow.check("ACTUAL", null, false, qualitative)).as(qualitative).isEmpty();
		}
	}

	@Test
	void theKeyIsTheIndicatorKindTargetTypePeriodAsWrittenAndSource() {
		ObservationRow row = new ObservationRow("kpi-tabunka-awareness", "BASELINE", null, FiscalYears.parse("R5"),
				null, null, "59.5%", "shin-vision-r8-programs", "Ⅱ/No.7");
		assertThat(row.key()).isEqualTo("kpi-tabunka-awareness|BASELINE|null|R5|shin-vision-r8-programs");
	}

	@Test
	void theTextIsCleanedAndACumulativeTargetIsJudgedOnTheCleanedText() {
		Figure figure = new Figure(new BigDecimal("120"), "件", "count", "120件");
		Map<String, Object> props = new ObservationRow("kpi-x", "TARGET", "ANNUAL", FiscalYears.parse("R8"), figure,
				null, "累 計 120件", "src", "s")
			.properties();
		assertThat(props).containsEntry("text", "累計120件")
			.containsEntry("cumulative", true)
			.containsEntry("periodText", "R8")
			.containsEntry("periodKind", "FISCAL_YEAR")
			.containsEntry("fiscalYear", 2026)
			.containsEntry("value", 120.0)
			.containsEntry("valueText", "120件");
	}

	@Test
	void anActualStatedForARangeOfYearsIsATotalOverIt() {
		// 004 lines 373-381: 「11名採用 (R4～6年度)」 beside 「(R6年度採用 3名)」
		assertThat(cumulative("ACTUAL", null, "R4～6", "11名採用 (R4～6年度)")).isTrue();
		assertThat(cumulative("ACTUAL", null, "R6", "(R6年度採用 3名)")).isFalse();
	}

	@Test
	void aTargetOverARangeIsCumulativeOnlyByItsTypeOrItsWords() {
		// 001: 奨学金 「300人/年度（H30～32年度）」 is 300 each year, not in all
		assertThat(cumulative("TARGET", "ANNUAL", "H30～32", "300人/年度（H30～32年度）")).isFalse();
		assertThat(cumulative("TARGET", "CUMULATIVE", "H27～31", "21件（H27～31年度）")).isTrue();
	}

	private static boolean cumulative(String kind, String targetType, String period, String text) {
		Figure figure = new Figure(BigDecimal.ONE, "人", "person", "1人");
		return new ObservationRow("kpi-x", kind, targetType, FiscalYears.parse(period), figure, null, text, "src", "s")
			.properties()
			.get("cumulative") == Boolean.TRUE;
	}

}
