package org.policygraph.model;

import java.util.Arrays;
import java.util.List;

/**
 * Bureau (局), division (部) or section (課・室) ({@code OrganizationKind} in the schema,
 * {@code kind} in organizations.csv).
 */
public enum OrganizationKind {

	BUREAU, DIVISION, SECTION,

	/**
	 * The API's word for a kind no document states: a dataset leaves the cell blank
	 * instead, so a file may not say it.
	 */
	UNKNOWN;

	/** The kinds a document can state. */
	public static List<String> stated() {
		return Arrays.stream(values()).filter(kind -> kind != UNKNOWN).map(Enum::name).toList();
	}

}
