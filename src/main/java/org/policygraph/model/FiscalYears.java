package org.policygraph.model;

import java.time.YearMonth;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that reads Japanese era dates ("R8", "H27～31", "R元", "R7.3末", "R10年度まで",
 * "R8.4月") into fiscal years. Eras and their first years come from {@link JapaneseEra}
 * and {@link JapaneseChronology}.
 */
public final class FiscalYears {

	private static final String NUMBER = "(\\d{1,2}|元)";

	private static final Pattern YEAR = Pattern.compile("(?<era>\\p{L}+?)" + NUMBER + "(?:年度|年)?");

	private static final Pattern RANGE = Pattern.compile(
			"(?<era>\\p{L}+?)" + NUMBER + "(?:年度|年)?\\s*[～~〜\\-－]\\s*(?:(?<era2>\\p{L}+?)?" + NUMBER + ")?(?:年度|年)?");

	private static final Pattern BY = Pattern.compile("(?<era>\\p{L}+?)" + NUMBER + "(?:年度|年)?まで");

	private static final Pattern MONTH = Pattern
		.compile("(?<era>\\p{L}+?)" + NUMBER + "(?:年)?[.．](?<month>\\d{1,2})(?:月)?(?:末|時点|末時点)?");

	private static final Map<String, JapaneseEra> ERAS = eras();

	private FiscalYears() {
	}

	/**
	 * Parses a period. Blank text, "—" and "－" mean no period.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static Period parse(String text) {
		String t = (text != null) ? text.strip().replace('　', ' ') : "";
		if (t.isEmpty() || t.equals("—") || t.equals("－") || t.equals("-")) {
			return Period.none();
		}
		Matcher m;
		if ((m = BY.matcher(t)).matches()) {
			return new Period(Period.Kind.BY, fiscalYear(m.group("era"), m.group(2)), null, null, t);
		}
		if ((m = MONTH.matcher(t)).matches()) {
			YearMonth month = YearMonth.of(isoYear(era(m.group("era")), m.group(2)), month(m.group("month"), t));
			return new Period(Period.Kind.MONTH, fiscalYearOf(month), null, month, t);
		}
		if ((m = RANGE.matcher(t)).matches()) {
			JapaneseEra first = era(m.group("era"));
			int from = isoYear(first, m.group(2));
			Integer to = null;
			if (m.group(4) != null) {
				JapaneseEra second = (m.group("era2") != null) ? era(m.group("era2")) : first;
				to = isoYear(second, m.group(4));
				if (to < from) {
					throw new IllegalArgumentException("range '" + t + "' ends before it starts");
				}
			}
			return new Period(Period.Kind.RANGE, from, to, null, t);
		}
		if ((m = YEAR.matcher(t)).matches()) {
			return new Period(Period.Kind.FISCAL_YEAR, fiscalYear(m.group("era"), m.group(2)), null, null, t);
		}
		throw new IllegalArgumentException("'" + t + "' is not a period (expected e.g. R8, H27～31, R10年度まで, R7.3末)");
	}

	/**
	 * How the documents write a fiscal year: its era's initial and year, by the era in
	 * force at the end of the calendar year it starts in, as Japanese usage names fiscal
	 * years (2019 is R1, 令和元年度; 2018 is H30).
	 */
	public static String label(int fiscalYear) {
		JapaneseDate endOfYear = JapaneseDate.of(fiscalYear, 12, 31);
		String initial = endOfYear.getEra().getDisplayName(TextStyle.NARROW, Locale.ENGLISH).toUpperCase(Locale.ROOT);
		return initial + endOfYear.get(ChronoField.YEAR_OF_ERA);
	}

	/** A single fiscal year, written as the documents write it ({@link #label}). */
	public static Period fiscalYear(int fiscalYear) {
		return new Period(Period.Kind.FISCAL_YEAR, fiscalYear, null, null, label(fiscalYear));
	}

	/**
	 * The fiscal year (April to March) a month falls in: March 2025 belongs to fiscal
	 * year 2024.
	 */
	public static int fiscalYearOf(YearMonth month) {
		return (month.getMonthValue() >= 4) ? month.getYear() : month.getYear() - 1;
	}

	private static int fiscalYear(String era, String year) {
		return isoYear(era(era), year);
	}

	/**
	 * The Gregorian year of an era year. Counted from the era's first year, so that a
	 * year a plan wrote before its era ended (H32 in a plan of 2016) still means the year
	 * it meant (2020).
	 */
	private static int isoYear(JapaneseEra era, String yearOfEra) {
		int year = yearOfEra.equals("元") ? 1 : Integer.parseInt(yearOfEra);
		if (year < 1) {
			throw new IllegalArgumentException("era year " + year + " does not exist");
		}
		return JapaneseChronology.INSTANCE.prolepticYear(era, 1) + year - 1;
	}

	private static int month(String month, String text) {
		int value = Integer.parseInt(month);
		if (value < 1 || value > 12) {
			throw new IllegalArgumentException("'" + text + "' has no month " + value);
		}
		return value;
	}

	private static JapaneseEra era(String name) {
		JapaneseEra era = ERAS.get(name.toUpperCase(Locale.ROOT));
		if (era == null) {
			throw new IllegalArgumentException(
					"unknown era '" + name + "' (known: " + String.join(", ", ERAS.keySet()) + ")");
		}
		return era;
	}

	/**
	 * Each era by its initial (H, R), its Japanese name (平成, 令和) and its English name
	 * (HEISEI).
	 */
	private static Map<String, JapaneseEra> eras() {
		Map<String, JapaneseEra> eras = new LinkedHashMap<>();
		for (JapaneseEra era : JapaneseEra.values()) {
			eras.put(era.getDisplayName(TextStyle.NARROW, Locale.ENGLISH).toUpperCase(Locale.ROOT), era);
			eras.put(era.getDisplayName(TextStyle.FULL, Locale.JAPANESE), era);
			eras.put(era.toString().toUpperCase(Locale.ROOT), era);
		}
		return eras;
	}

}
