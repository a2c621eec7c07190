package org.policygraph.model;

/**
 * A rule of the {@link Catalogue} a row breaks, named by its column. The importer reports
 * it with the file and row, a mutation with the input field that holds the column's
 * value; both say the same message.
 *
 * @param column the column, e.g. {@code target_type}
 * @param kind which kind of rule
 * @param message what is wrong, for a person
 */
public record RuleProblem(String column, Kind kind, String message) {

	/**
	 * The kinds of rule; an import reports each by its name, the API by {@code REQUIRED}
	 * or {@code BAD_VALUE}.
	 */
	public enum Kind {

		REQUIRED, BAD_VALUE, BAD_PERIOD, BAD_FIGURE, UNKNOWN_UNIT

	}

	/** A figure {@link Figures} refused: an unknown unit, or a malformed number. */
	public static RuleProblem figure(String column, IllegalArgumentException refusal) {
		Kind kind = refusal.getMessage().startsWith("unknown unit") ? Kind.UNKNOWN_UNIT : Kind.BAD_FIGURE;
		return new RuleProblem(column, kind, refusal.getMessage());
	}

}
