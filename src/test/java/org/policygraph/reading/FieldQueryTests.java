package org.policygraph.reading;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;

import static org.assertj.core.api.Assertions.assertThat;

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

}
