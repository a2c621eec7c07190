package org.policygraph.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.policygraph.support.GraphFingerprint;

/**
 * What a hostile request must not change: the whole graph, and how many change records
 * there are.
 */
record HostileGraph(List<String> lines, long changes) {

	/**
	 * Every node, relationship and property (as {@link GraphFingerprint} lists them), and
	 * the change records.
	 */
	static HostileGraph of(Driver driver) {
		List<String> lines = GraphFingerprint.of(driver);
		try (var session = driver.session()) {
			long changes = session.run("MATCH (c:Change) RETURN count(c)").single().get(0).asLong();
			return new HostileGraph(lines, changes);
		}
	}

	/**
	 * The lines of this graph that the other has not: what a request added, or read the
	 * other way, removed.
	 */
	List<String> linesNotIn(HostileGraph other) {
		Set<String> theirs = new HashSet<>(other.lines);
		List<String> missing = new ArrayList<>();
		for (String line : this.lines) {
			if (!theirs.contains(line)) {
				missing.add(line);
			}
		}
		return missing;
	}

	static String property(Driver driver, String key, String property) {
		try (var session = driver.session()) {
			var records = session
				.run("MATCH (n {key: $key}) RETURN n[$property] AS value",
						Values.parameters("key", key, "property", property))
				.list();
			return records.isEmpty() ? null : records.getFirst().get("value").asString(null);
		}
	}

}
