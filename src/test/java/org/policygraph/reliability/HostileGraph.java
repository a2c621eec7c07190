package org.policygraph.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.policygraph.support.GraphFingerprint;

/** What a hostile request must not change: the whole graph, and how many change records there are. */
final class HostileGraph {

	private HostileGraph() {
	}

	/** A digest of every node, relationship and property, and the number of change records. */
	static String fingerprint(Driver driver) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String line : GraphFingerprint.of(driver)) {
				digest.update(line.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			try (var session = driver.session()) {
				long changes = session.run("MATCH (c:Change) RETURN count(c)").single().get(0).asLong();
				return HexFormat.of().formatHex(digest.digest()) + " with " + changes + " change records";
			}
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String property(Driver driver, String key, String property) {
		try (var session = driver.session()) {
			var records = session.run("MATCH (n {key: $key}) RETURN n[$property] AS value",
					Values.parameters("key", key, "property", property)).list();
			return records.isEmpty() ? null : records.getFirst().get("value").asString(null);
		}
	}

}
