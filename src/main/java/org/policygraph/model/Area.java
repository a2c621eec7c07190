package org.policygraph.model;

/**
 * The areas (課題領域) bureau policies sort their issues into ({@code area} in
 * policy_issues.csv; a String in the schema, whose descriptions name these values).
 */
public enum Area {

	A, B, C

}
