package org.policygraph.kpi;

/** Whether an indicator is on track (達成状況); {@link KpiStatusRule} decides which. */
public enum KpiStatus {

	/** The latest actual meets its target (達成). */
	ACHIEVED,
	/** Not yet met, but at or ahead of the path from baseline to target (順調). */
	ON_TRACK,
	/** Behind the path, or the target year reached unmet (遅れ). */
	OFF_TRACK,
	/** No actual with a figure yet (実績なし). */
	NO_DATA,
	/** Actuals exist but no target can be judged as a number (定性目標). */
	QUALITATIVE

}
