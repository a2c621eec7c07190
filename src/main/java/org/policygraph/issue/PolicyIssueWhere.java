package org.policygraph.issue;

/**
 * Filters on policy issues (PolicyIssueWhere); every absent filter matches everything.
 */
record PolicyIssueWhere(String text, Integer fiscalYear, String area, String partnerBodyId) {

	static final PolicyIssueWhere NONE = new PolicyIssueWhere(null, null, null, null);

}
