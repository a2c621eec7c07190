package org.policygraph.program;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.plan.Plan;
import org.policygraph.reading.Batches;
import org.policygraph.reading.Paging;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * What programs (事務事業) add up to for the things they serve: the programs of a measure,
 * pillar, organization or partner body, the pillars an organization's programs serve, and
 * the budgets (予算額) of plans, pillars and organizations. A budget field and a measure's
 * programs take an argument, so they are batched through a named {@link DataLoader} keyed
 * by (id, argument) rather than {@code @BatchMapping}; either way one statement answers
 * all parents.
 */
@Controller
class ProgramRollupGraphQlController {

	private static final String PLAN_BUDGET = "planBudget";

	private static final String PILLAR_BUDGET = "pillarBudget";

	private static final String ORGANIZATION_BUDGET = "organizationBudget";

	private static final String MEASURE_PROGRAMS = "measurePrograms";

	private final ProgramRepository programs;

	ProgramRollupGraphQlController(ProgramRepository programs, BudgetRepository budgets, BatchLoaderRegistry registry) {
		this.programs = programs;
		Batches.loader(registry, PLAN_BUDGET, budgets::planBudgets);
		Batches.loader(registry, PILLAR_BUDGET, budgets::pillarBudgets);
		Batches.loader(registry, ORGANIZATION_BUDGET, budgets::organizationBudgets);
		Batches.loader(registry, MEASURE_PROGRAMS, this::programsOfMeasures);
	}

	/**
	 * One statement per distinct {@code first} among the keys (a request rarely asks for
	 * more than one).
	 */
	private Map<FirstOf, List<Program>> programsOfMeasures(Set<FirstOf> keys) {
		Map<FirstOf, List<Program>> result = new HashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy(key -> Optional.ofNullable(key.first())))
			.forEach((first, group) -> {
				Map<String, List<Program>> byMeasure = this.programs
					.findProgramsOfMeasures(Batches.keys(group, FirstOf::id), first.orElse(null));
				group.forEach(key -> result.put(key, byMeasure.getOrDefault(key.id(), List.of())));
			});
		return result;
	}

	/** A measure's id and how many of its programs are asked for (null: all). */
	record FirstOf(String id, Integer first) {
	}

	@SchemaMapping(typeName = "Measure", field = "programs")
	CompletableFuture<List<Program>> programsOfMeasure(Measure measure, @Argument Integer first,
			DataLoader<FirstOf, List<Program>> measurePrograms) {
		return measurePrograms.load(new FirstOf(measure.id(), Paging.firstOrAll(first)));
	}

	@BatchMapping(typeName = "Pillar", field = "programs")
	Map<Pillar, List<Program>> programsOfPillars(List<Pillar> pillars) {
		return Batches.lists(pillars, Pillar::id, this.programs::findProgramsOfPillars);
	}

	@BatchMapping(typeName = "Organization", field = "programs")
	Map<Organization, List<Program>> programsOfOrganizations(List<Organization> organizations) {
		return Batches.lists(organizations, Organization::id, this.programs::findProgramsOfOrganizations);
	}

	@BatchMapping(typeName = "Organization", field = "pillars")
	Map<Organization, List<Pillar>> pillarsOfOrganizations(List<Organization> organizations) {
		return Batches.lists(organizations, Organization::id, this.programs::findPillarsOfOrganizations);
	}

	@BatchMapping(typeName = "PartnerBody", field = "programs")
	Map<PartnerBody, List<Program>> programsOfPartnerBodies(List<PartnerBody> partnerBodies) {
		return Batches.lists(partnerBodies, PartnerBody::id, this.programs::findProgramsOfPartnerBodies);
	}

	@SchemaMapping(typeName = "Plan", field = "budget")
	CompletableFuture<Long> planBudget(Plan plan, @Argument int fiscalYear,
			DataLoader<BudgetRepository.YearKey, Long> planBudget) {
		return planBudget.load(new BudgetRepository.YearKey(plan.id(), fiscalYear));
	}

	@SchemaMapping(typeName = "Pillar", field = "budget")
	CompletableFuture<Long> pillarBudget(Pillar pillar, @Argument int fiscalYear,
			DataLoader<BudgetRepository.YearKey, Long> pillarBudget) {
		return pillarBudget.load(new BudgetRepository.YearKey(pillar.id(), fiscalYear));
	}

	@SchemaMapping(typeName = "Organization", field = "budget")
	CompletableFuture<Long> organizationBudget(Organization organization, @Argument int fiscalYear,
			DataLoader<BudgetRepository.YearKey, Long> organizationBudget) {
		return organizationBudget.load(new BudgetRepository.YearKey(organization.id(), fiscalYear));
	}

}
