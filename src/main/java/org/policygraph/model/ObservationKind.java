package org.policygraph.model;

/**
 * Baseline (基準値), target (目標値) or actual (実績値) ({@code ObservationKind} in the schema,
 * {@code kind} in observations.csv).
 */
public enum ObservationKind {

	BASELINE, TARGET, ACTUAL

}
