package org.policygraph.model;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FiscalYearsTests {

	@ParameterizedTest
	@CsvSource({ "R8, 2026", "R8年度, 2026", "R1, 2019", "R元, 2019", "令和5, 2023", "令和元年度, 2019", "H26, 2014", "H31, 2019",
			"平成27年度, 2015", "H27年, 2015" })
	void readsAFiscalYearOfAnEra(String text, int fiscalYear) {
		Period period = FiscalYears.parse(text);
		assertThat(period.kind()).isEqualTo(Period.Kind.FISCAL_YEAR);
		assertThat(period.fiscalYear()).isEqualTo(fiscalYear);
		assertThat(period.fiscalYearTo()).isNull();
		assertThat(period.text()).isEqualTo(text);
	}

	@Test
	void aYearWrittenBeforeItsEraEndedMeansTheYearItCountsTo() {
		// The 総合戦略 (written in 2016) plans for H30～32; Heisei ended in 2019, so H32 is
		// 2020.
		Period period = FiscalYears.parse("H30～32年度");
		assertThat(period.fiscalYear()).isEqualTo(2018);
		assertThat(period.fiscalYearTo()).isEqualTo(2020);
	}

	@ParameterizedTest
	@CsvSource({ "H27～31, 2015, 2019", "H27～H31, 2015, 2019", "H27~31, 2015, 2019", "R4～6, 2022, 2024",
			"H29～R6, 2017, 2024" })
	void readsARangeOfFiscalYearsKeepingBothEnds(String text, int from, int to) {
		Period period = FiscalYears.parse(text);
		assertThat(period.kind()).isEqualTo(Period.Kind.RANGE);
		assertThat(period.fiscalYear()).isEqualTo(from);
		assertThat(period.fiscalYearTo()).isEqualTo(to);
	}

	@Test
	void anOpenRangeHasNoEnd() {
		Period period = FiscalYears.parse("R3～");
		assertThat(period.kind()).isEqualTo(Period.Kind.RANGE);
		assertThat(period.fiscalYear()).isEqualTo(2021);
		assertThat(period.fiscalYearTo()).isNull();
	}

	@Test
	void readsADeadline() {
		Period period = FiscalYears.parse("R10年度まで");
		assertThat(period.kind()).isEqualTo(Period.Kind.BY);
		assertThat(period.fiscalYear()).isEqualTo(2028);
	}

	@Test
	void theEndOfMarchBelongsToThePreviousFiscalYear() {
		Period period = FiscalYears.parse("R7.3末");
		assertThat(period.kind()).isEqualTo(Period.Kind.MONTH);
		assertThat(period.month()).isEqualTo(YearMonth.of(2025, 3));
		assertThat(period.fiscalYear()).isEqualTo(2024);
	}

	@Test
	void aPublicationMonthInAprilStartsTheFiscalYear() {
		// 000: 宿泊者数 R8目標値 "R8.4月公表予定"
		Period period = FiscalYears.parse("R8.4月");
		assertThat(period.month()).isEqualTo(YearMonth.of(2026, 4));
		assertThat(period.fiscalYear()).isEqualTo(2026);
	}

	@Test
	void progressAsOfDecember() {
		assertThat(FiscalYears.parse("R7.12").month()).isEqualTo(YearMonth.of(2025, 12));
		assertThat(FiscalYears.parse("R6.11末").fiscalYear()).isEqualTo(2024);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "—", "－" })
	void aDashOrNothingIsNoPeriod(String text) {
		assertThat(FiscalYears.parse(text).kind()).isEqualTo(Period.Kind.NONE);
	}

	@Test
	void rejectsAnUnknownEra() {
		assertThatIllegalArgumentException().isThrownBy(() -> FiscalYears.parse("X5"))
			.withMessageContaining("unknown era 'X'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026", "R", "R8年度末ごろ", "R7.13", "R6～R4" })
	void rejectsWhatIsNotAPeriod(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> FiscalYears.parse(text));
	}

	@Test
	void fiscalYearOfAMonth() {
		assertThat(FiscalYears.fiscalYearOf(YearMonth.of(2026, 4))).isEqualTo(2026);
		assertThat(FiscalYears.fiscalYearOf(YearMonth.of(2027, 3))).isEqualTo(2026);
	}

}
