package org.policygraph.model;

/**
 * Kinds of target ({@code TargetType} in the schema, {@code target_type} in
 * observations.csv).
 */
public enum TargetType {

	ANNUAL, MID_TERM, CUMULATIVE

}
