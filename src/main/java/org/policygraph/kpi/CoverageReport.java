package org.policygraph.kpi;

import java.util.List;

import org.policygraph.plan.Measure;
import org.policygraph.program.Program;

/** The gaps planners must close (カバレッジ), each list in key order. */
record CoverageReport(List<Measure> measuresWithoutKpis, List<Program> programsWithoutKpis,
		List<Program> programsWithoutOrganization, List<Kpi> kpisWithoutTarget, List<Kpi> kpisWithoutActual) {
}
