package org.policygraph.model;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A period as the documents state it, normalised to fiscal years (April to March).
 *
 * @param kind what the text says: a fiscal year, a range of fiscal years, a deadline
 * ("by" a fiscal year) or a month
 * @param fiscalYear the (first) fiscal year, e.g. 2026 for R8; null for an empty period
 * @param fiscalYearTo the last fiscal year of a range; null when open-ended or not a
 * range
 * @param month the month for {@link Kind#MONTH}, else null
 * @param text the original text
 */
public record Period(Kind kind, Integer fiscalYear, Integer fiscalYearTo, YearMonth month, String text) {

	public enum Kind {

		NONE, FISCAL_YEAR, RANGE, BY, MONTH

	}

	/** No period: what a blank cell states. */
	public static Period none() {
		return new Period(Kind.NONE, null, null, null, "");
	}

	/**
	 * The fiscal year that a period ends in (its deadline, its last year, or its only
	 * year).
	 */
	public Integer endFiscalYear() {
		return (this.fiscalYearTo != null) ? this.fiscalYearTo : this.fiscalYear;
	}

	/**
	 * The period as a node's properties: the text as written, its kind, the first and
	 * last fiscal year under the given names, and the month.
	 */
	public Map<String, Object> properties(String fromName, String toName) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("periodText", this.text.isEmpty() ? null : this.text);
		p.put("periodKind", this.kind.name());
		p.put(fromName, this.fiscalYear);
		p.put(toName, this.fiscalYearTo);
		p.put("month", (this.month != null) ? this.month.toString() : null);
		return p;
	}

}
