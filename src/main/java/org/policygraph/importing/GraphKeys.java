package org.policygraph.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.SimpleQueryRunner;
import org.policygraph.model.Catalogue;
import org.policygraph.model.FiscalYears;
import org.policygraph.model.Period;
import org.policygraph.model.SearchText;
import org.policygraph.model.Unit;

/**
 * What the graph already holds that the rows of an upload merged into it may refer to:
 * the keys of every node file with a key of its own, the units figures are written in,
 * the plans' periods (a policy issue's fiscal year is its plan's) and the aliases of the
 * nodes search finds (their search text is made with them). An upload of the whole
 * dataset refers to nothing outside itself, and uses {@link #NONE}.
 *
 * @param keys the keys in the graph, by node file ({@code kpis} …)
 * @param units the units, by their token
 * @param planPeriods each plan's period, read again from its text by the one rule
 * @param aliasNames the names of each node's aliases, by {@code label|key}
 */
record GraphKeys(Map<String, Set<String>> keys, Map<String, Unit> units, Map<String, Period> planPeriods,
		Map<String, List<String>> aliasNames) {

	static final GraphKeys NONE = new GraphKeys(Map.of(), Map.of(), Map.of(), Map.of());

	private static final String KEYS = "MATCH (n:$($label)) RETURN collect(n.key) AS keys";

	private static final String UNITS = """
			MATCH (u:Unit)
			RETURN u.key AS unit, u.baseUnit AS baseUnit, u.multiplier AS multiplier, u.kind AS kind,
			       u.nameEn AS nameEn""";

	private static final String PLANS = "MATCH (p:Plan) WHERE p.periodText IS NOT NULL RETURN p.key AS key, p.periodText AS period";

	private static final String ALIASES = """
			MATCH (n)-[:HAS_ALIAS]->(a:Alias)
			WITH [label IN labels(n) WHERE label IN $labels][0] AS label, n.key AS key, a
			WHERE label IS NOT NULL
			RETURN label + '|' + key AS node, collect(a.name) AS names""";

	/** Reads them in the importing transaction. */
	static GraphKeys read(SimpleQueryRunner tx) {
		Map<String, Set<String>> keys = new HashMap<>();
		for (Catalogue.TableType table : Catalogue.TABLES) {
			if (table.node() != null && table.node().key().size() == 1) {
				keys.put(table.name(),
						new HashSet<>(tx.run(KEYS, Map.of("label", table.node().label()))
							.single()
							.get("keys")
							.asList(value -> value.asString())));
			}
		}
		Map<String, Unit> units = new HashMap<>();
		tx.run(UNITS).forEachRemaining(row -> {
			String unit = row.get("unit").asString();
			units.put(unit,
					new Unit(unit, row.get("baseUnit").asString(null),
							row.get("multiplier").isNull() ? BigDecimal.ONE
									: BigDecimal.valueOf(row.get("multiplier").asDouble()),
							row.get("kind").asString(null), row.get("nameEn").asString(null)));
		});
		Map<String, Period> planPeriods = new HashMap<>();
		tx.run(PLANS).forEachRemaining(row -> {
			try {
				planPeriods.put(row.get("key").asString(), FiscalYears.parse(row.get("period").asString()));
			}
			catch (RuntimeException ex) {
				// a period the rule no longer reads states no fiscal year; a policy issue
				// of that plan is refused as with a plan uploaded without one
			}
		});
		Map<String, List<String>> aliasNames = new HashMap<>();
		tx.run(ALIASES, Map.of("labels", SearchText.LABELS))
			.forEachRemaining(row -> aliasNames.put(row.get("node").asString(),
					new ArrayList<>(row.get("names").asList(value -> value.asString()))));
		return new GraphKeys(keys, units, planPeriods, aliasNames);
	}

	Set<String> keysOf(String table) {
		return this.keys.getOrDefault(table, Set.of());
	}

	boolean isEmpty() {
		return this == NONE;
	}

}
