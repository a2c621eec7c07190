package org.policygraph.program;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.model.FiscalYears;
import org.policygraph.model.Period;
import org.policygraph.organization.Organization;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Measure;
import org.policygraph.plan.Pillar;
import org.policygraph.reading.AsOf;
import org.policygraph.reading.Batches;
import org.policygraph.reading.Paging;
import org.policygraph.source.SourceRef;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** The {@code programs} query and the fields of {@code Program} (事務事業). */
@Controller
class ProgramGraphQlController {

	/**
	 * When documents name several organizations running one program, the one named by the
	 * newest document (by its {@code asOf}) is the program's organization; among those
	 * from one document, the first by key.
	 */
	static final Comparator<ProgramRepository.RunBy> NEWEST_FIRST = Comparator
		.comparing((ProgramRepository.RunBy runBy) -> asOf(runBy.asOf()), Comparator.reverseOrder())
		.thenComparing(runBy -> runBy.organization().id());

	private final ProgramRepository programs;

	private final Clock clock;

	ProgramGraphQlController(ProgramRepository programs, Clock clock, BatchLoaderRegistry loaders) {
		this.programs = programs;
		this.clock = clock;
		Batches.<AsOf, List<Budget>>loader(loaders, "budgetsAsOf", keys -> AsOf.load(keys, programs::findBudgets));
	}

	@QueryMapping
	Paging.Connection<Program> programs(@Argument ProgramWhere where, @Argument Integer first, @Argument String after) {
		int size = Paging.first(first);
		String afterKey = Paging.afterKey(after);
		ProgramWhere filter = (where != null) ? where : ProgramWhere.NONE;
		Paging.Page<Program> page = this.programs.findPage(filter, afterKey, size + 1);
		// an id that names no node matches no program, so only a filter that matched none
		// can name one
		if (page.totalCount() == 0 && (filter.planId() != null || filter.pillarId() != null
				|| filter.measureId() != null || filter.organizationId() != null || filter.partnerBodyId() != null)) {
			List<String> unknown = this.programs.unknownIds(filter);
			if (!unknown.isEmpty()) {
				String field = unknown.getFirst();
				throw new ApiException(ErrorCode.NOT_FOUND,
						"No " + noun(field) + " with id '" + idOf(filter, field) + "'", "where." + field);
			}
		}
		return Paging.connection(page, size, afterKey != null, Program::id);
	}

	@BatchMapping
	Map<Program, List<Measure>> measures(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.programs::measures);
	}

	@BatchMapping
	Map<Program, List<ProgramListing>> listings(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.programs::findListings);
	}

	@BatchMapping
	Map<Program, List<Pillar>> pillars(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.programs::pillars);
	}

	@BatchMapping
	Map<Program, Organization> organization(List<Program> programs) {
		return Batches.values(programs, Program::id, this.programs::organization);
	}

	@BatchMapping
	Map<Program, List<PartnerBody>> partners(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.programs::partners);
	}

	/**
	 * Batched per request level like every relationship field; one statement per instant
	 * asked for.
	 */
	@SchemaMapping(typeName = "Program", field = "budgets")
	CompletableFuture<List<Budget>> budgets(Program program, @Argument String asOf,
			DataLoader<AsOf, List<Budget>> budgetsAsOf) {
		return budgetsAsOf.load(new AsOf(program.id(), AsOf.parse(asOf, this.clock.getZone())));
	}

	@BatchMapping
	Map<Program, List<Continuation>> continuations(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.programs::findContinuations);
	}

	@BatchMapping
	Map<Program, List<Program>> continues(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.programs::findContinued);
	}

	@BatchMapping
	Map<Program, List<SourceRef>> sources(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.programs::findSources);
	}

	/**
	 * When a document is as of (its {@code asOf}, e.g. R8, R7.12, R6.11末); unreadable or
	 * absent sorts oldest.
	 */
	private static YearMonth asOf(String text) {
		try {
			Period period = FiscalYears.parse(text);
			if (period.month() != null) {
				return period.month();
			}
			if (period.endFiscalYear() != null) {
				// a whole fiscal year: as of its last month
				return YearMonth.of(period.endFiscalYear() + 1, 3);
			}
		}
		catch (IllegalArgumentException ex) {
			// sorts oldest
		}
		return YearMonth.of(0, 1);
	}

	private static String noun(String field) {
		return switch (field) {
			case "planId" -> "plan";
			case "pillarId" -> "pillar";
			case "measureId" -> "measure";
			case "organizationId" -> "organization";
			default -> "partner body";
		};
	}

	private static String idOf(ProgramWhere where, String field) {
		return switch (field) {
			case "planId" -> where.planId();
			case "pillarId" -> where.pillarId();
			case "measureId" -> where.measureId();
			case "organizationId" -> where.organizationId();
			default -> where.partnerBodyId();
		};
	}

}
