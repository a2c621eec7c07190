package org.policygraph.kpi;

import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.program.Program;

/**
 * One way an indicator contributes to a pillar (貢献経路): the pillar, the measure listing
 * the program (a sub-measure where the program is listed under one) and the program
 * judged by the indicator.
 */
record ContributionPath(Pillar pillar, Measure measure, Program program) {
}
