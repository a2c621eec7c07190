package org.policygraph.model;

import java.math.BigDecimal;

/**
 * A figure as a document writes it ({@code 2,338千人}), normalised: {@code value} is in the unit's base unit
 * ({@code 2338000} persons).
 *
 * @param value the value in base units, negative for △ and ▲
 * @param unit the unit as written
 * @param baseUnit the base unit of {@code value}
 * @param text the original text
 */
public record Figure(BigDecimal value, String unit, String baseUnit, String text) {
}
