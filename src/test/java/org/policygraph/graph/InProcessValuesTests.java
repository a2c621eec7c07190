package org.policygraph.graph;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.values.storable.DurationValue;

import static org.assertj.core.api.Assertions.assertThat;

/** In-process answers read as the driver would have given them. */
class InProcessValuesTests {

	@Test
	void listPropertiesComeAsArraysAndLeaveAsLists() {
		assertThat(InProcessValues.value(new String[] { "a", "b" }).asList(Value::asString)).containsExactly("a", "b");
		assertThat(InProcessValues.value(new long[] { 1, 2 }).asList(Value::asLong)).containsExactly(1L, 2L);
		assertThat(InProcessValues.value(new double[] { 0.5 }).asList(Value::asDouble)).containsExactly(0.5);
	}

	@Test
	void mapsKeepTheirNullsAndNestedLists() {
		Map<String, Object> projected = new HashMap<>();
		projected.put("key", "p-1");
		projected.put("retiredOn", null);
		projected.put("aliases", new String[] { "x" });
		projected.put("budgets", List.of(Map.of("fiscalYear", 2025L, "amountYen", 1_000L)));
		Value value = InProcessValues.value(projected);
		assertThat(value.get("key").asString()).isEqualTo("p-1");
		assertThat(value.get("retiredOn").isNull()).isTrue();
		assertThat(value.get("aliases").asList(Value::asString)).containsExactly("x");
		assertThat(value.get("budgets").get(0).get("fiscalYear").asLong()).isEqualTo(2025L);
		assertThat(InProcessValues.value(null).isNull()).isTrue();
	}

	@Test
	void temporalValuesStayWhatTheyAre() {
		ZonedDateTime at = ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9));
		assertThat(InProcessValues.value(at).asZonedDateTime()).isEqualTo(at);
		assertThat(InProcessValues.value(LocalDate.of(2026, 4, 1)).asLocalDate()).isEqualTo(LocalDate.of(2026, 4, 1));
		var duration = InProcessValues.value(DurationValue.duration(14, 3, 60, 5)).asIsoDuration();
		assertThat(Arrays.asList(duration.months(), duration.days(), duration.seconds(), (long) duration.nanoseconds()))
			.containsExactly(14L, 3L, 60L, 5L);
	}

	@Test
	void parametersGoAsPlainJavaValues() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("kind", Thread.State.NEW);
		parameters.put("ids", List.of(Values.value("a")));
		parameters.put("none", null);
		assertThat(InProcessValues.parameters(parameters)).containsEntry("kind", "NEW")
			.containsEntry("ids", List.of("a"))
			.containsEntry("none", null);
	}

}
