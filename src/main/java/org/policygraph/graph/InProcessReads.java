package org.policygraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.dbms.api.DatabaseNotFoundException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.internal.kernel.api.security.StaticAccessMode;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Reads through Neo4j's in-process transaction API, for a database in this JVM: no Bolt,
 * no driver, no network stack between the service and its own database. The rows are read
 * whole inside the transaction and handed out as the driver's records
 * ({@link InProcessValues}). The transactions are read-only, as the driver's read
 * sessions are.
 */
final class InProcessReads extends SharedReadTransaction<Transaction> {

	private static final Logger log = LoggerFactory.getLogger(InProcessReads.class);

	private final GraphDatabaseAPI database;

	/** Reads only: a statement that would write is refused by the database itself. */
	private final SecurityContext readOnly;

	private final long timeoutMillis;

	InProcessReads(GraphDatabaseAPI database, Duration transactionTimeout) {
		this.database = database;
		this.readOnly = SecurityContext.authDisabled(StaticAccessMode.READ, ClientConnectionInfo.EMBEDDED_CONNECTION,
				database.databaseName());
		this.timeoutMillis = transactionTimeout.toMillis();
	}

	@Override
	List<Record> alone(String statement, Map<String, Object> parameters) {
		Transaction transaction = begin();
		try {
			return within(transaction, statement, parameters);
		}
		finally {
			end(transaction);
		}
	}

	@Override
	Transaction begin() {
		try {
			return this.database.beginTransaction(KernelTransaction.Type.EXPLICIT, this.readOnly,
					ClientConnectionInfo.EMBEDDED_CONNECTION, this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	@Override
	List<Record> within(Transaction transaction, String statement, Map<String, Object> parameters) {
		try (Result result = transaction.execute(statement, InProcessValues.parameters(parameters))) {
			List<String> keys = result.columns();
			List<Record> rows = new ArrayList<>();
			while (result.hasNext()) {
				Map<String, Object> row = result.next();
				List<Value> values = new ArrayList<>(keys.size());
				for (String key : keys) {
					values.add(InProcessValues.value(row.get(key)));
				}
				rows.add(new InternalRecord(keys, values));
			}
			return rows;
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	/**
	 * A read transaction changed nothing: closing it without a commit ends it, and one a
	 * failed statement left unusable ends the same way.
	 */
	@Override
	void end(Transaction transaction) {
		try {
			transaction.close();
		}
		catch (RuntimeException ex) {
			log.debug("Ending a read transaction failed: {}", ex.toString());
		}
	}

	/**
	 * Neo4j's own exceptions as the ones the error mappers know: stopped at the timeout,
	 * the database away or too busy for now, or any other refusal of the statement.
	 */
	static RuntimeException translated(RuntimeException ex) {
		String code = statusCode(ex);
		if (code != null && code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
			return new QueryTimeoutException(ex.getMessage(), ex);
		}
		if ((code != null && code.startsWith("Neo.TransientError")) || causedBy(ex, TransientFailureException.class)
				|| causedBy(ex, DatabaseShutdownException.class) || causedBy(ex, DatabaseNotFoundException.class)) {
			return new TransientDataAccessResourceException(ex.getMessage(), ex);
		}
		if (code != null) {
			return new InvalidDataAccessResourceUsageException(code + ": " + ex.getMessage(), ex);
		}
		return ex;
	}

	private static String statusCode(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof Status.HasStatus status && status.status() != null) {
				return status.status().code().serialize();
			}
			if (t instanceof QueryExecutionException query && query.getStatusCode() != null) {
				return query.getStatusCode();
			}
		}
		return null;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
