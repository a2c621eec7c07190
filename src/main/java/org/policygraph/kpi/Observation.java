package org.policygraph.kpi;

import java.util.Map;

import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;

/** A baseline, target or actual of an indicator. */
public record Observation(String kind, String targetType, Integer fiscalYear, Integer fiscalYearTo, String periodText,
		String periodKind, String month, Double value, String valueText, String unit, String qualitative, String text,
		boolean cumulative, SourceRef source, String recordedAt, String supersededAt) {

	public static Observation of(Map<String, Object> p) {
		return new Observation(Props.string(p, "kind"), Props.string(p, "targetType"), Props.integer(p, "fiscalYear"),
				Props.integer(p, "fiscalYearTo"), Props.string(p, "periodText"), Props.string(p, "periodKind"),
				Props.string(p, "month"), Props.decimal(p, "value"), Props.string(p, "valueText"),
				Props.string(p, "unit"), Props.string(p, "qualitative"), Props.string(p, "text"),
				Props.flag(p, "cumulative"), SourceRef.of(p), Props.instant(p, "recordedAt"),
				Props.instant(p, "supersededAt"));
	}

}
