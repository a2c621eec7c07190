package org.policygraph.kpi;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.organization.PartnerBody;
import org.policygraph.plan.Pillar;
import org.policygraph.program.Program;
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

@Controller
class KpiGraphQlController {

	private final KpiRepository kpis;

	private final Clock clock;

	KpiGraphQlController(KpiRepository kpis, Clock clock, BatchLoaderRegistry loaders) {
		this.kpis = kpis;
		this.clock = clock;
		Batches.<ObservationsOf, List<Observation>>loader(loaders, "observationsOf",
				keys -> ObservationsOf.load(keys, kpis));
	}

	@QueryMapping
	Paging.Connection<Kpi> kpis(@Argument KpiWhere where, @Argument Integer first, @Argument String after) {
		KpiWhere filter = (where != null) ? where : KpiWhere.NONE;
		int size = Paging.first(first);
		String afterKey = Paging.afterKey(after);
		Paging.Connection<Kpi> connection = page(filter, size, after, afterKey);
		// an id that names no node matches no indicator, so only a filter that matched
		// none can name one
		if (connection.totalCount() == 0
				&& (filter.planId() != null || filter.pillarId() != null || filter.programId() != null)) {
			List<String> unknown = this.kpis.unknownIds(filter);
			if (!unknown.isEmpty()) {
				String argument = unknown.getFirst();
				throw new ApiException(ErrorCode.NOT_FOUND,
						"No " + argument.replace("Id", "") + " with id '" + idOf(filter, argument) + "'",
						"where." + argument);
			}
		}
		return connection;
	}

	private Paging.Connection<Kpi> page(KpiWhere filter, int size, String after, String afterKey) {
		return Paging.connection(this.kpis.findPage(filter, afterKey, size + 1), size, after != null, Kpi::id);
	}

	@QueryMapping
	CoverageReport coverage(@Argument String planId) {
		if (planId != null && !this.kpis.planExists(planId)) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No plan with id '" + planId + "'", "planId");
		}
		return this.kpis.coverage(planId);
	}

	/**
	 * Batched per request level like every relationship field; one statement per instant
	 * asked for, reading the properties the selected fields need.
	 */
	@SchemaMapping(typeName = "Kpi", field = "observations")
	CompletableFuture<List<Observation>> observations(Kpi kpi, @Argument String asOf,
			DataFetchingFieldSelectionSet selection, DataLoader<ObservationsOf, List<Observation>> observationsOf) {
		return observationsOf.load(new ObservationsOf(new AsOf(kpi.id(), AsOf.parse(asOf, this.clock.getZone())),
				ObservationFields.of(selection)));
	}

	@BatchMapping(typeName = "Kpi", field = "programs")
	Map<Kpi, List<Program>> programs(List<Kpi> kpis) {
		return Batches.lists(kpis, Kpi::id, this.kpis::findPrograms);
	}

	@BatchMapping(typeName = "Kpi", field = "pillars")
	Map<Kpi, List<Pillar>> pillars(List<Kpi> kpis) {
		return Batches.lists(kpis, Kpi::id, this.kpis::findPillars);
	}

	@BatchMapping(typeName = "Kpi", field = "paths")
	Map<Kpi, List<ContributionPath>> paths(List<Kpi> kpis) {
		return Batches.lists(kpis, Kpi::id, this.kpis::paths);
	}

	@BatchMapping(typeName = "Kpi", field = "sources")
	Map<Kpi, List<SourceRef>> sources(List<Kpi> kpis) {
		return Batches.lists(kpis, Kpi::id, this.kpis::findSources);
	}

	/**
	 * The status kept on the graph ({@link KpiStatuses}); an indicator no rule has judged
	 * yet (written by hand, outside the import and the edits) is judged here, by the same
	 * rule.
	 */
	@BatchMapping(typeName = "Kpi", field = "status")
	Map<Kpi, KpiStatus> status(List<Kpi> kpis) {
		return judged(kpis, KpiStatusRule.Judgement::status);
	}

	/**
	 * The reason kept with the status; an indicator no rule has judged yet is judged
	 * here, as for {@link #status}.
	 */
	@BatchMapping(typeName = "Kpi", field = "statusReason")
	Map<Kpi, StatusReason> statusReason(List<Kpi> kpis) {
		return judged(kpis, KpiStatusRule.Judgement::reason);
	}

	/**
	 * Each indicator's judgement, as kept on the graph or, for one no rule has judged
	 * yet, by the rule on its observations (one statement for all of those).
	 */
	private <T> Map<Kpi, T> judged(List<Kpi> kpis, Function<KpiStatusRule.Judgement, T> part) {
		List<Kpi> unjudged = kpis.stream().filter(kpi -> kpi.status() == null).toList();
		Map<String, List<Observation>> observations = unjudged.isEmpty() ? Map.of()
				: this.kpis.findStatusObservations(Batches.keys(unjudged, Kpi::id));
		return Batches.ordered(kpis,
				kpi -> part.apply((kpi.status() != null)
						? new KpiStatusRule.Judgement(KpiStatus.valueOf(kpi.status()), kpi.statusReason())
						: KpiStatusRule.judge(kpi.direction(), observations.getOrDefault(kpi.id(), List.of()))));
	}

	@BatchMapping(typeName = "Program", field = "kpis")
	Map<Program, List<Kpi>> kpisOfPrograms(List<Program> programs) {
		return Batches.lists(programs, Program::id, this.kpis::kpisOfPrograms);
	}

	@BatchMapping(typeName = "Pillar", field = "kpis")
	Map<Pillar, List<Kpi>> kpisOfPillars(List<Pillar> pillars) {
		return Batches.lists(pillars, Pillar::id, this.kpis::kpisOfPillars);
	}

	@BatchMapping(typeName = "PartnerBody", field = "kpis")
	Map<PartnerBody, List<Kpi>> kpisOfPartnerBodies(List<PartnerBody> bodies) {
		return Batches.lists(bodies, PartnerBody::id, this.kpis::findKpisOfPartnerBodies);
	}

	private static String idOf(KpiWhere where, String argument) {
		return switch (argument) {
			case "planId" -> where.planId();
			case "pillarId" -> where.pillarId();
			default -> where.programId();
		};
	}

}
