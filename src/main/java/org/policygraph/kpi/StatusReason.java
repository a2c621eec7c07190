package org.policygraph.kpi;

import java.util.HashMap;
import java.util.Map;

import org.policygraph.source.Props;

/**
 * Why an indicator has its status (判定理由): the facts {@link KpiStatusRule} decided on, as
 * a sentence in Japanese and in English and as figures. Kept on the indicator beside its
 * status ({@code k.statusReason}, {@code k.statusReasonEn}, {@code k.statusActual*},
 * {@code k.statusTarget*}, {@code k.statusStart*}, {@code k.statusExpected},
 * {@code k.statusTotal}).
 *
 * @param text the reason in Japanese
 * @param textEn the reason in English
 * @param direction the direction judged by (HIGHER_IS_BETTER unless LOWER_IS_BETTER)
 * @param actual the actual judged: the latest with a figure; null for NO_DATA
 * @param target the target it was judged against; null for NO_DATA and QUALITATIVE
 * @param start where the line to the target starts (a baseline, else the earliest
 * actual), when the rule drew one
 * @param expectedValue the value on that line at the actual's year, or for a cumulative
 * target the total due pro rata, in base units
 * @param runningTotal for a cumulative target, the total compared, in base units
 */
public record StatusReason(String text, String textEn, String direction, StatusFigure actual, StatusFigure target,
		StatusFigure start, Double expectedValue, Double runningTotal) {

	/** One baseline, target or actual the rule read, as the document gives it. */
	public record StatusFigure(String kind, Integer fiscalYear, Integer fiscalYearTo, String periodText, Double value,
			String valueText) {

		static StatusFigure of(Observation o) {
			return (o != null) ? new StatusFigure(o.kind(), o.fiscalYear(), o.fiscalYearTo(), o.periodText(), o.value(),
					o.valueText()) : null;
		}

		private void put(Map<String, Object> properties, String prefix) {
			properties.put(prefix + "Kind", this.kind);
			properties.put(prefix + "Year", this.fiscalYear);
			properties.put(prefix + "YearTo", this.fiscalYearTo);
			properties.put(prefix + "Period", this.periodText);
			properties.put(prefix + "Value", this.value);
			properties.put(prefix + "Text", this.valueText);
		}

		private static StatusFigure read(Map<String, Object> p, String prefix) {
			if (p.get(prefix + "Kind") == null) {
				return null;
			}
			return new StatusFigure(Props.string(p, prefix + "Kind"), Props.integer(p, prefix + "Year"),
					Props.integer(p, prefix + "YearTo"), Props.string(p, prefix + "Period"),
					Props.decimal(p, prefix + "Value"), Props.string(p, prefix + "Text"));
		}

	}

	private static final String[] FIGURES = { "statusActual", "statusTarget", "statusStart" };

	private static final String[] FIGURE_PARTS = { "Kind", "Year", "YearTo", "Period", "Value", "Text" };

	/**
	 * The indicator's properties that hold this reason, every one named (absent ones as
	 * null, so that writing them with {@code SET k += …} removes an earlier reason's).
	 */
	Map<String, Object> properties() {
		Map<String, Object> properties = new HashMap<>();
		for (String figure : FIGURES) {
			for (String part : FIGURE_PARTS) {
				properties.put(figure + part, null);
			}
		}
		properties.put("statusReason", this.text);
		properties.put("statusReasonEn", this.textEn);
		if (this.actual != null) {
			this.actual.put(properties, FIGURES[0]);
		}
		if (this.target != null) {
			this.target.put(properties, FIGURES[1]);
		}
		if (this.start != null) {
			this.start.put(properties, FIGURES[2]);
		}
		properties.put("statusExpected", this.expectedValue);
		properties.put("statusTotal", this.runningTotal);
		return properties;
	}

	/** The reason kept on an indicator's properties; null when none is kept. */
	static StatusReason of(Map<String, Object> p) {
		if (p.get("statusReason") == null) {
			return null;
		}
		return new StatusReason(Props.string(p, "statusReason"), Props.string(p, "statusReasonEn"),
				KpiStatusRule.directionOf(Props.string(p, "direction")), StatusFigure.read(p, FIGURES[0]),
				StatusFigure.read(p, FIGURES[1]), StatusFigure.read(p, FIGURES[2]), Props.decimal(p, "statusExpected"),
				Props.decimal(p, "statusTotal"));
	}

}
