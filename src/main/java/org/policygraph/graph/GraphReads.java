package org.policygraph.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * The API's reads: one statement, its rows. In embedded mode they run through Neo4j's
 * in-process transaction API; against an external server, through the driver (and
 * {@code policygraph.database.reads=driver} keeps the driver in embedded mode too).
 * Either way a row is the driver's {@link Record} of {@code Value}s, so a repository
 * reads its answer the same way whichever runs it.
 * <p>
 * Reads on a thread running {@link #inOneTransaction} share one read transaction, begun
 * at the first statement (a request that reads nothing begins none) and ended when the
 * work is done; a read elsewhere runs in a transaction of its own. Both carry the
 * transaction timeout ({@code policygraph.limits.transaction-timeout}). A statement the
 * database stopped at that timeout fails with Spring's {@code QueryTimeoutException} or
 * the driver's timeout; one that found the database away, with an exception
 * {@link DatabaseUnavailable} recognizes.
 */
public interface GraphReads {

	/** The rows of one read statement, values only as {@code $parameters}. */
	List<Record> rows(String statement, Map<String, Object> parameters);

	default List<Record> rows(String statement) {
		return rows(statement, Map.of());
	}

	/** Each row read by {@code row}. */
	default <T> List<T> list(String statement, Map<String, Object> parameters, Function<Record, T> row) {
		return rows(statement, parameters).stream().map(row).toList();
	}

	/** The first row read by {@code row}, if there is one. */
	default <T> Optional<T> first(String statement, Map<String, Object> parameters, Function<Record, T> row) {
		List<Record> rows = rows(statement, parameters);
		return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(row.apply(rows.getFirst()));
	}

	/**
	 * Runs {@code work} with every read on this thread in one read transaction, begun
	 * only if a statement runs. The transaction ends (without failing the answer: a
	 * statement that failed has already become an error) when {@code work} returns or
	 * throws. Inside another such call, {@code work} simply joins the outer one.
	 */
	<T> T inOneTransaction(Supplier<T> work);

	/**
	 * Reads through a driver of one's own, outside the application context (a tool that
	 * runs the importer, say), on the server's default database.
	 */
	static GraphReads through(Driver driver) {
		return new DriverReads(Neo4jClient.create(driver), new Neo4jTransactionManager(driver));
	}

}
