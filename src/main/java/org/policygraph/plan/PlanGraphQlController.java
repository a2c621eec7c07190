package org.policygraph.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import static org.policygraph.reading.BatchQuery.grouped;
import static org.policygraph.reading.BatchQuery.ids;
import static org.policygraph.reading.BatchQuery.ordered;

@Controller
class PlanGraphQlController {

	private final PlanRepository plans;

	PlanGraphQlController(PlanRepository plans) {
		this.plans = plans;
	}

	@QueryMapping
	List<Plan> plans() {
		return this.plans.findAllPlans();
	}

	@QueryMapping
	List<Pillar> pillars(@Argument String planId) {
		String id = (planId != null) ? planId : PlanRepository.VISION_PLAN;
		List<Pillar> pillars = this.plans.findPillarsOfPlans(List.of(id));
		// a plan that has pillars exists; only an empty answer needs asking whether the plan does
		if (pillars.isEmpty() && !this.plans.planExists(id)) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No plan with id '" + id + "'", "planId");
		}
		return pillars;
	}

	@BatchMapping
	Map<Plan, List<Pillar>> pillars(List<Plan> plans) {
		return this.plans.pillars(plans);
	}

	@BatchMapping(typeName = "Pillar", field = "plan")
	Map<Pillar, Plan> planOfPillar(List<Pillar> pillars) {
		Map<String, Plan> byId = this.plans.findPlans(ids(pillars, Pillar::planId))
			.stream()
			.collect(Collectors.toMap(Plan::id, Function.identity()));
		return ordered(pillars, pillar -> byId.get(pillar.planId()));
	}

	@BatchMapping(typeName = "Pillar", field = "measures")
	Map<Pillar, List<Measure>> measures(List<Pillar> pillars) {
		Map<String, List<Measure>> byPillar = grouped(this.plans.findMeasuresOfPillars(ids(pillars, Pillar::id)));
		return ordered(pillars, pillar -> byPillar.getOrDefault(pillar.id(), List.of()));
	}

	@BatchMapping(typeName = "Measure", field = "pillars")
	Map<Measure, List<Pillar>> pillarsOfMeasure(List<Measure> measures) {
		Map<String, List<Pillar>> byMeasure = grouped(this.plans.findPillarsOfMeasures(ids(measures, Measure::id)));
		return ordered(measures, measure -> byMeasure.getOrDefault(measure.id(), List.of()));
	}

	@BatchMapping(typeName = "Measure", field = "parent")
	Map<Measure, Measure> parentOfMeasure(List<Measure> measures) {
		Map<String, Measure> byMeasure = new LinkedHashMap<>();
		this.plans.findParentsOfMeasures(ids(measures, Measure::id))
			.forEach(pair -> byMeasure.putIfAbsent(pair.getKey(), pair.getValue()));
		Map<Measure, Measure> result = new LinkedHashMap<>();
		measures.stream()
			.filter(measure -> byMeasure.containsKey(measure.id()))
			.forEach(measure -> result.put(measure, byMeasure.get(measure.id())));
		return result;
	}

}
