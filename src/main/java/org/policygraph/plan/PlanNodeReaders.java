package org.policygraph.plan;

import java.util.Map;

import org.policygraph.reading.NodeReader;
import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How plans, pillars, measures and milestones found by id or by search become API
 * records. A pillar's properties must include {@code planId}, the key of its plan.
 */
@Configuration(proxyBeanMethods = false)
class PlanNodeReaders {

	@Bean
	NodeReader planReader() {
		return NodeReader.of("Plan", Plan.class, PlanNodeReaders::plan);
	}

	@Bean
	NodeReader pillarReader() {
		return NodeReader.of("Pillar", Pillar.class, PlanNodeReaders::pillar);
	}

	@Bean
	NodeReader measureReader() {
		return NodeReader.of("Measure", Measure.class, PlanNodeReaders::measure);
	}

	@Bean
	NodeReader milestoneReader() {
		return NodeReader.of("Milestone", Milestone.class, Milestone::of);
	}

	static Plan plan(Map<String, Object> p) {
		return new Plan(Props.string(p, "key"), Props.string(p, "name"), Props.string(p, "nameEn"),
				Props.string(p, "kind"), Props.integer(p, "fiscalYearFrom"), Props.integer(p, "fiscalYearTo"),
				SourceRef.of(p));
	}

	static Pillar pillar(Map<String, Object> p) {
		return new Pillar(Props.string(p, "key"), Props.string(p, "planId"), Props.integer(p, "ordinal"),
				Props.string(p, "label"), Props.string(p, "name"), Props.string(p, "nameEn"), Props.string(p, "goal"),
				SourceRef.of(p));
	}

	static Measure measure(Map<String, Object> p) {
		return new Measure(Props.string(p, "key"), Props.string(p, "label"), Props.string(p, "name"),
				Props.string(p, "nameEn"), SourceRef.of(p));
	}

}
