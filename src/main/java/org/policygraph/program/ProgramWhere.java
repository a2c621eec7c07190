package org.policygraph.program;

/**
 * Filters on programs (事務事業); every given filter applies. {@code text} matches a part of
 * the name, English name or summary, ignoring case.
 */
record ProgramWhere(String text, String planId, String pillarId, String measureId, String organizationId,
		String partnerBodyId) {

	static final ProgramWhere NONE = new ProgramWhere(null, null, null, null, null, null);

}
