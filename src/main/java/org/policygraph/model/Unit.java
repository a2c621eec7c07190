package org.policygraph.model;

import java.math.BigDecimal;

/**
 * A unit a figure may be written in, e.g. 千人 = 1000 × person.
 *
 * @param unit the token as the documents write it (千人, %, 位)
 * @param baseUnit the base unit values are stored in (person, yen, percent, rank …)
 * @param multiplier how many base units one unit is
 * @param kind what it counts (count, money, ratio, rank, duration …)
 * @param nameEn English name
 */
public record Unit(String unit, String baseUnit, BigDecimal multiplier, String kind, String nameEn) {
}
