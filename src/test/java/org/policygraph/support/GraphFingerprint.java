package org.policygraph.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import org.neo4j.driver.Driver;

/**
 * Every node (its labels and all its properties) and every relationship (its ends' keys,
 * its type and all its properties) of the graph, one line each, sorted: two graphs are
 * the same when their fingerprints are equal. Change records are history, not data (each
 * has its own id and time), so they are left out.
 */
public final class GraphFingerprint {

	private GraphFingerprint() {
	}

	public static List<String> of(Driver driver) {
		List<String> lines = new ArrayList<>();
		try (var session = driver.session()) {
			session.run("MATCH (n) WHERE NOT n:Change RETURN labels(n) AS labels, properties(n) AS props")
				.forEachRemaining(r -> lines.add(r.get("labels").asList(v -> v.asString()).stream().sorted().toList()
						+ " " + new TreeMap<>(r.get("props").asMap())));
			session.run(
					"MATCH (a)-[r]->(b) WHERE NOT r:CHANGED RETURN a.key AS a, type(r) AS type, b.key AS b, properties(r) AS props")
				.forEachRemaining(r -> lines.add(r.get("a").asString() + " " + r.get("type").asString() + " "
						+ r.get("b").asString() + " " + new TreeMap<>(r.get("props").asMap())));
		}
		Collections.sort(lines);
		return lines;
	}

}
