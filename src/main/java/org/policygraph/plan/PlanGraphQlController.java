package org.policygraph.plan;

import java.util.List;
import java.util.Map;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;
import org.policygraph.program.Program;
import org.policygraph.reading.Batches;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

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
		// a plan that has pillars exists; only an empty answer needs asking whether the
		// plan does
		if (pillars.isEmpty() && !this.plans.planExists(id)) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No plan with id '" + id + "'", "planId");
		}
		return pillars;
	}

	@BatchMapping
	Map<Plan, List<Pillar>> pillars(List<Plan> plans) {
		return Batches.lists(plans, Plan::id, this.plans::pillars);
	}

	@BatchMapping(typeName = "Plan", field = "bureau")
	Map<Plan, BureauFacts> bureau(List<Plan> plans) {
		return Batches.values(plans, Plan::id, this.plans::findBureauFacts);
	}

	@BatchMapping(typeName = "Pillar", field = "plan")
	Map<Pillar, Plan> planOfPillar(List<Pillar> pillars) {
		return Batches.first(pillars, Pillar::id, this.plans::findPlansOfPillars);
	}

	@BatchMapping(typeName = "Pillar", field = "measures")
	Map<Pillar, List<Measure>> measures(List<Pillar> pillars) {
		return Batches.lists(pillars, Pillar::id, this.plans::findMeasuresOfPillars);
	}

	@BatchMapping(typeName = "Plan", field = "milestones")
	Map<Plan, List<Milestone>> milestonesOfPlan(List<Plan> plans) {
		return Batches.lists(plans, Plan::id, this.plans::findMilestonesOfPlans);
	}

	@BatchMapping(typeName = "Pillar", field = "milestones")
	Map<Pillar, List<Milestone>> milestonesOfPillar(List<Pillar> pillars) {
		return Batches.lists(pillars, Pillar::id, this.plans::findMilestonesOfPillars);
	}

	@BatchMapping(typeName = "Milestone", field = "pillar")
	Map<Milestone, Pillar> pillarOfMilestone(List<Milestone> milestones) {
		return Batches.first(milestones, Milestone::id, this.plans::findPillarsOfMilestones);
	}

	@BatchMapping(typeName = "Milestone", field = "programs")
	Map<Milestone, List<Program>> programsOfMilestone(List<Milestone> milestones) {
		return Batches.lists(milestones, Milestone::id, this.plans::findProgramsOfMilestones);
	}

	@BatchMapping(typeName = "Measure", field = "pillars")
	Map<Measure, List<Pillar>> pillarsOfMeasure(List<Measure> measures) {
		return Batches.lists(measures, Measure::id, this.plans::findPillarsOfMeasures);
	}

	@BatchMapping(typeName = "Measure", field = "parent")
	Map<Measure, Measure> parentOfMeasure(List<Measure> measures) {
		return Batches.first(measures, Measure::id, this.plans::findParentsOfMeasures);
	}

}
