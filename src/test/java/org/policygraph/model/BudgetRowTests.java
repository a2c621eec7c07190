package org.policygraph.model;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules, key and properties of a budget, the same whether imported or set by a
 * mutation.
 */
class BudgetRowTests {

	static final Figure MEGAREGION_R8 = new Figure(new BigDecimal("13039000"), "千円", "yen", "13,039千円");

	@Test
	void anAmountOfMoneyForOneFiscalYearKeepsTheRules() {
		assertThat(BudgetRow.check(FiscalYears.parse("R8"), "13,039千円", MEGAREGION_R8)).isEmpty();
	}

	@Test
	void aBudgetWithoutAnAmountIsMissingItsFigure() {
		assertThat(BudgetRow.check(FiscalYears.parse("R8"), null, null))
			.extracting(RuleProblem::column, RuleProblem::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("figure", RuleProblem.Kind.REQUIRED));
	}

	@Test
	void aBudgetForARangeOfYearsBreaksThePeriodRule() {
		assertThat(BudgetRow.check(FiscalYears.parse("R8～R10"), "13,039千円", MEGAREGION_R8))
			.containsExactly(new RuleProblem("period", RuleProblem.Kind.BAD_PERIOD,
					"a budget is for one fiscal year, not 'R8～R10'"));
	}

	@Test
	void aBudgetInPersonsOrBelowZeroBreaksTheFigureRule() {
		Figure persons = new Figure(new BigDecimal("2338000"), "千人", "person", "2,338千人");
		assertThat(BudgetRow.check(FiscalYears.parse("R8"), "2,338千人", persons))
			.extracting(RuleProblem::column, RuleProblem::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("figure", RuleProblem.Kind.BAD_FIGURE));
		Figure negative = new Figure(new BigDecimal("-13039000"), "千円", "yen", "▲13,039千円");
		assertThat(BudgetRow.check(FiscalYears.parse("R8"), "▲13,039千円", negative))
			.containsExactly(new RuleProblem("figure", RuleProblem.Kind.BAD_FIGURE, "a budget cannot be negative"));
	}

	@Test
	void oneBudgetPerProgramAndFiscalYear() {
		BudgetRow row = new BudgetRow("prog-megaregion", FiscalYears.parse("R8"), MEGAREGION_R8,
				"shin-vision-r8-programs", "Ⅰ/No.1");
		assertThat(row.key()).isEqualTo("prog-megaregion|2026").isEqualTo(BudgetRow.key("prog-megaregion", 2026));
		assertThat(row.properties()).containsEntry("amountYen", 13_039_000L)
			.containsEntry("periodText", "R8")
			.containsEntry("text", "13,039千円");
	}

}
