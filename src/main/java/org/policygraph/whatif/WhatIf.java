package org.policygraph.whatif;

import java.util.List;

import org.policygraph.kpi.Kpi;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Plan;
import org.policygraph.program.Program;

/**
 * What retiring a set of programs would leave behind, as the graph stands now.
 *
 * @param retired the programs asked about, in the order given
 * @param kpisLosingLastProgram indicators every program of which would be retired
 * @param kpisLosingPillar indicators that would stop serving a pillar
 * @param measuresLeftEmpty measures no program would be left under
 * @param budgetChanges how each pillar's and plan's budget would change, per fiscal year
 */
record WhatIf(List<Program> retired, List<Kpi> kpisLosingLastProgram, List<KpiPillarLoss> kpisLosingPillar,
		List<Measure> measuresLeftEmpty, List<BudgetChange> budgetChanges) {

	/** An indicator and a pillar it would stop serving. */
	record KpiPillarLoss(Kpi kpi, Pillar pillar) {
	}

	/**
	 * The budget of a pillar (or, with no pillar, of a plan) in one fiscal year, before
	 * and after; {@code after} is null when no program with a budget that year would be
	 * left.
	 */
	record BudgetChange(Pillar pillar, Plan plan, int fiscalYear, Long before, Long after) {

		long change() {
			return ((this.after != null) ? this.after : 0L) - ((this.before != null) ? this.before : 0L);
		}

	}

}
