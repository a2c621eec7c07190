package org.policygraph.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.policygraph.reading.Batches;
import org.policygraph.source.SourceRef;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Organizations (局・部・課), partner bodies (政策連携団体) and facilities, and how they hang
 * together. Their programs, pillars and budgets come from the program feature.
 */
@Controller
class OrganizationGraphQlController {

	private final OrganizationRepository organizations;

	OrganizationGraphQlController(OrganizationRepository organizations) {
		this.organizations = organizations;
	}

	@QueryMapping
	List<Organization> organizations(@Argument String kind) {
		return this.organizations.findOrganizations(kind);
	}

	@QueryMapping
	List<PartnerBody> partnerBodies() {
		return this.organizations.findPartnerBodies();
	}

	@BatchMapping(typeName = "Organization", field = "parent")
	Map<Organization, Organization> parent(List<Organization> organizations) {
		return Batches.first(organizations, Organization::id, this.organizations::findParents);
	}

	@BatchMapping(typeName = "Organization", field = "placement")
	Map<Organization, Placement.Kind> placement(List<Organization> organizations) {
		return Batches.values(organizations, Organization::id, ids -> placements(ids, Placement::kind));
	}

	@BatchMapping(typeName = "Organization", field = "placementSource")
	Map<Organization, SourceRef> placementSource(List<Organization> organizations) {
		return Batches.values(organizations, Organization::id, ids -> placements(ids, Placement::source));
	}

	private <V> Map<String, V> placements(Collection<String> ids, Function<Placement, V> part) {
		Map<String, V> byKey = new HashMap<>();
		this.organizations.findPlacements(ids).forEach((key, placement) -> byKey.put(key, part.apply(placement)));
		return byKey;
	}

	@BatchMapping(typeName = "Organization", field = "children")
	Map<Organization, List<Organization>> children(List<Organization> organizations) {
		return Batches.lists(organizations, Organization::id, this.organizations::findChildren);
	}

	@BatchMapping(typeName = "Organization", field = "facilities")
	Map<Organization, List<Facility>> facilities(List<Organization> organizations) {
		return Batches.lists(organizations, Organization::id, this.organizations::findFacilities);
	}

	@BatchMapping(typeName = "Organization", field = "sources")
	Map<Organization, List<SourceRef>> organizationSources(List<Organization> organizations) {
		return Batches.lists(organizations, Organization::id, this.organizations::findOrganizationSources);
	}

	@BatchMapping(typeName = "PartnerBody", field = "supervisor")
	Map<PartnerBody, Organization> supervisor(List<PartnerBody> partnerBodies) {
		return Batches.first(partnerBodies, PartnerBody::id, this.organizations::findSupervisors);
	}

	@BatchMapping(typeName = "PartnerBody", field = "notes")
	Map<PartnerBody, List<Note>> notes(List<PartnerBody> partnerBodies) {
		return Batches.lists(partnerBodies, PartnerBody::id, this.organizations::findNotes);
	}

	@BatchMapping(typeName = "PartnerBody", field = "sources")
	Map<PartnerBody, List<SourceRef>> partnerBodySources(List<PartnerBody> partnerBodies) {
		return Batches.lists(partnerBodies, PartnerBody::id, this.organizations::findPartnerBodySources);
	}

	@BatchMapping(typeName = "Facility", field = "manager")
	Map<Facility, Organization> manager(List<Facility> facilities) {
		return Batches.first(facilities, Facility::id, this.organizations::findManagers);
	}

	@BatchMapping(typeName = "Facility", field = "sources")
	Map<Facility, List<SourceRef>> facilitySources(List<Facility> facilities) {
		return Batches.lists(facilities, Facility::id, this.organizations::findFacilitySources);
	}

}
