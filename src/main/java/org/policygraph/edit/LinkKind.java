package org.policygraph.edit;

import java.util.List;
import java.util.Set;

/**
 * The links editors make and retire ({@code LinkType} in the schema): the relationship each stands for, the labels
 * at its ends and the fields it carries.
 */
enum LinkKind {

	PROGRAM_MEASURE("LISTED_UNDER", "Program", List.of("Measure"), Set.of("number", "reposted")),
	PROGRAM_KPI("MEASURED_BY", "Program", List.of("Kpi"), Set.of("ordinal")),
	PROGRAM_ORGANIZATION("RUN_BY", "Program", List.of("Organization"), Set.of()),
	PROGRAM_PARTNER_BODY("WORKS_WITH", "Program", List.of("PartnerBody"), Set.of("role")),
	MEASURE_PILLAR("UNDER", "Measure", List.of("Pillar"), Set.of("ordinal")),
	POLICY_ISSUE_CONCERNS("CONCERNS", "PolicyIssue",
			List.of("Plan", "Pillar", "Measure", "Program", "Kpi", "Organization", "PartnerBody", "Facility"), Set.of());

	private final String type;

	private final String fromLabel;

	private final List<String> toLabels;

	private final Set<String> fields;

	LinkKind(String type, String fromLabel, List<String> toLabels, Set<String> fields) {
		this.type = type;
		this.fromLabel = fromLabel;
		this.toLabels = toLabels;
		this.fields = fields;
	}

	String type() {
		return this.type;
	}

	String fromLabel() {
		return this.fromLabel;
	}

	List<String> toLabels() {
		return this.toLabels;
	}

	/** Whether the link carries this input field. */
	boolean carries(String field) {
		return this.fields.contains(field);
	}

}
