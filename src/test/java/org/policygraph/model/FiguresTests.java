package org.policygraph.model;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FiguresTests {

	private final Figures figures = new Figures(
			Map.of("千人", unit("千人", "person", "1000"), "万人", unit("万人", "person", "10000"), "人",
					unit("人", "person", "1"), "億円", unit("億円", "yen", "100000000"), "千円", unit("千円", "yen", "1000"),
					"%", unit("%", "percent", "1"), "位", unit("位", "rank", "1"), "件", unit("件", "case", "1")));

	private static Unit unit(String token, String base, String multiplier) {
		return new Unit(token, base, new BigDecimal(multiplier), "count", token);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "2,338千人; 2338000; person", "646.8億円; 64680000000; yen", "13,039千円; 13039000; yen",
					"1,116,000千円; 1116000000; yen", "59.5%; 59.5; percent", "4位; 4; rank", "743 人; 743; person",
					"21 件; 21; case", "0.0%; 0; percent" })
	void appliesTheUnitsMultiplier(String text, String value, String baseUnit) {
		Figure figure = this.figures.parse(text);
		assertThat(figure.value()).isEqualByComparingTo(value);
		assertThat(figure.baseUnit()).isEqualTo(baseUnit);
		assertThat(figure.text()).isEqualTo(text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "△198人; -198", "▲50.0%; -50.0", "-3件; -3", "+3件; 3", "±0件; 0" })
	void triangleMarksANegativeNumber(String text, String value) {
		assertThat(this.figures.parse(text).value()).isEqualByComparingTo(value);
	}

	@Test
	void keepsTheUnitAsWritten() {
		Figure figure = this.figures.parse("2,338千人");
		assertThat(figure.unit()).isEqualTo("千人");
	}

	@Test
	void rejectsAnUnknownUnit() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.figures.parse("12ダース"))
			.withMessageContaining("unknown unit 'ダース'");
	}

	@Test
	void rejectsAMalformedNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.figures.parse("約三千人"))
			.withMessageContaining("is not a number");
		assertThatIllegalArgumentException().isThrownBy(() -> this.figures.parse("1,23,4人"))
			.withMessageContaining("malformed");
		assertThatIllegalArgumentException().isThrownBy(() -> this.figures.parse("13.0.39千円"))
			.withMessageContaining("malformed");
	}

}
