package org.policygraph.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that reads figures ({@code 2,338千人}, {@code ▲50.0%}, {@code 13,039千円})
 * into values in base units, given the known units.
 */
public final class Figures {

	private static final Pattern FIGURE = Pattern.compile(
			"(?<sign>[△▲\\-−－+＋±])?\\s*(?<number>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(?<unit>.*)");

	private final Map<String, Unit> units;

	public Figures(Map<String, Unit> units) {
		this.units = Map.copyOf(units);
	}

	/**
	 * Parses a figure.
	 * @throws IllegalArgumentException naming what is wrong: a malformed number or an
	 * unknown unit
	 */
	public Figure parse(String text) {
		String t = text.strip().replace('　', ' ');
		Matcher m = FIGURE.matcher(t);
		if (!m.matches()) {
			throw new IllegalArgumentException(
					"'" + t + "' is not a number with a unit (expected e.g. 2,338千人, 59.5%, ▲50.0%)");
		}
		String unitToken = m.group("unit").strip();
		if (unitToken.matches("^[\\d.,，．].*")) {
			throw new IllegalArgumentException("'" + t + "' is not a number with a unit: the number is malformed");
		}
		Unit unit = this.units.get(unitToken);
		if (unit == null) {
			throw new IllegalArgumentException("unknown unit '" + unitToken + "' in '" + t + "' (add it to units.csv)");
		}
		BigDecimal number = new BigDecimal(m.group("number").replace(",", ""));
		String sign = m.group("sign");
		if (sign != null && "△▲-−－".contains(sign)) {
			number = number.negate();
		}
		return new Figure(number.multiply(unit.multiplier()).stripTrailingZeros(), unitToken, unit.baseUnit(), t);
	}

}
