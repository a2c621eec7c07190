package org.policygraph.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline, target or actual of an indicator as a row of observations.csv states it,
 * whether it comes in through an import or through {@code recordObservation}: the same
 * rules, the same key, the same properties.
 *
 * @param kpi the indicator's key
 * @param kind BASELINE, TARGET or ACTUAL
 * @param targetType ANNUAL, MID_TERM, CUMULATIVE or null
 * @param period the period it is for
 * @param figure the figure, or null for a qualitative one
 * @param qualitative what it says without a plain number, or null
 * @param text the document's words
 * @param sourceId the source document
 * @param section the section of it
 */
public record ObservationRow(String kpi, String kind, String targetType, Period period, Figure figure,
		String qualitative, String text, String sourceId, String section) {

	/** The columns an observation's key is made of. */
	public static final List<String> KEY = List.of("kpi_key", "kind", "target_type", "period", "source_id");

	/** The rules between the columns of a row whose cells are each valid. */
	public static List<RuleProblem> check(String kind, String targetType, boolean hasFigure, String qualitative) {
		List<RuleProblem> problems = new ArrayList<>();
		if (targetType != null && ObservationKind.BASELINE.name().equals(kind)) {
			problems.add(new RuleProblem("target_type", RuleProblem.Kind.BAD_VALUE, "a baseline has no target type"));
		}
		if (targetType != null && ObservationKind.ACTUAL.name().equals(kind)) {
			problems.add(new RuleProblem("target_type", RuleProblem.Kind.BAD_VALUE, "an actual has no target type"));
		}
		if (!hasFigure && qualitative == null) {
			problems.add(new RuleProblem("figure", RuleProblem.Kind.REQUIRED,
					"either a figure or a qualitative kind is required"));
		}
		return problems;
	}

	/** One observation per indicator, kind, target type, period as written and source. */
	public String key() {
		return String.join("|", this.kpi, this.kind, String.valueOf(this.targetType), this.period.text(),
				this.sourceId);
	}

	/**
	 * Whether the figure is a total over several years rather than one year's: a
	 * CUMULATIVE target, a text that says 累計 or 延べ, or an actual stated for a range of
	 * fiscal years (the DX dashboard's 「11名採用 (R4～6年度)」 is R4, R5 and R6 together,
	 * 「(R6年度採用 3名)」 the last year alone).
	 */
	private boolean cumulative(String cleanedText) {
		return TargetType.CUMULATIVE.name().equals(this.targetType) || cleanedText.contains("累計")
				|| cleanedText.contains("延べ")
				|| (ObservationKind.ACTUAL.name().equals(this.kind) && this.period.kind() == Period.Kind.RANGE);
	}

	public Map<String, Object> properties() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("kind", this.kind);
		p.put("targetType", this.targetType);
		p.putAll(this.period.properties("fiscalYear", "fiscalYearTo"));
		p.putAll(Figure.properties(this.figure));
		p.put("qualitative", this.qualitative);
		// Judged on the stored text, so that importing an export of this node judges it
		// the same ("累 計" is 累計).
		String cleaned = TextCleaner.clean(this.text);
		p.put("text", cleaned);
		p.put("cumulative", cumulative(cleaned));
		p.put("sourceId", this.sourceId);
		p.put("section", this.section);
		return p;
	}

}
