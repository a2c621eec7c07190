package org.policygraph.issue;

import java.util.List;
import java.util.Map;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.kpi.Kpi;
import org.policygraph.model.Area;
import org.policygraph.model.Catalogue;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Plan;
import org.policygraph.program.Program;
import org.policygraph.reading.Batches;
import org.policygraph.reading.Paging;
import org.policygraph.source.SourceRef;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PolicyIssueGraphQlController {

	/** The areas (課題領域) bureau policies sort their issues into. */
	private static final List<String> AREAS = Catalogue.names(Area.class);

	private final PolicyIssueRepository issues;

	PolicyIssueGraphQlController(PolicyIssueRepository issues) {
		this.issues = issues;
	}

	@QueryMapping
	Paging.Connection<PolicyIssue> policyIssues(@Argument PolicyIssueWhere where, @Argument Integer first,
			@Argument String after) {
		int size = Paging.first(first);
		IssueCursor cursor = IssueCursor.parse(after);
		PolicyIssueWhere filter = normalized((where != null) ? where : PolicyIssueWhere.NONE);
		if (filter.area() != null && !AREAS.contains(filter.area())) {
			throw new ApiException(ErrorCode.BAD_ARGUMENT, "area must be A, B or C, was '" + filter.area() + "'",
					"where.area");
		}
		if (filter.partnerBodyId() != null && !this.issues.partnerBodyExists(filter.partnerBodyId())) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No partner body with id '" + filter.partnerBodyId() + "'",
					"where.partnerBodyId");
		}
		return Paging.connection(this.issues.findPage(filter, cursor, size + 1), size, cursor != null,
				issue -> IssueCursor.of(issue).sortKey());
	}

	@BatchMapping
	Map<PolicyIssue, Plan> plan(List<PolicyIssue> issues) {
		return Batches.first(issues, PolicyIssue::id, this.issues::findPlans);
	}

	@BatchMapping
	Map<PolicyIssue, List<Program>> programs(List<PolicyIssue> issues) {
		return concerned(issues, "Program", Program.class);
	}

	@BatchMapping
	Map<PolicyIssue, List<PartnerBody>> partnerBodies(List<PolicyIssue> issues) {
		return concerned(issues, "PartnerBody", PartnerBody.class);
	}

	@BatchMapping
	Map<PolicyIssue, List<Pillar>> pillars(List<PolicyIssue> issues) {
		return concerned(issues, "Pillar", Pillar.class);
	}

	@BatchMapping
	Map<PolicyIssue, List<Kpi>> kpis(List<PolicyIssue> issues) {
		return concerned(issues, "Kpi", Kpi.class);
	}

	@BatchMapping
	Map<PolicyIssue, List<Organization>> organizations(List<PolicyIssue> issues) {
		return concerned(issues, "Organization", Organization.class);
	}

	@BatchMapping
	Map<PolicyIssue, List<Concern>> concerns(List<PolicyIssue> issues) {
		return Batches.lists(issues, PolicyIssue::id, this.issues::findConcerns);
	}

	@BatchMapping
	Map<PolicyIssue, List<SourceRef>> sources(List<PolicyIssue> issues) {
		return Batches.lists(issues, PolicyIssue::id, this.issues::findSources);
	}

	@BatchMapping(typeName = "Program", field = "policyIssues")
	Map<Program, List<PolicyIssue>> policyIssuesOfPrograms(List<Program> programs) {
		return Batches.lists(programs, Program::id, ids -> this.issues.findIssuesConcerning("Program", ids));
	}

	@BatchMapping(typeName = "PartnerBody", field = "policyIssues")
	Map<PartnerBody, List<PolicyIssue>> policyIssuesOfPartnerBodies(List<PartnerBody> partnerBodies) {
		return Batches.lists(partnerBodies, PartnerBody::id,
				ids -> this.issues.findIssuesConcerning("PartnerBody", ids));
	}

	private <T> Map<PolicyIssue, List<T>> concerned(List<PolicyIssue> issues, String label, Class<T> type) {
		return Batches.lists(issues, PolicyIssue::id, ids -> this.issues.findConcerned(label, type, ids));
	}

	/** A blank text filter is no filter, like an absent one. */
	private static PolicyIssueWhere normalized(PolicyIssueWhere where) {
		String text = (where.text() != null && !where.text().isBlank()) ? where.text().strip() : null;
		return new PolicyIssueWhere(text, where.fiscalYear(), where.area(), where.partnerBodyId());
	}

}
