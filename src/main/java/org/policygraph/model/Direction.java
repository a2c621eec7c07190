package org.policygraph.model;

/**
 * Which way an indicator's figures are better ({@code Direction} in the schema,
 * {@code direction} in kpis.csv).
 */
public enum Direction {

	HIGHER_IS_BETTER, LOWER_IS_BETTER

}
