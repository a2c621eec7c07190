package org.policygraph.organization;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.policygraph.reading.Batches;
import org.policygraph.source.SourceRef;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Organizations (局・部・課), partner bodies (政策連携団体) and facilities, and how they hang
 * together. Their programs, pillars and budgets come from the program feature.
 */
@Controller
class OrganizationGraphQlController {

	private final OrganizationRepository organizations;

	OrganizationGraphQlController(OrganizationRepository organizations, BatchLoaderRegistry loaders) {
		this.organizations = organizations;
		Batches.loader(loaders, "organizationPlacements", organizations::findPlacements);
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

	/**
	 * Both placement fields read one batched statement per request level: the named
	 * loader is shared, so asking for both does not read twice.
	 */
	@SchemaMapping(typeName = "Organization", field = "placement")
	CompletableFuture<Placement.Kind> placement(Organization organization,
			DataLoader<String, Placement> organizationPlacements) {
		return organizationPlacements.load(organization.id()).thenApply(Placement::kind);
	}

	@SchemaMapping(typeName = "Organization", field = "placementSource")
	CompletableFuture<SourceRef> placementSource(Organization organization,
			DataLoader<String, Placement> organizationPlacements) {
		return organizationPlacements.load(organization.id()).thenApply(Placement::source);
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
