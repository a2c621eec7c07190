package org.policygraph.support;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * One in-process Neo4j (neo4j-harness, Bolt only) for the whole test JVM, started on
 * first use and stopped when the JVM exits. Test classes start from an empty graph:
 * {@link #reset()} removes all data but keeps the schema.
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

	/**
	 * The default database (the one the service's driver uses) in this JVM, for the
	 * service's in-process reads.
	 */
	public static GraphDatabaseAPI database() {
		return (GraphDatabaseAPI) NEO4J.defaultDatabaseService();
	}

	public static void reset() {
		PackagedDatasetExtension.forget();
		try (var tx = NEO4J.defaultDatabaseService().beginTx()) {
			tx.execute("MATCH (n) DETACH DELETE n");
			tx.commit();
		}
	}

	/**
	 * The id of the last transaction committed to the default database (the one the
	 * service and the tests' drivers use). It moves with every write that commits,
	 * through the service or straight on the database (also the creation of a new label,
	 * type or property name); a transaction rolled back or one that changed nothing
	 * leaves it as it was. While it stays the same, so does the graph.
	 */
	public static long lastCommittedTransactionId() {
		return ((GraphDatabaseAPI) NEO4J.defaultDatabaseService()).getDependencyResolver()
			.resolveDependency(TransactionIdStore.class)
			.getLastCommittedTransactionId();
	}

	/**
	 * Runs one statement in a transaction of its own, straight on the database, and
	 * returns its rows.
	 */
	static List<Map<String, Object>> execute(String statement) {
		try (var tx = NEO4J.defaultDatabaseService().beginTx()) {
			List<Map<String, Object>> rows;
			try (var result = tx.execute(statement)) {
				rows = result.stream().toList();
			}
			tx.commit();
			return rows;
		}
	}

}
