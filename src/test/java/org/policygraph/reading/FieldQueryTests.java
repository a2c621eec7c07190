package org.policygraph.reading;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FieldQueryTests {

	private static final FieldQuery<List<Value>> PILLARS = FieldQuery.collect("Plan", "pillars", "Plan",
			"MATCH (n)-[:HAS_PILLAR]->(p:Pillar) WHERE n.name <> 'n' WITH p ORDER BY p.ordinal", "p",
			"p {.*, planId: n.key, m: n.n}", value -> value.asList(v -> v));

	@Test
	void overItsParentTheExpressionIsTheSubquery() {
		assertThat(PILLARS.expression()).isEqualTo("""
				COLLECT {
				MATCH (n)-[:HAS_PILLAR]->(p:Pillar) WHERE n.name <> 'n' WITH p ORDER BY p.ordinal
				RETURN p {.*, planId: n.key, m: n.n}
				}""");
	}

	@Test
	void overAnotherNodeOnlyTheParentsVariableIsRenamed() {
		assertThat(PILLARS.expression("planNode")).isEqualTo("""
				COLLECT {
				MATCH (planNode)-[:HAS_PILLAR]->(p:Pillar) WHERE planNode.name <> 'n' WITH p ORDER BY p.ordinal
				RETURN p {.*, planId: planNode.key, m: planNode.n}
				}""");
	}

	@Test
	void withFieldsBelowEachRowReturnsItsProjectionAndTheirValues() {
		assertThat(PILLARS.expression("k", "CASE WHEN p:Pillar THEN {} END")).isEqualTo("""
				COLLECT {
				MATCH (k)-[:HAS_PILLAR]->(p:Pillar) WHERE k.name <> 'n' WITH p ORDER BY p.ordinal
				RETURN {value: p {.*, planId: k.key, m: k.n}, lookAhead: CASE WHEN p:Pillar THEN {} END}
				}""");
	}

	@Test
	void aFieldWrittenAsOneExpressionDoesNotNest() {
		FieldQuery<Value> paths = new FieldQuery<>("Kpi", "paths", "Kpi", "COLLECT { MATCH (n)--(m) RETURN m }",
				value -> value);
		assertThat(paths.nests()).isFalse();
		assertThat(paths.expression("k")).isEqualTo("COLLECT { MATCH (k)--(m) RETURN m }");
	}

	@Test
	void renamedItsParametersAreNamedApartWithTheirValues() {
		Map<String, Object> none = new HashMap<>();
		none.put("first", null);
		FieldQuery<List<Value>> programs = FieldQuery
			.collect("Measure", "programs", "Measure",
					"MATCH (x:Program)--(n) WHERE x.first <> $firstly WITH x LIMIT coalesce($first, 10)", "x",
					"x {.*, first: $first}", value -> value.asList(v -> v))
			.with(Map.of("firstly", 1))
			.with(none);
		assertThat(programs.with(Map.of("first", 3)).parameters()).containsExactly(entry("firstly", 1),
				entry("first", 3));
		FieldQuery<List<Value>> renamed = programs.with(Map.of("first", 3)).renamed("l2_");
		assertThat(renamed.parameters()).containsExactly(entry("l2_firstly", 1), entry("l2_first", 3));
		assertThat(renamed.expression("m")).isEqualTo("""
				COLLECT {
				MATCH (x:Program)--(m) WHERE x.first <> $l2_firstly WITH x LIMIT coalesce($l2_first, 10)
				RETURN x {.*, first: $l2_first}
				}""");
		// the values are parameters, never text
		assertThat(renamed.expression()).doesNotContain("3");
		assertThat(programs.renamed("l1_").parameters()).containsEntry("l1_first", null);
	}

}
