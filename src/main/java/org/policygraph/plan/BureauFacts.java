package org.policygraph.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;

/**
 * What a bureau policy states of its bureau ({@code BureauFacts} in the schema),
 * assembled from the plan's {@code (:BureauFact)} nodes, each kept with its fact kind
 * ({@code fact}) as the dataset's plan_facts.csv names it.
 */
record BureauFacts(StatedText mission, StatedAmount generalAccount, StatedAmount generalRevenue,
		StatedText specialAccount, StatedText organization, StatedText facilities, StatedText reviewSummary,
		List<StatedText> reviewAchieved, List<StatedText> reviewShortfalls, List<AreaDefinition> areas) {

	record StatedText(String text, SourceRef source) {
	}

	record StatedAmount(Long yen, String text, String statement, SourceRef source) {
	}

	record AreaDefinition(String area, String definition, SourceRef source) {
	}

	private static final String AREA = "AREA_DEFINITION_";

	/** The facts of one plan in document order; null when it has none. */
	static BureauFacts of(List<Map<String, Object>> facts) {
		if (facts.isEmpty()) {
			return null;
		}
		StatedText mission = null;
		StatedAmount generalAccount = null;
		StatedAmount generalRevenue = null;
		StatedText specialAccount = null;
		StatedText organization = null;
		StatedText facilities = null;
		StatedText reviewSummary = null;
		List<StatedText> achieved = new ArrayList<>();
		List<StatedText> shortfalls = new ArrayList<>();
		List<AreaDefinition> areas = new ArrayList<>();
		for (Map<String, Object> fact : facts) {
			String kind = Props.string(fact, "fact");
			StatedText text = new StatedText(Props.string(fact, "text"), SourceRef.of(fact));
			switch (kind) {
				case "MISSION" -> mission = text;
				case "BUDGET_GENERAL_ACCOUNT" -> generalAccount = amount(fact);
				case "BUDGET_GENERAL_REVENUE" -> generalRevenue = amount(fact);
				case "SPECIAL_ACCOUNT" -> specialAccount = text;
				case "ORGANIZATION_LIST" -> organization = text;
				case "FACILITY" -> facilities = text;
				case "REVIEW_SUMMARY" -> reviewSummary = text;
				case "REVIEW_ACHIEVED" -> achieved.add(text);
				case "REVIEW_SHORTFALL" -> shortfalls.add(text);
				default -> {
					if (kind != null && kind.startsWith(AREA)) {
						areas.add(new AreaDefinition(kind.substring(AREA.length()), text.text(), text.source()));
					}
				}
			}
		}
		return new BureauFacts(mission, generalAccount, generalRevenue, specialAccount, organization, facilities,
				reviewSummary, achieved, shortfalls, areas);
	}

	private static StatedAmount amount(Map<String, Object> fact) {
		Number value = (Number) fact.get("value");
		return new StatedAmount((value != null) ? Math.round(value.doubleValue()) : null,
				Props.string(fact, "valueText"), Props.string(fact, "text"), SourceRef.of(fact));
	}

}
