package org.policygraph.model;

/**
 * What a figure without a plain number says ({@code Qualitative} in the schema,
 * {@code qualitative} in observations.csv).
 */
public enum Qualitative {

	INCREASE, AT_LEAST, BELOW, NOT_SET, PENDING, NOT_MEASURED, MILESTONE

}
