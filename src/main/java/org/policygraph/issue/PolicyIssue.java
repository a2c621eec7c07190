package org.policygraph.issue;

import java.util.Map;

import org.policygraph.source.Props;

/** A policy issue (課題) of a bureau policy. */
public record PolicyIssue(String id, int fiscalYear, String area, int number, String title, String titleEn,
		String policyField, String impact, String urgency, String content, String background, String outcome,
		String summary, String quarterlyPlan, String actions, String progress, String progressAsOf) {

	public static PolicyIssue of(Map<String, Object> p) {
		return new PolicyIssue(Props.string(p, "key"), Props.integer(p, "fiscalYear"), Props.string(p, "area"),
				Props.integer(p, "number"), Props.string(p, "title"), Props.string(p, "titleEn"),
				Props.string(p, "policyField"), Props.string(p, "impact"), Props.string(p, "urgency"),
				Props.string(p, "content"), Props.string(p, "background"), Props.string(p, "outcome"),
				Props.string(p, "summary"), Props.string(p, "quarterlyPlan"), Props.string(p, "actions"),
				Props.string(p, "progress"), Props.string(p, "progressAsOf"));
	}

}
