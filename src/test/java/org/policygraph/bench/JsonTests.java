package org.policygraph.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the benchmark compares answers from different servers. */
class JsonTests {

	@Test
	void aWholeNumberWrittenWithADecimalPointIsTheSameNumber() {
		assertThat(Json.firstDifference(Json.parse("{\"value\": 49.0}"), Json.parse("{\"value\": 49}"))).isNull();
	}

	@Test
	void fieldsMayComeInAnyOrder() {
		assertThat(Json.firstDifference(Json.parse("{\"id\": \"a\", \"name\": \"x\"}"),
				Json.parse("{\"name\": \"x\", \"id\": \"a\"}")))
			.isNull();
	}

	@Test
	void listsMustBeInTheSameOrder() {
		assertThat(Json.firstDifference(Json.parse("{\"kpis\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}"),
				Json.parse("{\"kpis\": [{\"id\": \"b\"}, {\"id\": \"a\"}]}")))
			.isEqualTo("$.kpis[0].id: \"a\" vs \"b\"");
	}

	@Test
	void aMissingFieldOrAnExtraElementIsADifference() {
		assertThat(Json.firstDifference(Json.parse("{\"id\": \"a\", \"status\": \"ON_TRACK\"}"),
				Json.parse("{\"id\": \"a\"}")))
			.startsWith("$: fields [id, status] vs");
		assertThat(Json.firstDifference(Json.parse("[1, 2]"), Json.parse("[1, 2, 3]"))).isEqualTo("$: 2 elements vs 3");
	}

}
