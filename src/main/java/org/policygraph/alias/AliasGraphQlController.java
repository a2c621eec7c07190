package org.policygraph.alias;

import java.util.List;
import java.util.Map;

import org.policygraph.issue.PolicyIssue;
import org.policygraph.kpi.Kpi;
import org.policygraph.organization.Facility;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Plan;
import org.policygraph.program.Program;
import org.policygraph.reading.Batches;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code aliases} field (別表記) of every node type a document can give another name:
 * one field with one reading, so it lives here rather than in each feature.
 */
@Controller
class AliasGraphQlController {

	private final AliasRepository aliases;

	AliasGraphQlController(AliasRepository aliases) {
		this.aliases = aliases;
	}

	@BatchMapping(typeName = "Plan", field = "aliases")
	Map<Plan, List<Alias>> planAliases(List<Plan> plans) {
		return Batches.lists(plans, Plan::id, ids -> this.aliases.find("Plan", ids));
	}

	@BatchMapping(typeName = "Pillar", field = "aliases")
	Map<Pillar, List<Alias>> pillarAliases(List<Pillar> pillars) {
		return Batches.lists(pillars, Pillar::id, ids -> this.aliases.find("Pillar", ids));
	}

	@BatchMapping(typeName = "Measure", field = "aliases")
	Map<Measure, List<Alias>> measureAliases(List<Measure> measures) {
		return Batches.lists(measures, Measure::id, ids -> this.aliases.find("Measure", ids));
	}

	@BatchMapping(typeName = "Program", field = "aliases")
	Map<Program, List<Alias>> programAliases(List<Program> programs) {
		return Batches.lists(programs, Program::id, ids -> this.aliases.find("Program", ids));
	}

	@BatchMapping(typeName = "Organization", field = "aliases")
	Map<Organization, List<Alias>> organizationAliases(List<Organization> organizations) {
		return Batches.lists(organizations, Organization::id, ids -> this.aliases.find("Organization", ids));
	}

	@BatchMapping(typeName = "PartnerBody", field = "aliases")
	Map<PartnerBody, List<Alias>> partnerBodyAliases(List<PartnerBody> partnerBodies) {
		return Batches.lists(partnerBodies, PartnerBody::id, ids -> this.aliases.find("PartnerBody", ids));
	}

	@BatchMapping(typeName = "Facility", field = "aliases")
	Map<Facility, List<Alias>> facilityAliases(List<Facility> facilities) {
		return Batches.lists(facilities, Facility::id, ids -> this.aliases.find("Facility", ids));
	}

	@BatchMapping(typeName = "Kpi", field = "aliases")
	Map<Kpi, List<Alias>> kpiAliases(List<Kpi> kpis) {
		return Batches.lists(kpis, Kpi::id, ids -> this.aliases.find("Kpi", ids));
	}

	@BatchMapping(typeName = "PolicyIssue", field = "aliases")
	Map<PolicyIssue, List<Alias>> policyIssueAliases(List<PolicyIssue> issues) {
		return Batches.lists(issues, PolicyIssue::id, ids -> this.aliases.find("PolicyIssue", ids));
	}

}
