package org.policygraph.program;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading one year's total from a root's kept roll-up. */
class BudgetRollupsTests {

	@Test
	void aYearKeptIsItsTotalAtTheSamePosition() {
		List<Long> years = List.of(2024L, 2026L);
		List<Long> yen = List.of(5_000L, 1_746_509_000L);
		assertThat(BudgetRollups.total(years, yen, 2024)).isEqualTo(5_000L);
		assertThat(BudgetRollups.total(years, yen, 2026)).isEqualTo(1_746_509_000L);
	}

	@Test
	void aYearNotKeptHasNoTotal() {
		assertThat(BudgetRollups.total(List.of(2026L), List.of(13_039_000L), 2025)).isNull();
		assertThat(BudgetRollups.total(List.of(), List.of(), 2026)).isNull();
	}

	@Test
	void aTotalOfZeroIsKeptAsZeroNotAsNone() {
		// a budget without an amount still makes its year a year with budgets, as the
		// aggregation's sum does
		assertThat(BudgetRollups.total(List.of(2026L), List.of(0L), 2026)).isZero();
	}

	@Test
	void theStoredPropertiesAreTheThreeTheHistoryAndExportLeaveOut() {
		assertThat(BudgetRollups.PROPERTIES).containsExactly("budgetRollupYears", "budgetRollupYen",
				"budgetRollupVersion");
		assertThat(BudgetRollups.ROOT_LABELS).containsExactly("Plan", "Pillar", "Organization");
	}

}
