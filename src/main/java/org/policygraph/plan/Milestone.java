package org.policygraph.plan;

import java.time.YearMonth;
import java.util.Map;

import org.policygraph.source.Props;
import org.policygraph.source.SourceRef;

/**
 * A dated step a plan states in words (マイルストーン), such as the DX plan's セキュリティ担当ライン新設
 * (R4.4); the date is null where the document gives none.
 */
public record Milestone(String id, String name, String nameEn, String text, int ordinal, Integer fiscalYear,
		Integer fiscalYearTo, Integer month, String periodText, String event, SourceRef source) {

	static Milestone of(Map<String, Object> p) {
		// the period's month is kept as a year-month (2022-04); the API answers its month
		String month = Props.string(p, "month");
		return new Milestone(Props.string(p, "key"), Props.string(p, "name"), Props.string(p, "nameEn"),
				Props.string(p, "text"), Props.integer(p, "ordinal"), Props.integer(p, "fiscalYear"),
				Props.integer(p, "fiscalYearTo"), (month != null) ? YearMonth.parse(month).getMonthValue() : null,
				Props.string(p, "periodText"), Props.string(p, "event"), SourceRef.of(p));
	}

}
