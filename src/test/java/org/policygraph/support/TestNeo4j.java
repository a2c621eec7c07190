package org.policygraph.support;

import java.net.URI;

import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (neo4j-harness, Bolt only) for the whole test JVM, started on first use and stopped when
 * the JVM exits. Test classes start from an empty graph: {@link #reset()} removes all data but keeps the schema.
 */
public final class TestNeo4j {

	private static final Neo4j NEO4J = start();

	private TestNeo4j() {
	}

	private static Neo4j start() {
		Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
		Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "test-neo4j-shutdown"));
		return neo4j;
	}

	public static URI boltUri() {
		return NEO4J.boltURI();
	}

	public static void reset() {
		try (var tx = NEO4J.defaultDatabaseService().beginTx()) {
			tx.execute("MATCH (n) DETACH DELETE n");
			tx.commit();
		}
	}

}
