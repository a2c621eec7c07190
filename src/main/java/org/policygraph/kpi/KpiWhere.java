package org.policygraph.kpi;

/** Filters on indicators; all given filters apply together. */
record KpiWhere(String text, String planId, String pillarId, String programId, KpiStatus status) {

	static final KpiWhere NONE = new KpiWhere(null, null, null, null, null);

}
