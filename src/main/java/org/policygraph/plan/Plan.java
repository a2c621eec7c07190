package org.policygraph.plan;

import org.policygraph.source.SourceRef;

/** A plan (計画) as the API shows it. */
public record Plan(String id, String name, String nameEn, String kind, Integer fiscalYearFrom, Integer fiscalYearTo,
		SourceRef source) {
}
