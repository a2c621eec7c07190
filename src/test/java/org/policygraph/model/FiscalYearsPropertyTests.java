package org.policygraph.model;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Properties of the era and fiscal-year reader, over generated periods. The model the
 * expectations come from: Heisei 1 is 1989 and Reiwa 1 is 2019 (Heisei 31, the year the
 * era changed, is therefore Reiwa 1), an era year counts on from its era's first year,
 * and a fiscal year runs from April to March.
 */
class FiscalYearsPropertyTests {

	/** An era as the documents write it, with the Gregorian year of its first year. */
	record Era(String written, int firstYear) {
	}

	private static final Gen<Era> ERAS = Generate
		.pick(List.of(new Era("H", 1989), new Era("平成", 1989), new Era("Heisei", 1989), new Era("h", 1989),
				new Era("R", 2019), new Era("令和", 2019), new Era("REIWA", 2019), new Era("r", 2019)));

	private static final Gen<Integer> ERA_YEARS = integers().between(1, 99);

	private static final Gen<String> YEAR_SUFFIXES = Generate.pick(List.of("", "年度", "年"));

	private static final Gen<String> RANGE_SEPARATORS = Generate.pick(List.of("～", "~", "〜", "-", "－", " ～ "));

	/** The year as written: 1 may be 元. */
	private static String year(int year, boolean gannen) {
		return (year == 1 && gannen) ? "元" : String.valueOf(year);
	}

	@Test
	void anEraYearInAnyWritingIsTheFiscalYearCountedFromTheErasFirstYear() {
		qt().forAll(ERAS, ERA_YEARS, YEAR_SUFFIXES, Generate.booleans()).checkAssert((era, year, suffix, gannen) -> {
			String text = era.written() + year(year, gannen) + suffix;
			Period period = FiscalYears.parse(text);
			assertThat(period.kind()).isEqualTo(Period.Kind.FISCAL_YEAR);
			assertThat(period.fiscalYear()).as(text).isEqualTo(era.firstYear() + year - 1);
			assertThat(period.text()).isEqualTo(text);
		});
	}

	@Test
	void blanksAroundAPeriodDoNotChangeIt() {
		qt().forAll(ERAS, ERA_YEARS, Generate.pick(List.of(" ", "　", "\t", "  　"))).checkAssert((era, year, blank) -> {
			String text = era.written() + year;
			assertThat(FiscalYears.parse(blank + text + blank)).isEqualTo(FiscalYears.parse(text));
		});
	}

	@Test
	void heiseiThirtyOneAndLaterAreTheReiwaYearsThirtyLess() {
		qt().forAll(integers().between(31, 99)).checkAssert(heisei -> {
			int fiscalYear = FiscalYears.parse("H" + heisei).fiscalYear();
			assertThat(FiscalYears.parse("R" + (heisei - 30)).fiscalYear()).isEqualTo(fiscalYear);
			assertThat(FiscalYears.parse("平成" + heisei + "年度").fiscalYear()).isEqualTo(fiscalYear);
		});
		assertThat(List.of("H31", "R1", "R元", "令和元年度", "平成31年度"))
			.allSatisfy(text -> assertThat(FiscalYears.parse(text).fiscalYear()).as(text).isEqualTo(2019));
	}

	@Test
	void laterEraYearsAreLaterFiscalYears() {
		Gen<List<Integer>> earlierAndLater = integers().between(1, 98)
			.flatMap(a -> integers().between(a + 1, 99).map(b -> List.of(a, b)));
		qt().forAll(ERAS, earlierAndLater)
			.checkAssert((era, years) -> assertThat(FiscalYears.parse(era.written() + years.get(0)).fiscalYear())
				.isLessThan(FiscalYears.parse(era.written() + years.get(1)).fiscalYear()));
	}

	@Test
	void aRangeRunsFromItsFirstToItsLastFiscalYearAndIsRefusedBackwards() {
		qt().forAll(ERAS, ERA_YEARS, ERA_YEARS, RANGE_SEPARATORS).checkAssert((era, from, to, separator) -> {
			String text = era.written() + from + separator + to + "年度";
			if (to < from) {
				assertThatIllegalArgumentException().isThrownBy(() -> FiscalYears.parse(text))
					.withMessageContaining("ends before it starts");
				return;
			}
			Period period = FiscalYears.parse(text);
			assertThat(period.kind()).as(text).isEqualTo(Period.Kind.RANGE);
			assertThat(period.fiscalYear()).isEqualTo(era.firstYear() + from - 1);
			assertThat(period.fiscalYearTo()).isEqualTo(era.firstYear() + to - 1);
			assertThat(period.endFiscalYear()).isEqualTo(period.fiscalYearTo());
		});
	}

	@Test
	void aRangeAcrossTheEraChangeCountsEachEndInItsOwnEra() {
		qt().forAll(integers().between(20, 31), integers().between(1, 20)).checkAssert((heisei, reiwa) -> {
			Period period = FiscalYears.parse("H" + heisei + "～R" + reiwa);
			assertThat(period.fiscalYear()).isEqualTo(1988 + heisei);
			assertThat(period.fiscalYearTo()).isEqualTo(2018 + reiwa);
		});
	}

	@Test
	void aDeadlineIsTheFiscalYearItNames() {
		qt().forAll(ERAS, ERA_YEARS, Generate.pick(List.of("年度まで", "まで", "年まで"))).checkAssert((era, year, until) -> {
			Period period = FiscalYears.parse(era.written() + year + until);
			assertThat(period.kind()).isEqualTo(Period.Kind.BY);
			assertThat(period.fiscalYear()).isEqualTo(era.firstYear() + year - 1);
			assertThat(period.endFiscalYear()).isEqualTo(period.fiscalYear());
		});
	}

	@Test
	void aMonthBelongsToTheFiscalYearThatBeganThePreviousApril() {
		Gen<String> monthForms = Generate.pick(List.of("%s.%d", "%s.%d月", "%s.%d末", "%s.%d月末", "%s年.%d月末時点", "%s．%d月"));
		qt().forAll(ERAS, ERA_YEARS, integers().between(1, 12), monthForms).checkAssert((era, year, month, form) -> {
			String text = form.formatted(era.written() + year, month);
			Period period = FiscalYears.parse(text);
			int calendarYear = era.firstYear() + year - 1;
			assertThat(period.kind()).as(text).isEqualTo(Period.Kind.MONTH);
			assertThat(period.month()).isEqualTo(YearMonth.of(calendarYear, month));
			assertThat(period.fiscalYear()).isEqualTo((month >= 4) ? calendarYear : calendarYear - 1);
		});
	}

	@Test
	void aMonthOutsideOneToTwelveIsRefused() {
		qt().forAll(ERAS, ERA_YEARS, Generate.oneOf(Generate.constant(0), integers().between(13, 99)))
			.checkAssert((era, year, month) -> assertThatIllegalArgumentException()
				.isThrownBy(() -> FiscalYears.parse(era.written() + year + "." + month + "末"))
				.withMessageContaining("has no month " + month));
	}

	@Test
	void anyTextIsEitherAPeriodOrRefusedWithAReason() {
		// Near misses, built from the pieces periods are made of, find more edge cases
		// than random text.
		Gen<String> pieces = Generate.pick(List.of("R", "H", "令和", "平成", "S", "X", "元", "0", "1", "8", "12", "31", "99",
				"100", "年", "年度", "まで", "～", "~", "-", "－", ".", "．", "月", "末", "時点", " ", "　", "—", "ß", "İ", "\n"));
		Gen<String> nearMisses = lists().of(pieces).ofSizeBetween(0, 7).map(list -> String.join("", list));
		Gen<String> anyText = strings().allPossible().ofLengthBetween(0, 12);
		qt().withExamples(5000).forAll(Generate.oneOf(nearMisses, anyText)).checkAssert(text -> {
			try {
				Period period = FiscalYears.parse(text);
				assertThat(period.kind()).isNotNull();
				if (period.fiscalYearTo() != null) {
					assertThat(period.fiscalYearTo()).isGreaterThanOrEqualTo(period.fiscalYear());
				}
			}
			catch (IllegalArgumentException refused) {
				assertThat(refused.getMessage()).isNotBlank();
			}
		});
	}

}
