package org.policygraph.issue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.policygraph.kpi.Kpi;
import org.policygraph.model.Area;
import org.policygraph.model.Catalogue;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Plan;
import org.policygraph.program.Program;
import org.policygraph.source.SourceRef;
import org.policygraph.system.ApiException;
import org.policygraph.system.ErrorCode;
import org.policygraph.system.Paging;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import static org.policygraph.system.BatchQuery.children;
import static org.policygraph.system.BatchQuery.ids;
import static org.policygraph.system.BatchQuery.ordered;

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
		PolicyIssueRepository.Page page = this.issues.findPage(filter, cursor, size + 1);
		return Paging.connection(page.issues(), size, cursor != null, page.totalCount(),
				issue -> IssueCursor.of(issue).sortKey());
	}

	@BatchMapping
	Map<PolicyIssue, Plan> plan(List<PolicyIssue> issues) {
		Map<String, Plan> byIssue = this.issues.findPlans(ids(issues, PolicyIssue::id))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
		return ordered(issues, issue -> byIssue.get(issue.id()));
	}

	@BatchMapping
	Map<PolicyIssue, List<Program>> programs(List<PolicyIssue> issues) {
		return children(issues, PolicyIssue::id, this.issues.findPrograms(ids(issues, PolicyIssue::id)));
	}

	@BatchMapping
	Map<PolicyIssue, List<PartnerBody>> partnerBodies(List<PolicyIssue> issues) {
		return children(issues, PolicyIssue::id, this.issues.findPartnerBodies(ids(issues, PolicyIssue::id)));
	}

	@BatchMapping
	Map<PolicyIssue, List<Pillar>> pillars(List<PolicyIssue> issues) {
		return children(issues, PolicyIssue::id, this.issues.findPillars(ids(issues, PolicyIssue::id)));
	}

	@BatchMapping
	Map<PolicyIssue, List<Kpi>> kpis(List<PolicyIssue> issues) {
		return children(issues, PolicyIssue::id, this.issues.findKpis(ids(issues, PolicyIssue::id)));
	}

	@BatchMapping
	Map<PolicyIssue, List<Organization>> organizations(List<PolicyIssue> issues) {
		return children(issues, PolicyIssue::id, this.issues.findOrganizations(ids(issues, PolicyIssue::id)));
	}

	@BatchMapping
	Map<PolicyIssue, List<SourceRef>> sources(List<PolicyIssue> issues) {
		return children(issues, PolicyIssue::id, this.issues.findSources(ids(issues, PolicyIssue::id)));
	}

	@BatchMapping(typeName = "Program", field = "policyIssues")
	Map<Program, List<PolicyIssue>> policyIssuesOfPrograms(List<Program> programs) {
		return children(programs, Program::id, this.issues.findIssuesOfPrograms(ids(programs, Program::id)));
	}

	@BatchMapping(typeName = "PartnerBody", field = "policyIssues")
	Map<PartnerBody, List<PolicyIssue>> policyIssuesOfPartnerBodies(List<PartnerBody> partnerBodies) {
		return children(partnerBodies, PartnerBody::id,
				this.issues.findIssuesOfPartnerBodies(ids(partnerBodies, PartnerBody::id)));
	}

	/** A blank text filter is no filter, like an absent one. */
	private static PolicyIssueWhere normalized(PolicyIssueWhere where) {
		String text = (where.text() != null && !where.text().isBlank()) ? where.text().strip() : null;
		return new PolicyIssueWhere(text, where.fiscalYear(), where.area(), where.partnerBodyId());
	}

}
