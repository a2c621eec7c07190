package org.policygraph.reading;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an {@code asOf} argument accepts, and that everything else is the client's
 * mistake, named as such.
 */
class AsOfTests {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Test
	void aDateIsItsFirstMomentInTheCitysTimeZone() {
		assertThat(AsOf.parse("2026-04-01", TOKYO))
			.isEqualTo(ZonedDateTime.of(2026, 3, 31, 15, 0, 0, 0, ZoneOffset.UTC));
	}

	@Test
	void anInstantKeepsItsMoment() {
		assertThat(AsOf.parse("2026-04-01T09:00:00+09:00", TOKYO))
			.isEqualTo(ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC));
	}

	@Test
	void theEndsOfTheRangeAreAccepted() {
		assertThat(AsOf.parse("1900-01-01T00:00:00Z", TOKYO)).isEqualTo(AsOf.EARLIEST);
		assertThat(AsOf.parse("9999-12-31T23:59:59Z", TOKYO)).isBefore(AsOf.LATEST);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// the stranger's probe: parses, but lies past the range of the time classes
			// once moved to UTC
			"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
			// parse and convert, but outside the accepted range
			"+10000-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00", "1899-12-31T23:59:59Z", "0000-01-01",
			// do not parse
			"+999999999-12-31", "2026-02-30", "2026-04-01T25:00:00Z", "yesterday", "", "2026-04-01T09:00:00" })
	void anythingElseIsABadArgumentNamingTheArgumentAndTheRange(String text) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> AsOf.parse(text, TOKYO)).satisfies(ex -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.BAD_ARGUMENT);
			assertThat(ex.field()).isEqualTo("asOf");
			assertThat(ex.getMessage()).startsWith("asOf must be")
				.contains("from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
		});
	}

}
