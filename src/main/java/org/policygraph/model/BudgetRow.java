package org.policygraph.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's budget for a fiscal year as a row of budgets.csv states it, whether it
 * comes in through an import or through {@code setBudget}: the same rules, the same key,
 * the same properties.
 *
 * @param program the program's key
 * @param period the fiscal year
 * @param figure the amount
 * @param sourceId the source document
 * @param section the section of it
 */
public record BudgetRow(String program, Period period, Figure figure, String sourceId, String section) {

	/** The columns a budget's key is made of: one budget per program and fiscal year. */
	public static final List<String> KEY = List.of("program_key", "period");

	/**
	 * The rules a row's period and amount keep.
	 * @param figureText the amount as written, or null
	 * @param figure the amount read, or null when absent or unreadable
	 */
	public static List<RuleProblem> check(Period period, String figureText, Figure figure) {
		List<RuleProblem> problems = new ArrayList<>();
		if (figureText == null) {
			problems.add(new RuleProblem("figure", RuleProblem.Kind.REQUIRED,
					"a budget needs its amount, with its unit (e.g. 13,039千円)"));
		}
		if (period != null && period.kind() != Period.Kind.FISCAL_YEAR) {
			problems.add(new RuleProblem("period", RuleProblem.Kind.BAD_PERIOD,
					"a budget is for one fiscal year, not '" + period.text() + "'"));
		}
		if (figure != null && !"yen".equals(figure.baseUnit())) {
			problems.add(new RuleProblem("figure", RuleProblem.Kind.BAD_FIGURE,
					"a budget is an amount of money (e.g. 13,039千円), not '" + figure.text() + "'"));
		}
		else if (figure != null && figure.value().signum() < 0) {
			problems.add(new RuleProblem("figure", RuleProblem.Kind.BAD_FIGURE, "a budget cannot be negative"));
		}
		return problems;
	}

	public static String key(String program, int fiscalYear) {
		return program + "|" + fiscalYear;
	}

	public String key() {
		return key(this.program, this.period.fiscalYear());
	}

	public Map<String, Object> properties() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("fiscalYear", this.period.fiscalYear());
		p.put("periodText", this.period.text());
		p.put("amountYen", this.figure.value().longValueExact());
		p.put("text", this.figure.text());
		p.put("sourceId", this.sourceId);
		p.put("section", this.section);
		return p;
	}

}
