package org.policygraph.model;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Properties of the figure reader over generated figures in every unit of
 * {@code data/units.csv}: a number written with or without thousands separators, with
 * decimals, a sign and a unit reads as that number times the unit's multiplier; anything
 * else is refused with a reason.
 */
class FiguresPropertyTests {

	private static final Map<String, Unit> UNITS = units();

	private static final Figures FIGURES = new Figures(UNITS);

	private static final Gen<Unit> ANY_UNIT = Generate.pick(List.copyOf(UNITS.values()));

	/** A non-negative decimal with up to 12 integer digits and up to 3 decimals. */
	private static final Gen<BigDecimal> NUMBERS = longs().between(0, 999_999_999_999L)
		.zip(integers().between(0, 3), (unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale));

	private static final Gen<String> BLANKS = Generate.pick(List.of("", " ", "　"));

	@Test
	void aFigureReadsAsItsNumberTimesItsUnitsMultiplier() {
		qt().forAll(NUMBERS, ANY_UNIT, Generate.booleans(), BLANKS).checkAssert((number, unit, grouped, blank) -> {
			String text = (grouped ? grouped(number) : number.toPlainString()) + blank + unit.unit();
			Figure figure = FIGURES.parse(text);
			assertThat(figure.value()).as(text).isEqualByComparingTo(number.multiply(unit.multiplier()));
			assertThat(figure.unit()).isEqualTo(unit.unit());
			assertThat(figure.baseUnit()).isEqualTo(unit.baseUnit());
		});
	}

	@Test
	void thousandsSeparatorsDoNotChangeTheValue() {
		qt().forAll(NUMBERS, ANY_UNIT)
			.checkAssert((number, unit) -> assertThat(FIGURES.parse(grouped(number) + unit.unit()).value())
				.isEqualByComparingTo(FIGURES.parse(number.toPlainString() + unit.unit()).value()));
	}

	@Test
	void aTriangleOrMinusNegatesAndAPlusKeepsTheValue() {
		qt().forAll(NUMBERS, ANY_UNIT, Generate.pick(List.of("△", "▲", "-", "−", "－")),
				Generate.pick(List.of("+", "＋", "±")))
			.checkAssert((number, unit, minus, plus) -> {
				BigDecimal value = FIGURES.parse(number.toPlainString() + unit.unit()).value();
				assertThat(FIGURES.parse(minus + number.toPlainString() + unit.unit()).value())
					.isEqualByComparingTo(value.negate());
				assertThat(FIGURES.parse(plus + number.toPlainString() + unit.unit()).value())
					.isEqualByComparingTo(value);
			});
	}

	@Test
	void aLargerNumberInTheSameUnitIsALargerValue() {
		Gen<BigDecimal> increments = NUMBERS.map(n -> n.add(new BigDecimal("0.001")));
		qt().forAll(NUMBERS, increments, ANY_UNIT).checkAssert((a, increment, unit) -> {
			BigDecimal b = a.add(increment);
			assertThat(FIGURES.parse(grouped(a) + unit.unit()).value())
				.isLessThan(FIGURES.parse(grouped(b) + unit.unit()).value());
		});
	}

	@Test
	void theUnitsOfOneBaseUnitAgreeWithEachOther() {
		// 1 億円 is 100,000 千円, 1 万人 is 10 千人: any two units of one base unit convert
		// through the multipliers.
		List<List<Unit>> pairs = new ArrayList<>();
		for (Unit a : UNITS.values()) {
			for (Unit b : UNITS.values()) {
				if (a.baseUnit().equals(b.baseUnit())) {
					pairs.add(List.of(a, b));
				}
			}
		}
		qt().forAll(Generate.pick(pairs), NUMBERS).checkAssert((pair, number) -> {
			Unit a = pair.get(0);
			Unit b = pair.get(1);
			BigDecimal inB = number.multiply(a.multiplier()).divide(b.multiplier());
			assertThat(FIGURES.parse(number.toPlainString() + a.unit()).value())
				.isEqualByComparingTo(FIGURES.parse(inB.toPlainString() + b.unit()).value());
		});
	}

	@Test
	void anyTextIsEitherAFigureOrRefusedWithAReason() {
		List<String> units = new ArrayList<>(UNITS.keySet());
		units.addAll(List.of("ダース", "%%", ""));
		Gen<String> pieces = Generate.pick(List.of("0", "1", "12", "123", "1234", ",", ",000", ",00", ".", ".5", "..",
				"△", "▲", "-", "+", "±", " ", "　", "，", "．", "e3", "E-2", "\n"));
		Gen<String> nearMisses = lists().of(pieces)
			.ofSizeBetween(0, 6)
			.zip(Generate.pick(units), (list, unit) -> String.join("", list) + unit);
		Gen<String> anyText = strings().allPossible().ofLengthBetween(0, 12);
		qt().withExamples(5000).forAll(Generate.oneOf(nearMisses, anyText)).checkAssert(text -> {
			try {
				Figure figure = FIGURES.parse(text);
				assertThat(UNITS).containsKey(figure.unit());
				assertThat(figure.value()).isNotNull();
			}
			catch (IllegalArgumentException refused) {
				assertThat(refused.getMessage()).isNotBlank();
			}
		});
	}

	/**
	 * The number with a comma between every three integer digits: 1234567.5 →
	 * 1,234,567.5.
	 */
	private static String grouped(BigDecimal number) {
		String plain = number.toPlainString();
		int dot = plain.indexOf('.');
		String integer = (dot < 0) ? plain : plain.substring(0, dot);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < integer.length(); i++) {
			if (i > 0 && (integer.length() - i) % 3 == 0) {
				out.append(',');
			}
			out.append(integer.charAt(i));
		}
		return out + ((dot < 0) ? "" : plain.substring(dot));
	}

	private static Map<String, Unit> units() {
		Map<String, Unit> units = new LinkedHashMap<>();
		try (Reader in = Files.newBufferedReader(Path.of("data", "units.csv"), StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				units.put(r.get("unit"), new Unit(r.get("unit"), r.get("base_unit"),
						new BigDecimal(r.get("multiplier")), r.get("kind"), r.get("name_en")));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return units;
	}

}
