package org.policygraph.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A figure as a document writes it ({@code 2,338千人}), normalised: {@code value} is in the
 * unit's base unit ({@code 2338000} persons).
 *
 * @param value the value in base units, negative for △ and ▲
 * @param unit the unit as written
 * @param baseUnit the base unit of {@code value}
 * @param text the original text
 */
public record Figure(BigDecimal value, String unit, String baseUnit, String text) {

	/** A figure as a node's properties; all null when there is none. */
	public static Map<String, Object> properties(Figure figure) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("value", (figure != null) ? figure.value().doubleValue() : null);
		p.put("valueText", (figure != null) ? figure.text() : null);
		p.put("unit", (figure != null) ? figure.unit() : null);
		p.put("baseUnit", (figure != null) ? figure.baseUnit() : null);
		return p;
	}

}
