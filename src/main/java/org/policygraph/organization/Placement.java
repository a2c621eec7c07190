package org.policygraph.organization;

import org.policygraph.source.SourceRef;

/**
 * Where the documents place an organization ({@code OrganizationPlacement} in the
 * schema), and the document and section that do so.
 */
record Placement(Kind kind, SourceRef source) {

	enum Kind {

		PLACED, TOP, NOT_STATED

	}

	/**
	 * The one rule: a unit with a parent link was placed by the document the link cites;
	 * a bureau without one is at the top; anything else no document places.
	 */
	static Placement of(String organizationKind, SourceRef parentLink) {
		if (parentLink != null) {
			return new Placement(Kind.PLACED, parentLink);
		}
		return new Placement("BUREAU".equals(organizationKind) ? Kind.TOP : Kind.NOT_STATED, null);
	}

}
